// The example deploy workflow (examples/workflows/deploy.yml) run on a push against the release bed: a
// release promoted through staging and production, a bad release stopped and rolled back with its
// notifications, and a release whose production approval is withheld. Each test reads the state it starts
// from (the live versions before its run), so the file also reads as one repository's history.
import { beforeEach, describe, expect, it } from '@jest/globals';
import { historyOf, job, newCommit, REVIEWER, step, useWorkflowBed } from './bed';

const WORKFLOW = 'examples/workflows/deploy.yml';
const PRODUCTION = 'orders-api';
const STAGING = 'orders-api-staging';
const w = useWorkflowBed();

beforeEach(async () => {
  w.bed.slack.clear();
  await w.bed.snsMessages();
  w.bed.proxy.clearCalls();
});

/** Both functions' live aliases: "1", or "1 + 2@0.1" during a split. */
async function live() {
  return { production: await w.bed.alias(PRODUCTION), staging: await w.bed.alias(STAGING) };
}

/** A commit's history records by environment. */
function byEnvironment(records: Record<string, unknown>[]): Record<string, Record<string, unknown>> {
  return Object.fromEntries(records.map((r) => [String(r.environment), r]));
}

/** The notification lines a user reads: "Label: value". */
function lines(text: string): string[] {
  return text.split('\n');
}

describe('examples/workflows/deploy.yml on a push', () => {
  it('releases the commit through staging, then production once the reviewer approves', async () => {
    const before = await live();
    expect(before.production).toMatch(/^\d+$/);
    const sha = newCommit();

    const run = await w.run(WORKFLOW, { event: 'push', sha });

    expect(run.status).toBe('success');
    expect(run.jobs.map((j) => [j.path, j.status])).toEqual([
      ['build', 'success'],
      ['staging/deploy', 'success'],
      ['production/deploy', 'success'],
    ]);
    const staging = job(run, 'staging/deploy');
    const production = job(run, 'production/deploy');
    expect(staging.outputs.status).toBe('succeeded');
    expect(production.outputs.status).toBe('succeeded');
    // Each function gets the next version, and live serves only it.
    expect(staging.outputs['green-version']).toBe(String(Number(before.staging) + 1));
    expect(production.outputs['green-version']).toBe(String(Number(before.production) + 1));
    expect(await live()).toEqual({
      production: production.outputs['green-version'],
      staging: staging.outputs['green-version'],
    });

    // The job summary says who let the release into production.
    expect(step(production, 'green').summary).toContain(`@${REVIEWER}`);
    expect(step(production, 'final').summary).toContain('Release status: succeeded');

    // Both releases are in GitHub Deployments and in DynamoDB; production's names the approver.
    const history = await historyOf(w.bed, sha);
    expect(history.deployments).toEqual([
      expect.objectContaining({ environment: 'staging', states: ['in_progress', 'success'] }),
      expect.objectContaining({ environment: 'production', states: ['in_progress', 'success'] }),
    ]);
    const records = byEnvironment(history.records);
    expect(Object.keys(records).sort()).toEqual(['production', 'staging']);
    expect(records.staging).toMatchObject({
      id: staging.outputs['deployment-id'],
      functionName: STAGING,
      status: 'succeeded',
      greenVersion: staging.outputs['green-version'],
    });
    expect(records.staging).not.toHaveProperty('approvedBy');
    expect(records.production).toMatchObject({
      id: production.outputs['deployment-id'],
      functionName: PRODUCTION,
      alias: 'live',
      status: 'succeeded',
      blueVersion: before.production,
      greenVersion: production.outputs['green-version'],
      approvedBy: REVIEWER,
      actor: 'octocat',
    });

    // notify-on is failed,rolled-back by default: a success is not announced.
    expect(w.bed.slack.posts).toEqual([]);
    expect(await w.bed.snsMessages()).toEqual([]);
  });

  it('rolls a failing release back at its first production step, and announces it once', async () => {
    const before = await live();
    const bad = await w.bed.nextVersionIsBad(PRODUCTION);
    const sha = newCommit();

    const run = await w.run(WORKFLOW, { event: 'push', sha });

    expect(run.status).toBe('failure');
    const staging = job(run, 'staging/deploy');
    expect(staging.status).toBe('success');
    const production = job(run, 'production/deploy');
    expect(production.status).toBe('failure');
    expect(production.outputs).toMatchObject({ status: 'rolled-back', 'green-version': bad });
    const shift = step(production, 'shift');
    expect(shift.outcome).toBe('failure');
    // The alarm (orders-api-* finds orders-api-errors) fires within seconds; the error-rate check needs
    // min-invocations of the new version first. Either stops the shift at its first step.
    expect(shift.errors.join('\n')).toMatch(
      new RegExp(
        `unhealthy at step 1/3 \\(10% on v${bad}\\): .*(alarm orders-api-errors in ALARM|error rate [\\d.]+% > max-error-rate 2%)`,
      ),
    );

    // Users are back on the version they had; staging keeps its good release.
    expect(await live()).toEqual({
      production: before.production,
      staging: staging.outputs['green-version'],
    });

    const history = await historyOf(w.bed, sha);
    const deployment = history.deployments.find((d) => d.environment === 'production');
    expect(deployment?.states).toEqual(['in_progress', 'failure']);
    expect(deployment?.description).toMatch(/^rolled back/);
    const record = byEnvironment(history.records).production;
    expect(record).toMatchObject({
      id: production.outputs['deployment-id'],
      status: 'rolled-back',
      blueVersion: before.production,
      greenVersion: bad,
      approvedBy: REVIEWER,
    });
    const reason = String(record?.reason);

    // One message per channel, the same facts in both.
    expect(w.bed.slack.posts).toHaveLength(1);
    const sns = await w.bed.snsMessages();
    expect(sns).toHaveLength(1);
    const slackText = (w.bed.slack.posts[0]!.json as { text: string }).text;
    const title = `Deployment ROLLED BACK: ${PRODUCTION}:live in production`;
    expect(sns[0]!.subject).toBe(title);
    for (const text of [slackText, sns[0]!.message]) {
      expect(lines(text)[0]).toBe(title);
      expect(lines(text)).toEqual(
        expect.arrayContaining([
          `Deployment: ${production.outputs['deployment-id']}`,
          'Status: rolled-back',
          'Environment: production',
          `Target: ${PRODUCTION}:live (lambda)`,
          `Blue → green: ${before.production} → ${bad}`,
          `Restored: ${before.production}`,
          'Strategy: steps 10,50,100',
          `Commit: ${sha.slice(0, 12)}`,
          'Actor: octocat',
          `Approver: ${REVIEWER}`,
          `Reason: ${reason}`,
          `Run: https://github.com/octo-org/orders-service/actions/runs/${run.runId}`,
        ]),
      );
    }
    // The page says why: the verdict that stopped the shift, as shift-traffic's reason output gave it.
    expect(reason).toContain(
      `release of ${bad} rolled-back in run ${run.runId} - health unhealthy at step 1/3`,
    );
    expect(reason).toContain(shift.outputs.reason);
  });

  it('keeps production waiting, untouched, while its approval is withheld', async () => {
    const before = await live();
    const sha = newCommit();

    const run = await w.run(WORKFLOW, { event: 'push', sha }, { approvals: { production: false } });

    expect(run.status).toBe('waiting');
    expect(job(run, 'staging/deploy').status).toBe('success');
    expect(job(run, 'production/deploy')).toMatchObject({ status: 'waiting', steps: [] });

    // Staging was written to; production not at all.
    const writesTo = (fn: string) =>
      w.bed.proxy.writes().filter((c) => c.functionName?.replace(/^arn:.*:function:/, '') === fn);
    expect(writesTo(STAGING).map((c) => c.op)).toEqual(expect.arrayContaining(['UpdateAlias']));
    expect(writesTo(PRODUCTION)).toEqual([]);
    expect((await live()).production).toBe(before.production);

    const history = await historyOf(w.bed, sha);
    expect(history.records.map((r) => r.environment)).toEqual(['staging']);
    expect(history.deployments.map((d) => d.environment)).toEqual(['staging']);
  });
});
