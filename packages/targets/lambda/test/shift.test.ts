import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import {
  GetAliasCommand,
  PreconditionFailedException,
  ResourceConflictException,
  ServiceException,
  UpdateAliasCommand,
} from '@aws-sdk/client-lambda';
import { CancelledError, ConcurrentChangeError, InputError, DeployError } from '@deploy-actions/core';
import { shiftTraffic, type ShiftOptions } from '@deploy-actions/release/shift';
import { buildPlan } from '@deploy-actions/release/plan';
import { label } from '../src/routing';
import { ordersRouter, ordersSignals } from './target';
import { healthGate, type HealthConfig } from '@deploy-actions/health';
import { fakeLambda } from './fake-lambda';
import { fakeClock } from '@deploy-actions/testbed/clock';

let aws: ReturnType<typeof fakeLambda>;
let clock: ReturnType<typeof fakeClock>;
let controller: AbortController;
let log: string[];

beforeEach(() => {
  aws = fakeLambda();
  clock = fakeClock();
  controller = new AbortController();
  log = [];
});
afterEach(() => aws.mock.restore());

function plan(steps: string, bake = 0) {
  return buildPlan({
    strategy: '',
    steps,
    bakeMs: bake,
    bakeGiven: true,
    canaryPercent: 10,
    linearPercent: 10,
  });
}

function options(over: Partial<ShiftOptions> = {}): ShiftOptions {
  return {
    router: ordersRouter(aws.client, clock),
    green: '2',
    plan: plan('10,50,100'),
    intervalMs: 60_000,
    finalWatchMs: 0,
    onInconclusive: 'fail',
    onUnhealthy: 'rollback',
    onCancel: 'rollback',
    log: { info: (m) => log.push(m), warning: (m) => log.push(`warning: ${m}`) },
    clock,
    signal: controller.signal,
    ...over,
  };
}

/** The health gate with only the invoke probe, as shift-traffic builds it from invoke-payload. */
function invokeGate(invoke: NonNullable<HealthConfig['invoke']>) {
  const cfg: HealthConfig = {
    alarms: { names: [], prefixes: [] },
    invoke,
    durationMs: 0,
    intervalMs: 60_000,
    consecutiveFailures: 1,
    onInconclusive: 'fail',
  };
  return healthGate(cfg, { signals: ordersSignals(aws.client) }, clock, { info: (m) => log.push(m) }, label);
}

const updates = () => aws.mock.commandCalls(UpdateAliasCommand).map((c) => c.args[0].input);

describe('shiftTraffic', () => {
  it('moves 10% → 50% → 100% in three writes and leaves no routing config', async () => {
    aws.seed(2, { version: '1' });
    const r = await shiftTraffic(options());
    expect(r.status).toBe('promoted');
    expect(updates().map((u) => [u.FunctionVersion, u.RoutingConfig?.AdditionalVersionWeights])).toEqual([
      ['1', { '2': 0.1 }],
      ['1', { '2': 0.5 }],
      ['2', {}],
    ]);
    expect(aws.alias()).toEqual({ version: '2', weights: {} });
    expect(r.timeline.map((t) => t.percent)).toEqual([10, 50, 100]);
  });

  it('guards every write with the RevisionId read just before it', async () => {
    aws.seed(2, { version: '1' });
    const revisions: string[] = [];
    aws.mock.on(GetAliasCommand).callsFake(() => {
      const a = aws.state.aliases.get('live')!;
      revisions.push(a.RevisionId);
      return {
        FunctionVersion: a.FunctionVersion,
        RoutingConfig: { AdditionalVersionWeights: a.weights },
        RevisionId: a.RevisionId,
      };
    });
    await shiftTraffic(options({ plan: plan('10,50,100', 1000) }));
    // One read before the first step, one after each bake: each write carries the revision of the read before it.
    expect(updates().map((u) => u.RevisionId)).toEqual(revisions);
  });

  it('bakes between steps and logs progress with the time to the next check', async () => {
    aws.seed(2, { version: '1' });
    const r = await shiftTraffic(options({ plan: plan('10,100', 5 * 60_000) }));
    expect(r.status).toBe('promoted');
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBe(5 * 60_000);
    expect(log).toContain('step 1/2: 10% to v2, next check in 5m');
    expect(log).toContain('step 1/2: 10% on v2, baked 30s of 5m, next check in 4m30s');
  });

  it('stops and changes nothing more when someone else rewrites the alias during a bake', async () => {
    aws.seed(3, { version: '1' });
    clock.onSleep = () => aws.hijack('3');
    await expect(shiftTraffic(options({ plan: plan('10,100', 60_000) }))).rejects.toThrow(
      ConcurrentChangeError,
    );
    expect(updates()).toHaveLength(1);
    expect(aws.alias()).toEqual({ version: '3', weights: {} });
  });

  it('reports a concurrent deployment on a 412 and leaves the other writer alone', async () => {
    aws.seed(3, { version: '1' });
    aws.state.failNext.set('UpdateAlias', [
      () => {
        aws.hijack('3');
        return new PreconditionFailedException({
          message: 'The Revision Id provided does not match the latest Revision Id.',
          $metadata: {},
        });
      },
    ]);
    await expect(shiftTraffic(options())).rejects.toThrow(
      /changed by someone else.*now 100% on v3.*changed nothing more/,
    );
    expect(aws.alias()).toEqual({ version: '3', weights: {} });
  });

  it('treats a 412 on a retried write that already landed as success', async () => {
    aws.seed(2, { version: '1' });
    aws.state.failNext.set('UpdateAlias', [
      () => {
        // The first attempt was applied but its response lost; the SDK's retry then meets a new RevisionId.
        aws.state.aliases.set('live', {
          FunctionVersion: '1',
          weights: { '2': 0.1 },
          RevisionId: 'after-first-attempt',
        });
        return new PreconditionFailedException({
          message: 'The Revision Id provided does not match the latest Revision Id.',
          $metadata: {},
        });
      },
    ]);
    const r = await shiftTraffic(options());
    expect(r.status).toBe('promoted');
  });

  it('retries a 409 ResourceConflictException on the alias write', async () => {
    aws.seed(2, { version: '1' });
    aws.state.failNext.set('UpdateAlias', [
      new ResourceConflictException({ message: 'An update is in progress', $metadata: {} }),
    ]);
    const r = await shiftTraffic(options());
    expect(r.status).toBe('promoted');
    expect(clock.slept).toContain(1000);
  });

  it('rolls back to 100% blue in one write when the invoke gate fails', async () => {
    aws.seed(2, { version: '1' });
    aws.state.invoke = (v) =>
      v === '2' ? { body: '{"errorMessage":"boom"}', error: 'Unhandled' } : { body: 'ok', error: undefined };
    const r = await shiftTraffic(options({ gate: invokeGate({ payload: '{}' }) }));
    expect(r.status).toBe('rolled-back');
    expect(r.failure).toMatch(
      /health unhealthy at step 1\/3 \(10% on v2\): invoke: v2 returned a function error \(Unhandled\).*Traffic restored: 100% on v1/,
    );
    expect(updates().map((u) => [u.FunctionVersion, u.RoutingConfig?.AdditionalVersionWeights])).toEqual([
      ['1', { '2': 0.1 }],
      ['1', {}],
    ]);
  });

  it('checks after the final step too: all-at-once with a failing gate ends back on blue', async () => {
    aws.seed(2, { version: '1' });
    aws.state.invoke = (v) => ({ body: v === '2' ? 'crashed' : 'ok', error: undefined });
    const allAtOnce = buildPlan({
      strategy: 'all-at-once',
      steps: '',
      bakeMs: 0,
      bakeGiven: false,
      canaryPercent: 10,
      linearPercent: 10,
    });
    const expectOk = { describe: '"ok"', test: (t: string) => t.includes('ok') };
    const r = await shiftTraffic(
      options({ plan: allAtOnce, gate: invokeGate({ payload: '{}', expect: expectOk }) }),
    );
    expect(r.status).toBe('rolled-back');
    expect(r.failure).toMatch(/at step 1\/1 \(100% on v2\).*Traffic restored: 100% on v1/);
    expect(updates().map((u) => u.FunctionVersion)).toEqual(['2', '1']);
  });

  it('leaves traffic where it is on an unhealthy verdict when on-unhealthy is fail', async () => {
    aws.seed(2, { version: '1' });
    aws.state.invoke = () => ({ body: 'nope', error: undefined });
    const expect200 = { describe: '"ok"', test: (s: string) => s.includes('ok') };
    const r = await shiftTraffic(
      options({ onUnhealthy: 'fail', gate: invokeGate({ payload: '{}', expect: expect200 }) }),
    );
    expect(r.status).toBe('in-progress');
    expect(r.failure).toMatch(/does not match "ok".*on-unhealthy is fail: traffic stays at v1 90% \/ v2 10%/);
    expect(aws.alias()).toEqual({ version: '1', weights: { '2': 0.1 } });
  });

  it('puts traffic back on blue when cancelled mid-bake', async () => {
    aws.seed(2, { version: '1' });
    clock.onSleep = () => controller.abort(new CancelledError('SIGTERM'));
    const r = await shiftTraffic(options({ plan: plan('10,50,100', 60_000) }));
    expect(r.status).toBe('rolled-back');
    expect(r.failure).toMatch(/Cancelled at step 1\/3. Traffic restored: 100% on v1/);
    expect(aws.alias()).toEqual({ version: '1', weights: {} });
  });

  it('keeps the split when cancelled with on-cancel leave', async () => {
    aws.seed(2, { version: '1' });
    clock.onSleep = () => controller.abort(new CancelledError('SIGINT'));
    const r = await shiftTraffic(options({ onCancel: 'leave', plan: plan('10,50,100', 60_000) }));
    expect(r.status).toBe('in-progress');
    expect(aws.alias()).toEqual({ version: '1', weights: { '2': 0.1 } });
  });

  it('reports 100% on green when cancelled with on-cancel leave while watching after the last step', async () => {
    aws.seed(2, { version: '1' });
    const gate = invokeGate({ payload: '{}' });
    clock.onSleep = () => controller.abort(new CancelledError('SIGTERM'));
    const r = await shiftTraffic(
      options({ onCancel: 'leave', plan: plan('100'), gate, finalWatchMs: 300_000, intervalMs: 60_000 }),
    );
    expect(r).toMatchObject({ status: 'promoted', percent: 100 });
    expect(aws.alias()).toEqual({ version: '2', weights: {} });
  });

  it('restores blue when AWS keeps failing mid-shift, and says so', async () => {
    aws.seed(2, { version: '1' });
    // The second step's write fails after the SDK's own retries.
    clock.onSleep = () =>
      aws.state.failNext.set('UpdateAlias', [
        new ServiceException({ message: 'Internal error', $metadata: {} }),
      ]);
    const r = await shiftTraffic(options({ plan: plan('10,50,100', 1000) }));
    expect(r.status).toBe('rolled-back');
    expect(r.failure).toMatch(/Step 2\/3 failed: Internal error. Traffic restored: 100% on v1/);
    expect(aws.alias()).toEqual({ version: '1', weights: {} });
  });

  it('resumes an unfinished split of the same green from its current weight', async () => {
    aws.seed(2, { version: '1', green: '2', weight: 0.1 });
    const r = await shiftTraffic(options());
    expect(r.status).toBe('promoted');
    expect(updates().map((u) => u.RoutingConfig?.AdditionalVersionWeights)).toEqual([{ '2': 0.5 }, {}]);
  });

  it('refuses to touch an alias split to a third version', async () => {
    aws.seed(3, { version: '1', green: '3', weight: 0.2 });
    await expect(shiftTraffic(options())).rejects.toThrow(/split between v1 and v3/);
    expect(updates()).toHaveLength(0);
  });

  it('does nothing when green already has 100%', async () => {
    aws.seed(2, { version: '2' });
    const r = await shiftTraffic(options());
    expect(r.status).toBe('promoted');
    expect(updates()).toHaveLength(0);
  });

  it('names green-version when that version does not exist, before any write', async () => {
    aws.seed(1, { version: '1' });
    await expect(shiftTraffic(options({ green: '9' }))).rejects.toThrow(InputError);
    await expect(shiftTraffic(options({ green: '9' }))).rejects.toThrow(
      /Input "green-version" has value "9"/,
    );
    expect(updates()).toHaveLength(0);
  });

  it('refuses versions with different execution roles, before any write', async () => {
    aws.seed(1, { version: '1' });
    aws.state.latest = {
      ...aws.state.latest,
      Role: 'arn:aws:iam::123456789012:role/other',
      CodeSha256: 'new',
    };
    aws.state.versions.set('2', { ...aws.state.latest, Version: '2' });
    await expect(shiftTraffic(options())).rejects.toThrow(DeployError);
    await expect(shiftTraffic(options())).rejects.toThrow(/execution role/);
    expect(updates()).toHaveLength(0);
  });

  it('stops at the last step of a plan below 100% and leaves the split', async () => {
    aws.seed(2, { version: '1' });
    const r = await shiftTraffic(options({ plan: plan('5,25') }));
    expect(r).toMatchObject({ status: 'in-progress', percent: 25 });
    expect(aws.alias()).toEqual({ version: '1', weights: { '2': 0.25 } });
  });
});
