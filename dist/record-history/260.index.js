export const id = 260;
export const ids = [260];
export const modules = {

/***/ 5260:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openHistory: () => (/* binding */ openHistory)
/* harmony export */ });
/* unused harmony exports History, HistoryReadError */
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(286);
/* harmony import */ var _record__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8691);


class History {
    backends;
    opts;
    constructor(backends, opts) {
        this.backends = backends;
        this.opts = opts;
    }
    /**
     * Records a started release in every backend. The same id again continues its record (a re-run step);
     * if that record already ended and this is a later job attempt, the attempt gets its own record
     * `${id}.${attempt}`, since it is a new try at the release.
     */
    async start(record, attempt) {
        const first = await this.startEach(record);
        const ended = first.some((o) => o.ok && !o.value.created && (0,_record__WEBPACK_IMPORTED_MODULE_1__/* .isFinal */ .dR)(o.value.record.status));
        if (!ended || attempt <= 1)
            return { id: record.id, outcomes: first, newAttempt: false };
        const id = `${record.id}.${attempt}`;
        return { id, outcomes: await this.startEach({ ...record, id }), newAttempt: true };
    }
    startEach(record) {
        return this.each((b) => b.name === 'github' ? b.store.putStarted(record, this.opts) : b.store.putStarted(record));
    }
    finish(id, status, fields) {
        return this.each((b) => b.name === 'github'
            ? b.store.finish(id, status, fields, { ...this.opts, ...this.opts.hint })
            : b.store.finish(id, status, fields));
    }
    /** GitHub shows which deployment is live; DynamoDB has nothing to mark. */
    markLive(id, logUrl) {
        return this.each(async (b) => b.name === 'github'
            ? b.store.markLive(id, {
                ...this.opts,
                ...this.opts.hint,
                ...(logUrl && { logUrl }),
            })
            : { changed: false });
    }
    /**
     * Reads from the first backend that answers, DynamoDB first (one consistent call where GitHub pages).
     * An input error (an unknown id) is the answer, not a failure to fall back from.
     */
    async read(what, op) {
        const failures = [];
        const order = [...this.backends].sort((a, b) => a.name === 'dynamodb' ? -1 : b.name === 'dynamodb' ? 1 : 0);
        let firstError;
        for (const b of order) {
            try {
                return { value: await op(b), backend: b, failures };
            }
            catch (err) {
                if (err instanceof _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz)
                    throw err;
                firstError ??= err;
                failures.push(`${b.where}: ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)}`);
            }
        }
        throw new HistoryReadError(what, failures, firstError);
    }
    get(id) {
        return this.read(`read deployment ${id}`, (b) => b.name === 'github' ? b.store.get(id, this.opts.hint) : b.store.get(id));
    }
    lastSuccessful(target, before) {
        return this.read('find the last successful deployment', (b) => b.store.lastSuccessful(target, before));
    }
    between(target, from, to) {
        return this.read('list the deployments of the report period', (b) => b.store.between(target, from, to));
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
                if (error instanceof _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz && error.input !== 'deployment-id')
                    throw error;
                out.push({ backend: b.name, where: b.where, ok: false, error });
            }
        }
        return out;
    }
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
    for (const name of cfg.backends) {
        if (name === 'github' && cfg.github) {
            const { GitHubHistory, githubClient } = await __webpack_require__.e(/* import() */ 385).then(__webpack_require__.bind(__webpack_require__, 6385));
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
            if (!aws)
                throw new Error('the DynamoDB backend needs a region');
            const { DynamoDbHistory, dynamodbClient } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(907), __webpack_require__.e(730)]).then(__webpack_require__.bind(__webpack_require__, 2730));
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


/***/ })

};
