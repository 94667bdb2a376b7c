// The Cloud Run stand-in's Admin API over HTTP: operations that finish later, revisions and their names,
// traffic that follows the latest revision or stays explicit, a revision that never becomes Ready, refused
// deletes, a service changed by someone else, tag URLs, Google's errors, faults, auth and validation against
// the published protos. Every test ends with no off-description answer from the stand-in.
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { fakeClock } from '@deploy-actions/testbed/clock';
import { CONTAINER_FAILED, startCloudRun, type CloudRunStandIn } from '@deploy-actions/testbed/cloud-run';

const LATEST = 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST';
const REVISION = 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION';
const IMAGE = 'europe-docker.pkg.dev/demo-project/apps/orders';

let run: CloudRunStandIn;
let clock: ReturnType<typeof fakeClock>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeEach(async () => {
  clock = fakeClock(Date.UTC(2026, 2, 1, 12));
  run = await startCloudRun({ clock, operationDelayMs: 10_000, readableAfterMs: 0 });
});

afterEach(async () => {
  const offSpec = run.violations().filter((v) => v.kind === 'response');
  await run.stop();
  expect(offSpec).toEqual([]);
});

const servicePath = (s = 'orders') => `/v2/projects/${run.project}/locations/${run.region}/services/${s}`;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${run.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${run.token}`, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

async function patch(body: Json, mask?: string, service = 'orders') {
  return call('PATCH', `${servicePath(service)}${mask ? `?updateMask=${mask}` : ''}`, body);
}

/** Moves the clock past the operation delay and reads the operation back. */
async function finish(op: Json): Promise<Json> {
  await clock.sleep(10_000);
  const r = await call('GET', `/v2/${op.name}`);
  expect(r.status).toBe(200);
  expect(r.body.done).toBe(true);
  return r.body;
}

const template = (tag: string, revision?: string) => ({
  ...(revision ? { revision } : {}),
  containers: [{ image: `${IMAGE}:${tag}` }],
});

describe('services and revisions', () => {
  it('a patch that changes the template makes a named revision, Ready only when the operation is done', async () => {
    run.seedService('orders', { image: `${IMAGE}:1`, trafficFollowsLatest: false });
    const blue = run.revisions('orders')[0]!;
    const svc = (await call('GET', servicePath())).body;
    expect(svc.trafficStatuses).toEqual([{ type: REVISION, revision: blue, percent: 100 }]);

    const traffic = [
      { type: REVISION, revision: blue, percent: 100 },
      { type: REVISION, revision: 'orders-green-1', tag: 'green' },
    ];
    const op = await patch({ template: template('2', 'orders-green-1'), traffic }, 'template,traffic');
    expect(op.status).toBe(200);
    expect(op.body.done).toBeUndefined(); // proto3 JSON leaves `done: false` out
    expect(op.body.metadata['@type']).toBe('type.googleapis.com/google.cloud.run.v2.Service');
    const pending = (await call('GET', servicePath())).body;
    expect(pending.reconciling).toBe(true);
    expect(pending.latestCreatedRevision).toMatch(/\/revisions\/orders-green-1$/);
    expect(pending.latestReadyRevision).toMatch(new RegExp(`/revisions/${blue}$`));
    expect((await call('GET', `${servicePath()}/revisions/orders-green-1`)).body.conditions[0]).toMatchObject(
      {
        type: 'Ready',
        state: 'CONDITION_RECONCILING',
      },
    );

    const done = await finish(op.body);
    expect(done.response['@type']).toBe('type.googleapis.com/google.cloud.run.v2.Service');
    const after = (await call('GET', servicePath())).body;
    expect(after.latestReadyRevision).toMatch(/orders-green-1$/);
    expect(after.terminalCondition.state).toBe('CONDITION_SUCCEEDED');
    const tagged = after.trafficStatuses.find((t: Json) => t.tag === 'green');
    expect(tagged).toMatchObject({ type: REVISION, revision: 'orders-green-1' });
    expect(tagged.percent).toBeUndefined();
    expect(run.servingSplit('orders')).toEqual([[blue, 100]]);

    // The tag URL answers as green does, and those probes count in green's requests.
    const probe = await fetch(`${tagged.uri}/health`);
    expect(probe.status).toBe(200);
    expect(await probe.json()).toMatchObject({ revision: 'orders-green-1' });
    expect(run.calls.filter((c) => c.api === 'serve')).toHaveLength(1);
  });

  it('names a revision {service}-NNNNN-xyz when the template gives no name, and makes none for the same template', async () => {
    run.seedService('orders', { image: `${IMAGE}:1` });
    const op = await patch({ template: template('2') }, 'template');
    await finish(op.body);
    expect(run.revisions('orders')[0]).toMatch(/^orders-00002-[a-z]{3}$/);
    const same = await patch({ template: run.service('orders')!.template as Json }, 'template');
    await finish(same.body);
    expect(run.revisions('orders')).toHaveLength(2);
    const clash = await patch({ template: template('3', run.revisions('orders')[1]) }, 'template');
    expect(clash.status).toBe(409);
    expect(clash.body.error.status).toBe('ALREADY_EXISTS');
  });

  it('traffic that follows the latest revision moves to a new one; explicit traffic stays where it is', async () => {
    run.seedService('orders', { image: `${IMAGE}:1` });
    await finish((await patch({ template: template('2') }, 'template')).body);
    const [green] = run.revisions('orders');
    expect(run.servingSplit('orders')).toEqual([[green, 100]]);
    const svc = run.service('orders')!;
    expect(svc.trafficStatuses).toEqual([{ type: LATEST, percent: 100 }]);

    run.seedService('billing', { image: `${IMAGE}:1` });
    const blue = run.revisions('billing')[0]!;
    const traffic = [{ type: REVISION, revision: blue, percent: 100 }];
    await finish((await patch({ template: template('2'), traffic }, 'template,traffic', 'billing')).body);
    expect(run.servingSplit('billing')).toEqual([[blue, 100]]);
    // A patch without a mask replaces the service: an empty traffic sends 100% to the latest revision.
    await finish(
      (await patch({ template: run.service('billing')!.template as Json }, undefined, 'billing')).body,
    );
    expect(run.servingSplit('billing')).toEqual([[run.revisions('billing')[0], 100]]);
  });

  it('a revision that never becomes Ready fails the operation with its message and changes no traffic', async () => {
    run.seedService('orders', { image: `${IMAGE}:1` });
    const blue = run.revisions('orders')[0]!;
    run.failRevisionsWithImage(`${IMAGE}:broken`);
    const traffic = [
      { type: REVISION, revision: blue, percent: 100 },
      { type: REVISION, revision: 'orders-bad', tag: 'green' },
    ];
    const done = await finish(
      (await patch({ template: template('broken', 'orders-bad'), traffic }, 'template,traffic')).body,
    );
    expect(done.error.code).toBe(3);
    expect(done.error.message).toContain(CONTAINER_FAILED);
    const rev = (await call('GET', `${servicePath()}/revisions/orders-bad`)).body;
    expect(rev.conditions[0]).toMatchObject({
      type: 'Ready',
      state: 'CONDITION_FAILED',
      message: CONTAINER_FAILED,
    });
    const svc = run.service('orders')!;
    expect(svc.terminalCondition).toMatchObject({ state: 'CONDITION_FAILED' });
    expect(svc.latestReadyRevision).toMatch(new RegExp(`${blue}$`));
    expect(svc.trafficStatuses).toEqual([{ type: LATEST, percent: 100 }]);
    expect(run.servingSplit('orders')).toEqual([[blue, 100]]);
  });

  it('refuses to delete the latest revision or one that can receive traffic, deletes an idle one later', async () => {
    run.seedService('orders', { image: `${IMAGE}:1`, trafficFollowsLatest: false, tag: 'blue' });
    const first = run.revisions('orders')[0]!;
    const traffic = [{ type: REVISION, revision: first, percent: 100, tag: 'blue' }];
    await finish((await patch({ template: template('2', 'orders-two'), traffic }, 'template,traffic')).body);
    for (const name of ['orders-two', first]) {
      const r = await call('DELETE', `${servicePath()}/revisions/${name}`);
      expect(r.status).toBe(400);
      expect(r.body.error.status).toBe('FAILED_PRECONDITION');
    }
    await finish(
      (await patch({ template: template('3', 'orders-three'), traffic }, 'template,traffic')).body,
    );
    const del = await call('DELETE', `${servicePath()}/revisions/orders-two`);
    expect(del.status).toBe(200);
    expect(run.revisions('orders')).toContain('orders-two');
    await finish(del.body);
    expect(run.revisions('orders')).not.toContain('orders-two');
    expect((await call('GET', `${servicePath()}/revisions/orders-two`)).status).toBe(404);
  });

  it('a service changed by someone else gets a new etag and generation; a stale etag is ABORTED', async () => {
    run.seedService('orders', { image: `${IMAGE}:1` });
    const before = (await call('GET', servicePath())).body;
    run.changeService('orders', (s) => {
      s.labels.owner = 'someone-else';
    });
    const after = (await call('GET', servicePath())).body;
    expect(after.etag).not.toBe(before.etag);
    expect(Number(after.generation)).toBe(Number(before.generation) + 1);
    expect(after.lastModifier).not.toBe(before.lastModifier);
    const stale = await patch({ etag: before.etag, traffic: before.traffic }, 'traffic');
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 409, status: 'ABORTED' });
  });

  it('creates a service (first revision takes all traffic), and a missing one with allowMissing', async () => {
    const parent = `/v2/projects/${run.project}/locations/${run.region}`;
    const created = await call('POST', `${parent}/services?serviceId=fresh`, { template: template('1') });
    expect(created.status).toBe(200);
    expect(
      (await call('POST', `${parent}/services?serviceId=fresh`, { template: template('1') })).status,
    ).toBe(409);
    await finish(created.body);
    expect(run.servingSplit('fresh')).toEqual([[run.revisions('fresh')[0], 100]]);
    expect((await patch({ template: template('1') }, 'template', 'nowhere')).status).toBe(404);
    const upsert = await call('PATCH', `${servicePath('nowhere')}?allowMissing=true`, {
      template: template('1'),
    });
    expect(upsert.status).toBe(200);
    expect((await call('GET', `${parent}/services/other`)).body.error).toMatchObject({
      code: 404,
      status: 'NOT_FOUND',
    });
  });

  it('waits for an operation with :wait, on the clock', async () => {
    run.seedService('orders', { image: `${IMAGE}:1` });
    const op = (await patch({ template: template('2') }, 'template')).body;
    const waited = await call('POST', `/v2/${op.name}:wait`, { timeout: '60s' });
    expect(waited.body.done).toBe(true);
    expect(run.writes().map((c) => c.method)).toEqual(['PATCH']);
  });
});

describe('validation, errors, faults and auth', () => {
  it('answers 400 for what Google rejects, and records each violation', async () => {
    run.seedService('orders', { image: `${IMAGE}:1` });
    const cases: [Json, string | undefined, RegExp][] = [
      [
        { template: { ...template('2'), replicas: 3 } },
        'template',
        /Unknown name "replicas" at 'service.template'/,
      ],
      [
        { traffic: [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_SOME', percent: 100 }] },
        'traffic',
        /traffic\[0\]\.type/,
      ],
      [{ traffic: [{ type: LATEST, percent: 'all' }] }, 'traffic', /TYPE_INT32/],
      [{ template: template('2') }, 'template&validate=yes', /Unknown name "validate".*query parameter/],
    ];
    for (const [body, mask, message] of cases) {
      const r = await patch(body, mask);
      expect(r.status).toBe(400);
      expect(r.body.error.status).toBe('INVALID_ARGUMENT');
      expect(r.body.error.message).toMatch(message);
    }
    const bad = run.violations().filter((v) => v.kind === 'request');
    expect(bad).toHaveLength(cases.length);
    expect(bad[0]!.methodId).toBe('google.cloud.run.v2.Services.UpdateService');
    // Traffic rules Google checks itself, not the description.
    const sum = await patch({ traffic: [{ type: LATEST, percent: 90 }] }, 'traffic');
    expect(sum.body.error.message).toMatch(/add up to 100/);
    expect(run.writes()).toHaveLength(cases.length + 1);
  });

  it('injects 429 and 503 with Google error bodies for the matching requests only', async () => {
    run.seedService('orders', { image: `${IMAGE}:1` });
    run.injectFaults({ status: 503, times: 2, method: 'PATCH' });
    run.injectFaults({ status: 429, method: 'GET', path: '/revisions' });
    expect((await patch({ template: template('2') }, 'template')).body.error).toMatchObject({
      code: 503,
      status: 'UNAVAILABLE',
    });
    expect((await call('GET', servicePath())).status).toBe(200);
    const throttled = await call('GET', `${servicePath()}/revisions`);
    expect(throttled.body.error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED' });
    expect((await patch({ template: template('2') }, 'template')).status).toBe(503);
    expect((await patch({ template: template('2') }, 'template')).status).toBe(200);
    expect(run.calls.filter((c) => c.injected).map((c) => c.status)).toEqual([503, 429, 503]);
  });

  it('wants the bearer token, answering 401 UNAUTHENTICATED otherwise', async () => {
    run.seedService('orders', { image: `${IMAGE}:1` });
    const r = await call('GET', servicePath(), undefined, { authorization: 'Bearer wrong' });
    expect(r.status).toBe(401);
    expect(r.body.error.status).toBe('UNAUTHENTICATED');
    expect(run.violations().map((v) => v.kind)).toEqual(['auth']);
  });

  it('exchanges a federated token at /v1/token as STS does', async () => {
    const res = await fetch(`${run.url}/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
        audience: '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/gh/providers/gh',
        scope: 'https://www.googleapis.com/auth/cloud-platform',
        requested_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        subject_token: 'github-oidc-jwt',
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      }),
    });
    expect(await res.json()).toMatchObject({ access_token: run.token, token_type: 'Bearer' });
  });
});
