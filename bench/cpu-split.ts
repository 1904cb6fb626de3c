import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds (user + system) used so far by the stack's processes, grouped: the numbers behind "where the time went". */
export function cpuSeconds(workerPids: number[]): Record<string, number> {
  const out: Record<string, number> = { temporal: 0, postgres: 0, redis: 0, worker: 0, benchAndApi: 0 };
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime + stime; for PostgreSQL also cutime + cstime: a backend that exits hands its CPU to the postmaster's
    const ticks = Number(fields[11]) + Number(fields[12]);
    const reaped = comm === 'postgres' ? Number(fields[13]) + Number(fields[14]) : 0;
    const seconds = (ticks + reaped) / TICKS_PER_SECOND;
    const group = workerPids.includes(pid)
      ? 'worker'
      : pid === process.pid
        ? 'benchAndApi'
        : comm === 'temporal'
          ? 'temporal'
          : comm === 'postgres'
            ? 'postgres'
            : comm.startsWith('redis')
              ? 'redis'
              : undefined;
    if (group) out[group] += seconds;
  }
  return out;
}

/** CPU seconds each group used between two snapshots, rounded to a tenth. */
export function cpuUsedSince(before: Record<string, number>, now: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(now).map(([k, v]) => [k, Math.round((v - (before[k] ?? 0)) * 10) / 10]));
}
