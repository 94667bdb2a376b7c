export const id = 974;
export const ids = [974,260];
export const modules = {

/***/ 5260:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xi: () => (/* binding */ HistoryReadError),
/* harmony export */   openHistory: () => (/* binding */ openHistory)
/* harmony export */ });
/* unused harmony exports githubBackend, dynamodbBackend, History */
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9713);
/* harmony import */ var _record__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8691);



/** GitHub Deployments as a backend: statuses carry the environment URL; ids are found by commit. */
function githubBackend(store, where, opts) {
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
function dynamodbBackend(store, where) {
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
class History {
    backends;
    constructor(backends) {
        this.backends = backends;
    }
    /**
     * Records a started release in every backend. The same id again continues its record (a re-run step);
     * if that record already ended and this is a later job attempt, the attempt gets its own record
     * `${id}.${attempt}`, since it is a new try at the release.
     */
    async start(record, attempt) {
        const first = await this.startEach(record);
        const ended = first.find((o) => o.ok && !o.value.created && (0,_record__WEBPACK_IMPORTED_MODULE_2__/* .isFinal */ .dR)(o.value.record.status));
        if (ended?.ok && attempt <= 1 && !sameVersions(ended.value.record, record)) {
            // The same id for another release of the same job attempt: two steps share a deployment-id.
            const r = ended.value.record;
            throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .RecordError */ .W(record.id, `already names the release ${r.blueVersion || '(new)'} → ${r.greenVersion}, which ended ${r.status}; this step records ${record.blueVersion || '(new)'} → ${record.greenVersion}: give each release its own deployment-id`);
        }
        if (!ended || attempt <= 1)
            return { id: record.id, outcomes: first, newAttempt: false };
        const id = `${record.id}.${attempt}`;
        return { id, outcomes: await this.startEach({ ...record, id }), newAttempt: true };
    }
    startEach(record) {
        return this.each((b) => b.putStarted(record));
    }
    finish(id, status, fields) {
        return this.each((b) => b.finish(id, status, fields));
    }
    progress(id, progress, green) {
        return this.each((b) => b.progress(id, progress, green));
    }
    /** GitHub shows which deployment is live; DynamoDB has nothing to mark. */
    markLive(id, logUrl) {
        return this.each((b) => b.markLive(id, logUrl));
    }
    /**
     * Reads from the first backend that answers, DynamoDB first (one consistent call where GitHub pages).
     * An input error (an unknown id) is the answer, not a failure to fall back from.
     */
    async read(what, op) {
        const failures = [];
        const order = [...this.backends].sort((a, b) => Number(b.consistentReads) - Number(a.consistentReads));
        let firstError;
        for (const b of order) {
            try {
                return { value: await op(b), backend: b, failures };
            }
            catch (err) {
                if (err instanceof _errors__WEBPACK_IMPORTED_MODULE_1__/* .RecordError */ .W || err instanceof _errors__WEBPACK_IMPORTED_MODULE_1__/* .StoreMissingError */ .g)
                    throw err;
                firstError ??= err;
                failures.push(`${b.where}: ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)}`);
            }
        }
        throw new HistoryReadError(what, failures, firstError);
    }
    get(id) {
        return this.read(`read deployment ${id}`, (b) => b.get(id));
    }
    lastSuccessful(target, before) {
        return this.read('find the last successful deployment', (b) => b.lastSuccessful(target, before));
    }
    between(target, from, to) {
        return this.read('list the deployments of the report period', (b) => b.between(target, from, to));
    }
    openRelease(target, greenVersion) {
        return this.read('find the open release', (b) => b.openRelease(target, greenVersion));
    }
    /**
     * One write per backend, in order. A wrong setting (a table that does not exist) stops them all, so that
     * with DynamoDB first nothing is written anywhere; an outage or an unknown id is that backend's outcome.
     */
    async each(op) {
        const out = [];
        for (const b of this.backends) {
            try {
                out.push({ backend: b.name, where: b.where, ok: true, value: await op(b) });
            }
            catch (error) {
                if (error instanceof _errors__WEBPACK_IMPORTED_MODULE_1__/* .StoreMissingError */ .g)
                    throw error;
                out.push({ backend: b.name, where: b.where, ok: false, error });
            }
        }
        return out;
    }
}
function sameVersions(a, b) {
    return a.blueVersion === b.blueVersion && a.greenVersion === b.greenVersion;
}
class HistoryReadError extends Error {
    failures;
    firstError;
    constructor(what, failures, firstError) {
        super(`could not ${what}: ${failures.join('; ')}`);
        this.failures = failures;
        this.firstError = firstError;
    }
}
/** The backends the config names, their SDKs loaded only now. */
async function openHistory(cfg, aws, hint, opts, deps = {}) {
    const backends = [];
    const statusOpts = { ...(cfg.environmentUrl && { environmentUrl: cfg.environmentUrl }), hint };
    for (const name of cfg.backends) {
        if (name === 'github' && cfg.github) {
            const { GitHubHistory, githubClient } = await __webpack_require__.e(/* import() */ 310).then(__webpack_require__.bind(__webpack_require__, 9310));
            const octokit = await (deps.octokit ?? githubClient)({
                token: cfg.github.token,
                ...(cfg.github.apiUrl && { baseUrl: cfg.github.apiUrl }),
            });
            const store = new GitHubHistory(octokit, cfg.github.owner, cfg.github.repo, {
                maxAttempts: cfg.maxAttempts,
                clock: opts.clock,
                ...(opts.onRetry && { onRetry: opts.onRetry }),
            });
            backends.push(githubBackend(store, `GitHub Deployments of ${cfg.github.owner}/${cfg.github.repo}`, statusOpts));
        }
        if (name === 'dynamodb' && cfg.table) {
            if (!aws)
                throw new Error('the DynamoDB backend needs a region');
            const { DynamoDbHistory, dynamodbClient } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(861), __webpack_require__.e(907), __webpack_require__.e(730)]).then(__webpack_require__.bind(__webpack_require__, 2730));
            const client = await (deps.dynamodb ?? dynamodbClient)(aws);
            const store = new DynamoDbHistory(client, cfg.table, { ttlDays: cfg.ttlDays });
            backends.push(dynamodbBackend(store, `DynamoDB table ${cfg.table}`));
        }
    }
    return new History(backends);
}


/***/ }),

/***/ 239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hm: () => (/* binding */ sameRouting),
/* harmony export */   Nx: () => (/* binding */ capital),
/* harmony export */   PT: () => (/* binding */ allOn),
/* harmony export */   Uf: () => (/* binding */ routingAt),
/* harmony export */   d1: () => (/* binding */ holdsCheckpoint),
/* harmony export */   jz: () => (/* binding */ greenPercent),
/* harmony export */   pR: () => (/* binding */ percentOf),
/* harmony export */   ww: () => (/* binding */ describeRouting)
/* harmony export */ });
/** Whether the router holds a checkpoint (or a malformed one of ours): a write without one clears it. */
function holdsCheckpoint(r) {
    return r.checkpoint !== undefined || r.checkpointError !== undefined;
}
function percentOf(weight) {
    return Math.round(weight * 10_000) / 100;
}
/** "100% on v1" or "v1 90% / v2 10%", with versions as the target labels them. */
function describeRouting(r, label) {
    if (!r.green)
        return `100% on ${label(r.version)}`;
    return `${label(r.version)} ${percentOf(1 - r.greenWeight)}% / ${label(r.green)} ${percentOf(r.greenWeight)}%`;
}
function sameRouting(a, b) {
    return (a.version === b.version &&
        (a.green ?? '') === (b.green ?? '') &&
        Math.abs(a.greenWeight - b.greenWeight) < 1e-9);
}
/** Green's share of traffic in percent, for a routing that may already be fully on green or back on blue. */
function greenPercent(r, green) {
    if (r.green === green)
        return percentOf(r.greenWeight);
    return r.version === green ? 100 : 0;
}
/** The routing of a step: a split below 100%, all on green at 100%. */
function routingAt(blue, green, percent) {
    return percent >= 100
        ? { version: green, greenWeight: 0 }
        : { version: blue, green, greenWeight: percent / 100 };
}
function allOn(version) {
    return { version, greenWeight: 0 };
}
/** A router's name (`alias "live"`) at the start of a sentence. */
function capital(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}


/***/ }),

/***/ 8974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readRollbackInputs: () => (/* binding */ readRollbackInputs),
  runRollback: () => (/* binding */ runRollback)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 7 modules
var src = __webpack_require__(1398);
// EXTERNAL MODULE: ./packages/history/src/index.ts
var history_src = __webpack_require__(4200);
// EXTERNAL MODULE: ./packages/history/src/config.ts
var src_config = __webpack_require__(9488);
// EXTERNAL MODULE: ./packages/history/src/history.ts
var src_history = __webpack_require__(5260);
// EXTERNAL MODULE: ./packages/release/src/guard.ts
var src_guard = __webpack_require__(2284);
// EXTERNAL MODULE: ./packages/release/src/routing.ts
var routing = __webpack_require__(239);
;// CONCATENATED MODULE: ./packages/release/src/rollback.ts


/** only-if-split undoes a split, whose blue is what `to: previous` means: no other `to` goes with it. */
function checkOnlyIfSplit(to) {
    if (to !== 'previous') {
        throw new src/* InputError */.dz('only-if-split', 'true', `undoes only an unfinished split, putting traffic back on its blue: to must then be previous, not ${to}`);
    }
}
/** One guarded write putting all traffic on one version, then a read to prove where traffic goes. */
async function rollback(o) {
    const { router, log } = o;
    const L = router.label;
    const describe = (r) => (0,routing/* describeRouting */.ww)(r, L);
    if (o.onlyIfSplit)
        checkOnlyIfSplit(o.to);
    const now = await router.read();
    if (!now)
        throw new src/* DeployError */.sH(`${router.missing}; there is nothing to roll back.`);
    const before = describe(now);
    const split = Boolean(now.green);
    const unchanged = { fromVersion: now.version, toVersion: now.version, changed: false, split, before };
    if (!split && o.onlyIfSplit) {
        log.info(`${(0,routing/* capital */.Nx)(router.name)} sends 100% to ${L(now.version)}: there is no unfinished split to undo, so with only-if-split nothing is changed.`);
        return { ...unchanged, after: before };
    }
    const to = o.to === 'previous' ? await previousOf(now, o) : o.to;
    const from = now.green ?? now.version;
    const target = (0,routing/* allOn */.PT)(to);
    if ((0,routing/* sameRouting */.Hm)(now, target)) {
        log.info(`${(0,routing/* capital */.Nx)(router.name)} already sends 100% to ${L(to)}: nothing to do.`);
        return { ...unchanged, fromVersion: from, toVersion: to, after: before };
    }
    if (to !== now.version)
        await router.checkVersion(to, 'to');
    await router.write(target, now);
    const after = await router.read();
    if (!after || !(0,routing/* sameRouting */.Hm)(after, target)) {
        throw new src/* DeployError */.sH(`Rollback wrote ${router.name} to ${L(to)} but reading it back shows ${after ? describe(after) : 'nothing'}.`);
    }
    log.info(`Rolled back ${router.name}: ${before} → ${describe(after)}.`);
    return { fromVersion: from, toVersion: to, changed: true, split, before, after: describe(after) };
}
/** What `to: previous` means: the blue of a split, else the last good version from the history. */
async function previousOf(now, o) {
    const { router } = o;
    if (now.green)
        return now.version;
    if (o.previousFromHistory)
        return o.previousFromHistory(now.version);
    throw new src/* InputError */.dz('to', 'previous', `found no unfinished split to undo: ${router.name} sends 100% to ${router.label(now.version)}. Give the version to return to${router.example ? `, for example to: ${router.example(now.version)}` : ''}, or environment to find the last good version in the deployment history`);
}

// EXTERNAL MODULE: ./packages/release/src/run/common.ts
var common = __webpack_require__(6342);
// EXTERNAL MODULE: ./packages/release/src/run/history.ts
var run_history = __webpack_require__(671);
;// CONCATENATED MODULE: ./packages/release/src/run/rollback-history.ts
// What rollback reads from and writes to the deployment history: the release to restore, the release it
// undoes, and the rollback's own record.




// How many successes (of the live version, rolled back since, or rollbacks) may be skipped to find a good one.
const MAX_SKIPPED = 20;
/** A deployment that `to` may name: one that succeeded, so its version was good. */
async function restorable(history, id) {
    const found = await history.get(id).catch((err) => {
        throw (0,run_history/* asInputError */.XW)(err, 'to');
    });
    const record = found.value;
    if (!record)
        throw new src/* InputError */.dz('to', id, `names no deployment in ${found.backend.where}`);
    if (record.status !== 'succeeded') {
        throw new src/* InputError */.dz('to', id, `names a deployment that ended ${record.status}; only a succeeded deployment's version is restored`);
    }
    return record;
}
/**
 * The newest succeeded release whose version is neither the live one nor one a later rollback moved away
 * from: a second click goes further back instead of restoring what the first click undid.
 */
async function lastGoodBefore(history, target, live, router) {
    const rejected = new Set([live]);
    let before;
    for (let skipped = 0; skipped <= MAX_SKIPPED; skipped++) {
        const found = await history.lastSuccessful(target, before);
        const record = found.value;
        if (!record)
            break;
        if (record.strategy === history_src/* ROLLBACK_STRATEGY */.Fn)
            rejected.add(record.blueVersion);
        else if (!rejected.has(record.greenVersion))
            return record;
        before = { deploymentId: record.id };
    }
    throw new src/* DeployError */.sH(`No successful deployment of a version other than the live ${router.label(live)} (or one rolled back since) is recorded for ${target.resource} in ${target.environment} in the ${MAX_SKIPPED + 1} newest successes; give the version to return to${router.example ? ` (for example to: ${router.example(live)})` : ''} in \`to\`. Nothing was changed.`);
}
/**
 * The release this rollback ends rolled-back: the deployment-id given, else, when a split was undone, the
 * newest record of the split's green that has not ended (a canary left half-way by a job that stopped).
 * `note` says what was found, for the job summary.
 */
async function releaseToEnd(c, r, given, label) {
    if (given)
        return { id: given };
    // Only a split put back on its blue undoes a release; to: <its green> would finish it instead.
    if (!r.split || r.fromVersion === r.toVersion)
        return {};
    const green = label(r.fromVersion);
    const where = `${c.target.resource} in ${c.target.environment}`;
    let found;
    try {
        found = (await c.history.openRelease(c.target, r.fromVersion)).value;
    }
    catch (err) {
        if (!(err instanceof src_history/* HistoryReadError */.Xi))
            throw err;
        const note = `Could not look for the open release record of ${green} (${err.message}): only the rollback is recorded.`;
        c.rt.warning(note);
        return { note };
    }
    if (!found) {
        const note = `No open release record (status started) of ${where} has the split's green ${green}: only the rollback is recorded.`;
        c.rt.info(note);
        return { note };
    }
    const note = `The split's green ${green} is release ${found.id} of ${where}, still started: it ends rolled-back.`;
    c.rt.info(note);
    return { id: found.id, note };
}
/** The rollback as a record of its own; the release it undoes ends rolled-back; the restored one is live. */
async function recordRollback(c, r, releaseId, restored) {
    const own = ownRecord(c, r);
    const started = await c.history.start(own, c.run.attempt);
    const notices = [recordOf(started.outcomes, { ...own, id: started.id })];
    c.rt.setOutput('deployment-id', started.id);
    const reports = [];
    // The undone release ends first, so the rollback's own end is the moment it was restored.
    if (releaseId) {
        const undone = await endUndone(c, releaseId, r.toVersion);
        notices.push(undone.notice);
        reports.push(undone.reported);
    }
    const reason = `rolled back from ${r.fromVersion}${c.reason ? `: ${c.reason}` : ''}`;
    // A backend that missed the start is not asked to end it: its failure is reported once.
    const recordedIn = new Set(started.outcomes.filter((o) => o.ok).map((o) => o.backend));
    const ended = recordedIn.size
        ? await c.history.finish(started.id, 'succeeded', { endedAt: at(c.clock), reason })
        : [];
    if (recordedIn.size) {
        notices.push(recordOf(ended, { ...own, id: started.id, status: 'succeeded', reason }));
    }
    reports.push((0,run_history/* reportOutcomes */.sK)(c.rt, [...started.outcomes.filter((o) => !o.ok), ...ended.filter((o) => recordedIn.has(o.backend))], (v) => ({
        status: v.record.status,
        note: `recorded rollback ${started.id}: ${r.fromVersion} → ${r.toVersion}`,
    })));
    if (restored)
        reports.push(await markRestored(c, restored.id));
    return { ...(0,run_history/* merge */.h1)(...reports), notices };
}
const at = (clock) => new Date(clock.now()).toISOString();
// What each recorded status announces: the record a backend gave back, else what this step knows.
function recordOf(outcomes, known) {
    const found = outcomes.find((o) => o.ok);
    return found?.ok ? found.value.record : known;
}
function ownRecord(c, r) {
    const { run, target } = c;
    return {
        id: (0,history_src/* defaultDeploymentId */.SU)(run.runId, `${run.job}/${run.step}:rollback`, target, c.region),
        ...target,
        blueVersion: r.fromVersion,
        greenVersion: r.toVersion,
        strategy: history_src/* ROLLBACK_STRATEGY */.Fn,
        status: 'started',
        startedAt: at(c.clock),
        commit: run.commit,
        ref: run.ref,
        actor: run.actor,
        runUrl: run.runUrl,
        ...(c.approvedBy && { approvedBy: c.approvedBy }),
    };
}
/** Ends the undone release rolled-back, naming the version restored. */
async function endUndone(c, id, restoredVersion) {
    const fields = { restoredVersion, ...(c.reason && { reason: c.reason }) };
    const undone = await c.history.finish(id, 'rolled-back', { endedAt: at(c.clock), ...fields });
    if (undone.some((o) => o.ok))
        c.rt.setOutput('rolled-back-deployment-id', id);
    const notice = {
        ...recordOf(undone, { id, status: 'rolled-back', ...c.target, ...fields }),
        ...(c.run.runUrl && { runUrl: c.run.runUrl }),
    };
    const reported = (0,run_history/* reportOutcomes */.sK)(c.rt, undone, (v) => ({
        status: v.record.status,
        note: v.changed
            ? `recorded deployment ${id} as rolled back`
            : `deployment ${id} was already ${v.record.status}`,
    }));
    return { notice, reported };
}
/** GitHub shows which deployment is live: the restored one is again. */
async function markRestored(c, id) {
    c.rt.setOutput('restored-deployment-id', id);
    const live = (await c.history.markLive(id, c.run.runUrl)).filter((o) => o.backend === 'github');
    return (0,run_history/* reportOutcomes */.sK)(c.rt, live, (v) => ({
        status: 'live',
        note: v.changed ? `marked deployment ${id} live again` : `deployment ${id} was already live`,
    }));
}

;// CONCATENATED MODULE: ./packages/release/src/run/rollback-first.ts




async function rollbackWithoutTraffic(rt, i, first, o) {
    const record = first.record;
    rt.setOutput('changed', String(record?.changed ?? false));
    const parts = [`### rollback: ${i.config.name}`, '', ...(first.summary ?? [])];
    if (i.reason)
        parts.push(`Reason: ${i.reason}`, '');
    // Nothing done is nothing to record, as only-if-split without a split.
    if (!i.history || !record?.changed) {
        await rt.summary(parts.join('\n'));
        return;
    }
    const run = (0,src_config/* runContext */.pO)(rt.env);
    const history = await (0,run_history/* openFor */.qw)(rt, i.history, i.config.aws, run, o.clock, o.deps);
    const c = {
        rt,
        history,
        target: { environment: i.history.environment, ...i.config.history },
        run,
        clock: o.clock,
        region: i.config.aws.region,
        reason: i.reason,
    };
    const approvers = o.guard && (0,src_guard/* approvedBy */.vU)(o.guard.approvals);
    if (approvers)
        c.approvedBy = approvers;
    const recorded = await recordRollback(c, record, i.releaseId, undefined);
    parts.push('#### Recorded', '', (0,run_history/* outcomesTable */.ee)(recorded.rows), '');
    await rt.summary(parts.join('\n'));
    await (0,run_history/* announce */.iP)(rt, i.history, i.config.aws, recorded.notices, o.deps);
    (0,run_history/* settle */.G9)(rt, i.history, recorded, `The rollback of ${i.config.name} (${record.fromVersion} → ${record.toVersion}) was`);
}

;// CONCATENATED MODULE: ./packages/release/src/run/rollback.ts











function readRollbackInputs(inputs, env, targets) {
    const target = (0,common/* selectTarget */._c)(inputs, targets);
    const config = (0,common/* readConfig */.Xg)(target, inputs, env);
    const environment = inputs.text('environment');
    // Without an environment there is no history: only the split or an explicit version.
    const history = environment ? (0,src_config/* readHistoryConfig */.pu)(inputs) : undefined;
    if (history)
        (0,src_config/* checkTopicRegion */.MQ)(history.notify, config.aws.region);
    else
        refuseNotifyWithoutHistory(inputs);
    const toText = inputs.text('to') || 'previous';
    const to = readTo(toText, target, history);
    const onlyIfSplit = inputs.oneOf('only-if-split', ['true', 'false'], 'false') === 'true';
    if (onlyIfSplit)
        checkOnlyIfSplit(toText);
    const idText = inputs.text('deployment-id');
    if (idText && !history) {
        throw new src/* InputError */.dz('deployment-id', idText, 'needs environment: the history that holds the deployment');
    }
    const releaseId = idText ? (0,history_src/* checkDeploymentId */.dM)(idText) : undefined;
    const reason = inputs.text('reason', { max: 1000 });
    const extra = target.rollback?.readInputs(inputs);
    return { target, config, to, onlyIfSplit, reason, history, releaseId, extra };
}
// Notifications announce what the history records: without an environment there is nothing to announce.
function refuseNotifyWithoutHistory(inputs) {
    (0,run_history/* refuseGiven */.wY)(inputs, ['slack-webhook-url', 'sns-topic-arn'], 'needs environment: notifications announce what the history records');
}
function readTo(text, target, history) {
    if (text === 'previous')
        return { kind: 'previous' };
    if (target.isVersion(text))
        return { kind: 'version', version: target.parseVersion('to', text) };
    (0,history_src/* checkDeploymentId */.dM)(text, 'to');
    if (!history) {
        throw new src/* InputError */.dz('to', text, 'must be previous, a version number, or a deployment id; a deployment id also needs environment (and the history backend) to look it up');
    }
    return { kind: 'deployment', id: text };
}
async function runRollback(rt, targets, deps = {}) {
    await (0,common/* runStep */.eg)(rt, (0,common/* nothingChanged */.Us)(rt, targets), async () => {
        const inputs = new src/* InputReader */.i_(rt.input);
        const i = readRollbackInputs(inputs, rt.env, targets);
        // The production guard, before any AWS client: require-environment.
        const guard = await (0,src_guard/* enforceGuard */.IY)(rt, (0,src_guard/* readGuardConfig */.UF)(inputs));
        const clock = (0,common/* clockOf */.ie)(deps, rt.env);
        // A target's own rollback first (a stack's); without traffic to move, the step ends with it.
        const ctx = { clock, log: rt, ...(deps.clients && { clients: deps.clients }) };
        const first = await i.target.rollback?.before?.(i.config, i.extra, ctx);
        for (const [name, value] of Object.entries(first?.outputs ?? {}))
            rt.setOutput(name, value);
        if (first && !first.traffic)
            return rollbackWithoutTraffic(rt, i, first, { clock, deps, guard });
        const { router } = await i.target.open(i.config, {
            clock,
            ...(deps.clients && { clients: deps.clients }),
        });
        const s = { rt, i, router, clock, deps };
        if (i.history) {
            const run = (0,src_config/* runContext */.pO)(rt.env);
            const history = await (0,run_history/* openFor */.qw)(rt, i.history, i.config.aws, run, clock, deps);
            const target = { environment: i.history.environment, ...i.config.history };
            const approvers = guard && (0,src_guard/* approvedBy */.vU)(guard.approvals);
            s.recording = { rt, history, target, run, clock, region: i.config.aws.region, reason: i.reason };
            if (approvers)
                s.recording.approvedBy = approvers;
        }
        if (i.reason)
            rt.info(`Rollback reason: ${i.reason}`);
        const { r, restored } = await moveTraffic(s);
        rt.setOutput('from-version', r.fromVersion);
        rt.setOutput('to-version', r.toVersion);
        rt.setOutput('changed', String(r.changed));
        if (i.onlyIfSplit && !r.split)
            return noSplit(s, r);
        if (r.changed && i.target.rollback) {
            const ctx = { clock, log: rt, ...(deps.clients && { clients: deps.clients }) };
            const outputs = await i.target.rollback.after(i.config, i.extra, r, ctx);
            for (const [name, value] of Object.entries(outputs))
                rt.setOutput(name, value);
        }
        await report(s, r, restored, first?.summary);
    });
}
/** The engine's rollback, with `to` resolved from the history when it names a deployment or the last good one. */
async function moveTraffic(s) {
    const { rt, i, router, recording: c } = s;
    // The record whose version is restored, when the history names it.
    let restored;
    let to = i.to.kind === 'version' ? i.to.version : 'previous';
    if (i.to.kind === 'deployment') {
        restored = await restorable(c.history, i.to.id);
        to = restored.greenVersion;
        rt.info(`Deployment ${i.to.id} released version ${to}.`);
    }
    const r = await rollback({
        router,
        to,
        log: rt,
        onlyIfSplit: i.onlyIfSplit,
        ...(c && {
            previousFromHistory: async (live) => {
                restored = await lastGoodBefore(c.history, c.target, live, router).catch((err) => {
                    if (!(err instanceof src_history/* HistoryReadError */.Xi))
                        throw err;
                    throw new src/* DeployError */.sH(`${err.message}. Nothing was changed in ${i.target.platform ?? 'AWS'}; give the version to return to in \`to\` to roll back without the history.`);
                });
                rt.info(`The last successful deployment before the live version ${live}: ${restored.id}, version ${restored.greenVersion}.`);
                return restored.greenVersion;
            },
        }),
    });
    return { r, restored };
}
/** only-if-split without a split: the step succeeds having written, recorded and announced nothing. */
async function noSplit(s, r) {
    const { rt, i, router } = s;
    const done = s.recording
        ? `Nothing was changed in ${i.target.platform ?? 'AWS'} and nothing was recorded.`
        : `Nothing was changed in ${i.target.platform ?? 'AWS'}.`;
    rt.info(`only-if-split: there was no split to roll back. ${done}`);
    await rt.summary([
        `### rollback: ${i.config.name}: no split to undo`,
        '',
        `${(0,routing/* capital */.Nx)(router.name)} sends 100% to ${router.label(r.toVersion)}, so only-if-split left it as it is. ${done}`,
        '',
    ].join('\n'));
}
/** The job summary, and with environment the records and notices of the rollback. */
async function report(s, r, restored, first = []) {
    const { rt, i, router, recording: c } = s;
    const parts = [
        `### rollback: ${i.config.name} → ${router.label(r.toVersion)}`,
        '',
        (0,src/* table */.tp)(['before', 'after', 'reason'], [[r.before, r.after, i.reason || '(none given)']]),
        '',
        ...first,
    ];
    if (!c || !i.history) {
        await rt.summary(parts.join('\n'));
        return;
    }
    const release = await releaseToEnd(c, r, i.releaseId, router.label);
    const recorded = await recordRollback(c, r, release.id, restored);
    const verified = `${router.name} is on ${router.label(r.toVersion)}, verified`;
    parts.push('#### Recorded', '');
    if (release.note)
        parts.push(release.note, '');
    parts.push((0,run_history/* outcomesTable */.ee)(recorded.rows), '');
    await rt.summary(parts.join('\n'));
    await (0,run_history/* announce */.iP)(rt, i.history, i.config.aws, recorded.notices, s.deps);
    (0,run_history/* settle */.G9)(rt, i.history, recorded, `The rollback (${verified}) was`);
}


/***/ })

};
