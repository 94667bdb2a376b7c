// The example hotfix workflow (examples/workflows/hotfix.yml) dispatched while a canary is left at 25% in
// production: the canary goes back to its blue and its record ends rolled-back before the hotfix is
// deployed, then the hotfix is released and recorded as one. With no canary in flight, that first rollback
// does nothing.
import { beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { node24Path } from '@deploy-actions/testbed/node24';
import { caller, deploymentOf, job, newCommit, recordOf, step, useWorkflowBed } from './bed';

const FUNCTION = 'orders-api';
const w = useWorkflowBed();

// strategy all-at-once is judged by one evaluation right after all traffic moves (the reusable hotfix.yml
// passes shift-traffic no duration), before the hotfix has served a request: with the example's
// max-error-rate that verdict is inconclusive and the hotfix is rolled back. canary bakes 10% first.
const STRATEGY = 'all-at-once';

/** Dispatches the example hotfix of a ref to production. */
const hotfix = (ref: string, reason: string) =>
  w.run('examples/workflows/hotfix.yml', {
    event: 'workflow_dispatch',
    inputs: { ref, environment: 'production', strategy: STRATEGY, reason },
  });

/** What the build job's npm run package makes of a commit: build/orders.zip of its checkout. */
function packaged(sha: string): string {
  const dir = w.bed.checkout(sha);
  execFileSync(node24Path(), ['scripts/package.mjs'], { cwd: dir });
  return join(dir, 'build', 'orders.zip');
}

/**
 * A release of a new commit through the reusable deploy workflow, with the example's production inputs and a
 * plan that ends at 25%: the canary stays half-way, its record started. (A plan of 25 alone would be judged
 * at once, before the canary served anything, like all-at-once above.)
 */
async function canaryAt25() {
  const sha = newCommit();
  return w.run('.github/workflows/deploy.yml', {
    event: 'workflow_call',
    sha,
    inputs: {
      environment: 'production',
      'require-environment': 'production',
      'function-name': FUNCTION,
      'zip-file': packaged(sha),
      steps: '10,25',
      'bake-time': '5m',
      'max-error-rate': '2',
      'max-latency-ms': 'p99=3000',
      alarms: 'orders-api-*',
      'invoke-payload': '{"path": "/health"}',
      backend: 'github,dynamodb',
      'dynamodb-table': 'deployments',
      'sns-topic-arn': 'arn:aws:sns:us-east-1:123456789012:deployments',
      'aws-role-arn': 'arn:aws:iam::123456789012:role/deploy-orders-api',
      'aws-region': 'us-east-1',
    },
    secrets: { 'slack-webhook-url': w.bed.slack.url },
  });
}

const record = (id: string) => recordOf(w.bed, id);

const deployment = (id: string) => deploymentOf(w.bed, id);

const rollbackRecords = async () => (await w.bed.records()).filter((r) => r.strategy === 'rollback').length;

beforeEach(async () => {
  w.bed.slack.clear();
  await w.bed.snsMessages();
});

describe('examples/workflows/hotfix.yml', () => {
  it('undoes a canary left at 25% first, then releases the hotfix and records it as a hotfix', async () => {
    const blue = await w.bed.alias(FUNCTION);
    const canary = await canaryAt25();
    expect(canary.status).toBe('success');
    expect(canary.outputs.status).toBe('in-progress');
    const { 'green-version': green, 'deployment-id': canaryId } = canary.outputs as Record<string, string>;
    expect(await w.bed.alias(FUNCTION)).toBe(`${blue} + ${green}@0.25`);
    expect((await record(canaryId!)).status).toBe('started');
    expect(deployment(canaryId!).state).toBe('in_progress');
    w.bed.proxy.clearCalls();

    const run = await hotfix('hotfix/orders-timeout', 'orders time out at checkout');

    expect(run.status).toBe('success');
    const released = caller(run, 'hotfix').outputs;
    expect(released.status).toBe('succeeded');
    const version = released['green-version']!;
    expect(Number(version)).toBeGreaterThan(Number(green));

    // Traffic left the canary before anything of the hotfix reached AWS.
    const undo = step(job(run, 'hotfix/hotfix'), 'undo-split');
    expect(undo.outputs).toMatchObject({
      changed: 'true',
      'from-version': green,
      'to-version': blue,
      'rolled-back-deployment-id': canaryId,
    });
    const lambdaWrites = w.bed.proxy
      .writes()
      .filter((c) => c.service === 'lambda')
      .map((c) => c.op);
    expect(lambdaWrites.slice(0, 3)).toEqual(['UpdateAlias', 'UpdateFunctionCode', 'PublishVersion']);

    // The canary's record ends rolled-back in both backends, and the team hears of it.
    const why = `hotfix in run ${run.runId}`;
    expect(await record(canaryId!)).toMatchObject({
      status: 'rolled-back',
      restoredVersion: blue,
      reason: why,
    });
    expect(deployment(canaryId!)).toMatchObject({
      state: 'failure',
      description: `rolled back to ${blue}: ${why}`,
    });
    const slack = w.bed.slack.posts.map((p) => (p.json as { text: string }).text);
    expect(slack).toEqual([expect.stringContaining(`Deployment: ${canaryId}\nStatus: rolled-back`)]);
    const sns = await w.bed.snsMessages();
    expect(sns.map((m) => m.message)).toEqual([
      expect.stringContaining(`Deployment: ${canaryId}\nStatus: rolled-back`),
    ]);

    // The hotfix serves everyone, recorded as a hotfix released from the canary's blue.
    expect(await w.bed.alias(FUNCTION)).toBe(version);
    const hotfixId = released['deployment-id']!;
    expect(await record(hotfixId)).toMatchObject({
      releaseKind: 'hotfix',
      status: 'succeeded',
      blueVersion: blue,
      greenVersion: version,
      strategy: STRATEGY,
    });
    expect(deployment(hotfixId)).toMatchObject({
      payload: { releaseKind: 'hotfix', greenVersion: version },
      state: 'success',
    });
  });

  it('with no canary in flight, releases the hotfix without a rollback first', async () => {
    const live = await w.bed.alias(FUNCTION);
    expect(live).toMatch(/^\d+$/);
    const rollbacks = await rollbackRecords();
    w.bed.proxy.clearCalls();

    const run = await hotfix('hotfix/orders-retry', 'retries pile up');

    expect(run.status).toBe('success');
    const undo = step(job(run, 'hotfix/hotfix'), 'undo-split');
    expect(undo.outcome).toBe('success');
    expect(undo.outputs.changed).toBe('false');
    expect(undo.summary).toContain('no split to undo');
    // The hotfix's code update is the run's first write: no alias write, record or notice before it.
    expect(w.bed.proxy.writes()[0]).toMatchObject({ service: 'lambda', op: 'UpdateFunctionCode' });
    expect(await rollbackRecords()).toBe(rollbacks);
    expect(w.bed.slack.posts).toEqual([]);

    const released = caller(run, 'hotfix').outputs;
    expect(released.status).toBe('succeeded');
    expect(await w.bed.alias(FUNCTION)).toBe(released['green-version']);
    expect(await record(released['deployment-id']!)).toMatchObject({
      releaseKind: 'hotfix',
      status: 'succeeded',
      blueVersion: live,
    });
  });
});
