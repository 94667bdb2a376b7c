// Bundles every action into one ncc bundle (dist/bundle/), which the thin committed entries
// dist/<name>/index.js import: the SDK is in dist/ once. --check rebuilds into a temp dir and fails on any
// difference.
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  existsSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
const actions = readdirSync(join(root, 'actions'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const outRoot = check ? mkdtempSync(join(tmpdir(), 'dist-check-')) : join(root, 'dist');
const folders = ['bundle', ...actions];

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

for (const name of folders) rmSync(join(outRoot, name), { recursive: true, force: true });
execFileSync(
  process.execPath,
  [
    join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
    'build',
    join(root, 'actions/bundle.ts'),
    '-o',
    join(outRoot, 'bundle'),
    '--minify',
    '--target',
    'es2022',
    '--quiet',
  ],
  { stdio: 'inherit', cwd: root },
);
// Each entry is its TypeScript source with the bundle's file name: it only imports the bundle and runs.
for (const name of actions) {
  const source = readFileSync(join(root, 'actions', name, 'main.ts'), 'utf8');
  const entry = source.replace("from '../bundle'", "from '../bundle/index.js'");
  if (entry === source) throw new Error(`actions/${name}/main.ts must import '../bundle'`);
  mkdirSync(join(outRoot, name), { recursive: true });
  writeFileSync(join(outRoot, name, 'index.js'), entry);
  writeFileSync(join(outRoot, name, 'package.json'), '{\n  "type": "module"\n}\n');
}

if (check) {
  const stale = [];
  const committed = readdirSync(join(root, 'dist')).filter(
    (n) => !folders.includes(n) && n !== 'package.json',
  );
  for (const name of [...folders, ...committed]) {
    const built = join(outRoot, name);
    const kept = join(root, 'dist', name);
    for (const f of new Set([...files(built), ...files(kept)])) {
      const x = existsSync(join(built, f)) ? readFileSync(join(built, f)) : null;
      const y = existsSync(join(kept, f)) ? readFileSync(join(kept, f)) : null;
      if (!x || !y || !x.equals(y)) stale.push(`dist/${name}/${f}`);
    }
  }
  rmSync(outRoot, { recursive: true, force: true });
  if (stale.length) {
    console.error(`dist/ is stale; run "npm run build" and commit dist/. Differs: ${stale.join(', ')}`);
    process.exit(1);
  }
  console.log(`dist/ matches the sources (one bundle, ${actions.length} entries)`);
}
