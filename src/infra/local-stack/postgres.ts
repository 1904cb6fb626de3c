import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { ManagedProcess } from './managed-process';
import { waitForPort } from './ports';

export interface LocalPostgres {
  adminUrl: string;
  process: ManagedProcess;
  dataDir: string;
}

const SUPERUSER = 'govflow';

/**
 * A PostgreSQL cluster from Debian's packages, created on first use in `dir`.
 * PostgreSQL refuses to run as root, so under root it runs as the `postgres` system user.
 */
export async function startLocalPostgres(dir: string, port: number): Promise<LocalPostgres> {
  const bin = postgresBinDir();
  const owner = runAsUser();
  const clusterDir = owner ? reachableBy(owner, dir) : dir;
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (owner) chownSync(clusterDir, owner.uid, owner.gid);
  const spawnAs = owner ? { uid: owner.uid, gid: owner.gid } : {};
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    execFileSync(
      join(bin, 'initdb'),
      ['-D', clusterDir, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'],
      { ...spawnAs, stdio: 'pipe', cwd: '/' },
    );
  }
  const args = [
    '-D',
    clusterDir,
    '-p',
    String(port),
    '-h',
    '127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'fsync=on',
    '-c',
    'max_connections=300',
    '-c',
    'shared_buffers=256MB',
  ];
  const proc = ManagedProcess.start('postgres', join(bin, 'postgres'), args, `${dir}.log`, { ...spawnAs, cwd: '/' });
  await waitForPort(port, 'postgres', 30_000);
  await waitUntilAccepting(bin, port);
  proc.assertRunning(`${dir}.log`);
  return { adminUrl: `postgresql://${SUPERUSER}@127.0.0.1:${port}/postgres`, process: proc, dataDir: clusterDir };
}

function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => join(root, v, 'bin')).find((d) => existsSync(join(d, 'postgres')));
  if (!found) throw new Error('PostgreSQL 服务器未安装：请先运行 npm run setup（需要 Debian 的 postgresql 包）');
  return found;
}

function runAsUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** A project folder under a root-only directory (e.g. a mktemp clone) is not reachable by `postgres`: use /var/tmp then. */
function reachableBy(owner: { uid: number }, dir: string): string {
  mkdirSync(dirname(dir), { recursive: true });
  const probe = execFileSync(
    'sh',
    [
      '-c',
      `cd / && setpriv --reuid=${owner.uid} --clear-groups test -x "$(dirname "$1")" && echo yes || echo no`,
      'sh',
      dir,
    ],
    { encoding: 'utf8' },
  ).trim();
  if (probe === 'yes') return dir;
  return join('/var/tmp', `govflow-pg-${createHash('sha1').update(dir).digest('hex').slice(0, 12)}`);
}

async function waitUntilAccepting(bin: string, port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      execFileSync(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', SUPERUSER], {
        stdio: 'ignore',
      });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`postgres on port ${port} is not accepting connections`);
}
