import { Injectable } from '@nestjs/common';
import { NotificationRepository } from './notification.repository';
import type { Recipient, ResolvedRecipient } from './notification.types';

export const recipientKey = (r: Recipient): string =>
  'personId' in r ? `person:${r.personId}` : 'phone' in r ? `phone:${r.phone}` : `role:${r.role}@${r.unitId}`;

export function parseRecipientKey(key: string): Recipient {
  const [kind, rest] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  if (kind === 'person') return { personId: rest };
  if (kind === 'phone') return { phone: rest };
  const [role, unitId] = rest.split('@');
  return { role: role as never, unitId };
}

/** Turns people and positions into people at send time, so "the 网格长 of grid G" reaches whoever holds it today. */
@Injectable()
export class RecipientResolver {
  constructor(private readonly repository: NotificationRepository) {}

  async resolve(recipients: Recipient[]): Promise<ResolvedRecipient[]> {
    const today = new Date(new Date().toISOString().slice(0, 10));
    const found = await Promise.all(
      recipients.map(async (r): Promise<ResolvedRecipient[]> => {
        if ('personId' in r) {
          const p = await this.repository.person(r.personId);
          return p ? [{ personId: p.id, phone: p.phone, name: p.name }] : [];
        }
        if ('phone' in r) {
          const p = await this.repository.personByPhone(r.phone);
          return [{ personId: p?.id ?? null, phone: r.phone, name: p?.name ?? r.phone }];
        }
        return (await this.repository.holdersOf(r.role, r.unitId, today)).map((p) => ({
          personId: p.id,
          phone: p.phone,
          name: p.name,
        }));
      }),
    );
    const unique = new Map(found.flat().map((r) => [r.personId ?? `phone:${r.phone}`, r]));
    return [...unique.values()];
  }
}
