import type { Provider } from '@nestjs/common';
import { APP_CONFIG } from '../../../config/config.module';
import type { AppConfig } from '../../../config/env.schema';
import { Channel, CHANNELS } from './channel';
import { RobotChannel } from './robot.channel';
import { SmsChannel } from './sms.channel';
import { WebhookChannel } from './webhook.channel';

/** The channels configured by URL; the in-app inbox needs no entry here because every message lands there. */
export const channelsProvider: Provider = {
  provide: CHANNELS,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): Channel[] => [
    ...(config.NOTIFY_WEBHOOK_URL
      ? [new WebhookChannel(config.NOTIFY_WEBHOOK_URL, config.NOTIFY_WEBHOOK_SECRET, config.NOTIFY_TIMEOUT_MS)]
      : []),
    ...(config.NOTIFY_SMS_URL ? [new SmsChannel(config.NOTIFY_SMS_URL, config.NOTIFY_TIMEOUT_MS)] : []),
    ...(config.NOTIFY_ROBOT_URL ? [new RobotChannel(config.NOTIFY_ROBOT_URL, config.NOTIFY_TIMEOUT_MS)] : []),
  ],
};
