// The stand-in's services, revisions and long-running operations, and the JSON Google writes for them
// (https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.services#Service,
// https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.services.revisions#Revision).
import { randomUUID } from 'node:crypto';
import type { Clock } from '@deploy-actions/core';
import { rpcStatus } from './errors';
import { resolveTraffic, targetJson, type Target } from './traffic-rules';
import type { Json } from './types';

// Google's wording, as gcloud and the Admin API report a container that never listens
// (https://cloud.google.com/run/docs/troubleshooting#container-failed-to-start).
export const CONTAINER_FAILED =
  'The user-provided container failed to start and listen on the port defined provided by the PORT=8080 ' +
  'environment variable within the allocated timeout. This can happen when the container port is misconfigured ' +
  'or if the timeout is too short. The health check timeout can be extended. Logs for this revision might ' +
  'contain more information.';

type CondState = 'CONDITION_RECONCILING' | 'CONDITION_SUCCEEDED' | 'CONDITION_FAILED';

export interface RevisionState {
  name: string;
  service: string;
  uid: string;
  template: Json;
  createTime: number;
  state: 'reconciling' | 'ready' | 'failed';
  changedAt: number;
  message?: string;
}

export interface ServiceState {
  name: string;
  uid: string;
  createTime: number;
  updateTime: number;
  generation: number;
  observedGeneration: number;
  template: Json;
  traffic: Target[];
  labels: Record<string, string>;
  annotations: Record<string, string>;
  description?: string;
  creator: string;
  lastModifier: string;
  latestCreated?: string;
  latestReady?: string;
  statuses: (Target & { served: string })[];
  terminal: { state: CondState; message?: string; at: number };
  reconciling: boolean;
  etag: string;
  /** Short names, oldest first. */
  revisions: string[];
}

export interface OperationState {
  name: string;
  doneAt: number;
  done: boolean;
  metadata: Json;
  apply: () => { response?: Json; error?: { code: number; message: string } };
  response?: Json;
  error?: { code: number; message: string };
}

export interface Model {
  project: string;
  region: string;
  clock: Clock;
  services: Map<string, ServiceState>;
  revisions: Map<string, RevisionState>;
  operations: Map<string, OperationState>;
  failImages: Map<string, string>;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function parent(m: Model): string {
  return `projects/${m.project}/locations/${m.region}`;
}

export function newEtag(): string {
  return `"${randomUUID().replace(/-/g, '').slice(0, 20)}"`;
}

/** Applies, in time order, every operation that is due by now. */
export function settle(m: Model): void {
  const now = m.clock.now();
  const due = [...m.operations.values()]
    .filter((o) => !o.done && o.doneAt <= now)
    .sort((a, b) => a.doneAt - b.doneAt);
  for (const op of due) {
    const { response, error } = op.apply();
    op.done = true;
    op.response = response;
    op.error = error;
  }
}

/** The revision's outcome (Ready, or failed for an image the test marked) and the split it allows, applied now. */
export function finishRollout(
  m: Model,
  svc: ServiceState,
  traffic: Target[],
  generation: number,
  created?: string,
) {
  const now = m.clock.now();
  if (created) {
    const rev = m.revisions.get(created)!;
    const failure = m.failImages.get(imageOf(rev.template));
    rev.state = failure === undefined ? 'ready' : 'failed';
    rev.message = failure;
    rev.changedAt = now;
    if (!failure && svc.revisions.indexOf(created) >= svc.revisions.indexOf(svc.latestReady ?? ''))
      svc.latestReady = created;
  }
  svc.observedGeneration = Math.max(svc.observedGeneration, generation);
  svc.reconciling = false;
  const isReady = (r: string) => m.revisions.get(r)?.state === 'ready';
  const resolved = resolveTraffic(traffic, svc.latestReady, isReady);
  const failed = created && m.revisions.get(created)!.state === 'failed' ? created : undefined;
  const blocked = 'blocked' in resolved ? resolved.blocked : failed;
  if (blocked !== undefined) {
    const why = m.revisions.get(blocked)?.message ?? 'it is not ready';
    const message = `Revision '${blocked}' is not ready and cannot serve traffic. ${why}`;
    svc.terminal = { state: 'CONDITION_FAILED', message, at: now };
    return { error: rpcStatus('INVALID_ARGUMENT', message) };
  }
  if ('statuses' in resolved) svc.statuses = resolved.statuses;
  svc.terminal = { state: 'CONDITION_SUCCEEDED', at: now };
  return {
    response: { '@type': 'type.googleapis.com/google.cloud.run.v2.Service', ...serviceJson(m, svc, noUri) },
  };
}

export function imageOf(template: Json): string {
  const containers = (template.containers as Json[] | undefined) ?? [];
  return String(containers[0]?.image ?? '');
}

const noUri = () => undefined;

function condition(type: string, state: CondState, at: number, message?: string): Json {
  return {
    type,
    state,
    ...(message ? { message } : {}),
    lastTransitionTime: iso(at),
    ...(state === 'CONDITION_FAILED' ? { severity: 'ERROR' } : {}),
  };
}

/** Service JSON; `uri(service, tag)` gives the loopback URL serving the service (no tag) or one of its tags. */
export function serviceJson(
  m: Model,
  s: ServiceState,
  uri: (service: string, tag?: string) => string | undefined,
): Json {
  const full = `${parent(m)}/services/${s.name}`;
  const main = uri(s.name);
  const routes: CondState = s.reconciling ? 'CONDITION_RECONCILING' : 'CONDITION_SUCCEEDED';
  return {
    name: full,
    ...(s.description ? { description: s.description } : {}),
    uid: s.uid,
    generation: String(s.generation),
    ...(Object.keys(s.labels).length ? { labels: s.labels } : {}),
    ...(Object.keys(s.annotations).length ? { annotations: s.annotations } : {}),
    createTime: iso(s.createTime),
    updateTime: iso(s.updateTime),
    creator: s.creator,
    lastModifier: s.lastModifier,
    ingress: 'INGRESS_TRAFFIC_ALL',
    launchStage: 'GA',
    template: s.template,
    traffic: s.traffic.map(targetJson),
    observedGeneration: String(s.observedGeneration),
    terminalCondition: condition(
      'Ready',
      s.reconciling ? 'CONDITION_RECONCILING' : s.terminal.state,
      s.terminal.at,
      s.terminal.message,
    ),
    conditions: [
      condition('RoutesReady', routes, s.terminal.at),
      condition(
        'ConfigurationsReady',
        s.reconciling ? 'CONDITION_RECONCILING' : s.terminal.state,
        s.terminal.at,
      ),
    ],
    ...(s.latestReady ? { latestReadyRevision: `${full}/revisions/${s.latestReady}` } : {}),
    ...(s.latestCreated ? { latestCreatedRevision: `${full}/revisions/${s.latestCreated}` } : {}),
    // A LATEST status names no revision: latestReadyRevision says which one it is.
    trafficStatuses: s.statuses.map((t) => {
      const tagUri = t.tag ? uri(s.name, t.tag) : undefined;
      return { ...targetJson(t), ...(tagUri ? { uri: tagUri } : {}) };
    }),
    ...(main ? { uri: main, urls: [main] } : {}),
    ...(s.reconciling ? { reconciling: true } : {}),
    etag: s.etag,
  };
}

export function revisionJson(m: Model, r: RevisionState): Json {
  const service = `${parent(m)}/services/${r.service}`;
  const tpl = { ...r.template };
  delete tpl.revision;
  const ready: CondState =
    r.state === 'ready'
      ? 'CONDITION_SUCCEEDED'
      : r.state === 'failed'
        ? 'CONDITION_FAILED'
        : 'CONDITION_RECONCILING';
  return {
    name: `${service}/revisions/${r.name}`,
    uid: r.uid,
    generation: '1',
    createTime: iso(r.createTime),
    updateTime: iso(r.changedAt),
    launchStage: 'GA',
    service,
    ...tpl,
    ...(r.state === 'reconciling' ? { reconciling: true } : {}),
    conditions: [
      condition('Ready', ready, r.changedAt, r.message),
      condition('ContainerHealthy', ready, r.changedAt, r.message),
    ],
    observedGeneration: '1',
    logUri: `https://console.cloud.google.com/logs/viewer?project=${m.project}&resource=cloud_run_revision/service_name/${r.service}/revision_name/${r.name}`,
    etag: `"${r.uid.slice(0, 12)}"`,
  };
}

export function operationJson(op: OperationState): Json {
  return {
    name: op.name,
    metadata: op.metadata,
    ...(op.done ? { done: true } : {}),
    ...(op.done && op.error ? { error: op.error } : {}),
    ...(op.done && op.response ? { response: op.response } : {}),
  };
}
