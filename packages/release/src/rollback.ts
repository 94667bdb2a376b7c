import { DeployError, InputError, type Log } from '@deploy-actions/core';
import { allOn, capital, describeRouting, sameRouting } from './routing';
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
}

export interface RollbackResult {
  fromVersion: string;
  toVersion: string;
  /** false when the router already sent 100% to the target. */
  changed: boolean;
  before: string;
  after: string;
}

/** One guarded write putting all traffic on one version, then a read to prove where traffic goes. */
export async function rollback(o: RollbackOptions): Promise<RollbackResult> {
  const { router, log } = o;
  const L = router.label;
  const describe = (r: Parameters<typeof describeRouting>[0]) => describeRouting(r, L);
  const now = await router.read();
  if (!now) throw new DeployError(`${router.missing}; there is nothing to roll back.`);
  const before = describe(now);

  let to = o.to;
  if (to === 'previous') {
    if (!now.green && o.previousFromHistory) {
      to = await o.previousFromHistory(now.version);
    } else if (!now.green) {
      throw new InputError(
        'to',
        'previous',
        `found no unfinished split to undo: ${router.name} sends 100% to ${L(now.version)}. Give the version to return to${router.example ? `, for example to: ${router.example(now.version)}` : ''}, or environment to find the last good version in the deployment history`,
      );
    } else {
      to = now.version;
    }
  }
  const from = now.green ?? now.version;
  const target = allOn(to);
  if (sameRouting(now, target)) {
    log.info(`${capital(router.name)} already sends 100% to ${L(to)}: nothing to do.`);
    return { fromVersion: from, toVersion: to, changed: false, before, after: before };
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
  return { fromVersion: from, toVersion: to, changed: true, before, after: describe(after) };
}
