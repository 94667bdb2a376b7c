// The permissions: a job states: whether it gets an OIDC token, and whether a called workflow's jobs ask for
// more than their calling job grants.
import { join } from 'node:path';
import { repoRoot } from '../runner';
import { text, valueOf, type Value } from './expressions';
import { loadWorkflow, type WorkflowPlan } from './load';

/** A uses: of one of the suite's own reusable workflows, the only ones the harness can call. */
export const OWN_WORKFLOW = /^org\/deploy-actions\/(\.github\/workflows\/[\w.-]+\.ya?ml)@v1$/;

/** Whether the job (else the workflow) grants id-token: write. */
export function permits(raw: { find(k: string): unknown } | undefined, plan: WorkflowPlan): boolean {
  const token = (raw?.find('permissions') ?? plan.raw.find('permissions')) as
    Parameters<typeof valueOf>[0] | undefined;
  if (!token) return false;
  const p = valueOf(token, {}, { failed: false, cancelled: false });
  return (
    p === 'write-all' ||
    (typeof p === 'object' && p !== null && (p as Record<string, Value>)['id-token'] === 'write')
  );
}

const SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
];
const LEVELS = ['none', 'read', 'write'];

/** A permissions: value's level of one scope (0 none, 1 read, 2 write); undefined when none is stated. */
function level(p: Value | undefined, scope: string): number | undefined {
  if (p === undefined) return undefined;
  if (p === 'write-all') return 2;
  // id-token has no read level.
  if (p === 'read-all') return scope === 'id-token' ? 0 : 1;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return 0;
  return Math.max(0, LEVELS.indexOf(text(p[scope])));
}

function permissionsOf(raw: { find(k: string): unknown }): Value | undefined {
  const token = raw.find('permissions') as Parameters<typeof valueOf>[0] | undefined;
  return token ? valueOf(token, {}, { failed: false, cancelled: false }) : undefined;
}

/**
 * GitHub refuses the whole run before any job when a called workflow's job asks for more than its calling job
 * grants ("The nested job 'deploy' is requesting 'id-token: write', but is only allowed 'id-token: none'").
 * A caller that states no permissions gets the repository's default: id-token none in both of its modes, the
 * other scopes taken as granted (the permissive mode).
 */
export async function checkCallPermissions(plan: WorkflowPlan): Promise<void> {
  for (const job of plan.jobs) {
    const m = job.calls ? OWN_WORKFLOW.exec(job.calls) : null;
    if (!m) continue;
    const grant = permissionsOf(job.raw) ?? permissionsOf(plan.raw);
    const called = await loadWorkflow(join(repoRoot, m[1]!));
    for (const nested of called.jobs) {
      const asked = permissionsOf(nested.raw) ?? permissionsOf(called.raw);
      const over = SCOPES.filter(
        (s) => (level(asked, s) ?? 0) > (level(grant, s) ?? (s === 'id-token' ? 0 : 2)),
      );
      if (!over.length) continue;
      const list = (p: Value | undefined) => over.map((s) => `${s}: ${LEVELS[level(p, s) ?? 0]}`).join(', ');
      throw new Error(
        `The workflow is not valid. ${plan.file} (job ${job.id}): Error calling workflow '${job.calls}'. ` +
          `The nested job '${nested.id}' is requesting '${list(asked)}', but is only allowed '${list(grant)}'.`,
      );
    }
  }
}
