// What deploy-green reports of a stack deploy: outputs, and the change set in the job summary.
import { table } from '@deploy-actions/core';
import type { DeployOutcome } from '@deploy-actions/release/target';
import type { StackResult } from './deploy';
import type { StackDeployInputs } from './inputs';

function stackOutputs(s: StackResult): Record<string, string> {
  return {
    'stack-outputs': JSON.stringify(s.outputs),
    'change-set-id': s.changeSetId,
    'stack-changed': String(s.changed),
  };
}

/** The change set as a section of the job summary: what CloudFormation listed before it executed. */
function changeSection(s: StackResult, i: StackDeployInputs): string[] {
  const head = `#### Stack ${i.stackName}: ${s.changed ? `change set executed, ${s.status}` : 'no changes'}`;
  if (!s.changed) return [head, ''];
  const rows = s.changes.map((c) => [c.action, c.logicalId, c.type, c.replacement || '-']);
  return [
    head,
    '',
    rows.length
      ? table(['action', 'logical id', 'type', 'replacement'], rows)
      : 'CloudFormation listed no resource changes (a parameter, output or tag change).',
    '',
  ];
}

export function stackOnlyOutcome(
  s: StackResult,
  i: StackDeployInputs,
  version?: { fn: string; green: string; blue: string; aliasCreated: boolean },
): DeployOutcome {
  return {
    green: version?.green ?? '',
    blue: version?.blue ?? '',
    changed: s.changed,
    outputs: {
      ...stackOutputs(s),
      ...(version && { 'alias-created': String(version.aliasCreated) }),
    },
    summary: {
      title: version ? `${version.fn} (stack ${i.stackName})` : `stack ${i.stackName}`,
      header: ['stack', 'status', 'changed', 'green version', 'blue version'],
      row: [i.stackName, s.status, String(s.changed), version?.green || '-', version?.blue || '-'],
    },
    sections: changeSection(s, i),
  };
}

/** The Lambda deployer's outcome with the stack's: changed when either changed. */
export function withStackOutcome(s: StackResult, fn: DeployOutcome, i: StackDeployInputs): DeployOutcome {
  return {
    ...fn,
    changed: fn.changed || s.changed,
    outputs: { ...fn.outputs, ...stackOutputs(s) },
    sections: [...changeSection(s, i), ...(fn.sections ?? [])],
  };
}
