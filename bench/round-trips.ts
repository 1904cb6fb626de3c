import { AsyncLocalStorage } from 'node:async_hooks';
import { Client as PgClient, Pool } from 'pg';

/** Database round trips (pg statements, BEGIN/COMMIT included) counted per named span of work in this process. */
export interface RoundTripTally {
  calls: number;
  statements: number;
  units: number;
}

const current = new AsyncLocalStorage<RoundTripTally>();
const tallies = new Map<string, RoundTripTally>();
let patched = false;

type Counted = PgClient & { [spanOf]?: RoundTripTally };
const spanOf = Symbol('round-trip span');

/**
 * Counts each statement into the span that checked its connection out. A query waiting for a free pooled
 * connection resumes in the context of whichever query released one, so the connection carries its span.
 */
function installPgCounter(): void {
  if (patched) return;
  patched = true;
  const connect = Pool.prototype.connect as (...args: unknown[]) => unknown;
  Pool.prototype.connect = function spanned(this: Pool, ...args: unknown[]) {
    const tally = current.getStore();
    const own = (client: Counted | undefined) => {
      if (client) client[spanOf] = tally;
    };
    const [callback] = args;
    if (typeof callback === 'function')
      return connect.call(this, (err: unknown, client: Counted | undefined, done: unknown) => {
        own(client);
        (callback as (...a: unknown[]) => void)(err, client, done);
      });
    return (connect.call(this) as Promise<Counted>).then((client) => {
      own(client);
      return client;
    });
  } as typeof Pool.prototype.connect;
  const query = PgClient.prototype.query as (...args: unknown[]) => unknown;
  PgClient.prototype.query = function counted(this: Counted, ...args: unknown[]) {
    const tally = this[spanOf] ?? current.getStore();
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
    out[`${name}RoundTripsPerCall`] = t.calls ? Math.round((t.statements / t.calls) * 100) / 100 : null;
    out[`${name}RoundTripsPerUnit`] = t.units ? Math.round((t.statements / t.units) * 100) / 100 : null;
  }
  return out;
}
