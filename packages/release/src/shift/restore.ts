import { CancelledError, ConcurrentChangeError, DeployError, errorMessage } from '@deploy-actions/core';
import { allOn, capital, greenPercent, sameRouting, type RoutingState } from '../routing';
import { type ShiftResult, type ShiftRun } from './types';

/** One write putting all traffic on blue, unless someone else has taken the router meanwhile. */
export async function restoreBlue(run: ShiftRun, known?: RoutingState): Promise<void> {
  const { o, blue, expected } = run;
  const now = known ?? (await o.router.read());
  if (now && !now.green && now.version === blue) return;
  if (!now || !sameRouting(now, expected)) {
    throw new ConcurrentChangeError(
      `${capital(o.router.name)} was changed by someone else (now ${now ? run.describe(now) : 'deleted'}); it was left alone.`,
    );
  }
  const target = allOn(blue);
  await o.router.write(target, now);
  o.onRouting?.(target, blue);
  o.log.info(`Traffic restored: 100% on ${o.router.label(blue)}.`);
}

/**
 * A step that threw (a failed call, a cancel): leave traffic as it is when on-cancel is leave, else put it
 * back on blue. A concurrent change is someone else's router now, so it is passed on untouched.
 */
export async function afterFailure(run: ShiftRun, label: string, err: unknown): Promise<ShiftResult> {
  if (err instanceof ConcurrentChangeError) throw err;
  const { o, blue, expected } = run;
  const cancelled = err instanceof CancelledError || o.signal.aborted;
  const what = cancelled ? `Cancelled at step ${label}` : `Step ${label} failed: ${sentence(err)}`;
  if (cancelled && o.onCancel === 'leave') {
    const percent = greenPercent(expected, o.green);
    run.note(label, percent, 'cancelled: traffic left as it is (on-cancel: leave)');
    return run.result(
      percent >= 100 ? 'promoted' : 'in-progress',
      percent,
      `${what}; on-cancel is leave: traffic stays at ${run.describe(expected)}.`,
    );
  }
  if (sameRouting(expected, run.start)) throw err;
  const L = o.router.label;
  try {
    await restoreBlue(run);
  } catch (restoreErr) {
    throw new DeployError(
      `${what}. Restoring 100% on ${L(blue)} failed too: ${sentence(restoreErr)}. The ${o.router.noun} was last set to ${run.describe(expected)}; run the rollback action.`,
    );
  }
  run.note(label, 0, `${cancelled ? 'cancelled' : 'failed'}: rolled back to 100% on ${L(blue)}`);
  return run.result('rolled-back', 0, `${what}. Traffic restored: 100% on ${L(blue)}.`);
}

/** An error's message without its final full stop, to be followed by one of ours. */
export function sentence(err: unknown): string {
  return errorMessage(err).replace(/\.+$/, '');
}
