import { existsSync, mkdirSync } from 'node:fs';
import { devServerSearchAttributeArgs } from '../../shared/search-attributes';
import { ManagedProcess } from './managed-process';
import { temporalCliPath } from './paths';
import { waitForPort } from './ports';

export interface LocalTemporal {
  address: string;
  uiUrl: string;
  process: ManagedProcess;
}

/** `temporal server start-dev` with its SQLite file in `dir`, so workflows survive a restart. */
export async function startLocalTemporal(dir: string, port: number, uiPort: number): Promise<LocalTemporal> {
  if (!existsSync(temporalCliPath)) {
    throw new Error(`Temporal CLI 不存在：${temporalCliPath}。请先运行 npm run setup`);
  }
  mkdirSync(dir, { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--ui-port',
    String(uiPort),
    '--db-filename',
    `${dir}/temporal.db`,
    '--log-level',
    'warn',
    '--namespace',
    'default',
    // WAL with synchronous=NORMAL: commits survive a crash of the server process; only an OS crash may lose the last ones
    '--sqlite-pragma',
    'journal_mode=wal',
    '--sqlite-pragma',
    'synchronous=normal',
    // operators look processes up by business keys in the Web UI and CLI; registering again on restart is a no-op
    ...devServerSearchAttributeArgs(),
  ];
  const proc = ManagedProcess.start('temporal', temporalCliPath, args, `${dir}/temporal.log`);
  await waitForPort(port, 'temporal server', 60_000);
  proc.assertRunning(`${dir}/temporal.log`);
  return { address: `127.0.0.1:${port}`, uiUrl: `http://127.0.0.1:${uiPort}`, process: proc };
}
