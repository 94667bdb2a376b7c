// Bundles each action entry with ncc into dist/<name>/; --check rebuilds into a temp dir and fails on any difference.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
const actions = readdirSync(join(root, 'actions'));
const outRoot = check ? mkdtempSync(join(tmpdir(), 'dist-check-')) : join(root, 'dist');

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

for (const name of actions) {
  const out = join(outRoot, name);
  rmSync(out, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
      'build',
      join(root, 'actions', name, 'main.ts'),
      '-o',
      out,
      '--minify',
      '--target',
      'es2022',
      '--quiet',
    ],
    { stdio: 'inherit', cwd: root },
  );
}

if (check) {
  const stale = [];
  for (const name of actions) {
    const built = join(outRoot, name);
    const committed = join(root, 'dist', name);
    const a = files(built);
    const b = files(committed);
    for (const f of new Set([...a, ...b])) {
      const x = existsSync(join(built, f)) ? readFileSync(join(built, f)) : null;
      const y = existsSync(join(committed, f)) ? readFileSync(join(committed, f)) : null;
      if (!x || !y || !x.equals(y)) stale.push(`dist/${name}/${f}`);
    }
  }
  rmSync(outRoot, { recursive: true, force: true });
  if (stale.length) {
    console.error(`dist/ is stale; run "npm run build" and commit dist/. Differs: ${stale.join(', ')}`);
    process.exit(1);
  }
  console.log(`dist/ matches the sources (${actions.length} bundles)`);
}
