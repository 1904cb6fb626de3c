import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RoundTripTally } from './round-trips';

export interface WorkerProcesses {
  pids: number[];
  /** Resident set size of each worker process, MiB (from /proc, so the worker alone, not the bench). */
  rssMb: () => number[];
  roundTrips: () => Record<string, RoundTripTally>;
  /** The workers' own view of their memory (MiB, summed): V8 heap used and total, and memory outside the heap. */
  heapMb: () => Record<string, number>;
  stop: () => Promise<void>;
}

const root = join(__dirname, '..');

/**
 * `count` real worker processes, as `npm start` runs them with GOVFLOW_WORKERS, on the bench's stack: the compiled
 * worker (dist/src/worker.js, built here with the round-trip counter beside it), so its RSS is not ts-node's.
 */
export async function startWorkerProcesses(count: number, env: Record<string, string>): Promise<WorkerProcesses> {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'bench/tsconfig.worker.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  const nodeOptions = (process.env.BENCH_WORKER_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
  const files = Array.from({ length: count }, (_, i) => join(tmpdir(), `govflow-bench-${process.pid}-${i}.json`));
  const children: ChildProcess[] = files.map((file) =>
    // BENCH_WORKER_NODE_OPTIONS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the workers
    spawn(process.execPath, [...nodeOptions, '-r', './dist/bench/worker-preload.js', 'dist/src/worker.js'], {
      cwd: root,
      env: { ...process.env, ...env, LOG_LEVEL: 'info', BENCH_ROUND_TRIPS_FILE: file },
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  // a bench that fails half-way (runBench exits) takes its workers with it
  process.once('exit', () => children.forEach((child) => child.exitCode === null && child.kill('SIGKILL')));
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((ready, failed) => {
          let seen = '';
          child.stdout?.on('data', (chunk: Buffer) => {
            if (seen === 'ready') return;
            seen = (seen + chunk.toString()).slice(-4_000);
            if (seen.includes('worker 已启动')) {
              seen = 'ready';
              ready();
            }
          });
          child.once('exit', (code) => failed(new Error(`bench worker exited with ${code}`)));
        }),
    ),
  );
  const rss = (pid: number) => {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:'));
    return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
  };
  return {
    pids: children.map((c) => c.pid as number),
    rssMb: () => children.map((c) => rss(c.pid as number)),
    roundTrips: () => {
      const sum: Record<string, RoundTripTally> = {};
      for (const file of files.filter(existsSync)) {
        for (const [name, t] of Object.entries(
          JSON.parse(readFileSync(file, 'utf8')) as Record<string, RoundTripTally>,
        )) {
          const s = (sum[name] ??= { calls: 0, statements: 0, units: 0 });
          s.calls += t.calls;
          s.statements += t.statements;
          s.units += t.units;
        }
      }
      return sum;
    },
    heapMb: () => {
      const sum: Record<string, number> = {};
      for (const file of files.map((f) => `${f}.memory`).filter(existsSync)) {
        for (const [name, bytes] of Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>))
          sum[name] = Math.round(((sum[name] ?? 0) + bytes / 2 ** 20) * 10) / 10;
      }
      return sum;
    },
    stop: async () => {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
              child.once('exit', () => {
                clearTimeout(timer);
                done();
              });
              child.kill('SIGTERM');
            }),
        ),
      );
      for (const file of files) for (const f of [file, `${file}.memory`]) rmSync(f, { force: true });
    },
  };
}
