import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findProjectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package.json not found above ${from}`);
    dir = parent;
  }
  return dir;
}

export const projectRoot = findProjectRoot(__dirname);
export const temporalCliPath = join(projectRoot, '.local', 'bin', 'temporal');
export const temporalTestServerPath = join(projectRoot, 'scripts', 'temporal-test-server.sh');

export function dataDir(...parts: string[]): string {
  return join(process.env.GOVFLOW_DATA_DIR ?? join(projectRoot, '.data'), ...parts);
}
