export const id = 463;
export const ids = [463,260];
export const modules = {

/***/ 5260:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xi: () => (/* binding */ HistoryReadError),
/* harmony export */   openHistory: () => (/* binding */ openHistory)
/* harmony export */ });
/* unused harmony exports githubBackend, dynamodbBackend, History */
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5000);
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
        markLive: (id, logUrl) => store.markLive(id, { ...opts, ...opts.hint, ...(logUrl && { logUrl }) }),
        get: (id) => store.get(id, opts.hint),
        lastSuccessful: (t, before) => store.lastSuccessful(t, before),
        between: (t, from, to) => store.between(t, from, to),
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
        markLive: async () => ({ changed: false }),
        get: (id) => store.get(id),
        lastSuccessful: (t, before) => store.lastSuccessful(t, before),
        between: (t, from, to) => store.between(t, from, to),
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
            const { GitHubHistory, githubClient } = await __webpack_require__.e(/* import() */ 571).then(__webpack_require__.bind(__webpack_require__, 6571));
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
            const { DynamoDbHistory, dynamodbClient } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(907), __webpack_require__.e(730)]).then(__webpack_require__.bind(__webpack_require__, 2730));
            const client = await (deps.dynamodb ?? dynamodbClient)(aws);
            const store = new DynamoDbHistory(client, cfg.table, { ttlDays: cfg.ttlDays });
            backends.push(dynamodbBackend(store, `DynamoDB table ${cfg.table}`));
        }
    }
    return new History(backends);
}


/***/ }),

/***/ 1463:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readRollbackInputs: () => (/* binding */ readRollbackInputs),
/* harmony export */   runRollback: () => (/* binding */ runRollback)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5000);
/* harmony import */ var _deploy_actions_history__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4200);
/* harmony import */ var _deploy_actions_history_config__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9488);
/* harmony import */ var _deploy_actions_history_history__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5260);
/* harmony import */ var _guard__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2284);
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6342);
/* harmony import */ var _history__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(671);







// How many successes (of the live version, rolled back since, or rollbacks) may be skipped to find a good one.
const MAX_SKIPPED = 20;
function readRollbackInputs(inputs, env, targets) {
    const target = (0,_common__WEBPACK_IMPORTED_MODULE_5__/* .selectTarget */ ._c)(inputs, targets);
    const config = (0,_common__WEBPACK_IMPORTED_MODULE_5__/* .readConfig */ .Xg)(target, inputs, env);
    const toText = inputs.text('to') || 'previous';
    const environment = inputs.text('environment');
    // Without an environment there is no history: only the split or an explicit version.
    const history = environment ? (0,_deploy_actions_history_config__WEBPACK_IMPORTED_MODULE_2__/* .readHistoryConfig */ .pu)(inputs) : undefined;
    if (history)
        (0,_deploy_actions_history_config__WEBPACK_IMPORTED_MODULE_2__/* .checkTopicRegion */ .MQ)(history.notify, config.aws.region);
    else {
        // Notifications announce what the history records: without an environment there is nothing to announce.
        for (const name of ['slack-webhook-url', 'sns-topic-arn']) {
            const value = (() => {
                try {
                    return inputs.text(name, { multiline: true });
                }
                catch {
                    return '***';
                }
            })();
            if (value !== '') {
                throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, name === 'slack-webhook-url' ? '***' : value, 'needs environment: notifications announce what the history records');
            }
        }
    }
    let to;
    if (toText === 'previous')
        to = { kind: 'previous' };
    else if (target.isVersion(toText))
        to = { kind: 'version', version: target.parseVersion('to', toText) };
    else {
        (0,_deploy_actions_history__WEBPACK_IMPORTED_MODULE_1__/* .checkDeploymentId */ .dM)(toText, 'to');
        if (!history) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('to', toText, 'must be previous, a version number, or a deployment id; a deployment id also needs environment (and the history backend) to look it up');
        }
        to = { kind: 'deployment', id: toText };
    }
    const idText = inputs.text('deployment-id');
    if (idText && !history) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('deployment-id', idText, 'needs environment: the history that holds the deployment');
    }
    const releaseId = idText ? (0,_deploy_actions_history__WEBPACK_IMPORTED_MODULE_1__/* .checkDeploymentId */ .dM)(idText) : undefined;
    const reason = inputs.text('reason', { max: 1000 });
    const extra = target.rollback?.readInputs(inputs);
    return { target, config, to, reason, history, releaseId, extra };
}
async function runRollback(rt, targets, deps = {}) {
    (0,_history__WEBPACK_IMPORTED_MODULE_6__/* .maskSecrets */ .QU)(rt);
    await (0,_common__WEBPACK_IMPORTED_MODULE_5__/* .runStep */ .eg)(rt, async () => {
        const inputs = new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputReader */ .i_(rt.input);
        const i = readRollbackInputs(inputs, rt.env, targets);
        // The production guard, before any AWS client: require-environment.
        await (0,_guard__WEBPACK_IMPORTED_MODULE_4__/* .enforceGuard */ .IY)(rt, (0,_guard__WEBPACK_IMPORTED_MODULE_4__/* .readGuardConfig */ .UF)(inputs));
        const clock = (0,_common__WEBPACK_IMPORTED_MODULE_5__/* .clockOf */ .ie)(deps, rt.env);
        const { router } = await i.target.open(i.config, {
            clock,
            ...(deps.clients && { clients: deps.clients }),
        });
        const run = (0,_deploy_actions_history_config__WEBPACK_IMPORTED_MODULE_2__/* .runContext */ .pO)(rt.env);
        const history = i.history && (await (0,_history__WEBPACK_IMPORTED_MODULE_6__/* .openFor */ .qw)(rt, i.history, i.config.aws, run, clock, deps));
        const historyTarget = i.history && {
            environment: i.history.environment,
            ...i.config.history,
        };
        if (i.reason)
            rt.info(`Rollback reason: ${i.reason}`);
        // The record whose version is restored, when the history names it.
        let restored;
        let to = i.to.kind === 'version' ? i.to.version : 'previous';
        if (i.to.kind === 'deployment') {
            restored = await restorable(history, i.to.id);
            to = restored.greenVersion;
            rt.info(`Deployment ${i.to.id} released version ${to}.`);
        }
        const { rollback } = await __webpack_require__.e(/* import() */ 845).then(__webpack_require__.bind(__webpack_require__, 1845));
        const r = await rollback({
            router,
            to,
            log: rt,
            ...(history && {
                previousFromHistory: async (live) => {
                    restored = await lastGoodBefore(history, historyTarget, live, router).catch((err) => {
                        if (!(err instanceof _deploy_actions_history_history__WEBPACK_IMPORTED_MODULE_3__/* .HistoryReadError */ .Xi))
                            throw err;
                        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`${err.message}. Nothing was changed in AWS; give the version to return to (to: N) to roll back without the history.`);
                    });
                    rt.info(`The last successful deployment before the live version ${live}: ${restored.id}, version ${restored.greenVersion}.`);
                    return restored.greenVersion;
                },
            }),
        });
        rt.setOutput('from-version', r.fromVersion);
        rt.setOutput('to-version', r.toVersion);
        if (r.changed && i.target.rollback) {
            const ctx = { clock, log: rt, ...(deps.clients && { clients: deps.clients }) };
            const outputs = await i.target.rollback.after(i.config, i.extra, r, ctx);
            for (const [name, value] of Object.entries(outputs))
                rt.setOutput(name, value);
        }
        const parts = [
            `### rollback: ${i.config.name} → ${router.label(r.toVersion)}`,
            '',
            (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['before', 'after', 'reason'], [[r.before, r.after, i.reason || '(none given)']]),
            '',
        ];
        if (history && i.history) {
            const recorded = await recordRollback(rt, history, i, run, historyTarget, r, restored, clock);
            const verified = `${router.name} is on ${router.label(r.toVersion)}, verified`;
            parts.push('#### Recorded', '', (0,_history__WEBPACK_IMPORTED_MODULE_6__/* .outcomesTable */ .ee)(recorded.rows), '');
            await rt.summary(parts.join('\n'));
            await (0,_history__WEBPACK_IMPORTED_MODULE_6__/* .announce */ .iP)(rt, i.history, i.config.aws, recorded.notices, deps);
            (0,_history__WEBPACK_IMPORTED_MODULE_6__/* .settle */ .G9)(rt, i.history, recorded, `The rollback (${verified}) was`);
            return;
        }
        await rt.summary(parts.join('\n'));
    });
}
/** A deployment that `to` may name: one that succeeded, so its version was good. */
async function restorable(history, id) {
    const found = await history.get(id).catch((err) => {
        throw (0,_history__WEBPACK_IMPORTED_MODULE_6__/* .asInputError */ .XW)(err, 'to');
    });
    const record = found.value;
    if (!record)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('to', id, `names no deployment in ${found.backend.where}`);
    if (record.status !== 'succeeded') {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('to', id, `names a deployment that ended ${record.status}; only a succeeded deployment's version is restored`);
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
        if (record.strategy === _deploy_actions_history__WEBPACK_IMPORTED_MODULE_1__/* .ROLLBACK_STRATEGY */ .Fn)
            rejected.add(record.blueVersion);
        else if (!rejected.has(record.greenVersion))
            return record;
        before = { deploymentId: record.id };
    }
    throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`No successful deployment of a version other than the live ${router.label(live)} (or one rolled back since) is recorded for ${target.resource} in ${target.environment} in the ${MAX_SKIPPED + 1} newest successes; give the version to return to (to: N). Nothing was changed in AWS.`);
}
/** The rollback as a record of its own; the release it undoes ends rolled-back; the restored one is live. */
async function recordRollback(rt, history, i, run, target, r, restored, clock) {
    const at = () => new Date(clock.now()).toISOString();
    const id = (0,_deploy_actions_history__WEBPACK_IMPORTED_MODULE_1__/* .defaultDeploymentId */ .SU)(run.runId, `${run.job}/${run.step}:rollback`, target, i.config.aws.region);
    const own = {
        id,
        ...target,
        blueVersion: r.fromVersion,
        greenVersion: r.toVersion,
        strategy: _deploy_actions_history__WEBPACK_IMPORTED_MODULE_1__/* .ROLLBACK_STRATEGY */ .Fn,
        status: 'started',
        startedAt: at(),
        commit: run.commit,
        ref: run.ref,
        actor: run.actor,
        runUrl: run.runUrl,
    };
    const started = await history.start(own, run.attempt);
    // What each recorded status announces: the record a backend gave back, else what this step knows.
    const recordOf = (outcomes, known) => {
        const found = outcomes.find((o) => o.ok);
        return found?.ok ? found.value.record : known;
    };
    const notices = [recordOf(started.outcomes, { ...own, id: started.id })];
    rt.setOutput('deployment-id', started.id);
    const reports = [];
    // The undone release ends first, so the rollback's own end is the moment it was restored.
    if (i.releaseId) {
        const undone = await history.finish(i.releaseId, 'rolled-back', {
            endedAt: at(),
            restoredVersion: r.toVersion,
            ...(i.reason && { reason: i.reason }),
        });
        notices.push({
            ...recordOf(undone, {
                id: i.releaseId,
                status: 'rolled-back',
                ...target,
                restoredVersion: r.toVersion,
                ...(i.reason && { reason: i.reason }),
            }),
            ...(run.runUrl && { runUrl: run.runUrl }),
        });
        reports.push((0,_history__WEBPACK_IMPORTED_MODULE_6__/* .reportOutcomes */ .sK)(rt, undone, (v) => ({
            status: v.record.status,
            note: v.changed
                ? `recorded deployment ${i.releaseId} as rolled back`
                : `deployment ${i.releaseId} was already ${v.record.status}`,
        })));
    }
    const reason = `rolled back from ${r.fromVersion}${i.reason ? `: ${i.reason}` : ''}`;
    // A backend that missed the start is not asked to end it: its failure is reported once.
    const recordedIn = new Set(started.outcomes.filter((o) => o.ok).map((o) => o.backend));
    const ended = recordedIn.size
        ? await history.finish(started.id, 'succeeded', { endedAt: at(), reason })
        : [];
    if (recordedIn.size) {
        notices.push(recordOf(ended, { ...own, id: started.id, status: 'succeeded', reason }));
    }
    reports.push((0,_history__WEBPACK_IMPORTED_MODULE_6__/* .reportOutcomes */ .sK)(rt, [...started.outcomes.filter((o) => !o.ok), ...ended.filter((o) => recordedIn.has(o.backend))], (v) => ({
        status: v.record.status,
        note: `recorded rollback ${started.id}: ${r.fromVersion} → ${r.toVersion}`,
    })));
    if (restored) {
        const id = restored.id;
        rt.setOutput('restored-deployment-id', id);
        const live = (await history.markLive(id, run.runUrl)).filter((o) => o.backend === 'github');
        reports.push((0,_history__WEBPACK_IMPORTED_MODULE_6__/* .reportOutcomes */ .sK)(rt, live, (v) => ({
            status: 'live',
            note: v.changed ? `marked deployment ${id} live again` : `deployment ${id} was already live`,
        })));
    }
    return { ...(0,_history__WEBPACK_IMPORTED_MODULE_6__/* .merge */ .h1)(...reports), notices };
}


/***/ })

};
