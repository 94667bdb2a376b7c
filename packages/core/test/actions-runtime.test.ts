import { describe, it, expect } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFileCommands, parseWorkflowCommands } from '@deploy-actions/testbed/runner';
import { actionsRuntime, inputVariable } from '../src/actions-runtime';

describe('the runner protocol', () => {
  it('reads inputs, writes outputs and state as file commands, and escapes workflow commands', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runtime-'));
    const files = Object.fromEntries(
      ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'].map((k) => [k, join(dir, k)]),
    );
    for (const f of Object.values(files)) writeFileSync(f, '');
    const env = { ...files, [inputVariable('my input')]: '  spaced value \n', STATE_saved: 'kept' };
    expect(inputVariable('green-version')).toBe('INPUT_GREEN-VERSION');
    const lines: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((s: string) => lines.push(s) > 0) as typeof process.stdout.write;
    try {
      const rt = actionsRuntime(env);
      expect(rt.input('my input')).toBe('spaced value');
      expect(rt.getState('saved')).toBe('kept');
      rt.setOutput('report', 'line 1\nline 2 with <<EOF');
      rt.saveState('routing', '{"version":"1"}');
      rt.warning('50% done\nsecond line');
      await rt.summary('### title');
      rt.setFailed('bad: it failed');
    } finally {
      process.stdout.write = write;
      process.exitCode = 0;
    }
    expect(parseFileCommands(readFileSync(files.GITHUB_OUTPUT!, 'utf8'))).toEqual({
      report: 'line 1\nline 2 with <<EOF',
    });
    expect(parseFileCommands(readFileSync(files.GITHUB_STATE!, 'utf8'))).toEqual({
      routing: '{"version":"1"}',
    });
    expect(readFileSync(files.GITHUB_STEP_SUMMARY!, 'utf8')).toBe('### title\n');
    expect(parseWorkflowCommands(lines.join(''))).toEqual([
      { command: 'warning', properties: {}, message: '50% done\nsecond line' },
      { command: 'error', properties: {}, message: 'bad: it failed' },
    ]);
  });
});
