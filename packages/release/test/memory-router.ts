// A router in memory: the engine tested without any target's SDK. It keeps a checkpoint beside the weights and
// writes both at once, as Lambda's alias does.
import { ConcurrentChangeError } from '@deploy-actions/core';
import type { Checkpoint } from '../src/checkpoint';
import { sameRouting, type Routing, type RoutingState } from '../src/routing';
import type { Router } from '../src/target';

export function memoryRouter(start: Routing, checkpoint?: Checkpoint) {
  let state: RoutingState = { ...start, revision: '1', ...(checkpoint && { checkpoint }) };
  const writes: Routing[] = [];
  /** Every write with the checkpoint it left (undefined: cleared). */
  const written: { routing: Routing; checkpoint?: Checkpoint }[] = [];
  const router: Router = {
    name: 'route "main"',
    noun: 'route',
    missing: 'Route "main" does not exist',
    label: (v) => `r${v}`,
    read: async () => ({ ...state }),
    write: async (to, from, cp) => {
      if (from.revision !== state.revision || !sameRouting(from, state)) {
        throw new ConcurrentChangeError('route "main" was changed by someone else');
      }
      writes.push(to);
      written.push({ routing: to, ...(cp && { checkpoint: cp }) });
      state = { ...to, revision: String(Number(state.revision) + 1), ...(cp && { checkpoint: cp }) };
      return { ...state };
    },
    checkPair: async () => {},
    checkVersion: async () => {},
  };
  return {
    router,
    writes,
    written,
    state: () => state,
    /** Someone else's write. */
    set: (r: Routing, cp?: Checkpoint) => {
      state = { ...r, revision: String(Number(state.revision) + 1), ...(cp && { checkpoint: cp }) };
    },
  };
}
