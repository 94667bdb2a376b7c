// Services get/create/patch of the Admin API v2
// (https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.services): a template change makes a
// revision, every write is an operation that finishes the rollout later.
import { randomUUID } from 'node:crypto';
import {
  apiWrite,
  checkParent,
  findService,
  notFound,
  parseName,
  startOperation,
  type AdminContext,
  type AdminHandler,
  type Write,
} from './admin-context';
import { GoogleError } from './errors';
import { finishRollout, newEtag, serviceJson, type ServiceState } from './model';
import { checkTraffic, normaliseTraffic, type Target } from './traffic-rules';
import type { Json } from './types';

// A revision name is `{service}-{suffix}`, a DNS label (https://cloud.google.com/run/docs/reference/rest/v2/RevisionTemplate).
const REVISION_NAME = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const SERVICE_ID = /^[a-z]([-a-z0-9]{0,47}[a-z0-9])?$/;
/** What a PATCH without an update mask writes. */
const WRITTEN_WITHOUT_MASK = ['template', 'traffic', 'labels', 'annotations', 'description'];
/** Top-level fields an update mask may name. */
const MASKABLE = [...WRITTEN_WITHOUT_MASK, 'scaling', 'ingress', 'launchStage'];

/** JSON with object keys sorted, so that equal templates compare equal. */
const stable = (v: unknown): string =>
  JSON.stringify(v, (_, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Json).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );

// What Cloud Run fills in when a template leaves it out (https://cloud.google.com/run/docs/reference/rest/v2/Container).
function withDefaults(template: Json): Json {
  const containers = ((template.containers as Json[] | undefined) ?? []).map((c) => ({
    ...c,
    resources: (c.resources as Json | undefined) ?? {
      limits: { cpu: '1000m', memory: '512Mi' },
      cpuIdle: true,
    },
    ports: (c.ports as Json[] | undefined) ?? [{ name: 'http1', containerPort: 8080 }],
  }));
  return {
    ...template,
    containers,
    scaling: (template.scaling as Json | undefined) ?? { maxInstanceCount: 100 },
    timeout: template.timeout ?? '300s',
    serviceAccount: template.serviceAccount ?? `123456789012-compute@developer.gserviceaccount.com`,
    maxInstanceRequestConcurrency: template.maxInstanceRequestConcurrency ?? 80,
  };
}

const withoutName = (t: Json) => {
  const c = { ...t };
  delete c.revision;
  return c;
};
const sameConfig = (a: Json, b: Json) => stable(withoutName(a)) === stable(withoutName(b));

const serviceMeta = (ctx: AdminContext, s: ServiceState) => ({
  '@type': 'type.googleapis.com/google.cloud.run.v2.Service',
  ...serviceJson(ctx, s, ctx.uri),
});

/** Name of the revision a template change creates: its own, or `{service}-{5 digits}-{3 letters}`. */
function revisionName(ctx: AdminContext, s: ServiceState, template: Json): string {
  if (typeof template.revision === 'string' && template.revision) {
    const name = template.revision;
    if (!name.startsWith(`${s.name}-`) || !REVISION_NAME.test(name))
      throw new GoogleError(
        'INVALID_ARGUMENT',
        `template.revision: Revision name '${name}' must be a DNS label prefixed with the service name '${s.name}-'.`,
      );
    return name;
  }
  const letters = Array.from(
    { length: 3 },
    () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(ctx.random() * 26)],
  ).join('');
  return `${s.name}-${String(s.revisions.length + 1).padStart(5, '0')}-${letters}`;
}

/** The revision a new template makes, or undefined when it makes none (unchanged, or that revision exists). */
function revisionToCreate(ctx: AdminContext, s: ServiceState, template: Json): string | undefined {
  const current = s.revisions.length ? s.latestCreated : undefined;
  const named = typeof template.revision === 'string' && template.revision ? template.revision : undefined;
  const changed = !sameConfig(template, s.template) || (named && named !== current);
  if (!changed && current) return undefined;
  const name = revisionName(ctx, s, template);
  const existing = ctx.revisions.get(name);
  if (existing && !sameConfig(existing.template, template))
    throw new GoogleError(
      'ALREADY_EXISTS',
      `Revision named '${name}' with different configuration already exists.`,
    );
  return existing ? undefined : name;
}

/** A new spec on the service: a new revision when the template changed, traffic checked, an operation. */
function rollout(
  ctx: AdminContext,
  s: ServiceState,
  spec: { template: Json; traffic: Target[]; extra?: Partial<ServiceState> },
  write: Write,
): Json {
  const template = withDefaults(spec.template);
  const created = revisionToCreate(ctx, s, template);
  checkTraffic(s.name, spec.traffic, (r) => r === created || ctx.revisions.get(r)?.service === s.name);
  const now = ctx.clock.now();
  if (created) {
    ctx.revisions.set(created, {
      name: created,
      service: s.name,
      uid: randomUUID(),
      template: withoutName(template),
      createTime: now,
      changedAt: now,
      state: 'reconciling',
    });
    s.revisions.push(created);
    s.latestCreated = created;
  }
  Object.assign(s, spec.extra);
  s.template = template;
  s.traffic = spec.traffic;
  s.generation++;
  s.updateTime = now;
  s.lastModifier = write.by;
  s.etag = newEtag();
  s.reconciling = true;
  const generation = s.generation;
  return startOperation(
    ctx,
    write.delayMs,
    () => finishRollout(ctx, s, spec.traffic, generation, created),
    serviceMeta(ctx, s),
  );
}

export function createService(ctx: AdminContext, id: string, body: Json, write: Write): Json {
  if (!SERVICE_ID.test(id))
    throw new GoogleError(
      'INVALID_ARGUMENT',
      `serviceId '${id}' must be a lowercase DNS label of at most 49 characters.`,
    );
  if (ctx.services.has(id)) throw new GoogleError('ALREADY_EXISTS', `Resource '${id}' already exists.`);
  if (!body.template) throw new GoogleError('INVALID_ARGUMENT', 'service.template: field is required.');
  const now = ctx.clock.now();
  const s: ServiceState = {
    name: id,
    uid: randomUUID(),
    createTime: now,
    updateTime: now,
    generation: 0,
    observedGeneration: 0,
    template: {},
    traffic: [],
    labels: (body.labels as Record<string, string>) ?? {},
    annotations: (body.annotations as Record<string, string>) ?? {},
    description: body.description as string | undefined,
    creator: write.by,
    lastModifier: write.by,
    statuses: [],
    terminal: { state: 'CONDITION_RECONCILING', at: now },
    reconciling: true,
    etag: newEtag(),
    revisions: [],
  };
  ctx.services.set(id, s);
  try {
    const traffic = normaliseTraffic(body.traffic as Json[]);
    return rollout(ctx, s, { template: body.template as Json, traffic }, write);
  } catch (e) {
    // A create that fails leaves no service behind.
    ctx.services.delete(id);
    throw e;
  }
}

/** PATCH: the fields of the mask (top-level ones; all writable ones without a mask) replace the service's. */
export function updateService(
  ctx: AdminContext,
  s: ServiceState,
  body: Json,
  mask: string | undefined,
  write: Write,
): Json {
  if (typeof body.etag === 'string' && body.etag !== s.etag)
    // https://google.aip.dev/154: a stale etag is ABORTED.
    throw new GoogleError(
      'ABORTED',
      `The etag '${body.etag}' does not match the current etag of the service.`,
    );
  const paths = mask === undefined ? WRITTEN_WITHOUT_MASK : mask.split(',');
  const top = new Set(paths.map((p) => p.trim().split('.')[0]!).filter(Boolean));
  for (const f of top)
    if (!MASKABLE.includes(f))
      throw new GoogleError('INVALID_ARGUMENT', `update_mask: field '${f}' cannot be updated.`);
  const template = top.has('template') ? ((body.template as Json | undefined) ?? {}) : s.template;
  const traffic = top.has('traffic') ? normaliseTraffic(body.traffic as Json[] | undefined) : s.traffic;
  const extra: Partial<ServiceState> = {};
  if (top.has('labels')) extra.labels = (body.labels as Record<string, string>) ?? {};
  if (top.has('annotations')) extra.annotations = (body.annotations as Record<string, string>) ?? {};
  if (top.has('description')) extra.description = body.description as string | undefined;
  return rollout(ctx, s, { template, traffic, extra }, write);
}

export const serviceHandlers: Record<string, AdminHandler> = {
  'google.cloud.run.v2.Services.GetService': (ctx, { vars }) =>
    serviceJson(ctx, findService(ctx, parseName(ctx, vars.name!).id), ctx.uri),
  'google.cloud.run.v2.Services.CreateService': (ctx, { vars, request, body }) => {
    const [, project, location] = /^projects\/([^/]+)\/locations\/([^/]+)$/.exec(vars.parent!)!;
    checkParent(ctx, project!, location!);
    if (!request.serviceId) throw new GoogleError('INVALID_ARGUMENT', 'service_id: field is required.');
    return createService(ctx, String(request.serviceId), body ?? {}, apiWrite(ctx));
  },
  'google.cloud.run.v2.Services.UpdateService': (ctx, { vars, request, body }) => {
    const { id } = parseName(ctx, vars['service.name']!);
    const s = ctx.services.get(id);
    if (!s && request.allowMissing === true) return createService(ctx, id, body ?? {}, apiWrite(ctx));
    const mask = request.updateMask as string | undefined;
    return updateService(ctx, s ?? notFound(ctx, 'SERVICE', id), body ?? {}, mask, apiWrite(ctx));
  },
};
