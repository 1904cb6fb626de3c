import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** A server child process whose output goes to a log file and which is stopped with SIGTERM, then SIGKILL. */
export class ManagedProcess {
  private exited = false;
  private readonly exitPromise: Promise<number | null>;

  private constructor(readonly name: string, readonly child: ChildProcess) {
    this.exitPromise = new Promise((resolveExit) => {
      child.once('exit', (code) => { this.exited = true; resolveExit(code); });
    });
  }

  static start(name: string, command: string, args: string[], logFile: string, options: SpawnOptions = {}): ManagedProcess {
    mkdirSync(dirname(logFile), { recursive: true });
    const log = createWriteStream(logFile, { flags: 'a' });
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    child.once('error', (err) => log.write(`spawn error: ${err.message}\n`));
    return new ManagedProcess(name, child);
  }

  get running(): boolean {
    return !this.exited;
  }

  async stop(graceMs = 10_000): Promise<void> {
    if (this.exited) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exitPromise;
    clearTimeout(timer);
  }
}
