// Scenes 4 and 5: what a person starts from the Actions tab. The example rollback workflow puts production
// back on its previous good release; then a canary is left at 25% and the example hotfix workflow undoes it
// and releases a hotfix branch.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { heading } from './print';
import { DEPLOY_EXAMPLE, job, jobStatuses } from './scenes';
import type { Stage } from './stage';

const ROLLBACK_EXAMPLE = 'examples/workflows/rollback.yml';
const HOTFIX_EXAMPLE = 'examples/workflows/hotfix.yml';
const DEPLOY_REUSABLE = '.github/workflows/deploy.yml';
const HOTFIX_REF = 'hotfix/orders-timeout';

/** Workflow inputs as the Run workflow form shows them. */
const described = (inputs: Record<string, string>) =>
  Object.entries(inputs)
    .map(([k, v]) => `${k}: ${/^[\w./-]+$/.test(v) ? v : `"${v}"`}`)
    .join(', ');

/** Scene 4: rollback `to: previous` finds the release before the live one in the history. */
export async function manualRollback(s: Stage, previousGood: string): Promise<void> {
  heading('Scene 4 · rollback dispatched by hand: production back on its previous good release');
  const inputs = { environment: 'production', to: 'previous', reason: 'orders are slower since the release' };
  console.log(`  ${ROLLBACK_EXAMPLE} dispatched with ${described(inputs)}`);
  const before = await s.aliases();
  const run = await s.run(ROLLBACK_EXAMPLE, { event: 'workflow_dispatch', inputs });
  const rollback = job(run, 'rollback/rollback');
  await s.notices();
  const after = await s.printAliases();
  const c = s.checks;
  c.begin('scene 4');
  c.equal(jobStatuses(run), ['rollback/rollback success'], 'the rollback job succeeded');
  c.equal(rollback?.outputs['from-version'], before.production, `from v${before.production}`);
  c.equal(rollback?.outputs['to-version'], previousGood, `to v${previousGood}, the release before it`);
  c.equal(after.production, previousGood, `production is live on v${previousGood}`);
  c.equal(after.staging, before.staging, 'staging is untouched');
  const record = await s.record(rollback?.outputs['deployment-id']);
  c.equal(
    [record?.strategy, record?.status],
    ['rollback', 'succeeded'],
    'the rollback is recorded, succeeded',
  );
}

/**
 * The example's production job calls the reusable workflow with these inputs; the canary keeps them but
 * stops at 25% (after a first step at 10%, so that the checks at 25% have the new version's requests to
 * judge). Called directly there is no build job: the checkout carries the build instead of an artifact.
 */
function canaryInputs(): Record<string, string> {
  const path = fileURLToPath(new URL(`../../${DEPLOY_EXAMPLE}`, import.meta.url));
  const example = parseYaml(readFileSync(path, 'utf8')) as {
    jobs: { production: { with: Record<string, string> } };
  };
  const inputs = Object.entries(example.jobs.production.with).filter(([k]) => !k.startsWith('artifact-'));
  return { ...Object.fromEntries(inputs), steps: '10,25' };
}

/** Scene 5, first part: a canary of a new version left at 25% in production. */
async function canary(s: Stage): Promise<{ id: string; green: string; blue: string }> {
  const inputs = canaryInputs();
  console.log(
    `  ${DEPLOY_REUSABLE} called as the example's production job calls it, with steps: ${inputs.steps}`,
  );
  const blue = (await s.aliases()).production;
  const run = await s.run(
    DEPLOY_REUSABLE,
    {
      event: 'workflow_call',
      sha: randomBytes(20).toString('hex'),
      inputs,
      secrets: { 'slack-webhook-url': s.bed.slack.url },
    },
    { checkout: (ref) => s.checkoutWithBuild(ref) },
  );
  const deploy = job(run, 'deploy');
  const green = deploy?.outputs['green-version'] ?? '';
  await s.notices();
  const live = await s.printAliases();
  const c = s.checks;
  c.begin('scene 5 (canary)');
  c.equal(jobStatuses(run), ['deploy success'], 'the deploy job succeeded');
  c.equal(deploy?.outputs.status, 'in-progress', 'status in-progress: the plan ends below 100%');
  c.equal(live.production, `${blue} + ${green}@0.25`, `production splits v${blue} 75% / v${green} 25%`);
  const record = await s.record(deploy?.outputs['deployment-id']);
  c.equal(record?.status, 'started', 'its record stays started, for the next run to continue');
  return { id: String(record?.id ?? ''), green, blue };
}

/** Scene 5: the hotfix undoes the canary (its record ends rolled-back), then releases the hotfix branch. */
export async function hotfixDuringCanary(s: Stage): Promise<void> {
  heading('Scene 5 · a canary at 25% in production, then a hotfix dispatched by hand');
  const split = await canary(s);
  // The default all-at-once: the hotfix takes all traffic, watched for 5 minutes before it counts as good.
  const inputs = { ref: HOTFIX_REF, environment: 'production', reason: 'checkout times out' };
  console.log(`\n  ${HOTFIX_EXAMPLE} dispatched with ${described(inputs)}`);
  const staging = (await s.aliases()).staging;
  const run = await s.run(HOTFIX_EXAMPLE, { event: 'workflow_dispatch', inputs });
  const hotfix = job(run, 'hotfix/hotfix');
  const undo = hotfix?.steps.find((st) => st.id === 'undo-split');
  await s.notices();
  const live = await s.printAliases();
  const c = s.checks;
  c.begin('scene 5 (hotfix)');
  c.equal(jobStatuses(run), ['build success', 'hotfix/hotfix success'], 'build and hotfix succeeded');
  c.equal(
    [undo?.outcome, undo?.outputs['from-version'], undo?.outputs['to-version']],
    ['success', split.green, split.blue],
    `undo-split took the canary back from v${split.green} to v${split.blue}`,
  );
  const canaryRecord = await s.record(split.id);
  c.equal(canaryRecord?.status, 'rolled-back', `the canary's record ${split.id} ended rolled-back`);
  c.equal(hotfix?.outputs.status, 'succeeded', 'the hotfix reports status succeeded');
  const green = hotfix?.outputs['green-version'] ?? '';
  c.equal(live.production, green, `production is live on the hotfix, v${green}`);
  c.equal(live.staging, staging, 'staging is untouched');
  const record = await s.record(hotfix?.outputs['deployment-id']);
  c.equal(
    [record?.status, record?.releaseKind],
    ['succeeded', 'hotfix'],
    'its record is succeeded, release kind hotfix',
  );
}
