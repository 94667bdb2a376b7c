import { beforeEach, describe, expect, it } from '@jest/globals';
import { ConcurrentChangeError, DeployError, InputError } from '@deploy-actions/core';
import { fakeClock } from '@deploy-actions/testbed/clock';
import type { Checkpoint } from '@deploy-actions/release/checkpoint';
import { routingAt } from '@deploy-actions/release/routing';
import { GoogleApiError } from '../src/api';
import { CHECKPOINT_ANNOTATION, serviceRouter } from '../src/router';
import { BY_REVISION, runApi, type Service } from '../src/run-api';
import { CFG, FakeRun } from './fake-run';

const BLUE = 'orders-00001-abc';
const GREEN = 'orders-abc1234-1';
let run: FakeRun;
const router = () => serviceRouter(runApi(run, CFG, fakeClock(0)), CFG);
const patches = () => run.writes().filter((c) => c.method === 'PATCH');

beforeEach(() => {
  run = new FakeRun(BLUE);
  run.addRevision(GREEN, 'us-docker.pkg.dev/p/app/orders:2');
  run.service!.traffic = [
    { type: BY_REVISION, revision: BLUE, percent: 100 },
    { type: BY_REVISION, revision: GREEN, percent: 0, tag: 'green' },
  ];
  run.serve();
});

describe('the service traffic router', () => {
  it('moves a step with one traffic-only patch, sending the etag and keeping the tag', async () => {
    const r = router();
    const from = (await r.read())!;
    expect(from).toMatchObject({ version: BLUE, greenWeight: 0 });
    const after = await r.write(routingAt(BLUE, GREEN, 10), from);
    expect(after).toMatchObject({ version: BLUE, green: GREEN, greenWeight: 0.1 });
    expect(patches()).toHaveLength(1);
    expect(patches()[0]).toMatchObject({
      query: { updateMask: 'traffic' },
      body: {
        etag: '"e1"',
        traffic: [
          { type: BY_REVISION, revision: BLUE, percent: 90 },
          { type: BY_REVISION, revision: GREEN, percent: 10, tag: 'green' },
        ],
      },
    });
    // The next step compares with what this run wrote, and goes on.
    await r.write(routingAt(BLUE, GREEN, 100), after);
    expect(run.service!.traffic).toEqual([
      { type: BY_REVISION, revision: GREEN, percent: 100, tag: 'green' },
    ]);
  });

  it('stops on a change by someone else since its last read, writing nothing', async () => {
    const r = router();
    const from = (await r.read())!;
    run.service!.traffic = [{ type: BY_REVISION, revision: BLUE, percent: 100 }];
    run.serve();
    const err = await r.write(routingAt(BLUE, GREEN, 10), from).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConcurrentChangeError);
    expect((err as Error).message).toMatch(
      /^Service orders was changed by someone else since this run read it/,
    );
    expect(patches()).toEqual([]);
  });

  it('treats a refused etag (412, 409) as a concurrent change', async () => {
    const r = router();
    const from = (await r.read())!;
    run.patchError = new GoogleApiError(412, 'FAILED_PRECONDITION', 'etag mismatch', 'update');
    await expect(r.write(routingAt(BLUE, GREEN, 10), from)).rejects.toBeInstanceOf(ConcurrentChangeError);
  });

  it('writes the checkpoint annotation in the same patch as the traffic, and clears it without one', async () => {
    run.service!.annotations = { 'team/owner': 'orders' };
    const r = router();
    const checkpoint: Checkpoint = {
      green: GREEN,
      plan: '3f2a9c01',
      step: 0,
      since: 1_767_225_600_000,
      run: '42.1',
    };
    const after = await r.write(routingAt(BLUE, GREEN, 10), (await r.read())!, checkpoint);
    expect(after.checkpoint).toEqual(checkpoint);
    expect(patches()[0]).toMatchObject({ query: { updateMask: 'traffic,annotations' } });
    expect(run.service!.annotations).toEqual({
      'team/owner': 'orders',
      [CHECKPOINT_ANNOTATION]: `deploy-actions/1 g=${GREEN} p=3f2a9c01 s=0 t=1767225600 r=42.1`,
    });
    await r.write(routingAt(BLUE, GREEN, 0), after);
    expect(run.service!.annotations).toEqual({ 'team/owner': 'orders' });
  });

  it('fails when what serves (trafficStatuses) is not what was written', async () => {
    const r = router();
    const from = (await r.read())!;
    const serve = run.serve.bind(run);
    run.serve = () => {
      serve();
      run.service!.trafficStatuses = [{ type: BY_REVISION, revision: BLUE, percent: 100 }];
    };
    await expect(r.write(routingAt(BLUE, GREEN, 10), from)).rejects.toThrow(
      new DeployError(
        `Service orders holds traffic ${BLUE} 90%, ${GREEN} 10% but serves ${BLUE} 100% (trafficStatuses).`,
      ),
    );
  });

  it('reads a split with the newer revision as green, and refuses three revisions', async () => {
    run.service!.traffic = [
      { type: BY_REVISION, revision: GREEN, percent: 30 },
      { type: BY_REVISION, revision: BLUE, percent: 70 },
    ];
    expect(await router().read()).toMatchObject({ version: BLUE, green: GREEN, greenWeight: 0.3 });
    run.addRevision('orders-third', 'x.io/a/b:3');
    run.service!.traffic.push({ type: BY_REVISION, revision: 'orders-third', percent: 0 });
    run.service!.traffic[0]!.percent = 20;
    run.service!.traffic[2]!.percent = 10;
    await expect(router().read()).rejects.toThrow(/splits traffic between 3 revisions/);
  });

  it('refuses a version that is no revision of the service, naming the input', async () => {
    const err = await router()
      .checkVersion('orders-nope', 'to')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(
      /^Input "to" has value "orders-nope": is no revision of service orders/,
    );
  });

  it('resolves traffic that follows the latest revision to that revision', async () => {
    run.service = {
      ...run.service!,
      traffic: [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST', percent: 100 }],
    } as Service;
    expect(await router().read()).toMatchObject({ version: BLUE, greenWeight: 0 });
  });
});
