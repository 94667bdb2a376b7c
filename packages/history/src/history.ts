/**
 * The configured backends as one history. Writes go to every backend and report per backend, so one
 * backend being down never hides what the other recorded; reads take the first backend that answers.
 */
import type { AwsOptions, Clock } from '@deploy-actions/core';
import { errorMessage, InputError } from '@deploy-actions/core';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Octokit } from '@octokit/rest';
import type { BackendName, HistoryConfig } from './config';
import type { Before, DynamoDbHistory } from './dynamodb';
import type { GitHubHistory, Hint } from './github';
import { isFinal, type DeploymentRecord, type FinalStatus, type FinishFields, type Target } from './record';

export type Backend =
  | { name: 'github'; where: string; store: GitHubHistory }
  | { name: 'dynamodb'; where: string; store: DynamoDbHistory };

export type Outcome<T> =
  | { backend: BackendName; where: string; ok: true; value: T }
  | { backend: BackendName; where: string; ok: false; error: unknown };

export interface Started {
  /** The record id every backend holds the release under. */
  id: string;
  outcomes: Outcome<{ record: DeploymentRecord; created: boolean }>[];
  /** The earlier record of this run had ended, so this job attempt started a new one. */
  newAttempt: boolean;
}

export interface HistoryDeps {
  dynamodb?: (opts: AwsOptions) => Promise<DynamoDBDocumentClient>;
  octokit?: (opts: { token: string; baseUrl?: string }) => Promise<Octokit>;
}

export class History {
  constructor(
    readonly backends: Backend[],
    private readonly opts: { environmentUrl?: string; hint: Hint },
  ) {}

  /**
   * Records a started release in every backend. The same id again continues its record (a re-run step);
   * if that record already ended and this is a later job attempt, the attempt gets its own record
   * `${id}.${attempt}`, since it is a new try at the release.
   */
  async start(record: DeploymentRecord, attempt: number): Promise<Started> {
    const first = await this.startEach(record);
    const ended = first.some((o) => o.ok && !o.value.created && isFinal(o.value.record.status));
    if (!ended || attempt <= 1) return { id: record.id, outcomes: first, newAttempt: false };
    const id = `${record.id}.${attempt}`;
    return { id, outcomes: await this.startEach({ ...record, id }), newAttempt: true };
  }

  private startEach(record: DeploymentRecord) {
    return this.each((b) =>
      b.name === 'github' ? b.store.putStarted(record, this.opts) : b.store.putStarted(record),
    );
  }

  finish(id: string, status: FinalStatus, fields: FinishFields) {
    return this.each((b) =>
      b.name === 'github'
        ? b.store.finish(id, status, fields, { ...this.opts, ...this.opts.hint })
        : b.store.finish(id, status, fields),
    );
  }

  /** GitHub shows which deployment is live; DynamoDB has nothing to mark. */
  markLive(id: string, logUrl: string) {
    return this.each(async (b) =>
      b.name === 'github'
        ? b.store.markLive(id, {
            ...this.opts,
            ...this.opts.hint,
            ...(logUrl && { logUrl }),
          })
        : { changed: false },
    );
  }

  /**
   * Reads from the first backend that answers, DynamoDB first (one consistent call where GitHub pages).
   * An input error (an unknown id) is the answer, not a failure to fall back from.
   */
  async read<T>(
    what: string,
    op: (b: Backend) => Promise<T>,
  ): Promise<{ value: T; backend: Backend; failures: string[] }> {
    const failures: string[] = [];
    const order = [...this.backends].sort((a, b) =>
      a.name === 'dynamodb' ? -1 : b.name === 'dynamodb' ? 1 : 0,
    );
    let firstError: unknown;
    for (const b of order) {
      try {
        return { value: await op(b), backend: b, failures };
      } catch (err) {
        if (err instanceof InputError) throw err;
        firstError ??= err;
        failures.push(`${b.where}: ${errorMessage(err)}`);
      }
    }
    throw new HistoryReadError(what, failures, firstError);
  }

  get(id: string) {
    return this.read(`read deployment ${id}`, (b) =>
      b.name === 'github' ? b.store.get(id, this.opts.hint) : b.store.get(id),
    );
  }

  lastSuccessful(target: Target, before?: Before) {
    return this.read('find the last successful deployment', (b) => b.store.lastSuccessful(target, before));
  }

  between(target: Target, from: string, to: string) {
    return this.read('list the deployments of the report period', (b) => b.store.between(target, from, to));
  }

  /**
   * One write per backend, in order. A wrong setting (a table that does not exist) stops them all, so that
   * with DynamoDB first nothing is written anywhere; an outage or an unknown id is that backend's outcome.
   */
  private async each<T>(op: (b: Backend) => Promise<T>): Promise<Outcome<T>[]> {
    const out: Outcome<T>[] = [];
    for (const b of this.backends) {
      try {
        out.push({ backend: b.name, where: b.where, ok: true, value: await op(b) });
      } catch (error) {
        if (error instanceof InputError && error.input !== 'deployment-id') throw error;
        out.push({ backend: b.name, where: b.where, ok: false, error });
      }
    }
    return out;
  }
}

export class HistoryReadError extends Error {
  constructor(
    what: string,
    readonly failures: string[],
    readonly firstError: unknown,
  ) {
    super(`could not ${what}: ${failures.join('; ')}`);
  }
}

/** The backends the config names, their SDKs loaded only now. */
export async function openHistory(
  cfg: HistoryConfig,
  aws: AwsOptions | undefined,
  hint: Hint,
  opts: { clock: Clock; onRetry?: (what: string, attempt: number, delayMs: number, reason: string) => void },
  deps: HistoryDeps = {},
): Promise<History> {
  const backends: Backend[] = [];
  for (const name of cfg.backends) {
    if (name === 'github' && cfg.github) {
      const { GitHubHistory, githubClient } = await import('./github');
      const octokit = await (deps.octokit ?? githubClient)({
        token: cfg.github.token,
        ...(cfg.github.apiUrl && { baseUrl: cfg.github.apiUrl }),
      });
      backends.push({
        name,
        where: `GitHub Deployments of ${cfg.github.owner}/${cfg.github.repo}`,
        store: new GitHubHistory(octokit, cfg.github.owner, cfg.github.repo, {
          maxAttempts: cfg.maxAttempts,
          clock: opts.clock,
          ...(opts.onRetry && { onRetry: opts.onRetry }),
        }),
      });
    }
    if (name === 'dynamodb' && cfg.table) {
      if (!aws) throw new Error('the DynamoDB backend needs a region');
      const { DynamoDbHistory, dynamodbClient } = await import('./dynamodb');
      const client = await (deps.dynamodb ?? dynamodbClient)(aws);
      backends.push({
        name,
        where: `DynamoDB table ${cfg.table}`,
        store: new DynamoDbHistory(client, cfg.table, { ttlDays: cfg.ttlDays }),
      });
    }
  }
  return new History(backends, { ...(cfg.environmentUrl && { environmentUrl: cfg.environmentUrl }), hint });
}
