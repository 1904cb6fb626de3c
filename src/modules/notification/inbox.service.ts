import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { pageOf, PageQuery, toSkipTake } from '../../common/http/pagination';
import { AuditService } from '../audit/audit.service';
import { InboxEventsService } from './inbox-events.service';
import type { SettingsDto } from './inbox.dto';
import { NotificationRepository } from './notification.repository';

/** A person's own inbox: list, unread count, read, acknowledge, habits. */
@Injectable()
export class InboxService {
  constructor(
    private readonly repository: NotificationRepository,
    private readonly events: InboxEventsService,
    private readonly audit: AuditService,
  ) {}

  async list(personId: string, q: PageQuery & { unread?: 'true' | 'false' }) {
    const [items, total] = await this.repository.inbox(personId, toSkipTake(q), q.unread === 'true');
    return pageOf(items, total, q);
  }

  async unreadCount(personId: string) {
    return { unread: await this.repository.unreadCount(personId) };
  }

  async mark(personId: string, messageId: string, acknowledge: boolean) {
    if (!/^[0-9a-f-]{36}$/i.test(messageId) || !(await this.repository.markRead(messageId, personId, acknowledge))) {
      throw new DomainError('NOT_FOUND', '消息不存在');
    }
    await this.events.publish(personId, { type: 'read', messageId });
    await this.audit.record({
      action: acknowledge ? 'inbox.acknowledge' : 'inbox.read',
      entityType: 'inbox_message',
      entityId: messageId,
    });
    return this.repository.message(messageId);
  }

  async settings(personId: string) {
    return (
      (await this.repository.setting(personId)) ?? {
        personId,
        quietStart: '22:00',
        quietEnd: '07:00',
        disabledChannels: [],
      }
    );
  }

  async saveSettings(personId: string, dto: SettingsDto) {
    const before = await this.repository.setting(personId);
    const after = await this.repository.saveSetting(personId, dto);
    await this.audit.record({
      action: 'inbox.settings.save',
      entityType: 'notification_setting',
      entityId: personId,
      before,
      after,
    });
    return after;
  }
}
