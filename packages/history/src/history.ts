/**
 * The configured backends as one history. Writes go to every backend and report per backend, so one
 * backend being down never hides what the other recorded; reads take the first backend that answers.
 */
import type { AwsOptions, Clock } from '@deploy-actions/core';
import { errorMessage } from '@deploy-actions/core';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Octokit } from '@octokit/rest';
import type { BackendName, HistoryConfig } from './config';
import type { Before, DynamoDbHistory } from './dynamodb';
import { RecordError, StoreMissingError } from './errors';
import type { NotifyDeps } from './notify';
import type { GitHubHistory, Hint } from './github';
import {
  isFinal,
  type DeploymentRecord,
  type FinalStatus,
  type FinishFields,
  type Progress,
  type Target,
} from './record';

/** One place releases are recorded; History writes to each and reads from the first that answers. */
export interface HistoryBackend {
  name: BackendName;
  /** Where, for messages: "DynamoDB table deployments". */
  where: string;
  /** Reads in one consistent call (DynamoDB) rather than paging (GitHub): read first. */
  consistentReads: boolean;
  putStarted(record: DeploymentRecord): Promise<{ record: DeploymentRecord; created: boolean }>;
  finish(
    id: string,
    status: FinalStatus,
    fields: FinishFields,
  ): Promise<{ record: DeploymentRecord; changed: boolean }>;
  /** Where a started rollout stands; `green` names its green as the log does (`v2`). An ended record is left as it is. */
  progress(
    id: string,
    progress: Progress,
    green: string,
  ): Promise<{ record: DeploymentRecord; changed: boolean }>;
  /** Marks a restored release live again where the store shows what is live. */
  markLive(id: string, logUrl: string): Promise<{ changed: boolean }>;
  get(id: string): Promise<DeploymentRecord | undefined>;
  lastSuccessful(target: Target, before?: Before): Promise<DeploymentRecord | undefined>;
  between(target: Target, from: string, to: string): Promise<DeploymentRecord[]>;
  /** The newest release of the target still started whose green is `greenVersion`: the one a split belongs to. */
  openRelease(target: Target, greenVersion: string): Promise<DeploymentRecord | undefined>;
}

/** Kept for callers that name the union: every backend is a HistoryBackend. */
export type Backend = HistoryBackend;

/** GitHub Deployments as a backend: statuses carry the environment URL; ids are found by commit. */
export function githubBackend(
  store: GitHubHistory,
  where: string,
  opts: { environmentUrl?: string; hint: Hint },
): HistoryBackend {
  return {
    name: 'github',
    where,
    consistentReads: false,
    putStarted: (r) => store.putStarted(r, opts),
    finish: (id, status, fields) => store.finish(id, status, fields, { ...opts, ...opts.hint }),
    progress: (id, p, green) => store.progress(id, p, green, { ...opts, ...opts.hint }),
    markLive: (id, logUrl) => store.markLive(id, { ...opts, ...opts.hint, ...(logUrl && { logUrl }) }),
    get: (id) => store.get(id, opts.hint),
    lastSuccessful: (t, before) => store.lastSuccessful(t, before),
    between: (t, from, to) => store.between(t, from, to),
    openRelease: (t, green) => store.openRelease(t, green),
  };
}

/** DynamoDB as a backend; it has nothing to mark live. */
export function dynamodbBackend(store: DynamoDbHistory, where: string): HistoryBackend {
  return {
    name: 'dynamodb',
    where,
    consistentReads: true,
    putStarted: (r) => store.putStarted(r),
    finish: (id, status, fields) => store.finish(id, status, fields),
    progress: (id, p) => store.progress(id, p),
    markLive: async () => ({ changed: false }),
    get: (id) => store.get(id),
    lastSuccessful: (t, before) => store.lastSuccessful(t, before),
    between: (t, from, to) => store.between(t, from, to),
    openRelease: (t, green) => store.openRelease(t, green),
  };
}

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

export interface HistoryDeps extends NotifyDeps {
  dynamodb?: (opts: AwsOptions) => Promise<DynamoDBDocumentClient>;
  octokit?: (opts: { token: string; baseUrl?: string }) => Promise<Octokit>;
}

export class History {
  constructor(readonly backends: HistoryBackend[]) {}

  /**
   * Records a started release in every backend. The same id again continues its record (a re-run step);
   * if that record already ended and this is a later job attempt, the attempt gets its own record
   * `${id}.${attempt}`, since it is a new try at the release.
   */
  async start(record: DeploymentRecord, attempt: number): Promise<Started> {
    const first = await this.startEach(record);
    const ended = first.find((o) => o.ok && !o.value.created && isFinal(o.value.record.status));
    if (ended?.ok && attempt <= 1 && !sameVersions(ended.value.record, record)) {
      // The same id for another release of the same job attempt: two steps share a deployment-id.
      const r = ended.value.record;
      throw new RecordError(
        record.id,
        `already names the release ${r.blueVersion || '(new)'} → ${r.greenVersion}, which ended ${r.status}; this step records ${record.blueVersion || '(new)'} → ${record.greenVersion}: give each release its own deployment-id`,
      );
    }
    if (!ended || attempt <= 1) return { id: record.id, outcomes: first, newAttempt: false };
    const id = `${record.id}.${attempt}`;
    return { id, outcomes: await this.startEach({ ...record, id }), newAttempt: true };
  }

  private startEach(record: DeploymentRecord) {
    return this.each((b) => b.putStarted(record));
  }

  finish(id: string, status: FinalStatus, fields: FinishFields) {
    return this.each((b) => b.finish(id, status, fields));
  }

  progress(id: string, progress: Progress, green: string) {
    return this.each((b) => b.progress(id, progress, green));
  }

  /** GitHub shows which deployment is live; DynamoDB has nothing to mark. */
  markLive(id: string, logUrl: string) {
    return this.each((b) => b.markLive(id, logUrl));
  }

  /**
   * Reads from the first backend that answers, DynamoDB first (one consistent call where GitHub pages).
   * An input error (an unknown id) is the answer, not a failure to fall back from.
   */
  async read<T>(
    what: string,
    op: (b: HistoryBackend) => Promise<T>,
  ): Promise<{ value: T; backend: HistoryBackend; failures: string[] }> {
    const failures: string[] = [];
    const order = [...this.backends].sort((a, b) => Number(b.consistentReads) - Number(a.consistentReads));
    let firstError: unknown;
    for (const b of order) {
      try {
        return { value: await op(b), backend: b, failures };
      } catch (err) {
        if (err instanceof RecordError || err instanceof StoreMissingError) throw err;
        firstError ??= err;
        failures.push(`${b.where}: ${errorMessage(err)}`);
      }
    }
    throw new HistoryReadError(what, failures, firstError);
  }

  get(id: string) {
    return this.read(`read deployment ${id}`, (b) => b.get(id));
  }

  lastSuccessful(target: Target, before?: Before) {
    return this.read('find the last successful deployment', (b) => b.lastSuccessful(target, before));
  }

  between(target: Target, from: string, to: string) {
    return this.read('list the deployments of the report period', (b) => b.between(target, from, to));
  }

  openRelease(target: Target, greenVersion: string) {
    return this.read('find the open release', (b) => b.openRelease(target, greenVersion));
  }

  /**
   * One write per backend, in order. A wrong setting (a table that does not exist) stops them all, so that
   * with DynamoDB first nothing is written anywhere; an outage or an unknown id is that backend's outcome.
   */
  private async each<T>(op: (b: HistoryBackend) => Promise<T>): Promise<Outcome<T>[]> {
    const out: Outcome<T>[] = [];
    for (const b of this.backends) {
      try {
        out.push({ backend: b.name, where: b.where, ok: true, value: await op(b) });
      } catch (error) {
        if (error instanceof StoreMissingError) throw error;
        out.push({ backend: b.name, where: b.where, ok: false, error });
      }
    }
    return out;
  }
}

function sameVersions(a: DeploymentRecord, b: DeploymentRecord): boolean {
  return a.blueVersion === b.blueVersion && a.greenVersion === b.greenVersion;
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
  const backends: HistoryBackend[] = [];
  const statusOpts = { ...(cfg.environmentUrl && { environmentUrl: cfg.environmentUrl }), hint };
  for (const name of cfg.backends) {
    if (name === 'github' && cfg.github) {
      const { GitHubHistory, githubClient } = await import('./github');
      const octokit = await (deps.octokit ?? githubClient)({
        token: cfg.github.token,
        ...(cfg.github.apiUrl && { baseUrl: cfg.github.apiUrl }),
      });
      const store = new GitHubHistory(octokit, cfg.github.owner, cfg.github.repo, {
        maxAttempts: cfg.maxAttempts,
        clock: opts.clock,
        ...(opts.onRetry && { onRetry: opts.onRetry }),
      });
      backends.push(
        githubBackend(store, `GitHub Deployments of ${cfg.github.owner}/${cfg.github.repo}`, statusOpts),
      );
    }
    if (name === 'dynamodb' && cfg.table) {
      if (!aws) throw new Error('the DynamoDB backend needs a region');
      const { DynamoDbHistory, dynamodbClient } = await import('./dynamodb');
      const client = await (deps.dynamodb ?? dynamodbClient)(aws);
      const store = new DynamoDbHistory(client, cfg.table, { ttlDays: cfg.ttlDays });
      backends.push(dynamodbBackend(store, `DynamoDB table ${cfg.table}`));
    }
  }
  return new History(backends);
}
