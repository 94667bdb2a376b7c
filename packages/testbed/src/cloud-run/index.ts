// A local Cloud Run Admin API v2 and Cloud Monitoring v3 stand-in (Google has no emulator of either). Every
// request and response is checked against Google's published description (fixtures/cloud-run/google-api.json,
// the protos of Google's npm client packages; see google-api.ts): a request Google would reject is answered 400
// INVALID_ARGUMENT and recorded in violations(), and so is any answer of the stand-in off the description.
//
//   const run = await startCloudRun({ clock, readableAfterMs: 180_000, operationDelayMs: 10_000 });
//   run.seedService('orders', { image: 'europe-docker.pkg.dev/p/r/orders:1', trafficFollowsLatest: true });
//   // point the target at run.url (api-endpoint and monitoring-endpoint) with `Authorization: Bearer ${run.token}`
//   run.failRevisionsWithImage('europe-docker.pkg.dev/p/r/orders:broken');  // never Ready, Google's message
//   run.changeService('orders', (s) => { s.labels.touched = 'yes'; });      // someone else: new etag, generation
//   run.injectFaults({ status: 503, times: 2, method: 'PATCH' });           // Google's UNAVAILABLE body
//   const traffic = startCloudRunTraffic({ standIn: run, service: 'orders', clock, ratePerMinute: 600,
//     revisions: { 'orders-green': { errorRate: 0.2, latencyMs: { p50: 80, p95: 300 } } } });
//   ... run.writes(), run.violations(), await traffic.stop(), await run.stop()
//
// Served at run.url: services get/create/patch (updateMask, allowMissing), revisions get/list/delete,
// operations get/wait under /v2/projects/{p}/locations/{l}/...; GET /v3/projects/{p}/timeSeries (request_count,
// request_latencies of cloud_run_revision); POST /v1/token (STS) and
// /v1/projects/-/serviceAccounts/{sa}:generateAccessToken for external_account credentials, and
// :generateIdToken for the ID tokens a service seeded with requiresAuthentication wants (its URLs answer 403
// without one). Each service and each traffic tag answers on its own loopback origin (the `uri` in the service
// and in trafficStatuses), as its revision behaves (behave()), and what it serves is counted in Monitoring
// under that revision.
// Modelled: operations done `operationDelayMs` later on the clock; a template change makes a revision
// ({service}-{suffix} from template.revision, else {service}-NNNNN-xyz); traffic per revision or LATEST, tags,
// trafficStatuses (LATEST entries name no revision), latestReady/CreatedRevision, conditions; a stale etag in
// a PATCH is ABORTED (409); deleting the latest or a revision that can receive traffic is FAILED_PRECONDITION;
// Monitoring data readable `readableAfterMs` after its minute ends.
import { systemClock } from '@deploy-actions/core';
import { mulberry32 } from '../proxy';
import { adminApi, type AdminContext } from './admin';
import { googleApi } from './google-api';
import { startFront } from './http';
import { CONTAINER_FAILED, revisionJson, serviceJson, settle } from './model';
import { monitoringStore } from './monitoring';
import { startServing } from './serving';
import type { IdTokens } from './sts';
import { LATEST, REVISION } from './traffic-rules';
import type {
  CloudRunCall,
  CloudRunFault,
  CloudRunOptions,
  CloudRunStandIn,
  CloudRunViolation,
  Json,
  RevisionBehaviour,
} from './types';

export type * from './types';
export { startCloudRunTraffic } from './traffic';
export type { CloudRunTraffic, CloudRunTrafficOptions, CloudRunTrafficLedger } from './traffic';
export { CONTAINER_FAILED } from './model';
export { googleApi, type GoogleApi } from './google-api';

const HEALTHY: RevisionBehaviour = { errorRate: 0, latencyMs: { p50: 20, p95: 40 } };
export async function startCloudRun(opts: CloudRunOptions = {}): Promise<CloudRunStandIn> {
  const api = googleApi();
  const clock = opts.clock ?? systemClock;
  const token = opts.token ?? 'ya29.cloud-run-stand-in-token';
  const random = mulberry32(opts.seed ?? 1);
  const readableAfterMs = opts.readableAfterMs ?? 180_000;
  const operationDelayMs = opts.operationDelayMs ?? 10_000;
  const calls: CloudRunCall[] = [];
  const violations: CloudRunViolation[] = [];
  const behaviours = new Map<string, RevisionBehaviour>();
  let faults: (CloudRunFault & { left: number })[] = [];
  const idTokens: IdTokens = new Map();
  const privateServices = new Set<string>();

  const model: AdminContext = {
    project: opts.project ?? 'demo-project',
    region: opts.region ?? 'europe-west1',
    clock,
    services: new Map(),
    revisions: new Map(),
    operations: new Map(),
    failImages: new Map(),
    operationDelayMs,
    random,
    uri: () => undefined,
    caller: 'deployer@demo-project.iam.gserviceaccount.com',
  };
  const monitoring = monitoringStore({
    clock,
    project: model.project,
    region: model.region,
    readableAfterMs,
  });
  const split = (service: string): [string, number][] => {
    settle(model);
    const out = new Map<string, number>();
    for (const t of model.services.get(service)?.statuses ?? [])
      if (t.percent > 0) out.set(t.served, (out.get(t.served) ?? 0) + t.percent);
    return [...out];
  };
  const serving = await startServing({
    clock,
    random,
    route: (service, tag) =>
      tag === undefined
        ? split(service)
        : model.services.get(service)?.statuses.find((t) => t.tag === tag)?.served,
    behaviour: (r) => behaviours.get(r) ?? HEALTHY,
    record: monitoring.record,
    call: (c) => calls.push(c),
    allowed: (service, authorization) => {
      if (!privateServices.has(service)) return true;
      const minted = idTokens.get(/^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? '');
      // The audience a service accepts is its run.app URL, whichever of its URLs is called.
      return !!minted && minted.audience === serving.uri(service) && clock.now() < minted.expiresAt;
    },
  });
  model.uri = serving.uri;
  const admin = adminApi(model);

  const front = await startFront({
    token,
    clock,
    calls,
    violations,
    idTokens,
    faults: () => faults,
    answer: async (desc, r) => {
      settle(model);
      if (desc.id === 'google.monitoring.v3.MetricService.ListTimeSeries') return monitoring.list(r.request);
      return admin.handlers[desc.id]!(r);
    },
  });

  const getJson = (name: string) => {
    settle(model);
    const s = model.services.get(name);
    return s && serviceJson(model, s, serving.uri);
  };

  return {
    url: front.url,
    token,
    project: model.project,
    region: model.region,
    clock,
    readableAfterMs,
    operationDelayMs,
    apiSource: api.source,
    seedService(name, o) {
      const template: Json = {
        ...(o.revisionSuffix ? { revision: `${name}-${o.revisionSuffix}` } : {}),
        containers: [
          {
            image: o.image,
            ...(o.env ? { env: Object.entries(o.env).map(([n, value]) => ({ name: n, value })) } : {}),
          },
        ],
      };
      const latest = o.trafficFollowsLatest !== false;
      const explicit = !latest || o.tag;
      admin.seed(
        name,
        template,
        explicit
          ? (rev) => [
              latest
                ? { type: LATEST, percent: 100 }
                : { type: REVISION, revision: rev, percent: 100, ...(o.tag ? { tag: o.tag } : {}) },
              ...(latest && o.tag ? [{ type: REVISION, revision: rev, tag: o.tag }] : []),
            ]
          : undefined,
      );
      const svc = model.services.get(name)!;
      if (o.behaviour) behaviours.set(svc.latestCreated!, o.behaviour);
      if (o.requiresAuthentication) privateServices.add(name);
      return getJson(name)!;
    },
    service: getJson,
    revision(name) {
      settle(model);
      const r = model.revisions.get(name);
      return r && revisionJson(model, r);
    },
    revisions(service) {
      settle(model);
      return [...(model.services.get(service)?.revisions ?? [])].reverse();
    },
    servingSplit: split,
    failRevisionsWithImage(image, message = CONTAINER_FAILED) {
      model.failImages.set(image, message);
    },
    changeService(name, mutate) {
      admin.changeService(name, mutate);
      return getJson(name)!;
    },
    behave(revision, b) {
      behaviours.set(revision, b);
    },
    behaviour: (revision) => behaviours.get(revision) ?? HEALTHY,
    injectFaults(f) {
      faults.push({ ...f, left: f.times ?? 1 });
    },
    clearFaults() {
      faults = [];
    },
    recordServed: monitoring.record,
    idTokens: () => [...idTokens.values()].map(({ audience, email }) => ({ audience, email })),
    calls,
    writes: () => calls.filter((c) => c.api === 'run' && c.method !== 'GET' && !c.path.endsWith(':wait')),
    clearCalls() {
      calls.length = 0;
    },
    violations: () => violations.map((v) => ({ ...v, messages: [...v.messages] })),
    async stop() {
      await serving.stop();
      await front.stop();
    },
  };
}
