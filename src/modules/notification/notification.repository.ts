import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../infra/prisma/prisma.service';
import type { InboxMessageInput } from './notification.service';

@Injectable()
export class NotificationRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Inserts once per dedup key; a retried send finds the row and writes nothing. */
  async insertOnce(message: InboxMessageInput): Promise<boolean> {
    const { count } = await this.prisma.inboxMessage.createMany({ data: [message], skipDuplicates: true });
    return count === 1;
  }

  listFor(recipient: { recipientId?: string; phone?: string }, take = 50) {
    return this.prisma.inboxMessage.findMany({ where: recipient, orderBy: { createdAt: 'desc' }, take });
  }
}
