// Operations get/wait (https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.operations):
// an operation is done once the clock passes its doneAt.
import { notFound, parseName, type AdminContext, type AdminHandler } from './admin-context';
import { operationJson, settle, type OperationState } from './model';

/** WaitOperation's default when the request gives no timeout. */
const DEFAULT_WAIT_MS = 60_000;

function findOperation(ctx: AdminContext, name: string): OperationState {
  parseName(ctx, name); // a malformed name, or another project or region, fails as it would for a service
  return ctx.operations.get(name) ?? notFound(ctx, 'OPERATION', name);
}

export const operationHandlers: Record<string, AdminHandler> = {
  'google.longrunning.Operations.GetOperation': (ctx, { vars }) =>
    operationJson(findOperation(ctx, vars.name!)),
  'google.longrunning.Operations.WaitOperation': async (ctx, { vars, body }) => {
    const op = findOperation(ctx, vars.name!);
    const timeout = /^(\d+(?:\.\d+)?)s$/.exec(String(body?.timeout ?? ''));
    const until = ctx.clock.now() + (timeout ? Number(timeout[1]) * 1000 : DEFAULT_WAIT_MS);
    while (!op.done && ctx.clock.now() < until) {
      await ctx.clock.sleep(Math.min(until - ctx.clock.now(), Math.max(1, op.doneAt - ctx.clock.now())));
      settle(ctx);
    }
    return operationJson(op);
  },
};
