import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { UpdateAliasCommand, PreconditionFailedException, ServiceException } from '@aws-sdk/client-lambda';
import { rollback } from '@deploy-actions/release/rollback';
import { runRollback } from '@deploy-actions/release/run/rollback';
import { runShiftTrafficStep } from '@deploy-actions/release/run/shift-traffic';
import { lambdaDeps, ORDERS, ordersRouter, TARGETS } from './target';
import { fakeLambda } from './fake-lambda';
import { fakeClock, memoryRuntime } from '@deploy-actions/testbed/runtime';

let aws: ReturnType<typeof fakeLambda>;
const log = { info: () => {}, warning: () => {} };

beforeEach(() => {
  aws = fakeLambda();
});
afterEach(() => aws.mock.restore());

const updates = () => aws.mock.commandCalls(UpdateAliasCommand);
const deps = () => lambdaDeps(aws.client, fakeClock());

describe('rollback', () => {
  it('to: previous puts 100% back on the blue version of a split, in one write, and reads it back', async () => {
    aws.seed(2, { version: '1', green: '2', weight: 0.5 });
    const r = await rollback({
      router: ordersRouter(aws.client),
      to: 'previous',
      log,
    });
    expect(r).toMatchObject({
      fromVersion: '2',
      toVersion: '1',
      changed: true,
      before: 'v1 50% / v2 50%',
      after: '100% on v1',
    });
    expect(updates()).toHaveLength(1);
    expect(aws.alias()).toEqual({ version: '1', weights: {} });
  });

  it('to: <version> sets the alias to that version', async () => {
    aws.seed(3, { version: '3' });
    const r = await rollback({ router: ordersRouter(aws.client), to: '2', log });
    expect(r).toMatchObject({ fromVersion: '3', toVersion: '2' });
    expect(aws.alias()).toEqual({ version: '2', weights: {} });
  });

  it('without a split and without a version, asks for the input "to" and writes nothing', async () => {
    aws.seed(3, { version: '3' });
    await expect(rollback({ router: ordersRouter(aws.client), to: 'previous', log })).rejects.toThrow(
      /Input "to" has value "previous": found no unfinished split to undo: alias "live" sends 100% to v3. Give the version to return to, for example to: 2/,
    );
    expect(updates()).toHaveLength(0);
  });

  it('names "to" when the version does not exist', async () => {
    aws.seed(2, { version: '2' });
    await expect(rollback({ router: ordersRouter(aws.client), to: '7', log })).rejects.toThrow(
      /Input "to" has value "7"/,
    );
    expect(updates()).toHaveLength(0);
  });

  it('stops on a 412: someone else changed the alias between the read and the write', async () => {
    aws.seed(3, { version: '1', green: '2', weight: 0.1 });
    aws.state.failNext.set('UpdateAlias', [
      () => {
        aws.hijack('3');
        return new PreconditionFailedException({
          message: 'The Revision Id provided does not match the latest Revision Id.',
          $metadata: {},
        });
      },
    ]);
    await expect(rollback({ router: ordersRouter(aws.client), to: 'previous', log })).rejects.toThrow(
      /changed by someone else/,
    );
    expect(aws.alias()).toEqual({ version: '3', weights: {} });
  });

  it('the action sets from-version / to-version and a summary with the reason', async () => {
    aws.seed(2, { version: '1', green: '2', weight: 0.1 });
    const rt = memoryRuntime({ 'function-name': 'orders', reason: 'p99 latency doubled' });
    await runRollback(rt, TARGETS, deps());
    expect(rt.failed).toBeUndefined();
    expect(rt.outputs).toEqual({ 'from-version': '2', 'to-version': '1', changed: 'true' });
    expect(rt.summaryText).toContain('p99 latency doubled');
  });

  it('only-if-split without a split succeeds writing nothing, and says so', async () => {
    aws.seed(3, { version: '3' });
    const rt = memoryRuntime({ 'function-name': 'orders', 'only-if-split': 'true' });
    await runRollback(rt, TARGETS, deps());
    expect(rt.failed).toBeUndefined();
    expect(updates()).toHaveLength(0);
    expect(rt.outputs).toEqual({ 'from-version': '3', 'to-version': '3', changed: 'false' });
    expect(rt.summaryText).toContain(
      'Alias "live" sends 100% to v3, so only-if-split left it as it is. Nothing was changed in AWS.',
    );
  });

  it('only-if-split with a split undoes it', async () => {
    aws.seed(2, { version: '1', green: '2', weight: 0.25 });
    const rt = memoryRuntime({ 'function-name': 'orders', 'only-if-split': 'true' });
    await runRollback(rt, TARGETS, deps());
    expect(rt.failed).toBeUndefined();
    expect(aws.alias()).toEqual({ version: '1', weights: {} });
    expect(rt.outputs).toEqual({ 'from-version': '2', 'to-version': '1', changed: 'true' });
  });
});

describe('shift-traffic post step', () => {
  const killedMain = (over: Record<string, string> = {}) => ({
    isPost: 'true',
    target: 'lambda',
    config: JSON.stringify(ORDERS),
    green: '2',
    blue: '1',
    'on-cancel': 'rollback',
    routing: JSON.stringify({ version: '1', green: '2', greenWeight: 0.5 }),
    ...over,
  });

  it('restores blue when the main step died mid-shift', async () => {
    aws.seed(2, { version: '1', green: '2', weight: 0.5 });
    const rt = memoryRuntime({}, killedMain());
    await runShiftTrafficStep(rt, TARGETS, deps());
    expect(rt.failed).toBeUndefined();
    expect(aws.alias()).toEqual({ version: '1', weights: {} });
    expect(rt.log.join('\n')).toMatch(/interrupted at v1 50% \/ v2 50%; the post step restored 100% on v1/);
  });

  it('does nothing after a main step that settled (finished, rolled back or failed cleanly)', async () => {
    aws.seed(2, { version: '1', green: '2', weight: 0.5 });
    const rt = memoryRuntime({}, killedMain({ settled: 'true' }));
    await runShiftTrafficStep(rt, TARGETS, deps());
    expect(updates()).toHaveLength(0);
  });

  it('leaves the split when on-cancel is leave', async () => {
    aws.seed(2, { version: '1', green: '2', weight: 0.5 });
    const rt = memoryRuntime({}, killedMain({ 'on-cancel': 'leave' }));
    await runShiftTrafficStep(rt, TARGETS, deps());
    expect(updates()).toHaveLength(0);
    expect(rt.log.join('\n')).toMatch(/on-cancel is leave/);
  });

  it('leaves an alias that someone else has taken since', async () => {
    aws.seed(3, { version: '3' });
    const rt = memoryRuntime({}, killedMain());
    await runShiftTrafficStep(rt, TARGETS, deps());
    expect(updates()).toHaveLength(0);
    expect(rt.log.join('\n')).toMatch(/someone else is deploying, so it was left alone/);
  });

  it('leaves a shift whose last write (100% on green) landed before the kill', async () => {
    aws.seed(2, { version: '2' });
    const rt = memoryRuntime({}, killedMain({ routing: JSON.stringify({ version: '2', greenWeight: 0 }) }));
    await runShiftTrafficStep(rt, TARGETS, deps());
    expect(updates()).toHaveLength(0);
  });

  it('retries the restore when the main step could not put traffic back on blue', async () => {
    aws.seed(2, { version: '1' });
    const clock = fakeClock();
    // After step 1, both the step-2 write and the restore write fail (after the SDK's own retries).
    const failing = () =>
      new ServiceException({ message: 'We encountered an internal error.', $metadata: {} });
    clock.onSleep = () => aws.state.failNext.set('UpdateAlias', [failing(), failing()]);
    const main = memoryRuntime({
      'function-name': 'orders',
      'green-version': '2',
      steps: '10,50,100',
      'bake-time': '1m',
    });
    await runShiftTrafficStep(main, TARGETS, lambdaDeps(aws.client, clock));
    expect(main.failed).toMatch(
      /Step 2\/3 failed: We encountered an internal error. Restoring 100% on v1 failed too: We encountered an internal error. The alias was last set to v1 90% \/ v2 10%; run the rollback action./,
    );
    expect(main.outputs).toEqual({
      status: 'in-progress',
      weight: '10',
      'blue-version': '1',
      'green-version': '2',
      // What the release record and its notification give as the reason.
      reason: main.failed,
    });
    expect(main.state.settled).toBeUndefined();
    expect(aws.alias()).toEqual({ version: '1', weights: { '2': 0.1 } });

    const post = memoryRuntime({}, main.state);
    await runShiftTrafficStep(post, TARGETS, deps());
    expect(post.failed).toBeUndefined();
    expect(aws.alias()).toEqual({ version: '1', weights: {} });
  });

  it('main step marks itself for the post step and saves what it needs before the first write', async () => {
    aws.seed(2, { version: '1' });
    const rt = memoryRuntime({
      'function-name': 'orders',
      'green-version': '2',
      steps: '10,100',
      'bake-time': '0',
    });
    await runShiftTrafficStep(rt, TARGETS, deps());
    expect(rt.failed).toBeUndefined();
    expect(rt.outputs).toEqual({
      status: 'promoted',
      weight: '100',
      'blue-version': '1',
      'green-version': '2',
    });
    expect(rt.state).toMatchObject({
      isPost: 'true',
      target: 'lambda',
      blue: '1',
      green: '2',
      settled: 'true',
    });
    expect(rt.summaryText).toMatch(/\| time \(UTC\) \| elapsed \| step \| green \| event \|/);
  });
});
