// The Cloud Run Admin API v2 methods the stand-in serves, on the model of model.ts
// (https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.services,
// .../projects.locations.services.revisions, .../projects.locations.operations).
import { randomUUID } from 'node:crypto';
import { GoogleError } from './errors';
import {
  finishRollout,
  newEtag,
  operationJson,
  parent,
  revisionJson,
  serviceJson,
  settle,
  type Model,
  type OperationState,
  type ServiceState,
} from './model';
import { checkTraffic, normaliseTraffic, type Target } from './traffic-rules';
import type { Json, ServiceSpec } from './types';

export interface AdminContext extends Model {
  operationDelayMs: number;
  random: () => number;
  uri: (service: string, tag?: string) => string | undefined;
  /** Who the callers are: the token's account, and "someone else" for changeService. */
  caller: string;
}

export type AdminRequest = { vars: Record<string, string>; request: Json; body?: Json };
type Handler = (r: AdminRequest) => Json | Promise<Json>;

// A revision name is `{service}-{suffix}`, a DNS label (https://cloud.google.com/run/docs/reference/rest/v2/RevisionTemplate).
const REVISION_NAME = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

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

export function adminApi(ctx: AdminContext) {
  const notFound = (kind: string, name: string): never => {
    throw new GoogleError(
      'NOT_FOUND',
      `Resource '${name}' of kind '${kind}' in region '${ctx.region}' in project '${ctx.project}' does not exist.`,
    );
  };
  const checkParent = (project: string, location: string) => {
    if (project !== ctx.project)
      throw new GoogleError('PERMISSION_DENIED', `Permission denied on resource project ${project}.`);
    if (location !== ctx.region) notFound('LOCATION', location);
  };
  const split = (name: string) => {
    const m =
      /^projects\/([^/]+)\/locations\/([^/]+)\/(?:services|operations)\/([^/]+)(?:\/revisions\/([^/]+))?$/.exec(
        name,
      );
    if (!m) throw new GoogleError('INVALID_ARGUMENT', `Invalid resource name ${name}`);
    checkParent(m[1]!, m[2]!);
    return { id: m[3]!, revision: m[4] };
  };
  const getService = (id: string) => ctx.services.get(id) ?? notFound('SERVICE', id);

  function operation(doneIn: number, apply: OperationState['apply'], metadata: Json): Json {
    const op: OperationState = {
      name: `${parent(ctx)}/operations/${randomUUID()}`,
      doneAt: ctx.clock.now() + doneIn,
      done: false,
      metadata,
      apply,
    };
    ctx.operations.set(op.name, op);
    settle(ctx);
    return operationJson(op);
  }

  const serviceMeta = (s: ServiceState) => ({
    '@type': 'type.googleapis.com/google.cloud.run.v2.Service',
    ...serviceJson(ctx, s, ctx.uri),
  });

  /** Name of the revision a template change creates: its own, or `{service}-{5 digits}-{3 letters}`. */
  function revisionName(s: ServiceState, template: Json): string {
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

  /** A new spec on the service: a new revision when the template changed, traffic checked, an operation. */
  function rollout(
    s: ServiceState,
    spec: { template: Json; traffic: Target[]; extra?: Partial<ServiceState> },
    by: string,
    delay: number,
  ) {
    const template = withDefaults(spec.template);
    const current = s.revisions.length ? s.latestCreated : undefined;
    const named = typeof template.revision === 'string' && template.revision ? template.revision : undefined;
    let created: string | undefined;
    const changed =
      stable(withoutName(template)) !== stable(withoutName(s.template)) || (named && named !== current);
    if (changed || !current) {
      const name = revisionName(s, template);
      const existing = ctx.revisions.get(name);
      if (existing && stable(withoutName(existing.template)) !== stable(withoutName(template)))
        throw new GoogleError(
          'ALREADY_EXISTS',
          `Revision named '${name}' with different configuration already exists.`,
        );
      if (!existing) created = name;
    }
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
    s.lastModifier = by;
    s.etag = newEtag();
    s.reconciling = true;
    const generation = s.generation;
    return operation(delay, () => finishRollout(ctx, s, spec.traffic, generation, created), serviceMeta(s));
  }

  function create(id: string, body: Json, by: string, delay: number): Json {
    if (!/^[a-z]([-a-z0-9]{0,47}[a-z0-9])?$/.test(id))
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
      creator: by,
      lastModifier: by,
      statuses: [],
      terminal: { state: 'CONDITION_RECONCILING', at: now },
      reconciling: true,
      etag: newEtag(),
      revisions: [],
    };
    ctx.services.set(id, s);
    try {
      return rollout(
        s,
        { template: body.template as Json, traffic: normaliseTraffic(body.traffic as Json[]) },
        by,
        delay,
      );
    } catch (e) {
      ctx.services.delete(id);
      throw e;
    }
  }

  /** PATCH: the fields of the mask (top-level ones; all writable ones without a mask) replace the service's. */
  function update(s: ServiceState, body: Json, mask: string | undefined, by: string, delay: number): Json {
    if (typeof body.etag === 'string' && body.etag !== s.etag)
      // https://google.aip.dev/154: a stale etag is ABORTED.
      throw new GoogleError(
        'ABORTED',
        `The etag '${body.etag}' does not match the current etag of the service.`,
      );
    const paths =
      mask === undefined ? ['template', 'traffic', 'labels', 'annotations', 'description'] : mask.split(',');
    const top = new Set(paths.map((p) => p.trim().split('.')[0]!).filter(Boolean));
    for (const f of top) {
      if (
        ![
          'template',
          'traffic',
          'labels',
          'annotations',
          'description',
          'scaling',
          'ingress',
          'launchStage',
        ].includes(f)
      )
        throw new GoogleError('INVALID_ARGUMENT', `update_mask: field '${f}' cannot be updated.`);
    }
    const template = top.has('template') ? ((body.template as Json | undefined) ?? {}) : s.template;
    const traffic = top.has('traffic') ? normaliseTraffic(body.traffic as Json[] | undefined) : s.traffic;
    const extra: Partial<ServiceState> = {};
    if (top.has('labels')) extra.labels = (body.labels as Record<string, string>) ?? {};
    if (top.has('annotations')) extra.annotations = (body.annotations as Record<string, string>) ?? {};
    if (top.has('description')) extra.description = body.description as string | undefined;
    return rollout(s, { template, traffic, extra }, by, delay);
  }

  const handlers: Record<string, Handler> = {
    'google.cloud.run.v2.Services.GetService': ({ vars }) =>
      serviceJson(ctx, getService(split(vars.name!).id), ctx.uri),
    'google.cloud.run.v2.Services.CreateService': ({ vars, request, body }) => {
      const [, project, location] = /^projects\/([^/]+)\/locations\/([^/]+)$/.exec(vars.parent!)!;
      checkParent(project!, location!);
      if (!request.serviceId) throw new GoogleError('INVALID_ARGUMENT', 'service_id: field is required.');
      return create(String(request.serviceId), body ?? {}, ctx.caller, ctx.operationDelayMs);
    },
    'google.cloud.run.v2.Services.UpdateService': ({ vars, request, body }) => {
      const { id } = split(vars['service.name']!);
      const s = ctx.services.get(id);
      if (!s && request.allowMissing === true)
        return create(id, body ?? {}, ctx.caller, ctx.operationDelayMs);
      return update(
        s ?? notFound('SERVICE', id),
        body ?? {},
        request.updateMask as string | undefined,
        ctx.caller,
        ctx.operationDelayMs,
      );
    },
    'google.cloud.run.v2.Revisions.GetRevision': ({ vars }) => {
      const { id, revision } = split(vars.name!);
      const r = ctx.revisions.get(revision!);
      if (!r || r.service !== id) return notFound('REVISION', revision!);
      return revisionJson(ctx, r);
    },
    'google.cloud.run.v2.Revisions.ListRevisions': ({ vars, request }) =>
      listRevisions(vars.parent!, request),
    'google.cloud.run.v2.Revisions.DeleteRevision': ({ vars }) => deleteRevision(vars.name!),
    'google.longrunning.Operations.GetOperation': ({ vars }) => operationJson(getOperation(vars.name!)),
    'google.longrunning.Operations.WaitOperation': async ({ vars, body }) => {
      const op = getOperation(vars.name!);
      const timeout = /^(\d+(?:\.\d+)?)s$/.exec(String(body?.timeout ?? ''));
      const until = ctx.clock.now() + (timeout ? Number(timeout[1]) * 1000 : 60_000);
      while (!op.done && ctx.clock.now() < until) {
        await ctx.clock.sleep(Math.min(until - ctx.clock.now(), Math.max(1, op.doneAt - ctx.clock.now())));
        settle(ctx);
      }
      return operationJson(op);
    },
  };

  function getOperation(name: string): OperationState {
    split(name);
    return ctx.operations.get(name) ?? notFound('OPERATION', name);
  }

  function listRevisions(parentName: string, request: Json): Json {
    const s = getService(split(parentName).id);
    const names = [...s.revisions].reverse();
    const size = Math.min(Math.max(Number(request.pageSize ?? 100) || 100, 1), 1000);
    const start = request.pageToken ? Number(Buffer.from(String(request.pageToken), 'base64').toString()) : 0;
    if (!Number.isInteger(start) || start < 0)
      throw new GoogleError('INVALID_ARGUMENT', 'page_token: invalid page token.');
    const page = names.slice(start, start + size).map((n) => revisionJson(ctx, ctx.revisions.get(n)!));
    const next =
      start + size < names.length ? Buffer.from(String(start + size)).toString('base64') : undefined;
    return { ...(page.length ? { revisions: page } : {}), ...(next ? { nextPageToken: next } : {}) };
  }

  // A revision that is the latest, or can receive traffic (a percent or a tag), is not deleted
  // (https://cloud.google.com/run/docs/managing/revisions#delete).
  function deleteRevision(name: string): Json {
    const { id, revision } = split(name);
    const s = getService(id);
    const r = ctx.revisions.get(revision!);
    if (!r || r.service !== id) return notFound('REVISION', revision!);
    if (s.latestCreated === r.name || s.latestReady === r.name)
      throw new GoogleError(
        'FAILED_PRECONDITION',
        `Revision '${r.name}' is the latest revision of service '${id}' and cannot be deleted.`,
      );
    const targeted = [...s.traffic, ...s.statuses].some(
      (t) => (t.revision === r.name || ('served' in t && t.served === r.name)) && (t.percent > 0 || t.tag),
    );
    if (targeted)
      throw new GoogleError(
        'FAILED_PRECONDITION',
        `Revision '${r.name}' can receive traffic (a percent or a tag) and cannot be deleted.`,
      );
    const meta = { '@type': 'type.googleapis.com/google.cloud.run.v2.Revision', ...revisionJson(ctx, r) };
    return operation(
      ctx.operationDelayMs,
      () => {
        ctx.revisions.delete(r.name);
        s.revisions = s.revisions.filter((n) => n !== r.name);
        return { response: meta };
      },
      meta,
    );
  }

  /** A service with one Ready revision, at once; `traffic` given its name, when the default LATEST won't do. */
  function seed(name: string, template: Json, traffic?: (revision: string) => Json[]): void {
    create(name, { template }, ctx.caller, 0);
    settle(ctx);
    const s = getService(name);
    if (traffic) {
      update(s, { traffic: traffic(s.latestCreated!) }, 'traffic', ctx.caller, 0);
      settle(ctx);
    }
  }

  /** Someone else writes the service: applied at once, through the same rules. */
  function changeService(name: string, mutate: (spec: ServiceSpec) => void): void {
    settle(ctx);
    const s = getService(name);
    const spec: ServiceSpec = structuredClone({
      template: s.template,
      traffic: s.traffic.map((t) => ({ ...t }) as Json),
      labels: s.labels,
      annotations: s.annotations,
      description: s.description,
    });
    mutate(spec);
    update(s, spec as unknown as Json, undefined, 'someone-else@example.com', 0);
    settle(ctx);
  }

  return { handlers, seed, changeService };
}
