import { DeployError, InputError, type Log } from '@deploy-actions/core';
import { allOn, capital, describeRouting, sameRouting, type Routing } from './routing';
import type { Router } from './target';

export interface RollbackOptions {
  router: Router;
  /** 'previous' or a version. */
  to: string;
  log: Log;
  /**
   * The version `previous` means when the router has no split: from the deployment history. Called only
   * then; without it, such a rollback is an input error naming `to`.
   */
  previousFromHistory?: (liveVersion: string) => Promise<string>;
  /**
   * Undo an unfinished split and nothing else (`to` must be 'previous'): with the router all on one version,
   * nothing is written and `split` is false. A hotfix runs it first without knowing whether a canary is open.
   */
  onlyIfSplit?: boolean;
}

export interface RollbackResult {
  fromVersion: string;
  toVersion: string;
  /** false when the router already sent 100% to the target, or had no split to undo (onlyIfSplit). */
  changed: boolean;
  /** Whether the router had an unfinished split; fromVersion is then its green. */
  split: boolean;
  before: string;
  after: string;
}

/** only-if-split undoes a split, whose blue is what `to: previous` means: no other `to` goes with it. */
export function checkOnlyIfSplit(to: string): void {
  if (to !== 'previous') {
    throw new InputError(
      'only-if-split',
      'true',
      `undoes only an unfinished split, putting traffic back on its blue: to must then be previous, not ${to}`,
    );
  }
}

/** One guarded write putting all traffic on one version, then a read to prove where traffic goes. */
export async function rollback(o: RollbackOptions): Promise<RollbackResult> {
  const { router, log } = o;
  const L = router.label;
  const describe = (r: Parameters<typeof describeRouting>[0]) => describeRouting(r, L);
  if (o.onlyIfSplit) checkOnlyIfSplit(o.to);
  const now = await router.read();
  if (!now) throw new DeployError(`${router.missing}; there is nothing to roll back.`);
  const before = describe(now);
  const split = Boolean(now.green);
  const unchanged = { fromVersion: now.version, toVersion: now.version, changed: false, split, before };
  if (!split && o.onlyIfSplit) {
    log.info(
      `${capital(router.name)} sends 100% to ${L(now.version)}: there is no unfinished split to undo, so with only-if-split nothing is changed.`,
    );
    return { ...unchanged, after: before };
  }
  const to = o.to === 'previous' ? await previousOf(now, o) : o.to;
  const from = now.green ?? now.version;
  const target = allOn(to);
  if (sameRouting(now, target)) {
    log.info(`${capital(router.name)} already sends 100% to ${L(to)}: nothing to do.`);
    return { ...unchanged, fromVersion: from, toVersion: to, after: before };
  }
  if (to !== now.version) await router.checkVersion(to, 'to');

  await router.write(target, now);
  const after = await router.read();
  if (!after || !sameRouting(after, target)) {
    throw new DeployError(
      `Rollback wrote ${router.name} to ${L(to)} but reading it back shows ${after ? describe(after) : 'nothing'}.`,
    );
  }
  log.info(`Rolled back ${router.name}: ${before} → ${describe(after)}.`);
  return { fromVersion: from, toVersion: to, changed: true, split, before, after: describe(after) };
}

/** What `to: previous` means: the blue of a split, else the last good version from the history. */
async function previousOf(now: Routing, o: RollbackOptions): Promise<string> {
  const { router } = o;
  if (now.green) return now.version;
  if (o.previousFromHistory) return o.previousFromHistory(now.version);
  throw new InputError(
    'to',
    'previous',
    `found no unfinished split to undo: ${router.name} sends 100% to ${router.label(now.version)}. Give the version to return to${router.example ? `, for example to: ${router.example(now.version)}` : ''}, or environment to find the last good version in the deployment history`,
  );
}
