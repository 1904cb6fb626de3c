import type { SeedRandom } from './seed-random';

const PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
];

/** Unique 11-digit mainland mobile numbers (13x/15x/18x) from a seeded stream. */
export function createPhoneSource(random: SeedRandom): () => string {
  const issued = new Set<string>();
  return () => {
    for (;;) {
      const phone = random.pick(PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, '0');
      if (!issued.has(phone)) {
        issued.add(phone);
        return phone;
      }
    }
  };
}
