import type { Role, Urgency } from '../../generated/prisma/enums';
import type { TemplateKey } from './template-catalog';

/** A person, or a position resolved through the org tree when the message is sent ("the 网格长 of grid G"). */
export type Recipient = { personId: string } | { role: Role; unitId: string } | { phone: string };

export interface NotifyOptions {
  /** Stable key of this send (e.g. workflowId + step); with the recipient it makes the message exactly-once. */
  dedupKey: string;
  urgency?: Urgency;
  deliverAt?: Date;
  ackRequired?: boolean;
  ackWindowMinutes?: number;
  escalateTo?: Recipient[];
}

export interface NotifyRequest {
  recipients: Recipient[];
  template: TemplateKey;
  data: Record<string, string | number>;
  options: NotifyOptions;
}

export interface ResolvedRecipient {
  personId: string | null;
  phone: string;
  name: string;
}
