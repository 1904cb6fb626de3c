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

  /** At most one statement per kind of recipient (people, phones, positions), run side by side. */
  async resolve(recipients: Recipient[]): Promise<ResolvedRecipient[]> {
    const today = new Date(new Date().toISOString().slice(0, 10));
    const ids = recipients.flatMap((r) => ('personId' in r ? [r.personId] : []));
    const phones = recipients.flatMap((r) => ('phone' in r ? [r.phone] : []));
    const positions = recipients.flatMap((r) => ('role' in r ? [r] : []));
    const [byId, byPhone, holders] = await Promise.all([
      ids.length ? this.repository.peopleByIds([...new Set(ids)]) : [],
      phones.length ? this.repository.peopleByPhones([...new Set(phones)]) : [],
      positions.length ? this.repository.holdersOfAny(positions, today) : [],
    ]);
    const people = new Map([...byId, ...byPhone, ...holders].map((p) => [p.id, p]));
    const phoneOwner = new Map(byPhone.map((p) => [p.phone, p]));
    // the order recipients were given in: people, then phones, then positions' holders
    const found: ResolvedRecipient[][] = recipients.map((r) => {
      if ('personId' in r) {
        const p = people.get(r.personId);
        return p ? [{ personId: p.id, phone: p.phone, name: p.name }] : [];
      }
      if ('phone' in r) {
        const p = phoneOwner.get(r.phone);
        return [{ personId: p?.id ?? null, phone: r.phone, name: p?.name ?? r.phone }];
      }
      return [];
    });
    found.push(holders.map((p) => ({ personId: p.id, phone: p.phone, name: p.name })));
    const unique = new Map(found.flat().map((r) => [r.personId ?? `phone:${r.phone}`, r]));
    return [...unique.values()];
  }
}
