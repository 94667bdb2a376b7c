import { DeployError, InputError, InputReader, type Runtime } from '@deploy-actions/core';
import { readHealthConfig, requireChecks } from '@deploy-actions/health/config';
import { parseVersion } from '../names';
import { clientFor, clockOf, cloudwatchFor, readTarget, runStep, type Deps } from './common';

export function readGateInputs(inputs: InputReader, env: Runtime['env']) {
  const target = readTarget(inputs, env);
  const versionText = inputs.text('version');
  const baselineText = inputs.text('baseline-version');
  const version = versionText ? parseVersion('version', versionText) : undefined;
  const baseline = baselineText ? parseVersion('baseline-version', baselineText) : undefined;
  if (version && baseline === version) {
    throw new InputError(
      'baseline-version',
      baseline,
      'must differ from version: a version compared with itself never fails',
    );
  }
  const health = readHealthConfig(inputs);
  requireChecks(health);
  const failOnUnhealthy = inputs.oneOf('fail-on-unhealthy', ['true', 'false'] as const, 'true') === 'true';
  return { target, version, baseline, health, failOnUnhealthy };
}

/** One verdict for a version: by default green of the alias's split, judged against its blue. */
export async function runHealthGate(rt: Runtime, deps: Deps = {}): Promise<void> {
  await runStep(rt, async () => {
    const i = readGateInputs(new InputReader(rt.input), rt.env);
    const lambda = await clientFor(i.target, deps);
    const cloudwatch = await cloudwatchFor(i.health, i.target, deps);
    const clock = clockOf(deps, rt.env);
    const [{ readAlias, describeAlias }, health] = await Promise.all([
      import('../alias'),
      import('@deploy-actions/health'),
    ]);
    if (cloudwatch) await health.resolveAlarms(cloudwatch, i.health.alarms);

    const live =
      i.version && i.baseline ? undefined : await readAlias(lambda, i.target.functionName, i.target.alias);
    const version = i.version ?? live?.green ?? live?.version;
    if (!version) {
      throw new DeployError(
        `Alias "${i.target.alias}" of ${i.target.functionName} does not exist: give the version to judge.`,
      );
    }
    // The baseline is the other version the alias routes to, if any: blue of the split.
    const other =
      live && (live.green === version ? live.version : live.version === version ? live.green : live.version);
    const baseline = i.baseline ?? (other && other !== version ? other : undefined);
    const target = {
      functionName: i.target.functionName,
      alias: i.target.alias,
      version,
      ...(baseline && { baseline }),
    };
    rt.info(
      `Judging v${version}${baseline ? ` against v${baseline}` : ''}${live ? ` (alias "${i.target.alias}": ${describeAlias(live)})` : ''}.`,
    );

    const result = await health.watch(
      () => health.evaluateOnce(i.health, target, { cloudwatch, lambda }, clock, rt.cancelSignal),
      {
        durationMs: i.health.durationMs,
        intervalMs: i.health.intervalMs,
        consecutiveFailures: i.health.consecutiveFailures,
        clock,
        signal: rt.cancelSignal,
        onEvaluation: (e, n, total) => rt.info(`check ${n}/${total} ${e.verdict}: ${e.reason}`),
      },
    );
    const healthy =
      result.verdict === 'healthy' ||
      (result.verdict === 'inconclusive' && i.health.onInconclusive === 'pass');
    rt.setOutput('healthy', String(healthy));
    rt.setOutput('verdict', result.verdict);
    rt.setOutput('reason', result.reason);
    rt.setOutput('report', health.reportJson(target, result));
    await rt.summary(health.summaryMarkdown('health-gate', target, result));
    if (healthy) rt.info(`health-gate ${result.verdict}: ${result.reason}`);
    else if (i.failOnUnhealthy) rt.setFailed(`health-gate ${result.verdict}: ${result.reason}`);
    else
      rt.warning(
        `health-gate ${result.verdict} (fail-on-unhealthy is false, so the step passes): ${result.reason}`,
      );
  });
}
