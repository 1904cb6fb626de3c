import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import { NotificationRepository } from './notification.repository';
import { isTemplateKey, templateCatalog, TemplateKey } from './template-catalog';
import { undeclaredVariables } from './template-text';

export interface ActiveTemplate {
  key: TemplateKey;
  version: number;
  title: string;
  body: string;
}

/** The catalogue's wording is version 0 of each template; supervisors' re-wordings are versions 1, 2 … */
@Injectable()
export class TemplateService {
  constructor(
    private readonly repository: NotificationRepository,
    private readonly audit: AuditService,
  ) {}

  async active(key: TemplateKey): Promise<ActiveTemplate> {
    const row = await this.repository.latestTemplate(key);
    const fallback = templateCatalog[key];
    return row
      ? { key, version: row.version, title: row.title, body: row.body }
      : { key, version: 0, title: fallback.title, body: fallback.body };
  }

  list() {
    return this.repository.templates();
  }

  /** Every template the producers send: its declared variables and the wording in force (version 0 = the catalogue's). */
  async catalog() {
    const keys = Object.keys(templateCatalog) as TemplateKey[];
    const active = await Promise.all(keys.map((key) => this.active(key)));
    return active.map((t) => ({ ...t, variables: [...templateCatalog[t.key].variables] }));
  }

  async saveVersion(key: string, title: string, body: string) {
    if (!isTemplateKey(key)) throw new DomainError('NOT_FOUND', `没有名为 ${key} 的通知模板`);
    const declared = templateCatalog[key].variables;
    const unknown = undeclaredVariables([title, body], declared);
    if (unknown.length) {
      throw new DomainError(
        'TEMPLATE_VARIABLE_UNKNOWN',
        `模板使用了未提供的变量：${unknown.join('、')}（可用：${declared.join('、')}）`,
        { unknown, declared },
      );
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const version = ((await this.repository.latestTemplate(key))?.version ?? 0) + 1;
      const { count } = await this.repository.insertTemplate({ key, version, title, body, variables: [...declared] });
      if (count === 1) {
        await this.audit.record({
          action: 'notification.template.save',
          entityType: 'notification_template',
          entityId: `${key}@${version}`,
          after: { title, body },
        });
        return { key, version, title, body, variables: declared };
      }
    }
    throw new DomainError('CONFLICT', '模板正被同时修改，请重试');
  }
}
