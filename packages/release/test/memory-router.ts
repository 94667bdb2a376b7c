// A router in memory: the engine tested without any target's SDK.
import { ConcurrentChangeError } from '@deploy-actions/core';
import { sameRouting, type Routing, type RoutingState } from '../src/routing';
import type { Router } from '../src/target';

export function memoryRouter(start: Routing) {
  let state: RoutingState = { ...start, revision: '1' };
  const writes: Routing[] = [];
  const router: Router = {
    name: 'route "main"',
    noun: 'route',
    missing: 'Route "main" does not exist',
    label: (v) => `r${v}`,
    read: async () => ({ ...state }),
    write: async (to, from) => {
      if (from.revision !== state.revision || !sameRouting(from, state)) {
        throw new ConcurrentChangeError('route "main" was changed by someone else');
      }
      writes.push(to);
      state = { ...to, revision: String(Number(state.revision) + 1) };
      return { ...state };
    },
    checkPair: async () => {},
    checkVersion: async () => {},
  };
  return {
    router,
    writes,
    /** Someone else's write. */
    set: (r: Routing) => {
      state = { ...r, revision: String(Number(state.revision) + 1) };
    },
  };
}
