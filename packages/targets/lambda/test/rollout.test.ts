// Checkpointed rollouts on the alias: the checkpoint lives in the alias's Description and moves with the weights
// in the same RevisionId-guarded UpdateAlias; every other write clears it and leaves a user's description alone.
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { PreconditionFailedException, UpdateAliasCommand } from '@aws-sdk/client-lambda';
import { randomUUID } from 'node:crypto';
import { rollback } from '@deploy-actions/release/rollback';
import { runShiftTrafficStep } from '@deploy-actions/release/run/shift-traffic';
import { fakeClock, memoryRuntime } from '@deploy-actions/testbed/runtime';
import { fakeLambda } from './fake-lambda';
import { lambdaDeps, ordersRouter, TARGETS } from './target';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 9);
let aws: ReturnType<typeof fakeLambda>;
let clock: ReturnType<typeof fakeClock>;
const log = { info: () => {}, warning: () => {} };

beforeEach(() => {
  aws = fakeLambda();
  clock = fakeClock(T0);
});
afterEach(() => aws.mock.restore());

const updates = () => aws.mock.commandCalls(UpdateAliasCommand).map((c) => c.args[0].input);
const plan = { 'function-name': 'orders', 'green-version': '2', steps: '10:7d,50:7d,100' };

async function step(mode: 'start' | 'advance', run: string, over: Record<string, string> = {}) {
  const rt = memoryRuntime({ ...plan, mode, ...over });
  rt.env.GITHUB_RUN_ID = run;
  rt.env.GITHUB_RUN_ATTEMPT = '1';
  await runShiftTrafficStep(rt, TARGETS, lambdaDeps(aws.client, clock));
  return rt;
}

/**
 * The next UpdateAlias answers 412 (RevisionId changed): by then the alias stands at step 2 (50%), in a checkpoint
 * written by `run`, another run's or ours whose answer was lost.
 */
function movedToStep2By(run: string) {
  aws.state.failNext.set('UpdateAlias', [
    () => {
      const a = aws.state.aliases.get('live')!;
      const moved = a.Description!.replace(/s=0 t=\d+ r=500\.1/, `s=1 t=${(T0 + 7 * DAY) / 1000} r=${run}`);
      aws.state.aliases.set('live', {
        FunctionVersion: '1',
        weights: { '2': 0.5 },
        RevisionId: randomUUID(),
        Description: moved,
      });
      return new PreconditionFailedException({
        message: 'The Revision Id provided does not match the latest Revision Id.',
        $metadata: {},
      });
    },
  ]);
}

describe('a checkpointed rollout on the alias', () => {
  it('start writes 10% and the checkpoint in one UpdateAlias, and returns at once', async () => {
    aws.seed(2, { version: '1' });
    const rt = await step('start', '500');
    expect(rt.failed).toBeUndefined();
    expect(rt.outputs).toMatchObject({
      status: 'in-progress',
      weight: '10',
      'next-due': '2026-01-12T09:00:00.000Z',
      'blue-version': '1',
      'green-version': '2',
    });
    expect(updates()).toEqual([
      expect.objectContaining({
        FunctionVersion: '1',
        RoutingConfig: { AdditionalVersionWeights: { '2': 0.1 } },
        Description: expect.stringMatching(/^deploy-actions\/1 g=2 p=[0-9a-f]{8} s=0 t=1767603600 r=500\.1$/),
        RevisionId: expect.any(String),
      }),
    ]);
    expect(aws.description()).toBe(updates()[0]!.Description);
    expect(clock.slept).toEqual([]);
  });

  it('advance before the bake ends writes nothing; after it, moves to 50% with a new checkpoint; then promotes', async () => {
    aws.seed(2, { version: '1' });
    await step('start', '500');
    await clock.sleep(3 * DAY);
    const idle = await step('advance', '501');
    expect(idle.failed).toBeUndefined();
    expect(idle.outputs).toMatchObject({
      status: 'in-progress',
      weight: '10',
      'next-due': '2026-01-12T09:00:00.000Z',
    });
    expect(updates()).toHaveLength(1);

    await clock.sleep(4 * DAY);
    const next = await step('advance', '502');
    expect(next.outputs).toMatchObject({
      status: 'in-progress',
      weight: '50',
      'next-due': '2026-01-19T09:00:00.000Z',
    });
    expect(aws.alias()).toEqual({ version: '1', weights: { '2': 0.5 } });
    expect(aws.description()).toMatch(/ s=1 t=1768208400 r=502\.1$/);

    await clock.sleep(7 * DAY);
    const done = await step('advance', '503');
    expect(done.outputs).toMatchObject({ status: 'promoted', weight: '100', 'next-due': '' });
    expect(aws.alias()).toEqual({ version: '2', weights: {} });
    expect(aws.description()).toBe('');
    expect(updates()).toHaveLength(3);
  });

  it('the post step of a start or advance run does nothing: a cancelled run must not undo the rollout', async () => {
    aws.seed(2, { version: '1' });
    const main = await step('start', '500');
    // As if the job had been cancelled before the main step settled.
    const post = memoryRuntime(
      {},
      { ...main.state, routing: JSON.stringify({ version: '1', green: '2', greenWeight: 0.1 }) },
    );
    await runShiftTrafficStep(post, TARGETS, lambdaDeps(aws.client, clock));
    expect(post.failed).toBeUndefined();
    expect(post.log.join('\n')).toMatch(/mode start leaves the rollout to the next scheduled run/);
    expect(updates()).toHaveLength(1);
    expect(aws.alias()).toEqual({ version: '1', weights: { '2': 0.1 } });
  });

  it('rollback clears the checkpoint in its one write', async () => {
    aws.seed(2, { version: '1' });
    await step('start', '500');
    await rollback({ router: ordersRouter(aws.client), to: 'previous', log });
    expect(updates()[1]).toMatchObject({ Description: '', RoutingConfig: { AdditionalVersionWeights: {} } });
    expect(aws.description()).toBe('');
  });

  it("never touches a user's own alias description: writes without a checkpoint leave Description out", async () => {
    aws.seed(2, { version: '1', green: '2', weight: 0.1, description: 'orders API: live traffic' });
    await rollback({ router: ordersRouter(aws.client), to: 'previous', log });
    expect(updates()[0]).not.toHaveProperty('Description');
    expect(aws.description()).toBe('orders API: live traffic');
  });

  it('a second run that lost the race to the same step exits 0 saying so, with no second write', async () => {
    aws.seed(2, { version: '1' });
    await step('start', '500');
    await clock.sleep(7 * DAY);
    // Run 601 writes 50% between run 602's read and write: 602's UpdateAlias answers 412.
    movedToStep2By('601.1');
    const late = await step('advance', '602');
    expect(late.failed).toBeUndefined();
    expect(late.outputs).toMatchObject({ status: 'in-progress', weight: '50' });
    expect(late.log.join('\n')).toMatch(
      /another run \(601\.1\) moved the rollout to step 2\/3 first; this run changed nothing/,
    );
    expect(aws.description()).toMatch(/r=601\.1$/);
  });

  it('a lost response to our own write is recognised by the checkpoint we wrote, not repeated', async () => {
    aws.seed(2, { version: '1' });
    await step('start', '500');
    await clock.sleep(7 * DAY);
    // The write lands but its answer is lost; the SDK's retry then meets the new RevisionId.
    movedToStep2By('602.1');
    const r = await step('advance', '602');
    expect(r.failed).toBeUndefined();
    expect(r.outputs).toMatchObject({
      status: 'in-progress',
      weight: '50',
      'next-due': '2026-01-19T09:00:00.000Z',
    });
    expect(r.log.join('\n')).not.toMatch(/another run/);
  });

  it('refuses a plan other than the one the rollout started with, naming both, and writes nothing', async () => {
    aws.seed(2, { version: '1' });
    await step('start', '500');
    const r = await step('advance', '501', { steps: '10:7d,30:7d,100' });
    expect(r.failed).toMatch(
      /started with another plan \(hash [0-9a-f]{8}\) than this run's custom 10:7d,30:7d,100 \(hash [0-9a-f]{8}\)/,
    );
    expect(r.outputs.reason).toBe(r.failed);
    expect(updates()).toHaveLength(1);
  });
});
