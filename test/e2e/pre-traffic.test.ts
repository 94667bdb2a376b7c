// deploy-green's pre-traffic tests (test-command) on Lambda through the bundles: a passing command sees the
// new version, a failing or timed-out one fails the step before any traffic reaches the new version.
import { describe, it, expect } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FN, ok, useBed } from './bed';

const bed = useBed();
const node = process.execPath;

describe('deploy-green test-command (Lambda) through the bundles', () => {
  it('runs a passing command with GREEN_VERSION and GREEN_QUALIFIED_ARN, before the alias is created', async () => {
    const first = await bed.run('deploy-green', node, {
      'zip-file': bed.zip(),
      // The alias does not exist yet while the tests run: no traffic reaches the new version.
      'test-command': [
        'echo "green=$GREEN_VERSION blue=$BLUE_VERSION arn=$GREEN_QUALIFIED_ARN" > first-seen.txt',
        'test -z "$GREEN_TEST_URL"',
      ].join('\n'),
    });
    ok(first);
    expect(first.outputs).toMatchObject({ 'test-result': 'passed', 'alias-created': 'true' });
    expect(readFileSync(join(bed.workspace, 'first-seen.txt'), 'utf8')).toBe(
      `green=1 blue= arn=${first.outputs['function-arn']}\n`,
    );

    const r = await bed.run('deploy-green', node, {
      'zip-file': bed.zip(),
      'test-command': 'echo "$GREEN_VERSION $BLUE_VERSION $GREEN_QUALIFIED_ARN $GREEN_TEST_URL" > seen.txt',
      'test-url': 'https://orders.example.com/health',
    });
    ok(r);
    expect(r.outputs).toMatchObject({ 'green-version': '2', 'blue-version': '1', 'test-result': 'passed' });
    expect(r.outputs['function-arn']).toMatch(new RegExp(`:function:${FN}:2$`));
    expect(readFileSync(join(bed.workspace, 'seen.txt'), 'utf8')).toBe(
      `2 1 ${r.outputs['function-arn']} https://orders.example.com/health\n`,
    );
    // Its output is in the log, line by line.
    expect(r.stdout).toMatch(/Running test-command against the new version 2/);
    expect(r.stdout).toMatch(/test-command passed in /);
    expect(await bed.alias()).toBe('1');
  });

  it('skips without test-command', async () => {
    const r = await bed.run('deploy-green', node, { 'zip-file': bed.zip() });
    ok(r);
    expect(r.outputs['test-result']).toBe('skipped');
  });

  it('fails the step on exit 3 with the exit code and the last lines; the alias is unchanged', async () => {
    ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
    const r = await bed.run('deploy-green', node, {
      'zip-file': bed.zip(),
      'test-command': 'for i in $(seq 1 30); do echo "check $i"; done\necho "contract broken" >&2\nexit 3',
    });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ 'test-result': 'failed', 'green-version': '2', 'blue-version': '1' });
    expect(r.errors).toHaveLength(1);
    const message = r.errors[0]!;
    expect(message).toMatch(/exit code 3/);
    expect(message).toMatch(/the new version 2 exists with no traffic, and nothing was shifted/);
    expect(message).toMatch(/Last 20 lines/);
    expect(message).toMatch(/check 30\n/);
    expect(message).toMatch(/check 12\n/);
    expect(message).not.toMatch(/check 11\n/);
    expect(message).toMatch(/contract broken$/);
    // Streamed as it ran.
    expect(r.stdout).toMatch(/^check 1$/m);
    expect(await bed.alias()).toBe('1');
  });

  it('kills a command that runs past test-timeout, with what it started', async () => {
    ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
    const marker = join(bed.workspace, 'still-running.txt');
    const started = Date.now();
    const r = await bed.run('deploy-green', node, {
      'zip-file': bed.zip(),
      'test-timeout': '2s',
      'test-command': `echo waiting\n(sleep 4; touch still-running.txt) &\nsleep 60`,
    });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(r.code).toBe(1);
    expect(r.outputs['test-result']).toBe('failed');
    expect(r.errors[0]).toMatch(/test-command timed out after 2s and was killed/);
    expect(r.errors[0]).toMatch(/waiting/);
    expect(r.warnings.join('\n')).toMatch(/killing its process group/);
    expect(await bed.alias()).toBe('1');
    // The background child went with the group.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(existsSync(marker)).toBe(false);
  });
});
