// Scenes 1 to 3: pushes to main through examples/workflows/deploy.yml — a good release, a bad one caught in
// production, and one whose production approval is withheld. Each scene checks what it leaves behind.
import { randomBytes } from 'node:crypto';
import type { HarnessOptions, JobResult, WorkflowRun } from '@deploy-actions/testbed/workflow-types';
import { heading } from './print';
import { PRODUCTION, REVIEWER, type Aliases, type Stage } from './stage';

export const DEPLOY_EXAMPLE = 'examples/workflows/deploy.yml';

/** A job of the run by its path ("production/deploy"). */
export function job(run: WorkflowRun, path: string): JobResult | undefined {
  return run.jobs.find((j) => j.path === path);
}

export function jobStatuses(run: WorkflowRun): string[] {
  return run.jobs.map((j) => `${j.path} ${j.status}`);
}

/** The next version Lambda publishes after a live one. */
const next = (live: string) => String(Number(live) + 1);

interface Push {
  run: WorkflowRun;
  /** The commit pushed. */
  sha: string;
  /** Both functions' live versions before the run. */
  before: Aliases;
}

async function pushToMain(s: Stage, approved: boolean): Promise<Push> {
  const before = await s.aliases();
  const sha = randomBytes(20).toString('hex');
  const who = approved ? `approved by ${REVIEWER}` : 'approval withheld';
  console.log(`  ${DEPLOY_EXAMPLE} on a push to main; production ${who}`);
  const extra: Partial<HarnessOptions> = approved ? {} : { approvals: { production: false } };
  const run = await s.run(DEPLOY_EXAMPLE, { event: 'push', sha }, extra);
  return { run, sha, before };
}

/** Scene 1: the release goes to staging (all at once), then to production 10% → 50% → 100%. */
export async function goodRelease(s: Stage): Promise<void> {
  heading('Scene 1 · push to main: a good release through staging and production');
  const { run, before } = await pushToMain(s, true);
  const production = job(run, 'production/deploy');
  await s.notices();
  const after = await s.printAliases();
  const c = s.checks;
  c.begin('scene 1');
  c.equal(
    jobStatuses(run),
    ['build success', 'staging/deploy success', 'production/deploy success'],
    'build, staging and production succeeded',
  );
  c.equal(production?.outputs.status, 'succeeded', 'production reports status succeeded');
  c.equal(after.staging, next(before.staging), `staging is live on v${next(before.staging)}`);
  c.equal(after.production, next(before.production), `production is live on v${next(before.production)}`);
  const record = await s.record(production?.outputs['deployment-id']);
  c.equal(record?.status, 'succeeded', 'its history record is succeeded');
  c.equal(record?.approvedBy, REVIEWER, `and names ${REVIEWER} as approver`);
}

/** Scene 2: the new version fails 30% of its requests; production's own checks catch it at 10%. */
export async function badRelease(s: Stage): Promise<void> {
  heading('Scene 2 · push to main: a bad release, caught in production and rolled back');
  const bad = await s.bed.nextVersionIsBad(PRODUCTION);
  console.log(`  v${bad} of ${PRODUCTION} will fail 30% of the requests it serves`);
  const { run, before } = await pushToMain(s, true);
  const production = job(run, 'production/deploy');
  const { slack, sns } = await s.notices();
  const after = await s.printAliases();
  const c = s.checks;
  c.begin('scene 2');
  c.equal(run.status, 'failure', 'the run failed');
  c.equal(
    jobStatuses(run),
    ['build success', 'staging/deploy success', 'production/deploy failure'],
    'staging succeeded, production failed',
  );
  c.equal(production?.outputs.status, 'rolled-back', 'production reports status rolled-back');
  c.equal(production?.outputs['green-version'], bad, `the rolled-back version is v${bad}`);
  const shift = production?.steps.find((st) => st.id === 'shift');
  c.expect(
    /unhealthy at step 1\/3/.test(shift?.errors.join(' ') ?? ''),
    'shift-traffic stopped it at its first step (10%)',
    shift?.errors.join(' '),
  );
  c.equal(after.production, before.production, `production is back on v${before.production}`);
  const record = await s.record(production?.outputs['deployment-id']);
  c.equal(record?.status, 'rolled-back', 'its history record is rolled-back');
  c.equal(record?.restoredVersion, before.production, `restored version ${before.production}`);
  const title = `Deployment ROLLED BACK: ${PRODUCTION}:live in production`;
  const slackText = (slack[0]?.json as { text?: string } | undefined)?.text ?? '';
  c.expect(slack.length === 1 && slackText.startsWith(title), 'Slack was told once', slack.length);
  c.equal(
    sns.map((m) => m.subject),
    [title],
    'SNS was told once',
  );
}

/** Scene 3: staging gets the release; production's job waits for a reviewer who does not come. */
export async function withheldApproval(s: Stage): Promise<void> {
  heading('Scene 3 · push to main: production approval withheld');
  const productionRecords = async () =>
    (await s.bed.records()).filter((r) => r.environment === 'production').length;
  const recordsBefore = await productionRecords();
  s.bed.proxy.clearCalls();
  const { run, sha, before } = await pushToMain(s, false);
  await s.notices();
  const after = await s.printAliases();
  const c = s.checks;
  c.begin('scene 3');
  c.equal(run.status, 'waiting', 'the run is waiting');
  c.equal(
    jobStatuses(run),
    ['build success', 'staging/deploy success', 'production/deploy waiting'],
    'staging succeeded, production waits',
  );
  c.equal(job(run, 'production/deploy')?.steps.length, 0, 'no production step ran');
  const writes = s.bed.proxy.writes().filter((w) => w.functionName === PRODUCTION);
  c.equal(
    writes.map((w) => w.op),
    [],
    `nothing was written to ${PRODUCTION}`,
  );
  c.equal(after.staging, next(before.staging), `staging is live on v${next(before.staging)}`);
  c.equal(after.production, before.production, `production is still on v${before.production}`);
  c.equal(await productionRecords(), recordsBefore, 'no production record was added to DynamoDB');
  const deployed = s.bed.github.deployments().filter((d) => d.sha === sha);
  c.equal(
    deployed.map((d) => d.environment),
    ['staging'],
    'GitHub Deployments: this commit went to staging only',
  );
}
