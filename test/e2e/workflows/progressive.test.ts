// The scheduled driver of checkpointed rollouts: a release through the reusable deploy workflow with mode start
// writes the first step, then scheduled ticks of examples/workflows/progressive.yml (and of the same caller with
// bakes of hours instead of weeks) run .github/workflows/progressive.yml on the bed's scaled clock: a read-only
// find job, a watch job that judges every tick and moves the steps nobody approves, and an approval job under the
// reviewed environment for the step of approval-steps. Each test starts where the one before left production.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse, stringify } from 'yaml';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  ResourceAlreadyExistsException,
} from '@aws-sdk/client-cloudwatch-logs';
import { clientConfig } from '@deploy-actions/testbed/moto';
import { node24Path } from '@deploy-actions/testbed/node24';
import type { HarnessOptions, WorkflowRun } from '@deploy-actions/testbed/workflow-types';
import { caller, historyOf, job, newCommit, step, useWorkflowBed } from './bed';

const EXAMPLE = 'examples/workflows/progressive.yml';
const FUNCTION = 'orders-api';
// Bakes of hours on the bed's clock (600 times real time): 90m is 9 real seconds, several ticks long. (Longer
// bakes make slower ticks here: each judges the metrics since its step began, and the emulator reads them slowly.)
const HOURS = '10:90m,50:90m,100';
const w = useWorkflowBed();
let dir: string;
/** The example caller with bakes of hours, and without the logs rules: the bed's users write no report records. */
let hourly: string;

interface Caller {
  jobs: { production: { with: Record<string, string> } };
}
const example = () => parse(readFileSync(new URL(`../../../${EXAMPLE}`, import.meta.url), 'utf8')) as Caller;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'progressive-caller-'));
  const wf = example();
  const withs = wf.jobs.production.with;
  withs.steps = HOURS;
  withs['max-bake'] = '6h';
  for (const rule of ['max-consecutive-failures', 'max-timeouts', 'max-memory-mb', 'max-duration-ratio']) {
    delete withs[rule];
  }
  hourly = join(dir, 'progressive-hourly.yml');
  writeFileSync(hourly, stringify(wf));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The bed's clock, as the actions read it from DEPLOY_ACTIONS_CLOCK. */
function bedNow(): number {
  const [epoch, scale] = w.bed.env.DEPLOY_ACTIONS_CLOCK!.split(':').map(Number);
  return epoch! + (Date.now() - epoch!) * scale!;
}

/** Waits until the bed's clock passes `iso`, and a little (ten simulated minutes). */
async function until(iso: string): Promise<void> {
  const scale = Number(w.bed.env.DEPLOY_ACTIONS_CLOCK!.split(':')[1]);
  await sleep(Math.max(0, Date.parse(iso) - bedNow()) / scale + 1000);
}

/** A release of a new commit that starts a rollout: the reusable deploy workflow with mode start. */
async function release(steps: string) {
  const sha = newCommit();
  const dirOf = w.bed.checkout(sha);
  execFileSync(node24Path(), ['scripts/package.mjs'], { cwd: dirOf });
  const run = await w.run('.github/workflows/deploy.yml', {
    event: 'workflow_call',
    sha,
    inputs: {
      environment: 'production',
      'require-environment': 'production',
      'function-name': FUNCTION,
      'zip-file': join(dirOf, 'build', 'orders.zip'),
      mode: 'start',
      steps,
      'aws-role-arn': 'arn:aws:iam::123456789012:role/deploy-orders-api',
      'aws-region': 'us-east-1',
    },
  });
  return { run, sha, deploy: job(run, 'deploy') };
}

/** One scheduled tick of a caller: the run, what its jobs did, and the AWS writes it made. */
async function tick(file: string, extra: Partial<HarnessOptions> = {}) {
  w.bed.proxy.clearCalls();
  const run = await w.run(file, { event: 'schedule' }, extra);
  const writes = w.bed.proxy.writes().map((c) => c.op);
  return { run, writes, jobs: statuses(run), out: caller(run, 'production').outputs };
}

const statuses = (run: WorkflowRun) => Object.fromEntries(run.jobs.map((j) => [j.path, j.status]));
const find = (run: WorkflowRun) => job(run, 'production/find');
const advance = (run: WorkflowRun, id: 'watch' | 'approve') => step(job(run, `production/${id}`), 'advance');

describe('examples/workflows/progressive.yml, scheduled', () => {
  it('with no rollout in progress, reads where traffic stands and nothing more', async () => {
    const { run, writes, jobs, out } = await tick(EXAMPLE);
    expect(run.status).toBe('success');
    expect(jobs).toEqual({
      'production/find': 'success',
      'production/watch': 'skipped',
      'production/approve': 'skipped',
    });
    expect(out).toMatchObject({ status: 'none', approve: 'false', 'next-percent': '' });
    expect(step(find(run), 'approval').summary).toBe('Rollout: none; approval requested: false\n');
    expect(writes).toEqual([]);
  });

  it('judges a rollout of its own plan at every tick, writing nothing before the first week is over', async () => {
    // The example judges from the function's report records too: its log group exists, with no record yet.
    const logs = new CloudWatchLogsClient(clientConfig(w.bed.motoUrl));
    await logs.send(new CreateLogGroupCommand({ logGroupName: `/aws/lambda/${FUNCTION}` })).catch((e) => {
      if (!(e instanceof ResourceAlreadyExistsException)) throw e;
    });
    logs.destroy();
    const before = await w.bed.alias(FUNCTION);
    const started = await release(example().jobs.production.with.steps!);
    expect(started.deploy.outputs).toMatchObject({ status: 'in-progress' });
    const green = started.deploy.outputs['green-version']!;
    expect(await w.bed.alias(FUNCTION)).toBe(`${before} + ${green}@0.1`);

    const { run, writes, jobs, out } = await tick(EXAMPLE);
    expect(jobs).toEqual({
      'production/find': 'success',
      'production/watch': 'success',
      'production/approve': 'skipped',
    });
    expect(find(run).outputs).toMatchObject({
      active: 'true',
      due: 'false',
      'next-percent': '30',
      'green-version': green,
      approve: 'false',
    });
    expect(out).toMatchObject({ status: 'in-progress', weight: '10' });
    expect(advance(run, 'watch').log).toMatch(
      /step 1\/6: 10% on v\d+ since .*baked .* of 7d.*Nothing to do yet/,
    );
    expect(writes).toEqual([]);

    // Rolled back by hand (the example rollback), which clears the checkpoint; the next tick finds nothing.
    const back = await w.run('examples/workflows/rollback.yml', {
      event: 'workflow_dispatch',
      inputs: { environment: 'production', to: 'previous', reason: 'end of the example rollout' },
    });
    expect(back.status).toBe('success');
    expect(await w.bed.alias(FUNCTION)).toBe(before);
    expect((await tick(EXAMPLE)).out).toMatchObject({ status: 'none' });
  });
});

describe('a rollout of hours, tick by tick', () => {
  it('waits out each bake, moves one step per due tick, holds promotion for the reviewer, then promotes', async () => {
    const blue = await w.bed.alias(FUNCTION);
    const { deploy, sha } = await release(HOURS);
    const green = deploy.outputs['green-version']!;
    expect(deploy.outputs.status).toBe('in-progress');
    // The release's record stays started while the rollout runs, with the first step as its progress.
    expect((await historyOf(w.bed, sha)).deployments).toEqual([
      expect.objectContaining({
        environment: 'production',
        states: ['in_progress', 'in_progress'],
        description: `step 1/3: 10% on v${green}`,
      }),
    ]);

    // Before the bake is over: judged, nothing written.
    const early = await tick(hourly);
    expect(early.jobs).toMatchObject({ 'production/watch': 'success', 'production/approve': 'skipped' });
    expect(find(early.run).outputs).toMatchObject({ due: 'false', 'next-percent': '50' });
    expect(early.writes).toEqual([]);
    expect(await w.bed.alias(FUNCTION)).toBe(`${blue} + ${green}@0.1`);

    // Due: one step, in one write, by the watch job; no approval asked for 50%.
    await until(find(early.run).outputs['next-due']!);
    const due = await tick(hourly);
    expect(find(due.run).outputs).toMatchObject({ due: 'true', 'next-percent': '50', approve: 'false' });
    expect(due.jobs).toMatchObject({ 'production/watch': 'success', 'production/approve': 'skipped' });
    expect(due.writes).toEqual(['UpdateAlias']);
    expect(due.out).toMatchObject({ status: 'in-progress', weight: '50' });
    expect(await w.bed.alias(FUNCTION)).toBe(`${blue} + ${green}@0.5`);

    // Promotion is due, and the reviewer has not approved: the approval job waits, the watch job holds.
    const next = await tick(hourly);
    expect(next.writes).toEqual([]);
    await until(find(next.run).outputs['next-due']!);
    const withheld = await tick(hourly, { approvals: { production: false } });
    expect(find(withheld.run).outputs).toMatchObject({ due: 'true', 'next-percent': '100', approve: 'true' });
    expect(withheld.run.status).toBe('waiting');
    expect(withheld.jobs).toMatchObject({ 'production/watch': 'success', 'production/approve': 'waiting' });
    expect(advance(withheld.run, 'watch').outputs).toMatchObject({ held: 'true', weight: '50' });
    expect(advance(withheld.run, 'watch').log).toMatch(
      /100% \(promotion\) on v\d+, is held \(hold-steps 100\)/,
    );
    expect(withheld.writes).toEqual([]);
    expect(await w.bed.alias(FUNCTION)).toBe(`${blue} + ${green}@0.5`);

    // Approved: the approval job, in its cancelling group, promotes in one write; the watch job still holds.
    const approved = await tick(hourly);
    expect(approved.jobs).toMatchObject({ 'production/watch': 'success', 'production/approve': 'success' });
    expect(job(approved.run, 'production/approve')).toMatchObject({
      environment: 'production',
      concurrency: `deploy-actions-rollout-approval-production-${FUNCTION}-live`,
    });
    expect(advance(approved.run, 'watch').outputs).toMatchObject({ held: 'true' });
    expect(advance(approved.run, 'approve').outputs).toMatchObject({ status: 'promoted', weight: '100' });
    expect(approved.writes).toEqual(['UpdateAlias']);
    expect(approved.out).toMatchObject({ status: 'promoted', weight: '100' });
    expect(await w.bed.alias(FUNCTION)).toBe(green);
    // Each step went into the release's record, and the promotion ended it.
    expect((await historyOf(w.bed, sha)).deployments).toContainEqual({
      environment: 'production',
      states: ['in_progress', 'in_progress', 'in_progress', 'success'],
      description: 'succeeded',
    });

    const after = await tick(hourly);
    expect(after.out).toMatchObject({ status: 'none' });
    expect(after.writes).toEqual([]);
  });

  it('rolls a bad green back at the next tick, whatever its bake', async () => {
    const blue = await w.bed.alias(FUNCTION);
    const bad = await w.bed.nextVersionIsBad(FUNCTION);
    const { deploy, sha } = await release(HOURS);
    expect(deploy.outputs['green-version']).toBe(bad);
    expect(await w.bed.alias(FUNCTION)).toBe(`${blue} + ${bad}@0.1`);

    const next = await tick(hourly);
    expect(find(next.run).outputs).toMatchObject({ due: 'false', 'green-version': bad });
    expect(next.run.status).toBe('failure');
    expect(next.jobs).toMatchObject({ 'production/watch': 'failure', 'production/approve': 'skipped' });
    expect(advance(next.run, 'watch').outputs).toMatchObject({ status: 'rolled-back', weight: '0' });
    expect(advance(next.run, 'watch').errors.join('\n')).toMatch(
      new RegExp(`health unhealthy at step 1/3 \\(10% on v${bad}\\).*Traffic restored: 100% on v${blue}`),
    );
    expect(next.writes).toEqual(['UpdateAlias']);
    expect(await w.bed.alias(FUNCTION)).toBe(blue);
    expect((await historyOf(w.bed, sha)).deployments).toContainEqual(
      expect.objectContaining({
        states: ['in_progress', 'in_progress', 'failure'],
        description: expect.stringMatching(
          new RegExp(`^rolled back to ${blue}: health unhealthy at step 1/3`),
        ),
      }),
    );
    expect((await tick(hourly)).out).toMatchObject({ status: 'none' });
  });
});
