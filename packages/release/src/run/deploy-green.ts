import { InputError, InputReader, table, type Runtime } from '@deploy-actions/core';
import type { GreenReady } from '../target';
import { enforceGuard, readGuardConfig } from '../guard';
import {
  clockOf,
  readConfig,
  nothingChanged,
  runStep,
  selectTarget,
  type Deps,
  type Targets,
} from './common';

/** Makes the new version exist with no traffic, as the selected target deploys. */
export async function runDeployGreen(rt: Runtime, targets: Targets, deps: Deps = {}): Promise<void> {
  await runStep(rt, nothingChanged(rt, targets), async () => {
    const inputs = new InputReader(rt.input);
    const target = selectTarget(inputs, targets);
    const config = readConfig(target, inputs, rt.env);
    const deployInputs = target.deploy.readInputs(inputs, rt.env, config);
    const description = inputs.text('description', { max: 256 }) || defaultDescription(rt.env);
    const waitTimeoutMs = inputs.duration('wait-timeout', '5m', { ms: 3_600_000, label: '1h' });
    const test = readTestInputs(inputs);
    // The production guard, after every input is read and before any AWS client: require-environment.
    await enforceGuard(rt, readGuardConfig(inputs));

    // Pre-traffic tests: run once, by the target just before its deploy gives green traffic, else after it.
    let tested = false;
    const beforeTraffic = async (ready: GreenReady) => {
      if (tested || !test) return;
      tested = true;
      if (ready.green === ready.blue) {
        rt.info(`test-command not run: ${ready.green} already serves the traffic, nothing new to test.`);
        rt.setOutput('test-result', 'skipped');
        return;
      }
      const { runTestCommand } = await import('./pre-traffic');
      try {
        await runTestCommand(rt, test, ready, `the new version ${ready.green}`);
      } catch (err) {
        rt.setOutput('test-result', 'failed');
        rt.setOutput('green-version', ready.green);
        rt.setOutput('blue-version', ready.blue);
        throw err;
      }
      rt.setOutput('test-result', 'passed');
    };

    const r = await target.deploy.run(config, deployInputs, {
      description,
      waitTimeoutMs,
      log: rt,
      clock: clockOf(deps, rt.env),
      ...(deps.clients && { clients: deps.clients }),
      ...(test && { beforeTraffic }),
    });
    if (!test) rt.setOutput('test-result', 'skipped');
    else await beforeTraffic({ green: r.green, blue: r.blue, testUrl: r.testUrl, env: r.env });
    rt.setOutput('green-version', r.green);
    rt.setOutput('blue-version', r.blue);
    for (const [name, value] of Object.entries(r.outputs)) rt.setOutput(name, value);
    rt.setOutput('changed', String(r.changed));
    await rt.summary(
      [
        `### deploy-green: ${r.summary.title}`,
        '',
        table(r.summary.header, [r.summary.row]),
        '',
        ...(r.sections ?? []),
      ].join('\n'),
    );
  });
}

const TEST_COMMAND_MAX_BYTES = 64 * 1024;

/** test-command, test-url and test-timeout, checked without any call; undefined when no test-command. */
export function readTestInputs(
  inputs: InputReader,
): { command: string; url?: string; timeoutMs: number } | undefined {
  const command = inputs.text('test-command', { multiline: true });
  if (command.includes('\u0000'))
    throw new InputError('test-command', command, 'must not contain a NUL character');
  const bytes = Buffer.byteLength(command, 'utf8');
  if (bytes > TEST_COMMAND_MAX_BYTES)
    throw new InputError('test-command', command, `must be at most 64 KB (got ${bytes} bytes)`);
  const url = inputs.text('test-url', { max: 2048 });
  if (url) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:'))
      throw new InputError('test-url', url, 'must be an absolute http:// or https:// URL');
    // Credentials in a URL would be printed in the log that names it.
    if (parsed.username || parsed.password)
      throw new InputError(
        'test-url',
        url.replace(/\/\/[^@/]*@/, '//***@'),
        'must not hold credentials: give them to test-command through secrets in env',
      );
  }
  const timeoutMs = inputs.duration('test-timeout', '10m', { ms: 3_600_000, label: '1h' });
  if (timeoutMs === 0) throw new InputError('test-timeout', inputs.text('test-timeout'), 'must be above 0');
  // test-timeout has a default in action.yml, so only test-url alone is a mistake.
  if (!command) {
    if (url) throw new InputError('test-url', url, 'needs test-command');
    return undefined;
  }
  return { command, ...(url && { url }), timeoutMs };
}

function defaultDescription(env: Runtime['env']): string {
  if (!env.GITHUB_SHA) return '';
  const repo = env.GITHUB_REPOSITORY ?? '';
  return `${repo}@${env.GITHUB_SHA.slice(0, 12)}${env.GITHUB_RUN_ID ? ` run ${env.GITHUB_RUN_ID}` : ''}`.slice(
    0,
    256,
  );
}
