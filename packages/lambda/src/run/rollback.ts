import { InputReader, table, type Runtime } from '@deploy-actions/core';
import { parseVersion } from '../names';
import { clientFor, clockOf, readTarget, runStep, type Deps } from './common';

export function readRollbackInputs(inputs: InputReader, env: Runtime['env']) {
  const target = readTarget(inputs, env);
  const toText = inputs.text('to') || 'previous';
  const to = toText === 'previous' ? 'previous' : parseVersion('to', toText);
  const reason = inputs.text('reason', { max: 1000 });
  return { target, to, reason };
}

export async function runRollback(rt: Runtime, deps: Deps = {}): Promise<void> {
  await runStep(rt, async () => {
    const i = readRollbackInputs(new InputReader(rt.input), rt.env);
    const lambda = await clientFor(i.target, deps);
    if (i.reason) rt.info(`Rollback reason: ${i.reason}`);
    const { rollback } = await import('../rollback');
    const r = await rollback({
      lambda,
      functionName: i.target.functionName,
      alias: i.target.alias,
      to: i.to,
      log: rt,
      clock: clockOf(deps, rt.env),
    });
    rt.setOutput('from-version', r.fromVersion);
    rt.setOutput('to-version', r.toVersion);
    await rt.summary(
      [
        `### rollback: ${i.target.functionName}:${i.target.alias} → v${r.toVersion}`,
        '',
        table(['before', 'after', 'reason'], [[r.before, r.after, i.reason || '(none given)']]),
        '',
      ].join('\n'),
    );
  });
}
