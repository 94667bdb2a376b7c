import type { LambdaClient } from '@aws-sdk/client-lambda';
import { DeployError, InputError, type Clock } from '@deploy-actions/core';
import { describeAlias, readAlias, sameRouting, writeAlias } from './alias';
import type { Log } from './shift';
import { getConfig } from './versions';

export interface RollbackOptions {
  lambda: LambdaClient;
  functionName: string;
  alias: string;
  /** 'previous' or a version number. */
  to: string;
  log: Log;
  clock?: Clock;
  /**
   * The version `previous` means when the alias has no split: from the deployment history. Called only
   * then; without it, such a rollback is an input error naming `to`.
   */
  previousFromHistory?: (liveVersion: string) => Promise<string>;
}

export interface RollbackResult {
  fromVersion: string;
  toVersion: string;
  /** false when the alias already sent 100% to the target. */
  changed: boolean;
  before: string;
  after: string;
}

/** One UpdateAlias with the RevisionId just read, then GetAlias to prove where traffic goes. */
export async function rollback(o: RollbackOptions): Promise<RollbackResult> {
  const { lambda, functionName: fn, alias, log } = o;
  const now = await readAlias(lambda, fn, alias);
  if (!now)
    throw new DeployError(
      `Alias "${alias}" of function ${fn} does not exist (or the function does not exist): there is nothing to roll back.`,
    );
  const before = describeAlias(now);

  let to = o.to;
  if (to === 'previous') {
    if (!now.green && o.previousFromHistory) {
      to = await o.previousFromHistory(now.version);
    } else if (!now.green) {
      throw new InputError(
        'to',
        'previous',
        `found no unfinished split to undo: alias "${alias}" sends 100% to v${now.version}. Give the version to return to, for example to: ${Math.max(1, Number(now.version) - 1)}, or environment to find the last good version in the deployment history`,
      );
    } else {
      to = now.version;
    }
  }
  const from = now.green ?? now.version;
  const target = { version: to, greenWeight: 0 };
  if (sameRouting(now, target)) {
    log.info(`Alias "${alias}" already sends 100% to v${to}: nothing to do.`);
    return { fromVersion: from, toVersion: to, changed: false, before, after: before };
  }
  if (to !== now.version) await getConfig(lambda, fn, to, 'to');

  await writeAlias(lambda, fn, alias, target, now.revisionId, o.clock);
  const after = await readAlias(lambda, fn, alias);
  if (!after || !sameRouting(after, target)) {
    throw new DeployError(
      `Rollback wrote alias "${alias}" to v${to} but reading it back shows ${after ? describeAlias(after) : 'no alias'}.`,
    );
  }
  log.info(`Rolled back alias "${alias}": ${before} → ${describeAlias(after)}.`);
  return { fromVersion: from, toVersion: to, changed: true, before, after: describeAlias(after) };
}
