export const id = 260;
export const ids = [260];
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


/***/ })

};
