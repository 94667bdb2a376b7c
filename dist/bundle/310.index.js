export const id = 310;
export const ids = [310];
export const modules = {

/***/ 9310:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHubHistory: () => (/* binding */ GitHubHistory),
  githubClient: () => (/* reexport */ githubClient)
});

// UNUSED EXPORTS: DEPLOYMENT_TASK, DESCRIPTION_MAX, TASK_PREFIX, clipDescription, finalDescription, foreign, isTarget, parseFinal, payloadFor, payloadOf, payloadTarget, progressDescription, progressOf, retryDelayMs, targetName, targetOf, taskOf, toRecord

// EXTERNAL MODULE: ./packages/core/src/index.ts + 7 modules
var src = __webpack_require__(1398);
// EXTERNAL MODULE: ./packages/history/src/record.ts
var src_record = __webpack_require__(8691);
// EXTERNAL MODULE: ./packages/history/src/errors.ts
var errors = __webpack_require__(9713);
;// CONCATENATED MODULE: ./packages/history/src/github-client.ts

// One request failed: what was being done, and GitHub's error.
class CallFailure extends Error {
    what;
    error;
    constructor(what, error) {
        super(`${what}: ${error?.message}`);
        this.what = what;
        this.error = error;
    }
}
const RETRY_BASE_MS = 1_000;
const RETRY_CAP_MS = 20_000;
// A rate limit that resets later than this is not waited for: the step says so instead.
const RATE_LIMIT_WAIT_MAX_MS = 60_000;
/**
 * How long to wait before trying again after `err`, or undefined when trying again cannot help.
 * Retried: 429, 5xx, network failures (Octokit reports them as 500) and the 403 of a rate limit, after
 * retry-after or x-ratelimit-reset as GitHub asks:
 * https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#handle-rate-limit-errors-appropriately
 */
function retryDelayMs(err, attempt, nowMs) {
    const status = statusOf(err);
    const headers = headersOf(err);
    const backoff = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** (attempt - 1));
    const retryAfter = Number(headers['retry-after']);
    const rateLimited = status === 429 ||
        (status === 403 && (headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined));
    if (rateLimited) {
        if (Number.isFinite(retryAfter) && retryAfter >= 0) {
            const ms = retryAfter * 1000;
            return ms <= RATE_LIMIT_WAIT_MAX_MS ? Math.max(ms, backoff) : undefined;
        }
        const reset = Number(headers['x-ratelimit-reset']);
        if (Number.isFinite(reset) && reset > 0) {
            const ms = reset * 1000 - nowMs;
            return ms <= RATE_LIMIT_WAIT_MAX_MS ? Math.max(ms, backoff) : undefined;
        }
        return backoff;
    }
    if (status !== undefined && status >= 500)
        return backoff;
    return undefined;
}
function headersOf(err) {
    return (err?.response?.headers ?? {});
}
function briefly(err) {
    const status = statusOf(err);
    return status === undefined ? (err?.message ?? String(err)) : `HTTP ${status}`;
}
function statusOf(err) {
    const s = err?.status;
    return typeof s === 'number' ? s : undefined;
}
/**
 * An Octokit client for the history, loaded only when needed; GITHUB_API_URL points it at GHES, and its
 * requests go through the runner's proxy when one is set.
 */
async function githubClient(opts) {
    const { Octokit } = await __webpack_require__.e(/* import() */ 891).then(__webpack_require__.bind(__webpack_require__, 891));
    return new Octokit({
        auth: opts.token,
        baseUrl: opts.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
        userAgent: opts.userAgent ?? `deploy-actions/${src/* SUITE_VERSION */.sZ}`,
        request: { fetch: src/* proxyFetch */.Z6 },
    });
}

// EXTERNAL MODULE: ./packages/history/src/format.ts
var format = __webpack_require__(8629);
;// CONCATENATED MODULE: ./packages/history/src/github-payload.ts



/** The task of Lambda's deployments, as before targets had kinds; others are `deploy:<kind>`. */
const DEPLOYMENT_TASK = 'deploy:lambda';
const TASK_PREFIX = 'deploy:';
function taskOf(targetKind) {
    return `${TASK_PREFIX}${targetKind}`;
}
// https://docs.github.com/en/rest/deployments/statuses#create-a-deployment-status (description: max 140)
const DESCRIPTION_MAX = 140;
/** `text` cut to GitHub's 140 characters, never inside a surrogate pair. */
function clipDescription(text) {
    if (text.length <= DESCRIPTION_MAX)
        return text;
    let cut = DESCRIPTION_MAX - 1;
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        cut--;
    return `${text.slice(0, cut)}…`;
}
/** The status description of a final record status. */
function finalDescription(status, fields) {
    const reason = fields.reason ? `: ${fields.reason}` : '';
    if (status === 'succeeded')
        return clipDescription(`succeeded${reason}`);
    if (status === 'failed')
        return clipDescription(`failed${reason}`);
    const to = fields.restoredVersion ? ` to ${fields.restoredVersion}` : '';
    return clipDescription(`rolled back${to}${reason}`);
}
/** Reads back what finalDescription wrote; a failure written by anything else counts as failed. */
function parseFinal(state, description) {
    const text = description ?? '';
    if (state === 'success')
        return { status: 'succeeded', ...reasonOf(/^succeeded(?:: ([^]*))?$/.exec(text)) };
    const rolled = /^rolled back(?: to (\S+?))?(?:: ([^]*))?$/.exec(text);
    if (rolled) {
        return {
            status: 'rolled-back',
            ...(rolled[2] ? { reason: rolled[2] } : {}),
            ...(rolled[1] ? { restoredVersion: rolled[1] } : {}),
        };
    }
    const failed = /^failed(?:: ([^]*))?$/.exec(text);
    if (failed)
        return { status: 'failed', ...reasonOf(failed) };
    return { status: 'failed', ...(text ? { reason: text } : {}) };
}
function reasonOf(m) {
    return m?.[1] ? { reason: m[1] } : {};
}
/** The in_progress description of a rollout's step: `step 3/6: 50% on v2`. */
function progressDescription(p, green) {
    const watch = p.watch ? `; watch ${p.watch.mark}: ${p.watch.verdict}` : '';
    return clipDescription(`step ${p.step}/${p.of}: ${p.percent}% on ${green}${watch}`);
}
const WATCH = /; watch (\S+): (healthy|unhealthy|inconclusive)$/;
const PROGRESS = /^step (\d+)\/(\d+): (\d+(?:\.\d+)?)% on /;
/** Where the newest progress status (newest first, as GitHub lists them) says the rollout stands; older records have none. */
function progressOf(statuses) {
    for (const s of statuses) {
        const m = s.state === 'in_progress' ? PROGRESS.exec(s.description ?? '') : null;
        if (!m)
            continue;
        const w = WATCH.exec(s.description ?? '');
        return {
            ...(w && { watch: { mark: w[1], verdict: w[2] } }),
            step: Number(m[1]),
            of: Number(m[2]),
            percent: Number(m[3]),
            at: (0,src_record/* isoTime */.Ly)(s.created_at),
            run: s.log_url ?? '',
        };
    }
    return undefined;
}
const FINAL_STATES = ['success', 'failure', 'error'];
/** The record a deployment and its statuses (newest first, as GitHub lists them) describe. */
function toRecord(deployment, statuses) {
    const p = payloadOf(deployment);
    if (!p)
        throw foreign(deployment.id);
    // The oldest final status decides: an inactive or a later success (markLive) does not change the outcome.
    // GitHub adds inactive only after a success (auto_inactive,
    // https://docs.github.com/en/rest/deployments/statuses#create-a-deployment-status).
    const final = [...statuses].reverse().find((s) => FINAL_STATES.includes(s.state));
    const record = {
        id: p.recordId,
        githubDeploymentId: String(deployment.id),
        environment: deployment.environment,
        ...targetOf(p),
        blueVersion: p.blueVersion,
        greenVersion: p.greenVersion,
        strategy: p.strategy,
        status: 'started',
        startedAt: p.startedAt,
        commit: p.commit,
        ref: p.ref,
        actor: p.actor,
        runUrl: p.runUrl,
        ...(typeof p.approvedBy === 'string' && p.approvedBy !== '' && { approvedBy: p.approvedBy }),
        ...(p.releaseKind === 'hotfix' && { releaseKind: 'hotfix' }),
    };
    const progress = progressOf(statuses);
    if (progress)
        record.progress = progress;
    if (!final)
        return record;
    return { ...record, ...parseFinal(final.state, final.description), endedAt: (0,src_record/* isoTime */.Ly)(final.created_at) };
}
/** The payload if this deployment was written by this backend, else undefined. */
function payloadOf(deployment) {
    if (!deployment.task.startsWith(TASK_PREFIX))
        return undefined;
    let p = deployment.payload;
    if (typeof p === 'string') {
        try {
            p = JSON.parse(p);
        }
        catch {
            return undefined;
        }
    }
    if (!p || typeof p !== 'object')
        return undefined;
    const o = p;
    const keys = [
        'recordId',
        'blueVersion',
        'greenVersion',
        'strategy',
        'commit',
        'ref',
        'actor',
        'runUrl',
        'startedAt',
    ];
    if (!keys.every((k) => typeof o[k] === 'string'))
        return undefined;
    const target = (0,format/* readTarget */._)({ ...o, functionName: o.function });
    // The task names the kind too: a payload must agree with it.
    if (!target || taskOf(target.targetKind) !== deployment.task)
        return undefined;
    return o;
}
// The payload names Lambda's function `function`, where DynamoDB items say `functionName`.
function targetOf(p) {
    return (0,format/* readTarget */._)({ ...p, functionName: p.function });
}
function payloadTarget(t) {
    const { functionName, ...rest } = (0,format/* storedTarget */.P)(t);
    return { ...(functionName !== undefined && { function: functionName }), ...rest };
}
/** How a deployment names its target in descriptions: `orders:live`, or `ecs:...` for other kinds. */
function targetName(t) {
    return t.targetKind === src_record/* FIRST_TARGET_KIND */.AW ? t.resource : `${t.targetKind}:${t.resource}`;
}
function payloadFor(r) {
    return {
        recordId: r.id,
        ...payloadTarget(r),
        blueVersion: r.blueVersion,
        greenVersion: r.greenVersion,
        strategy: r.strategy,
        commit: r.commit,
        ref: r.ref,
        actor: r.actor,
        runUrl: r.runUrl,
        startedAt: r.startedAt,
        ...(r.approvedBy && { approvedBy: r.approvedBy }),
        ...(r.releaseKind && { releaseKind: r.releaseKind }),
    };
}
function isTarget(p, t) {
    return (0,src_record/* sameTarget */.cS)(targetOf(p), t);
}
function foreign(id) {
    return new errors/* RecordError */.W(String(id), `names a GitHub deployment not recorded by record-history (its task is not "${TASK_PREFIX}<target>", as "${DEPLOYMENT_TASK}")`);
}

;// CONCATENATED MODULE: ./packages/history/src/github.ts







const PER_PAGE = 100;
const LIVE_AGAIN = 'live again';
// Deployment created_at is GitHub's clock, startedAt the runner's: leave room for skew when paging stops.
const CLOCK_SKEW_MS = 10 * 60_000;
class GitHubHistory {
    octokit;
    owner;
    repo;
    opts;
    maxAttempts;
    clock;
    constructor(octokit, owner, repo, opts = {}) {
        this.octokit = octokit;
        this.owner = owner;
        this.repo = repo;
        this.opts = opts;
        this.maxAttempts = opts.maxAttempts ?? 10;
        this.clock = opts.clock ?? src/* systemClock */.ml;
    }
    /**
     * Creates the deployment for a started record and its in_progress status; the record id goes into the
     * payload. A re-run step finds the deployment of the same environment, commit and record id and gets it
     * back (`created: false`); it adds in_progress only if the first try stopped before it.
     * Calls: 1 list + create + status; 2 or 3 on a re-run. Two runs racing on the same id could both create:
     * GitHub has no conditional create.
     */
    async putStarted(input, opts = {}) {
        (0,src_record/* checkDeploymentId */.dM)(input.id);
        if (input.status !== 'started')
            throw new Error(`putStarted needs status "started", not "${input.status}"`);
        const record = { ...input, startedAt: (0,src_record/* isoTime */.Ly)(input.startedAt, 'startedAt') };
        // Safe to repeat whole: it looks for the deployment before creating one.
        return this.retrying('record the start', () => this.putStartedOnce(record, opts));
    }
    async putStartedOnce(record, opts) {
        const existing = await this.findByRecordId(record.id, record);
        if (existing) {
            const p = payloadOf(existing);
            if (!isTarget(p, record)) {
                throw new errors/* RecordError */.W(record.id, `already names GitHub deployment ${existing.id} of ${targetName(targetOf(p))}, not of ${targetName(record)}`);
            }
            const statuses = await this.statuses(existing.id);
            if (statuses.length === 0) {
                statuses.unshift(await this.addStatus(existing.id, 'in_progress', startedDescription(p), p.runUrl, opts));
            }
            return { record: toRecord(existing, statuses), created: false };
        }
        const created = await this.call('create a deployment', () => this.octokit.rest.repos.createDeployment({
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
            description: clipDescription(`${targetName(record)} ${record.blueVersion || '(new)'} → ${record.greenVersion} (${record.id})`),
        }));
        const deployment = created.data;
        // 202 (a merge instead of a deployment) only happens with auto_merge, which is off.
        if (!('id' in deployment))
            throw new src/* DeployError */.sH(`GitHub did not create a deployment: ${deployment.message}`);
        const status = await this.addStatus(deployment.id, 'in_progress', startedDescription(payloadFor(record)), record.runUrl, opts);
        return { record: toRecord(deployment, [status]), created: true };
    }
    /**
     * Ends a started deployment with its final status. The same final status again adds nothing
     * (`changed: false`); any other change is refused. `fields.endedAt` is not stored: GitHub stamps the
     * status itself. Calls: find + list statuses + create status (no create when nothing changes).
     */
    async finish(id, status, fields, opts = {}) {
        (0,src_record/* checkDeploymentId */.dM)(id);
        (0,src_record/* isoTime */.Ly)(fields.endedAt, 'endedAt');
        // Safe to repeat whole: a status already added makes the next try a no-op.
        return this.retrying('record the outcome', async () => {
            const { deployment, statuses } = await this.load(id, opts);
            const current = toRecord(deployment, statuses);
            const step = (0,src_record/* transition */.kY)(current.status, status);
            if (step === 'noop')
                return { record: current, changed: false };
            if (step === 'illegal') {
                throw new src/* DeployError */.sH(`deployment ${id} already ended "${current.status}"${current.endedAt ? ` at ${current.endedAt}` : ''} in GitHub; ` +
                    `it cannot become "${status}" (only a started deployment can end, once)`);
            }
            const state = status === 'succeeded' ? 'success' : 'failure';
            const added = await this.addStatus(deployment.id, state, finalDescription(status, fields), current.runUrl, opts);
            return { record: toRecord(deployment, [added, ...statuses]), changed: true };
        });
    }
    /**
     * Says where a started rollout stands: an in_progress status `step 3/6: 50% on v2` linking to the run. A record
     * that has ended, or whose newest status already says so (a re-run step), gets nothing (`changed: false`).
     * Calls: find + list statuses + create status.
     */
    async progress(id, progress, green, opts = {}) {
        (0,src_record/* checkDeploymentId */.dM)(id);
        (0,src_record/* isoTime */.Ly)(progress.at, 'progress.at');
        const description = progressDescription(progress, green);
        return this.retrying('record the progress', async () => {
            const { deployment, statuses } = await this.load(id, opts);
            const current = toRecord(deployment, statuses);
            const newest = statuses[0];
            if (current.status !== 'started' ||
                (newest?.state === 'in_progress' && newest.description === description))
                return { record: current, changed: false };
            const added = await this.addStatus(deployment.id, 'in_progress', description, progress.run || current.runUrl, opts);
            return { record: toRecord(deployment, [added, ...statuses]), changed: true };
        });
    }
    /** Calls: get (or one list when the id is a record id and the hint names its commit) + list statuses. */
    async get(id, hint = {}) {
        (0,src_record/* checkDeploymentId */.dM)(id);
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
    async markLive(id, opts = {}) {
        (0,src_record/* checkDeploymentId */.dM)(id);
        return this.retrying('mark the restored deployment live', async () => {
            const { deployment, statuses } = await this.load(id, opts);
            const record = toRecord(deployment, statuses);
            if (record.status !== 'succeeded') {
                throw new src/* DeployError */.sH(`deployment ${id} ended "${record.status}", not "succeeded"; only a good release can be live again`);
            }
            const newest = statuses[0];
            if (newest?.state === 'success' && newest.description?.startsWith(LIVE_AGAIN))
                return { record, changed: false };
            await this.addStatus(deployment.id, 'success', clipDescription(`${LIVE_AGAIN} on version ${record.greenVersion}`), opts.logUrl ?? record.runUrl, opts);
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
    async lastSuccessful(target, before) {
        let until;
        let waitFor;
        if (before && 'at' in before)
            until = (0,src_record/* isoTime */.Ly)(before.at, 'before');
        if (before && 'deploymentId' in before)
            waitFor = (0,src_record/* checkDeploymentId */.dM)(before.deploymentId);
        return this.retrying('find the last successful deployment', async () => {
            let bound = until;
            let pending = waitFor;
            for await (const d of this.deployments(target.environment, undefined, taskOf(target.targetKind))) {
                const p = payloadOf(d);
                if (pending !== undefined) {
                    // Listed newest first, so everything before meeting it is newer than it.
                    if (String(d.id) === pending || p?.recordId === pending) {
                        if (!p)
                            throw foreign(d.id);
                        bound = p.startedAt;
                        pending = undefined;
                    }
                    continue;
                }
                if (!p || !isTarget(p, target))
                    continue;
                if (bound !== undefined && !(p.startedAt < bound))
                    continue;
                const record = toRecord(d, await this.statuses(d.id));
                if (record.status === 'succeeded' && (bound === undefined || record.endedAt < bound))
                    return record;
            }
            if (pending !== undefined) {
                throw new errors/* RecordError */.W(pending, `names no deployment of environment "${target.environment}" in ${this.owner}/${this.repo}`);
            }
            return undefined;
        });
    }
    /**
     * The newest `limit` deployments of a target, newest first.
     * Calls: one list page per 100 deployments scanned + one statuses call per record returned.
     */
    async recent(target, limit) {
        if (!(Number.isInteger(limit) && limit >= 1))
            throw new Error(`limit must be a whole number ≥ 1, not ${limit}`);
        return this.retrying('list recent deployments', async () => {
            const out = [];
            for await (const d of this.deployments(target.environment, undefined, taskOf(target.targetKind))) {
                const p = payloadOf(d);
                if (!p || !isTarget(p, target))
                    continue;
                out.push(toRecord(d, await this.statuses(d.id)));
                if (out.length >= limit)
                    break;
            }
            return out;
        });
    }
    /**
     * The newest release of a target that has not ended and whose green is `greenVersion`, among the target's
     * OPEN_RELEASE_SCAN newest deployments. Calls: list pages + one statuses call per deployment of that green.
     */
    async openRelease(target, greenVersion) {
        return this.retrying('find the open release', async () => {
            let seen = 0;
            for await (const d of this.deployments(target.environment, undefined, taskOf(target.targetKind))) {
                const p = payloadOf(d);
                if (!p || !isTarget(p, target))
                    continue;
                if (++seen > src_record/* OPEN_RELEASE_SCAN */.zb)
                    break;
                // Statuses are read only for a release of that green.
                if (p.greenVersion !== greenVersion || p.strategy === src_record/* ROLLBACK_STRATEGY */.Fn)
                    continue;
                const record = toRecord(d, await this.statuses(d.id));
                if ((0,src_record/* isOpenRelease */.q1)(record, greenVersion))
                    return record;
            }
            return undefined;
        });
    }
    /**
     * Deployments of a target started in [from, to), oldest first. Paging stops once GitHub's created_at is
     * well before `from`. Calls: list pages + one statuses call per record returned.
     */
    async between(target, from, to) {
        const lo = (0,src_record/* isoTime */.Ly)(from, 'from');
        const hi = (0,src_record/* isoTime */.Ly)(to, 'to');
        const stop = Date.parse(lo) - CLOCK_SKEW_MS;
        return this.retrying('list deployments of the report period', async () => {
            const out = [];
            for await (const d of this.deployments(target.environment, undefined, taskOf(target.targetKind))) {
                if (Date.parse(d.created_at) < stop)
                    break;
                const p = payloadOf(d);
                if (!p || !isTarget(p, target) || p.startedAt < lo || p.startedAt >= hi)
                    continue;
                out.push(toRecord(d, await this.statuses(d.id)));
            }
            return out.reverse();
        });
    }
    // Newest first: https://docs.github.com/en/rest/deployments/deployments#list-deployments
    /** `task` narrows to one target kind; without it, every kind's deployments (an id lookup). */
    async *deployments(environment, ref, task) {
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
            if (page.done)
                return;
            yield* page.value.data;
        }
    }
    async findByRecordId(id, hint) {
        const scans = hint.commit
            ? [
                [hint.environment, hint.commit],
                [hint.environment, undefined],
            ]
            : [[hint.environment, undefined]];
        for (const [environment, ref] of scans) {
            for await (const d of this.deployments(environment, ref)) {
                if (payloadOf(d)?.recordId === id)
                    return d;
            }
        }
        return undefined;
    }
    /** The deployment an id names: a GitHub deployment id, or the record id in a payload. */
    async locate(id, hint) {
        if (!(0,src_record/* isGitHubDeploymentId */.gT)(id))
            return this.findByRecordId(id, hint);
        try {
            const deployment = (await this.octokit.rest.repos.getDeployment({
                owner: this.owner,
                repo: this.repo,
                deployment_id: Number(id),
            })).data;
            if (!payloadOf(deployment))
                throw foreign(deployment.id);
            return deployment;
        }
        catch (err) {
            if (statusOf(err) === 404)
                return undefined;
            throw err instanceof errors/* RecordError */.W ? err : new CallFailure('read a deployment', err);
        }
    }
    // Newest first: https://docs.github.com/en/rest/deployments/statuses#list-deployment-statuses
    async statuses(deploymentId) {
        return this.call('list deployment statuses', () => this.octokit.paginate(this.octokit.rest.repos.listDeploymentStatuses, {
            owner: this.owner,
            repo: this.repo,
            deployment_id: deploymentId,
            per_page: PER_PAGE,
        }));
    }
    async load(id, hint) {
        const deployment = await this.locate(id, hint);
        if (!deployment) {
            throw new errors/* RecordError */.W(id, `names no deployment in ${this.owner}/${this.repo}${hint.environment ? ` (environment "${hint.environment}")` : ''}, or github-token cannot see the repository`);
        }
        return { deployment, statuses: await this.statuses(deployment.id) };
    }
    // log_url is the run; environment_url the live site when given:
    // https://docs.github.com/en/rest/deployments/statuses#create-a-deployment-status
    async addStatus(deploymentId, state, description, logUrl, opts) {
        const res = await this.call('create a deployment status', () => this.octokit.rest.repos.createDeploymentStatus({
            owner: this.owner,
            repo: this.repo,
            deployment_id: deploymentId,
            state,
            description,
            log_url: logUrl,
            ...(opts.environmentUrl ? { environment_url: opts.environmentUrl } : {}),
        }));
        return res.data;
    }
    async call(what, request) {
        try {
            return await request();
        }
        catch (err) {
            throw new CallFailure(what, err);
        }
    }
    /** Runs a whole operation again while GitHub throttles or fails; each operation reads before it writes. */
    async retrying(what, operation) {
        for (let attempt = 1;; attempt++) {
            try {
                return await operation();
            }
            catch (err) {
                if (!(err instanceof CallFailure))
                    throw err;
                const delay = retryDelayMs(err.error, attempt, this.clock.now());
                if (delay === undefined || attempt >= this.maxAttempts) {
                    throw this.mapError(err.error, err.what, delay === undefined ? 1 : attempt, what);
                }
                this.opts.onRetry?.(what, attempt, delay, briefly(err.error));
                await this.clock.sleep(delay);
            }
        }
    }
    mapError(err, what, attempts, operation) {
        const status = statusOf(err);
        const where = `${this.owner}/${this.repo}`;
        const detail = err.message;
        const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
        const headers = headersOf(err);
        // A spent rate limit is also a 403: https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
        if (status === 429 ||
            (status === 403 && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(detail)))) {
            return new src/* DeployError */.sH(`GitHub refused to ${what} in ${where}: API rate limit exceeded${tries} (${detail}); could not ${operation}`);
        }
        if (status === 401 || status === 403) {
            // https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token
            return new src/* DeployError */.sH(`GitHub refused to ${what} in ${where} (HTTP ${status}: ${detail}); the token in input "github-token" ` +
                'needs the permission "deployments: write" (in the workflow: permissions: deployments: write)');
        }
        if (status === 404) {
            return new src/* DeployError */.sH(`GitHub repository ${where} was not found (HTTP 404 on "${what}"); check the repository name, and that ` +
                'the token in input "github-token" can see it');
        }
        if (status !== undefined)
            return new src/* DeployError */.sH(`GitHub failed to ${what} in ${where} (HTTP ${status}: ${detail})${tries}; could not ${operation}`);
        return err;
    }
}
function startedDescription(p) {
    return clipDescription(`${p.strategy}: ${targetName(targetOf(p))} ${p.blueVersion || '(new)'} → ${p.greenVersion}`);
}


/***/ })

};
