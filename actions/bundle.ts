// The one bundle every action's entry imports: each runner loads only when its action runs.
import { actionsRuntime } from '@deploy-actions/core/actions-runtime';
import type { Runtime } from '@deploy-actions/core';
import type { Targets } from '@deploy-actions/release/run/common';
import { targets } from './targets';

type Runner = (rt: Runtime, targets: Targets) => Promise<void>;

const runners: Record<string, () => Promise<Runner>> = {
  'deploy-green': async () => (await import('@deploy-actions/release/run/deploy-green')).runDeployGreen,
  'shift-traffic': async () =>
    (await import('@deploy-actions/release/run/shift-traffic')).runShiftTrafficStep,
  'health-gate': async () => (await import('@deploy-actions/release/run/health-gate')).runHealthGate,
  'record-history': async () => (await import('@deploy-actions/release/run/record-history')).runRecordHistory,
  rollback: async () => (await import('@deploy-actions/release/run/rollback')).runRollback,
};

export async function run(action: string): Promise<void> {
  const runner = await runners[action]();
  await runner(actionsRuntime(), targets);
}
