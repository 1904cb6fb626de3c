import { Global, Module } from '@nestjs/common';
import { NotificationRepository } from './notification.repository';
import { NotificationService } from './notification.service';

@Global()
@Module({ providers: [NotificationRepository, NotificationService], exports: [NotificationService] })
export class NotificationModule {}
