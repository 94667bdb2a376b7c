// A rollback with no traffic to move (a stack given alone): the target's own rollback is the whole step; with
// environment it is recorded like any rollback, its from and to being what the target reported.
import type { Clock, Runtime } from '@deploy-actions/core';
import type { HistoryDeps } from '@deploy-actions/history/history';
import { runContext } from '@deploy-actions/history/config';
import { approvedBy, type GuardResult } from '../guard';
import type { RolledBackFirst } from '../target';
import type { Deps } from './common';
import { announce, openFor, outcomesTable, settle } from './history';
import type { readRollbackInputs } from './rollback';
import { recordRollback, type Recording } from './rollback-history';

type Inputs = ReturnType<typeof readRollbackInputs>;

export async function rollbackWithoutTraffic(
  rt: Runtime,
  i: Inputs,
  first: RolledBackFirst,
  o: { clock: Clock; deps: Deps & HistoryDeps; guard: GuardResult | undefined },
): Promise<void> {
  const record = first.record;
  rt.setOutput('changed', String(record?.changed ?? false));
  const parts = [`### rollback: ${i.config.name}`, '', ...(first.summary ?? [])];
  if (i.reason) parts.push(`Reason: ${i.reason}`, '');
  // Nothing done is nothing to record, as only-if-split without a split.
  if (!i.history || !record?.changed) {
    await rt.summary(parts.join('\n'));
    return;
  }
  const run = runContext(rt.env);
  const history = await openFor(rt, i.history, i.config.aws, run, o.clock, o.deps);
  const c: Recording = {
    rt,
    history,
    target: { environment: i.history.environment, ...i.config.history },
    run,
    clock: o.clock,
    region: i.config.aws.region,
    reason: i.reason,
  };
  const approvers = o.guard && approvedBy(o.guard.approvals);
  if (approvers) c.approvedBy = approvers;
  const recorded = await recordRollback(c, record, i.releaseId, undefined);
  parts.push('#### Recorded', '', outcomesTable(recorded.rows), '');
  await rt.summary(parts.join('\n'));
  await announce(rt, i.history, i.config.aws, recorded.notices, o.deps);
  settle(
    rt,
    i.history,
    recorded,
    `The rollback of ${i.config.name} (${record.fromVersion} → ${record.toVersion}) was`,
  );
}
