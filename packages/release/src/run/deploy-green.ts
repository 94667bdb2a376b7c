import { InputReader, table, type Runtime } from '@deploy-actions/core';
import { clockOf, readConfig, runStep, selectTarget, type Deps, type Targets } from './common';

/** Makes the new version exist with no traffic, as the selected target deploys. */
export async function runDeployGreen(rt: Runtime, targets: Targets, deps: Deps = {}): Promise<void> {
  await runStep(rt, async () => {
    const inputs = new InputReader(rt.input);
    const target = selectTarget(inputs, targets);
    const config = readConfig(target, inputs, rt.env);
    const deployInputs = target.deploy.readInputs(inputs, rt.env, config);
    const description = inputs.text('description', { max: 256 }) || defaultDescription(rt.env);
    const waitTimeoutMs = inputs.duration('wait-timeout', '5m', { ms: 3_600_000, label: '1h' });

    const r = await target.deploy.run(config, deployInputs, {
      description,
      waitTimeoutMs,
      log: rt,
      clock: clockOf(deps, rt.env),
      ...(deps.clients && { clients: deps.clients }),
    });
    rt.setOutput('green-version', r.green);
    rt.setOutput('blue-version', r.blue);
    for (const [name, value] of Object.entries(r.outputs)) rt.setOutput(name, value);
    rt.setOutput('changed', String(r.changed));
    await rt.summary(
      [`### deploy-green: ${r.summary.title}`, '', table(r.summary.header, [r.summary.row]), ''].join('\n'),
    );
  });
}

function defaultDescription(env: Runtime['env']): string {
  if (!env.GITHUB_SHA) return '';
  const repo = env.GITHUB_REPOSITORY ?? '';
  return `${repo}@${env.GITHUB_SHA.slice(0, 12)}${env.GITHUB_RUN_ID ? ` run ${env.GITHUB_RUN_ID}` : ''}`.slice(
    0,
    256,
  );
}
