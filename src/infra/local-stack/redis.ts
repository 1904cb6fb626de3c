import { mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { ManagedProcess } from './managed-process';
import { waitForPort } from './ports';

export interface LocalRedis {
  url: string;
  process: ManagedProcess;
}

/** Starts Debian's redis-server with append-only persistence in `dir`, so queued jobs survive a restart. */
export async function startLocalRedis(dir: string, port: number): Promise<LocalRedis> {
  mkdirSync(dir, { recursive: true });
  const bin = findRedisServer();
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--appendonly',
    'yes',
    '--appendfsync',
    'everysec',
    '--save',
    '',
    '--daemonize',
    'no',
    '--protected-mode',
    'yes',
  ];
  const proc = ManagedProcess.start('redis', bin, args, `${dir}/redis.log`);
  await waitForPort(port, 'redis-server', 20_000);
  await new Promise((r) => setTimeout(r, 100));
  proc.assertRunning(`${dir}/redis.log`);
  return { url: `redis://127.0.0.1:${port}`, process: proc };
}

function findRedisServer(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('redis-server 未安装：请先运行 npm run setup（需要 Debian 的 redis-server 包）');
  }
}
