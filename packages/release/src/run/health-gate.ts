import { DeployError, InputError, InputReader, type Runtime } from '@deploy-actions/core';
import { readHealthConfig, requireChecks } from '@deploy-actions/health/config';
import { describeRouting } from '../routing';
import {
  clockOf,
  cloudwatchFor,
  readConfig,
  nothingChanged,
  runStep,
  selectTarget,
  type Deps,
  type Targets,
} from './common';

export function readGateInputs(inputs: InputReader, env: Runtime['env'], targets: Targets) {
  const target = selectTarget(inputs, targets);
  const config = readConfig(target, inputs, env);
  const versionText = inputs.text('version');
  const baselineText = inputs.text('baseline-version');
  const version = versionText ? target.parseVersion('version', versionText) : undefined;
  const baseline = baselineText ? target.parseVersion('baseline-version', baselineText) : undefined;
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
  return { target, config, version, baseline, health, failOnUnhealthy };
}

/** One verdict for a version: by default green of the router's split, judged against its blue. */
export async function runHealthGate(rt: Runtime, targets: Targets, deps: Deps = {}): Promise<void> {
  await runStep(rt, nothingChanged(rt, targets), async () => {
    const i = readGateInputs(new InputReader(rt.input), rt.env, targets);
    const clock = clockOf(deps, rt.env);
    const cloudwatch = await cloudwatchFor(i.health, i.config, deps);
    const { router, signals } = await i.target.open(i.config, {
      clock,
      health: i.health,
      ...(cloudwatch && { cloudwatch }),
      ...(deps.clients && { clients: deps.clients }),
    });
    const health = await import('@deploy-actions/health');
    if (cloudwatch) await health.resolveAlarms(cloudwatch, i.health.alarms);

    const live = i.version && i.baseline ? undefined : await router.read();
    const version = i.version ?? live?.green ?? live?.version;
    if (!version) {
      throw new DeployError(`${router.missing}; give the version to judge.`);
    }
    // The baseline is the other version the router sends to, if any: blue of the split.
    const other =
      live && (live.green === version ? live.version : live.version === version ? live.green : live.version);
    const baseline = i.baseline ?? (other && other !== version ? other : undefined);
    const L = router.label;
    const subject = { version, ...(baseline && { baseline }), label: L };
    rt.info(
      `Judging ${L(version)}${baseline ? ` against ${L(baseline)}` : ''}${live ? ` (${router.name}: ${describeRouting(live, L)})` : ''}.`,
    );

    const clients = { ...(cloudwatch && { cloudwatch }), signals };
    const result = await health.watch(
      () => health.evaluateOnce(i.health, subject, clients, clock, rt.cancelSignal),
      {
        durationMs: i.health.durationMs,
        intervalMs: i.health.intervalMs,
        consecutiveFailures: i.health.consecutiveFailures,
        clock,
        signal: rt.cancelSignal,
        onEvaluation: (e, n, total) => rt.info(`check ${n}/${total} ${e.verdict}: ${e.reason}`),
      },
    );
    const healthy = health.passes(result.verdict, i.health.onInconclusive);
    rt.setOutput('healthy', String(healthy));
    rt.setOutput('verdict', result.verdict);
    rt.setOutput('reason', result.reason);
    rt.setOutput('report', health.reportJson(subject, result));
    await rt.summary(health.summaryMarkdown('health-gate', subject, result));
    if (healthy) rt.info(`health-gate ${result.verdict}: ${result.reason}`);
    else if (i.failOnUnhealthy) rt.setFailed(`health-gate ${result.verdict}: ${result.reason}`);
    else
      rt.warning(
        `health-gate ${result.verdict} (fail-on-unhealthy is false, so the step passes): ${result.reason}`,
      );
  });
}
