import { formatDuration } from '@deploy-actions/core';
import type { ShiftOptions } from './types';

const PROGRESS_EVERY_MS = 30_000;

/** Waits out a bake without checks, saying in the log how far it is. */
export async function bake(o: ShiftOptions, label: string, percent: number, ms: number): Promise<void> {
  const began = o.clock.now();
  const tick = Math.max(PROGRESS_EVERY_MS, Math.ceil(ms / 10));
  for (let left = ms; left > 0;) {
    const wait = Math.min(tick, left);
    await o.clock.sleep(wait, o.signal);
    left = ms - (o.clock.now() - began);
    if (left > 0) {
      o.log.info(
        `step ${label}: ${percent}% on ${o.router.label(o.green)}, baked ${formatDuration(ms - left)} of ${formatDuration(ms)}, next check in ${formatDuration(left)}`,
      );
    }
  }
}
