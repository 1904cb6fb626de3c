import { Global, Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AckCheckProcessor } from './ack-check.processor';
import { channelsProvider } from './channels/channels.provider';
import { DeadLetterService } from './dead-letter.service';
import { DeliverProcessor } from './deliver.processor';
import { DigestProcessor } from './digest.processor';
import { InboxEventsService } from './inbox-events.service';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { NotificationAdminController } from './notification-admin.controller';
import { NotificationRepository } from './notification.repository';
import { NotificationService } from './notification.service';
import { RecipientResolver } from './recipient.resolver';
import { TemplateService } from './template.service';

@Global()
@Module({
  imports: [AuditModule],
  controllers: [InboxController, NotificationAdminController],
  providers: [
    NotificationRepository,
    NotificationService,
    RecipientResolver,
    TemplateService,
    InboxEventsService,
    InboxService,
    DeadLetterService,
    DeliverProcessor,
    AckCheckProcessor,
    DigestProcessor,
    channelsProvider,
  ],
  exports: [NotificationService],
})
export class NotificationModule {}
