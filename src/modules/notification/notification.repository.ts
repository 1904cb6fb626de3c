import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../generated/prisma/client';
import type { DeliveryStatus, Role } from '../../generated/prisma/enums';
import { PrismaService } from '../../infra/prisma/prisma.service';

@Injectable()
export class NotificationRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Inserts a recipient set's rows in one statement, once per dedup key; returns only the rows this call created. */
  insertManyOnce(data: Prisma.InboxMessageCreateManyInput[]) {
    return this.prisma.inboxMessage.createManyAndReturn({ data, skipDuplicates: true });
  }

  /** Creates each (message, channel) delivery row once, in one statement; returns only the rows this call created. */
  createDeliveries(data: { messageId: string; channel: string; status: DeliveryStatus }[]) {
    return this.prisma.delivery.createManyAndReturn({ data, skipDuplicates: true });
  }

  messagesByDedupKeys(dedupKeys: string[]) {
    return this.prisma.inboxMessage.findMany({ where: { dedupKey: { in: dedupKeys } } });
  }

  settings(personIds: string[]) {
    return this.prisma.notificationSetting.findMany({ where: { personId: { in: personIds } } });
  }

  peopleByIds(ids: string[]) {
    return this.prisma.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, phone: true } });
  }

  peopleByPhones(phones: string[]) {
    return this.prisma.person.findMany({
      where: { phone: { in: phones } },
      select: { id: true, name: true, phone: true },
    });
  }

  /** Everyone holding any of the positions on `day`, in one statement. */
  holdersOfAny(positions: { role: Role; unitId: string }[], day: Date) {
    return this.prisma.person.findMany({
      where: {
        positions: {
          some: {
            OR: positions.map(({ role, unitId }) => ({ role, unitId })),
            startsOn: { lte: day },
            AND: [{ OR: [{ endsOn: null }, { endsOn: { gte: day } }] }],
          },
        },
      },
      select: { id: true, name: true, phone: true },
    });
  }

  delivery(id: string) {
    return this.prisma.delivery.findUnique({ where: { id }, include: { message: true } });
  }

  markDelivery(id: string, status: DeliveryStatus, error?: string) {
    return this.prisma.delivery.update({
      where: { id },
      data: {
        status,
        attempts: { increment: 1 },
        lastError: error ?? null,
        ...(status === 'SENT' ? { sentAt: new Date() } : {}),
      },
    });
  }

  deadLetters(take: number) {
    return this.prisma.delivery.findMany({
      where: { status: 'DEAD' },
      orderBy: { createdAt: 'desc' },
      take,
      include: { message: { select: { title: true, recipientId: true, phone: true } } },
    });
  }

  reviveDelivery(id: string) {
    return this.prisma.delivery.updateMany({
      where: { id, status: 'DEAD' },
      data: { status: 'QUEUED', lastError: null },
    });
  }

  message(id: string) {
    return this.prisma.inboxMessage.findUnique({ where: { id } });
  }

  /** Claims the escalation of an unacknowledged message; false when it was acknowledged or already escalated. */
  async claimEscalation(id: string): Promise<boolean> {
    const { count } = await this.prisma.inboxMessage.updateMany({
      where: { id, acknowledgedAt: null, escalatedAt: null },
      data: { escalatedAt: new Date() },
    });
    return count === 1;
  }

  person(id: string) {
    return this.prisma.person.findUnique({ where: { id }, select: { id: true, name: true, phone: true } });
  }

  setting(personId: string) {
    return this.prisma.notificationSetting.findUnique({ where: { personId } });
  }

  saveSetting(personId: string, data: { quietStart: string; quietEnd: string; disabledChannels: string[] }) {
    return this.prisma.notificationSetting.upsert({ where: { personId }, create: { personId, ...data }, update: data });
  }

  latestTemplate(key: string) {
    return this.prisma.notificationTemplate.findFirst({ where: { key }, orderBy: { version: 'desc' } });
  }

  templates() {
    return this.prisma.notificationTemplate.findMany({ orderBy: [{ key: 'asc' }, { version: 'desc' }] });
  }

  insertTemplate(data: { key: string; version: number; title: string; body: string; variables: string[] }) {
    return this.prisma.notificationTemplate.createMany({ data: [data], skipDuplicates: true });
  }

  inbox(recipientId: string, page: { skip: number; take: number }, unreadOnly: boolean) {
    const where: Prisma.InboxMessageWhereInput = {
      recipientId,
      OR: [{ deliverAt: null }, { deliverAt: { lte: new Date() } }],
      ...(unreadOnly ? { readAt: null } : {}),
    };
    return this.prisma.$transaction([
      this.prisma.inboxMessage.findMany({ where, orderBy: { createdAt: 'desc' }, skip: page.skip, take: page.take }),
      this.prisma.inboxMessage.count({ where }),
    ]);
  }

  unreadCount(recipientId: string) {
    return this.prisma.inboxMessage.count({
      where: { recipientId, readAt: null, OR: [{ deliverAt: null }, { deliverAt: { lte: new Date() } }] },
    });
  }

  async markRead(id: string, recipientId: string, acknowledge: boolean): Promise<boolean> {
    const now = new Date();
    const { count } = await this.prisma.inboxMessage.updateMany({
      where: { id, recipientId },
      data: acknowledge ? { readAt: now, acknowledgedAt: now } : { readAt: now },
    });
    return count === 1;
  }

  /** People with open items for a digest: unacknowledged action items, or unread messages of the period. */
  openItemsSince(since: Date) {
    return this.prisma.inboxMessage.findMany({
      where: {
        recipientId: { not: null },
        template: { not: 'notify.digest' },
        OR: [
          { ackRequired: true, acknowledgedAt: null },
          { readAt: null, createdAt: { gte: since } },
        ],
      },
      select: { recipientId: true, title: true, createdAt: true },
      orderBy: { createdAt: 'asc' },
    });
  }
}
