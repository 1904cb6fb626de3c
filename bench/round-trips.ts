import { AsyncLocalStorage } from 'node:async_hooks';
import { Client as PgClient } from 'pg';

/** Database round trips (pg statements, BEGIN/COMMIT included) counted per named span of work in this process. */
export interface RoundTripTally {
  calls: number;
  statements: number;
  units: number;
}

const current = new AsyncLocalStorage<RoundTripTally>();
const tallies = new Map<string, RoundTripTally>();
let patched = false;

function installPgCounter(): void {
  if (patched) return;
  patched = true;
  const query = PgClient.prototype.query as (...args: unknown[]) => unknown;
  PgClient.prototype.query = function counted(this: PgClient, ...args: unknown[]) {
    const tally = current.getStore();
    if (tally) tally.statements += 1;
    return query.apply(this, args);
  } as typeof PgClient.prototype.query;
}

/**
 * Wraps `proto[method]` so each call runs in its own span named `name` (nested spans count into the inner one);
 * `units` says how many units of work a call did (e.g. recipients), for a per-unit figure.
 */
export function countRoundTrips<T extends object>(
  name: string,
  proto: T,
  method: keyof T & string,
  units: (result: unknown, args: unknown[]) => number = () => 1,
): void {
  installPgCounter();
  const tally = tallies.get(name) ?? { calls: 0, statements: 0, units: 0 };
  tallies.set(name, tally);
  const original = proto[method] as (...args: unknown[]) => Promise<unknown>;
  (proto as Record<string, unknown>)[method] = async function spanned(this: unknown, ...args: unknown[]) {
    const own: RoundTripTally = { calls: 1, statements: 0, units: 0 };
    const result = await current.run(own, () => original.apply(this, args));
    tally.calls += 1;
    tally.statements += own.statements;
    tally.units += units(result, args);
    return result;
  };
}

export function roundTripTallies(): Record<string, RoundTripTally> {
  return Object.fromEntries(tallies);
}

/** Per-call and per-unit round trips, from this process's tallies or the ones given (e.g. summed over workers). */
export function roundTripFigures(
  from: Record<string, RoundTripTally> = roundTripTallies(),
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [name, t] of Object.entries(from)) {
    out[`${name}Calls`] = t.calls;
    out[`${name}RoundTripsPerCall`] = t.calls ? Math.round((t.statements / t.calls) * 10) / 10 : null;
    out[`${name}RoundTripsPerUnit`] = t.units ? Math.round((t.statements / t.units) * 10) / 10 : null;
  }
  return out;
}
