import { beforeEach, describe, expect, it } from '@jest/globals';
import { DeployError } from '@deploy-actions/core';
import { fakeClock } from '@deploy-actions/testbed/clock';
import { deployCloudRun } from '../src/deploy';
import type { CloudRunDeployInputs } from '../src/deploy-inputs';
import { BY_REVISION, LATEST, runApi, type Service } from '../src/run-api';
import { CFG, FakeRun } from './fake-run';

const IMAGE = 'us-docker.pkg.dev/p/app/orders:2';
const inputs = (over: Partial<CloudRunDeployInputs> = {}): CloudRunDeployInputs => ({
  image: IMAGE,
  revision: 'orders-abc1234-1',
  tag: 'green',
  settings: {},
  ...over,
});

let run: FakeRun;
let log: string[];
const deploy = (d = inputs(), waitTimeoutMs = 60_000) =>
  deployCloudRun(runApi(run, CFG, fakeClock(0)), CFG, d, {
    waitTimeoutMs,
    log: { info: (m) => log.push(m), warning: (m) => log.push(`warning: ${m}`) },
  });
const patches = () => run.writes().filter((c) => c.method === 'PATCH');
const served = (s: Service | undefined) => (s?.trafficStatuses ?? []).filter((t) => (t.percent ?? 0) > 0);

beforeEach(() => {
  run = new FakeRun();
  run.pollsBeforeDone = 3;
  log = [];
});

describe('deploy-green on Cloud Run', () => {
  it('gives a new revision 0% and its tag in one patch, pinning blue when traffic followed the latest revision', async () => {
    const r = await deploy();
    expect(r).toEqual({
      green: 'orders-abc1234-1',
      blue: 'orders-00001-abc',
      changed: true,
      created: false,
      greenUrl: 'https://green---orders-xyz-uc.a.run.app',
    });
    expect(patches()).toHaveLength(1);
    const [patch] = patches();
    expect(patch!.query.updateMask).toBe('template.revision,template.containers,traffic');
    expect(patch!.body).toMatchObject({
      etag: '"e1"',
      template: { revision: 'orders-abc1234-1', containers: [{ image: IMAGE }] },
      traffic: [
        { type: BY_REVISION, revision: 'orders-00001-abc', percent: 100 },
        { type: BY_REVISION, revision: 'orders-abc1234-1', percent: 0, tag: 'green' },
      ],
    });
    // The new revision is the latest ready one now, yet blue still serves everything.
    expect(run.service!.latestReadyRevision).toMatch(/orders-abc1234-1$/);
    expect(served(run.service)).toEqual([
      expect.objectContaining({ revision: 'orders-00001-abc', percent: 100 }),
    ]);
    // The operation was waited for: polled until done.
    expect(run.calls.filter((c) => c.path.includes('/operations/'))).toHaveLength(3);
  });

  it('sends the settings given and keeps blue’s variables from secrets', async () => {
    run.service!.template!.containers![0]!.env = [
      { name: 'MODE', value: 'blue' },
      { name: 'DB_PASSWORD', valueSource: { secretKeyRef: { secret: 'db', version: 'latest' } } },
    ];
    await deploy(
      inputs({
        settings: { env: { MODE: 'canary' }, cpu: '2', memory: '1Gi', concurrency: 40, minInstances: 1 },
      }),
    );
    const [patch] = patches();
    expect(patch!.query.updateMask).toBe(
      'template.revision,template.containers,template.scaling.minInstanceCount,template.maxInstanceRequestConcurrency,traffic',
    );
    expect((patch!.body as Service).template).toMatchObject({
      containers: [
        {
          image: IMAGE,
          env: [
            { name: 'MODE', value: 'canary' },
            { name: 'DB_PASSWORD', valueSource: expect.anything() },
          ],
          resources: { limits: { cpu: '2', memory: '1Gi' } },
        },
      ],
      scaling: { minInstanceCount: 1 },
      maxInstanceRequestConcurrency: 40,
    });
  });

  it('moves the tag from the last release’s revision, keeping other tags', async () => {
    run.addRevision('orders-old-1', 'x.io/a/b:0');
    run.service!.traffic = [
      { type: BY_REVISION, revision: 'orders-00001-abc', percent: 100, tag: 'stable' },
      { type: BY_REVISION, revision: 'orders-old-1', percent: 0, tag: 'green' },
    ];
    await deploy();
    expect((patches()[0]!.body as Service).traffic).toEqual([
      { type: BY_REVISION, revision: 'orders-00001-abc', percent: 100, tag: 'stable' },
      { type: BY_REVISION, revision: 'orders-abc1234-1', percent: 0, tag: 'green' },
    ]);
  });

  it('fails with the revision’s condition message when it never becomes Ready, traffic as it was', async () => {
    const before = structuredClone(run.service!.traffic);
    run.neverReady.set(
      'orders-abc1234-1',
      'The user-provided container failed to start and listen on PORT=8080.',
    );
    const err = await deploy().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeployError);
    expect((err as Error).message).toBe(
      'Revision orders-abc1234-1 did not become Ready: The user-provided container failed to start and listen on PORT=8080. Traffic is as it was: 100% on orders-00001-abc.',
    );
    expect(run.service!.traffic).toEqual(before);
    expect(served(run.service)).toEqual([expect.objectContaining({ type: LATEST, percent: 100 })]);
  });

  it('fails naming wait-timeout when the operation does not finish in time', async () => {
    run.pollsBeforeDone = 1000;
    await expect(deploy(inputs(), 10_000)).rejects.toThrow(/had not finished after 10s \(wait-timeout\)/);
  });

  it('creates a missing service whose first revision takes all traffic', async () => {
    run.service = undefined;
    const r = await deploy();
    expect(r).toMatchObject({
      green: 'orders-abc1234-1',
      blue: 'orders-abc1234-1',
      created: true,
      changed: true,
    });
    const [create] = run.writes();
    expect(create).toMatchObject({ method: 'POST', query: { serviceId: 'orders' } });
    expect((create!.body as Service).traffic).toEqual([
      { type: BY_REVISION, revision: 'orders-abc1234-1', percent: 100, tag: 'green' },
    ]);
  });

  it('reuses the revision of a re-run with the same image, writing nothing', async () => {
    await deploy();
    const writes = run.writes().length;
    const again = await deploy();
    expect(again).toMatchObject({ green: 'orders-abc1234-1', blue: 'orders-00001-abc', changed: false });
    expect(run.writes()).toHaveLength(writes);
  });

  it('refuses a revision name taken by another image, and a split in progress, writing nothing', async () => {
    run.addRevision('orders-abc1234-1', 'us-docker.pkg.dev/p/app/orders:other');
    await expect(deploy()).rejects.toThrow(
      /already exists with image .*orders:other, not .*orders:2: give another revision-suffix/,
    );
    run.addRevision('orders-two', IMAGE);
    run.service!.traffic = [
      { type: BY_REVISION, revision: 'orders-00001-abc', percent: 90 },
      { type: BY_REVISION, revision: 'orders-two', percent: 10 },
    ];
    await expect(deploy(inputs({ revision: 'orders-three' }))).rejects.toThrow(
      'Service orders splits its traffic (orders-00001-abc 90%, orders-two 10%)',
    );
    expect(run.writes()).toEqual([]);
  });
});
