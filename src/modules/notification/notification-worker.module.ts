import { Module } from '@nestjs/common';
import { DigestScheduler } from './digest.scheduler';

/** Worker-only parts of notifications: the API must boot (and report on /health) even while Redis is down. */
@Module({ providers: [DigestScheduler] })
export class NotificationWorkerModule {}
