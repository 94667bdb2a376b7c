import type { Clock } from '@deploy-actions/core';

/** Simulated time: sleep returns at once and moves now() forward; an abort still interrupts it. */
export function fakeClock(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  const clock: Clock & { slept: number[]; onSleep?: (ms: number) => void } = {
    slept: [],
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      clock.slept.push(ms);
      clock.onSleep?.(ms);
      if (signal?.aborted) throw signal.reason;
      now += ms;
    },
  };
  return clock;
}
