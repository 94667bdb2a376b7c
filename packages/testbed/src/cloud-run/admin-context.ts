// What the Admin API handlers (admin-services.ts, admin-revisions.ts, admin-operations.ts) share: the model
// they serve, how they resolve resource names, and how a write becomes a long-running operation.
import { randomUUID } from 'node:crypto';
import { GoogleError } from './errors';
import { operationJson, parent, settle, type Model, type OperationState, type ServiceState } from './model';
import type { Json } from './types';

export interface AdminContext extends Model {
  operationDelayMs: number;
  random: () => number;
  uri: (service: string, tag?: string) => string | undefined;
  /** Who the callers are: the token's account, and "someone else" for changeService. */
  caller: string;
}

export type AdminRequest = { vars: Record<string, string>; request: Json; body?: Json };
export type AdminHandler = (ctx: AdminContext, r: AdminRequest) => Json | Promise<Json>;

/** Who writes and how long its operation takes: API callers wait operationDelayMs, the stand-in's own hooks don't. */
export interface Write {
  by: string;
  delayMs: number;
}
export const apiWrite = (ctx: AdminContext): Write => ({ by: ctx.caller, delayMs: ctx.operationDelayMs });

export function notFound(ctx: AdminContext, kind: string, name: string): never {
  throw new GoogleError(
    'NOT_FOUND',
    `Resource '${name}' of kind '${kind}' in region '${ctx.region}' in project '${ctx.project}' does not exist.`,
  );
}

export function checkParent(ctx: AdminContext, project: string, location: string): void {
  if (project !== ctx.project)
    throw new GoogleError('PERMISSION_DENIED', `Permission denied on resource project ${project}.`);
  if (location !== ctx.region) notFound(ctx, 'LOCATION', location);
}

/** The service or operation id, and revision, of a full resource name under this project and region. */
export function parseName(ctx: AdminContext, name: string): { id: string; revision?: string } {
  const m =
    /^projects\/([^/]+)\/locations\/([^/]+)\/(?:services|operations)\/([^/]+)(?:\/revisions\/([^/]+))?$/.exec(
      name,
    );
  if (!m) throw new GoogleError('INVALID_ARGUMENT', `Invalid resource name ${name}`);
  checkParent(ctx, m[1]!, m[2]!);
  return { id: m[3]!, revision: m[4] };
}

export const findService = (ctx: AdminContext, id: string): ServiceState =>
  ctx.services.get(id) ?? notFound(ctx, 'SERVICE', id);

/** A long-running operation that `apply`s its outcome `doneIn` ms later on the clock. */
export function startOperation(
  ctx: AdminContext,
  doneIn: number,
  apply: OperationState['apply'],
  metadata: Json,
): Json {
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
