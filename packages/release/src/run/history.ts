// What record-history and rollback share: opening the configured backends and telling the user, per
// backend, what was recorded and what was not.
import {
  errorMessage,
  InputError,
  table,
  type AwsOptions,
  type Clock,
  type InputReader,
  type Runtime,
} from '@deploy-actions/core';
import { RecordError, StoreMissingError } from '@deploy-actions/history';
import { isSecretInput } from './common';
import type { HistoryConfig, RunContext } from '@deploy-actions/history/config';
import type { History, HistoryDeps, Outcome } from '@deploy-actions/history/history';
import type { Notice } from '@deploy-actions/history/notify';

/**
 * Refuses the first of `names` that is given, with `expected` as the reason: an input the step would not use.
 * A secret's value shows as ***.
 */
export function refuseGiven(inputs: InputReader, names: readonly string[], expected: string): void {
  for (const name of names) {
    const value = (() => {
      try {
        return inputs.text(name, { multiline: true });
      } catch {
        return '***';
      }
    })();
    if (value !== '') throw new InputError(name, isSecretInput(name) ? '***' : value, expected);
  }
}

/**
 * Sends the notices the configuration asks for, once the records are written. A notification that fails only
 * warns, naming the channel and why: it never changes how the step ends.
 */
export async function announce(
  rt: Runtime,
  cfg: HistoryConfig,
  aws: AwsOptions | undefined,
  notices: Notice[],
  deps: HistoryDeps,
): Promise<void> {
  if (!cfg.notify) return;
  try {
    const { sendNotices } = await import('@deploy-actions/history/notify');
    for (const s of await sendNotices(cfg.notify, notices, aws, deps)) {
      if (s.ok) rt.info(`${s.channel}: notified that deployment ${s.id} ${s.status}.`);
      else
        rt.warning(
          `${s.channel}: the notification that deployment ${s.id} ${s.status} was NOT sent (${s.error}). The deployment is recorded; only the notification is missing.`,
        );
    }
  } catch (err) {
    rt.warning(
      `Notifications were NOT sent: ${errorMessage(err)
        .split(cfg.notify.slackWebhookUrl ?? '\0')
        .join('***')}.`,
    );
  }
}

export async function openFor(
  rt: Runtime,
  cfg: HistoryConfig,
  aws: AwsOptions | undefined,
  run: RunContext,
  clock: Clock,
  deps: HistoryDeps,
): Promise<History> {
  const { openHistory } = await import('@deploy-actions/history/history');
  return openHistory(
    { ...cfg, ...(cfg.github && { github: { ...cfg.github, ...apiUrl(rt.env) } }) },
    aws,
    { environment: cfg.environment, ...(run.commit && { commit: run.commit }) },
    {
      clock,
      onRetry: (what, attempt, delayMs, reason) =>
        rt.info(
          `GitHub answered ${reason} while trying to ${what}; trying again in ${Math.ceil(delayMs / 1000)} s (attempt ${attempt + 1} of ${cfg.maxAttempts}).`,
        ),
    },
    deps,
  );
}

// GITHUB_API_URL points at GitHub Enterprise Server when the workflow runs there.
function apiUrl(env: Runtime['env']): { apiUrl?: string } {
  return env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {};
}

export interface Reported {
  rows: string[][];
  /** One line per backend that did not record, for the failure message. */
  missing: string[];
  errors: unknown[];
  /** Backend writes reported, recorded or not. */
  count: number;
}

export function merge(...all: Reported[]): Reported {
  return {
    rows: all.flatMap((r) => r.rows),
    missing: all.flatMap((r) => r.missing),
    errors: all.flatMap((r) => r.errors),
    count: all.reduce((n, r) => n + r.count, 0),
  };
}

/** Logs each backend's outcome and returns the summary rows; `describe` says what a success recorded. */
export function reportOutcomes<T>(
  rt: Runtime,
  outcomes: Outcome<T>[],
  describe: (value: T) => { status: string; note: string },
): Reported {
  const rows: string[][] = [];
  const missing: string[] = [];
  const errors: unknown[] = [];
  for (const o of outcomes) {
    if (o.ok) {
      const d = describe(o.value);
      rt.info(`${o.where}: ${d.note}.`);
      rows.push([o.where, d.status, d.note]);
    } else {
      const why = errorMessage(o.error);
      missing.push(`${o.where}: ${why}`);
      errors.push(o.error);
      rows.push([o.where, 'NOT recorded', why]);
    }
  }
  return { rows, missing, errors, count: outcomes.length };
}

export function outcomesTable(rows: string[][]): string {
  return table(['backend', 'status', 'what happened'], rows);
}

/**
 * Ends the step after the writes: an id no backend knows is an input error; a backend that could not
 * record fails the step (on-error: fail) or warns (on-error: warn), naming what was not recorded.
 */
export function settle(rt: Runtime, cfg: HistoryConfig, reported: Reported, done: string): void {
  const { missing, errors } = reported;
  if (missing.length === 0) return;
  if (errors.length === reported.count && errors.every((e) => e instanceof RecordError)) throw errors[0];
  const message = `${done} NOT recorded in ${missing.join('; ')}. Once it is back, run record-history again with the same deployment-id: nothing is recorded twice.`;
  if (cfg.onError === 'fail') rt.setFailed(message);
  else rt.warning(message);
}

/**
 * Runs a history step, naming the input behind what a store refused: the id given (`idInput`), or the
 * table that does not exist.
 */
export function historyInputs(body: () => Promise<void>, idInput = 'deployment-id'): () => Promise<void> {
  return async () => {
    try {
      await body();
    } catch (err) {
      throw asInputError(err, idInput);
    }
  };
}

export function asInputError(err: unknown, idInput = 'deployment-id'): unknown {
  if (err instanceof RecordError) return new InputError(idInput, err.id, err.problem);
  if (err instanceof StoreMissingError) return new InputError('dynamodb-table', err.store, err.problem);
  return err;
}
