/**
 * Deployment history in GitHub Deployments (https://docs.github.com/en/rest/deployments/deployments).
 *
 * A release is one deployment of `environment` at `ref` = the commit, task `deploy:lambda`, whose payload
 * holds the record (function, alias, versions, strategy, commit, run, startedAt, and the record id that the
 * DynamoDB backend uses too). Either id names the record: the record id, or the GitHub deployment id the
 * Deployments view shows. Its life is told by statuses
 * (https://docs.github.com/en/rest/deployments/statuses):
 *   started      in_progress
 *   succeeded    success (GitHub marks the environment's earlier success inactive: auto_inactive)
 *   failed       failure, description `failed: <reason>`
 *   rolled-back  failure, description `rolled back to <version>: <reason>`
 * The first success/failure/error fixes the record's status and endedAt (GitHub's time, whole seconds);
 * later statuses (inactive, or success again from markLive) only say whether it is live.
 */
import type { Octokit } from '@octokit/rest';
import { DeployError, systemClock, type Clock } from '@deploy-actions/core';
import {
  checkDeploymentId,
  isGitHubDeploymentId,
  isOpenRelease,
  isoTime,
  OPEN_RELEASE_SCAN,
  ROLLBACK_STRATEGY,
  transition,
  type DeploymentRecord,
  type FinalStatus,
  type FinishFields,
  type Progress,
  type Target,
} from './record';
import type { Before } from './dynamodb';
import { RecordError } from './errors';
import { briefly, CallFailure, headersOf, retryDelayMs, statusOf } from './github-client';
import {
  clipDescription,
  finalDescription,
  foreign,
  isTarget,
  payloadFor,
  payloadOf,
  progressDescription,
  targetName,
  targetOf,
  taskOf,
  toRecord,
  type Deployment,
  type DeploymentPayload,
  type State,
  type Status,
  type StatusOptions,
} from './github-payload';

export * from './github-payload';
export { githubClient, retryDelayMs } from './github-client';

const PER_PAGE = 100;
const LIVE_AGAIN = 'live again';
// Deployment created_at is GitHub's clock, startedAt the runner's: leave room for skew when paging stops.
const CLOCK_SKEW_MS = 10 * 60_000;

export interface GitHubHistoryOptions {
  /** Tries of one history operation, the first included, while GitHub throttles or fails (429, 5xx, network). */
  maxAttempts?: number;
  clock?: Clock;
  /** Told before each wait, so the step can say what it is waiting for. */
  onRetry?: (what: string, attempt: number, delayMs: number, reason: string) => void;
}

/** Where to look for a record id that is not a GitHub deployment id: one list call when the commit is known. */
export interface Hint {
  environment?: string;
  commit?: string;
}

export class GitHubHistory {
  private readonly maxAttempts: number;
  private readonly clock: Clock;

  constructor(
    private readonly octokit: Octokit,
    readonly owner: string,
    readonly repo: string,
    private readonly opts: GitHubHistoryOptions = {},
  ) {
    this.maxAttempts = opts.maxAttempts ?? 10;
    this.clock = opts.clock ?? systemClock;
  }

  /**
   * Creates the deployment for a started record and its in_progress status; the record id goes into the
   * payload. A re-run step finds the deployment of the same environment, commit and record id and gets it
   * back (`created: false`); it adds in_progress only if the first try stopped before it.
   * Calls: 1 list + create + status; 2 or 3 on a re-run. Two runs racing on the same id could both create:
   * GitHub has no conditional create.
   */
  async putStarted(
    input: DeploymentRecord,
    opts: StatusOptions = {},
  ): Promise<{ record: DeploymentRecord; created: boolean }> {
    checkDeploymentId(input.id);
    if (input.status !== 'started')
      throw new Error(`putStarted needs status "started", not "${input.status}"`);
    const record: DeploymentRecord = { ...input, startedAt: isoTime(input.startedAt, 'startedAt') };
    // Safe to repeat whole: it looks for the deployment before creating one.
    return this.retrying('record the start', () => this.putStartedOnce(record, opts));
  }

  private async putStartedOnce(
    record: DeploymentRecord,
    opts: StatusOptions,
  ): Promise<{ record: DeploymentRecord; created: boolean }> {
    const existing = await this.findByRecordId(record.id, record);
    if (existing) {
      const p = payloadOf(existing)!;
      if (!isTarget(p, record)) {
        throw new RecordError(
          record.id,
          `already names GitHub deployment ${existing.id} of ${targetName(targetOf(p))}, not of ${targetName(record)}`,
        );
      }
      const statuses = await this.statuses(existing.id);
      if (statuses.length === 0) {
        statuses.unshift(
          await this.addStatus(existing.id, 'in_progress', startedDescription(p), p.runUrl, opts),
        );
      }
      return { record: toRecord(existing, statuses), created: false };
    }

    const created = await this.call('create a deployment', () =>
      this.octokit.rest.repos.createDeployment({
        owner: this.owner,
        repo: this.repo,
        ref: record.commit,
        environment: record.environment,
        task: taskOf(record.targetKind),
        // Without these GitHub checks every commit status and may merge the default branch first (409 on a
        // red or pending check): https://docs.github.com/en/rest/deployments/deployments#create-a-deployment
        required_contexts: [],
        auto_merge: false,
        transient_environment: false,
        payload: { ...payloadFor(record) },
        description: clipDescription(
          `${targetName(record)} ${record.blueVersion || '(new)'} → ${record.greenVersion} (${record.id})`,
        ),
      }),
    );
    const deployment = created.data;
    // 202 (a merge instead of a deployment) only happens with auto_merge, which is off.
    if (!('id' in deployment))
      throw new DeployError(`GitHub did not create a deployment: ${deployment.message}`);
    const status = await this.addStatus(
      deployment.id,
      'in_progress',
      startedDescription(payloadFor(record)),
      record.runUrl,
      opts,
    );
    return { record: toRecord(deployment as Deployment, [status]), created: true };
  }

  /**
   * Ends a started deployment with its final status. The same final status again adds nothing
   * (`changed: false`); any other change is refused. `fields.endedAt` is not stored: GitHub stamps the
   * status itself. Calls: find + list statuses + create status (no create when nothing changes).
   */
  async finish(
    id: string,
    status: FinalStatus,
    fields: FinishFields,
    opts: StatusOptions & Hint = {},
  ): Promise<{ record: DeploymentRecord; changed: boolean }> {
    checkDeploymentId(id);
    isoTime(fields.endedAt, 'endedAt');
    // Safe to repeat whole: a status already added makes the next try a no-op.
    return this.retrying('record the outcome', async () => {
      const { deployment, statuses } = await this.load(id, opts);
      const current = toRecord(deployment, statuses);
      const step = transition(current.status, status);
      if (step === 'noop') return { record: current, changed: false };
      if (step === 'illegal') {
        throw new DeployError(
          `deployment ${id} already ended "${current.status}"${current.endedAt ? ` at ${current.endedAt}` : ''} in GitHub; ` +
            `it cannot become "${status}" (only a started deployment can end, once)`,
        );
      }
      const state: State = status === 'succeeded' ? 'success' : 'failure';
      const added = await this.addStatus(
        deployment.id,
        state,
        finalDescription(status, fields),
        current.runUrl,
        opts,
      );
      return { record: toRecord(deployment, [added, ...statuses]), changed: true };
    });
  }

  /**
   * Says where a started rollout stands: an in_progress status `step 3/6: 50% on v2` linking to the run. A record
   * that has ended, or whose newest status already says so (a re-run step), gets nothing (`changed: false`).
   * Calls: find + list statuses + create status.
   */
  async progress(
    id: string,
    progress: Progress,
    green: string,
    opts: StatusOptions & Hint = {},
  ): Promise<{ record: DeploymentRecord; changed: boolean }> {
    checkDeploymentId(id);
    isoTime(progress.at, 'progress.at');
    const description = progressDescription(progress, green);
    return this.retrying('record the progress', async () => {
      const { deployment, statuses } = await this.load(id, opts);
      const current = toRecord(deployment, statuses);
      const newest = statuses[0];
      if (
        current.status !== 'started' ||
        (newest?.state === 'in_progress' && newest.description === description)
      )
        return { record: current, changed: false };
      const added = await this.addStatus(
        deployment.id,
        'in_progress',
        description,
        progress.run || current.runUrl,
        opts,
      );
      return { record: toRecord(deployment, [added, ...statuses]), changed: true };
    });
  }

  /** Calls: get (or one list when the id is a record id and the hint names its commit) + list statuses. */
  async get(id: string, hint: Hint = {}): Promise<DeploymentRecord | undefined> {
    checkDeploymentId(id);
    return this.retrying('read a deployment', async () => {
      const deployment = await this.locate(id, hint);
      return deployment && toRecord(deployment, await this.statuses(deployment.id));
    });
  }

  /**
   * A succeeded deployment made live again, as a rollback restoring it does: a new success status, after
   * which GitHub marks the environment's other successes inactive (auto_inactive:
   * https://docs.github.com/en/rest/deployments/statuses#create-a-deployment-status). Nothing is added when
   * its newest status is already such a success (a re-run step). Calls: find + list statuses + create status.
   */
  async markLive(
    id: string,
    opts: StatusOptions & Hint & { logUrl?: string } = {},
  ): Promise<{ record: DeploymentRecord; changed: boolean }> {
    checkDeploymentId(id);
    return this.retrying('mark the restored deployment live', async () => {
      const { deployment, statuses } = await this.load(id, opts);
      const record = toRecord(deployment, statuses);
      if (record.status !== 'succeeded') {
        throw new DeployError(
          `deployment ${id} ended "${record.status}", not "succeeded"; only a good release can be live again`,
        );
      }
      const newest = statuses[0];
      if (newest?.state === 'success' && newest.description?.startsWith(LIVE_AGAIN))
        return { record, changed: false };
      await this.addStatus(
        deployment.id,
        'success',
        clipDescription(`${LIVE_AGAIN} on version ${record.greenVersion}`),
        opts.logUrl ?? record.runUrl,
        opts,
      );
      return { record, changed: true };
    });
  }

  /**
   * The newest succeeded deployment of a target that ended before `before` (a time, or the start of a given
   * deployment, which must be in the same environment); without it, the newest of all.
   * Calls: one list page per 100 deployments of the environment scanned (newest first) + one statuses call
   * per candidate of the target older than `before`, stopping at the first success; 2 when the newest
   * candidate succeeded.
   */
  async lastSuccessful(target: Target, before?: Before): Promise<DeploymentRecord | undefined> {
    let until: string | undefined;
    let waitFor: string | undefined;
    if (before && 'at' in before) until = isoTime(before.at, 'before');
    if (before && 'deploymentId' in before) waitFor = checkDeploymentId(before.deploymentId);
    return this.retrying('find the last successful deployment', async () => {
      let bound = until;
      let pending = waitFor;
      for await (const d of this.deployments(target.environment, undefined, taskOf(target.targetKind))) {
        const p = payloadOf(d);
        if (pending !== undefined) {
          // Listed newest first, so everything before meeting it is newer than it.
          if (String(d.id) === pending || p?.recordId === pending) {
            if (!p) throw foreign(d.id);
            bound = p.startedAt;
            pending = undefined;
          }
          continue;
        }
        if (!p || !isTarget(p, target)) continue;
        if (bound !== undefined && !(p.startedAt < bound)) continue;
        const record = toRecord(d, await this.statuses(d.id));
        if (record.status === 'succeeded' && (bound === undefined || record.endedAt! < bound)) return record;
      }
      if (pending !== undefined) {
        throw new RecordError(
          pending,
          `names no deployment of environment "${target.environment}" in ${this.owner}/${this.repo}`,
        );
      }
      return undefined;
    });
  }

  /**
   * The newest `limit` deployments of a target, newest first.
   * Calls: one list page per 100 deployments scanned + one statuses call per record returned.
   */
  async recent(target: Target, limit: number): Promise<DeploymentRecord[]> {
    if (!(Number.isInteger(limit) && limit >= 1))
      throw new Error(`limit must be a whole number ≥ 1, not ${limit}`);
    return this.retrying('list recent deployments', async () => {
      const out: DeploymentRecord[] = [];
      for await (const d of this.deployments(target.environment, undefined, taskOf(target.targetKind))) {
        const p = payloadOf(d);
        if (!p || !isTarget(p, target)) continue;
        out.push(toRecord(d, await this.statuses(d.id)));
        if (out.length >= limit) break;
      }
      return out;
    });
  }

  /**
   * The newest release of a target that has not ended and whose green is `greenVersion`, among the target's
   * OPEN_RELEASE_SCAN newest deployments. Calls: list pages + one statuses call per deployment of that green.
   */
  async openRelease(target: Target, greenVersion: string): Promise<DeploymentRecord | undefined> {
    return this.retrying('find the open release', async () => {
      let seen = 0;
      for await (const d of this.deployments(target.environment, undefined, taskOf(target.targetKind))) {
        const p = payloadOf(d);
        if (!p || !isTarget(p, target)) continue;
        if (++seen > OPEN_RELEASE_SCAN) break;
        // Statuses are read only for a release of that green.
        if (p.greenVersion !== greenVersion || p.strategy === ROLLBACK_STRATEGY) continue;
        const record = toRecord(d, await this.statuses(d.id));
        if (isOpenRelease(record, greenVersion)) return record;
      }
      return undefined;
    });
  }

  /**
   * Deployments of a target started in [from, to), oldest first. Paging stops once GitHub's created_at is
   * well before `from`. Calls: list pages + one statuses call per record returned.
   */
  async between(target: Target, from: string, to: string): Promise<DeploymentRecord[]> {
    const lo = isoTime(from, 'from');
    const hi = isoTime(to, 'to');
    const stop = Date.parse(lo) - CLOCK_SKEW_MS;
    return this.retrying('list deployments of the report period', async () => {
      const out: DeploymentRecord[] = [];
      for await (const d of this.deployments(target.environment, undefined, taskOf(target.targetKind))) {
        if (Date.parse(d.created_at) < stop) break;
        const p = payloadOf(d);
        if (!p || !isTarget(p, target) || p.startedAt < lo || p.startedAt >= hi) continue;
        out.push(toRecord(d, await this.statuses(d.id)));
      }
      return out.reverse();
    });
  }

  // Newest first: https://docs.github.com/en/rest/deployments/deployments#list-deployments
  /** `task` narrows to one target kind; without it, every kind's deployments (an id lookup). */
  private async *deployments(environment?: string, ref?: string, task?: string): AsyncGenerator<Deployment> {
    const pages = this.octokit.paginate.iterator(this.octokit.rest.repos.listDeployments, {
      owner: this.owner,
      repo: this.repo,
      ...(environment === undefined ? {} : { environment }),
      ...(task === undefined ? {} : { task }),
      ...(ref === undefined ? {} : { ref }),
      per_page: PER_PAGE,
    });
    const it = pages[Symbol.asyncIterator]();
    for (;;) {
      const page = await this.call('list deployments', () => it.next());
      if (page.done) return;
      yield* page.value.data as Deployment[];
    }
  }

  private async findByRecordId(id: string, hint: Hint): Promise<Deployment | undefined> {
    const scans: [string | undefined, string | undefined][] = hint.commit
      ? [
          [hint.environment, hint.commit],
          [hint.environment, undefined],
        ]
      : [[hint.environment, undefined]];
    for (const [environment, ref] of scans) {
      for await (const d of this.deployments(environment, ref)) {
        if (payloadOf(d)?.recordId === id) return d;
      }
    }
    return undefined;
  }

  /** The deployment an id names: a GitHub deployment id, or the record id in a payload. */
  private async locate(id: string, hint: Hint): Promise<Deployment | undefined> {
    if (!isGitHubDeploymentId(id)) return this.findByRecordId(id, hint);
    try {
      const deployment = (
        await this.octokit.rest.repos.getDeployment({
          owner: this.owner,
          repo: this.repo,
          deployment_id: Number(id),
        })
      ).data;
      if (!payloadOf(deployment)) throw foreign(deployment.id);
      return deployment;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err instanceof RecordError ? err : new CallFailure('read a deployment', err);
    }
  }

  // Newest first: https://docs.github.com/en/rest/deployments/statuses#list-deployment-statuses
  private async statuses(deploymentId: number): Promise<Status[]> {
    return this.call('list deployment statuses', () =>
      this.octokit.paginate(this.octokit.rest.repos.listDeploymentStatuses, {
        owner: this.owner,
        repo: this.repo,
        deployment_id: deploymentId,
        per_page: PER_PAGE,
      }),
    );
  }

  private async load(id: string, hint: Hint): Promise<{ deployment: Deployment; statuses: Status[] }> {
    const deployment = await this.locate(id, hint);
    if (!deployment) {
      throw new RecordError(
        id,
        `names no deployment in ${this.owner}/${this.repo}${hint.environment ? ` (environment "${hint.environment}")` : ''}, or github-token cannot see the repository`,
      );
    }
    return { deployment, statuses: await this.statuses(deployment.id) };
  }

  // log_url is the run; environment_url the live site when given:
  // https://docs.github.com/en/rest/deployments/statuses#create-a-deployment-status
  private async addStatus(
    deploymentId: number,
    state: State,
    description: string,
    logUrl: string,
    opts: StatusOptions,
  ): Promise<Status> {
    const res = await this.call('create a deployment status', () =>
      this.octokit.rest.repos.createDeploymentStatus({
        owner: this.owner,
        repo: this.repo,
        deployment_id: deploymentId,
        state,
        description,
        log_url: logUrl,
        ...(opts.environmentUrl ? { environment_url: opts.environmentUrl } : {}),
      }),
    );
    return res.data as Status;
  }

  private async call<T>(what: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (err) {
      throw new CallFailure(what, err);
    }
  }

  /** Runs a whole operation again while GitHub throttles or fails; each operation reads before it writes. */
  private async retrying<T>(what: string, operation: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await operation();
      } catch (err) {
        if (!(err instanceof CallFailure)) throw err;
        const delay = retryDelayMs(err.error, attempt, this.clock.now());
        if (delay === undefined || attempt >= this.maxAttempts) {
          throw this.mapError(err.error, err.what, delay === undefined ? 1 : attempt, what);
        }
        this.opts.onRetry?.(what, attempt, delay, briefly(err.error));
        await this.clock.sleep(delay);
      }
    }
  }

  private mapError(err: unknown, what: string, attempts: number, operation: string): unknown {
    const status = statusOf(err);
    const where = `${this.owner}/${this.repo}`;
    const detail = (err as Error).message;
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    const headers = headersOf(err);
    // A spent rate limit is also a 403: https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
    if (
      status === 429 ||
      (status === 403 && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(detail)))
    ) {
      return new DeployError(
        `GitHub refused to ${what} in ${where}: API rate limit exceeded${tries} (${detail}); could not ${operation}`,
      );
    }
    if (status === 401 || status === 403) {
      // https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token
      return new DeployError(
        `GitHub refused to ${what} in ${where} (HTTP ${status}: ${detail}); the token in input "github-token" ` +
          'needs the permission "deployments: write" (in the workflow: permissions: deployments: write)',
      );
    }
    if (status === 404) {
      return new DeployError(
        `GitHub repository ${where} was not found (HTTP 404 on "${what}"); check the repository name, and that ` +
          'the token in input "github-token" can see it',
      );
    }
    if (status !== undefined)
      return new DeployError(
        `GitHub failed to ${what} in ${where} (HTTP ${status}: ${detail})${tries}; could not ${operation}`,
      );
    return err;
  }
}

function startedDescription(p: DeploymentPayload): string {
  return clipDescription(
    `${p.strategy}: ${targetName(targetOf(p))} ${p.blueVersion || '(new)'} → ${p.greenVersion}`,
  );
}
