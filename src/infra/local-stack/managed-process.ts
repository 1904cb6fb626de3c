import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const live = new Set<ChildProcess>();
// Last resort when the parent exits without stopping its servers (an uncaught error): never leave them behind.
process.once('exit', () => {
  for (const child of live) child.kill('SIGTERM');
});

/**
 * A server child process whose output goes to a log file and which is stopped with SIGTERM, then SIGKILL.
 * It runs in its own process group, so a Ctrl-C reaches the app processes first and the servers are stopped after them.
 */
export class ManagedProcess {
  private exited = false;
  private readonly exitPromise: Promise<number | null>;

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    this.exitPromise = new Promise((resolveExit) => {
      child.once('exit', (code) => {
        this.exited = true;
        live.delete(child);
        resolveExit(code);
      });
    });
  }

  static start(
    name: string,
    command: string,
    args: string[],
    logFile: string,
    options: SpawnOptions = {},
  ): ManagedProcess {
    mkdirSync(dirname(logFile), { recursive: true });
    const log = createWriteStream(logFile, { flags: 'a' });
    const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    live.add(child);
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    child.once('error', (err) => log.write(`spawn error: ${err.message}\n`));
    return new ManagedProcess(name, child);
  }

  get running(): boolean {
    return !this.exited;
  }

  /** Fails when the process died during start-up, e.g. because another server already holds its port or data folder. */
  assertRunning(logFile: string): void {
    if (this.exited)
      throw new Error(`${this.name} exited during start-up (port or data folder in use?); see ${logFile}`);
  }

  async stop(graceMs = 10_000): Promise<void> {
    if (this.exited) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exitPromise;
    clearTimeout(timer);
  }
}
