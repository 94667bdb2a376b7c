// The Cloud Run Admin API v2 methods the stand-in serves, on the model of model.ts: one module per resource
// (admin-services.ts, admin-revisions.ts, admin-operations.ts) over the context of admin-context.ts, and the
// stand-in's own writes (seed, changeService) through the same rules.
import { findService, type AdminContext, type AdminRequest, type Write } from './admin-context';
import { operationHandlers } from './admin-operations';
import { revisionHandlers } from './admin-revisions';
import { createService, serviceHandlers, updateService } from './admin-services';
import { settle } from './model';
import type { Json, ServiceSpec } from './types';

export type { AdminContext, AdminRequest } from './admin-context';
type Handler = (r: AdminRequest) => Json | Promise<Json>;

/** A service with one Ready revision, at once; `traffic` given its name, when the default LATEST won't do. */
function seed(ctx: AdminContext, name: string, template: Json, traffic?: (revision: string) => Json[]): void {
  const write: Write = { by: ctx.caller, delayMs: 0 };
  createService(ctx, name, { template }, write);
  settle(ctx);
  const s = findService(ctx, name);
  if (traffic) {
    updateService(ctx, s, { traffic: traffic(s.latestCreated!) }, 'traffic', write);
    settle(ctx);
  }
}

/** Someone else writes the service: applied at once, through the same rules. */
function changeService(ctx: AdminContext, name: string, mutate: (spec: ServiceSpec) => void): void {
  settle(ctx);
  const s = findService(ctx, name);
  const spec: ServiceSpec = structuredClone({
    template: s.template,
    traffic: s.traffic.map((t) => ({ ...t }) as Json),
    labels: s.labels,
    annotations: s.annotations,
    description: s.description,
  });
  mutate(spec);
  updateService(ctx, s, spec as unknown as Json, undefined, { by: 'someone-else@example.com', delayMs: 0 });
  settle(ctx);
}

export function adminApi(ctx: AdminContext) {
  const all = { ...serviceHandlers, ...revisionHandlers, ...operationHandlers };
  const handlers: Record<string, Handler> = Object.fromEntries(
    Object.entries(all).map(([id, handle]) => [id, (r: AdminRequest) => handle(ctx, r)]),
  );
  return {
    handlers,
    seed: (name: string, template: Json, traffic?: (revision: string) => Json[]) =>
      seed(ctx, name, template, traffic),
    changeService: (name: string, mutate: (spec: ServiceSpec) => void) => changeService(ctx, name, mutate),
  };
}
