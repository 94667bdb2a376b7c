export const id = 661;
export const ids = [661];
export const modules = {

/***/ 1824:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C2: () => (/* binding */ parseStatusRanges),
/* harmony export */   EK: () => (/* binding */ hasChecks),
/* harmony export */   Ll: () => (/* binding */ readHealthConfig),
/* harmony export */   Nq: () => (/* binding */ requireChecks),
/* harmony export */   Sx: () => (/* binding */ parseLatencyLimits),
/* harmony export */   ci: () => (/* binding */ parseAlarms),
/* harmony export */   zZ: () => (/* binding */ hasAlarms)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(286);

const HOUR = 3_600_000;
// eslint-disable-next-line no-control-regex -- alarm names are any printable characters
const ALARM_NAME = /^[^\u0000-\u001f\u007f]{1,255}$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;
/** Every health input, checked; shared by health-gate and shift-traffic so both judge alike. */
function readHealthConfig(inputs) {
    const alarms = parseAlarms(inputs.text('alarms', { multiline: true }));
    const maxErrorRate = optionalNumber(inputs, 'max-error-rate', {
        min: 0,
        max: 100,
        expected: 'a percentage from 0 to 100, for example 2',
        percent: true,
    });
    const maxLatencyRatio = optionalNumber(inputs, 'max-latency-ratio', {
        min: 1,
        max: 100,
        expected: 'a ratio from 1 to 100 of green p95 over blue p95, for example 1.5',
    });
    const maxLatencyMs = parseLatencyLimits(inputs.text('max-latency-ms'));
    const minInvocations = inputs.integer('min-invocations', 50, 1, 1_000_000_000);
    const windowMs = inputs.duration('window', '5m', { ms: 24 * HOUR, label: '24h' });
    if (windowMs < 60_000 || windowMs % 60_000 !== 0) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('window', inputs.text('window'), 'must be whole minutes, at least 1m: Lambda publishes metrics per minute');
    }
    const metrics = maxErrorRate !== undefined || maxLatencyRatio !== undefined || maxLatencyMs
        ? { maxErrorRate, maxLatencyRatio, ...(maxLatencyMs && { maxLatencyMs }), minInvocations, windowMs }
        : undefined;
    const http = readHttp(inputs);
    const payload = inputs.json('invoke-payload');
    const expect = inputs.matcher('invoke-expect');
    if (expect && !payload)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('invoke-expect', inputs.text('invoke-expect'), 'needs invoke-payload');
    const durationMs = inputs.duration('duration', '0', { ms: 6 * HOUR, label: '6h' });
    const intervalMs = inputs.duration('interval', '1m', { ms: HOUR, label: '1h' });
    if (intervalMs < 1000)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('interval', inputs.text('interval'), 'must be at least 1s');
    const consecutiveFailures = inputs.integer('consecutive-failures', 1, 1, 100);
    const onInconclusive = inputs.oneOf('on-inconclusive', ['fail', 'pass'], 'fail');
    return {
        alarms,
        ...(metrics && { metrics }),
        ...(http && { http }),
        ...(payload && { invoke: { payload, expect } }),
        durationMs,
        intervalMs,
        consecutiveFailures,
        onInconclusive,
    };
}
/** A gate with nothing to check would pass anything: fail closed instead. */
function requireChecks(c) {
    if (!hasChecks(c)) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('alarms', '', 'health-gate needs at least one check: alarms, max-error-rate, max-latency-ratio, max-latency-ms, http-url or invoke-payload');
    }
}
function hasAlarms(c) {
    return c.alarms.names.length + c.alarms.prefixes.length > 0;
}
function hasChecks(c) {
    return hasAlarms(c) || !!c.metrics || !!c.http || !!c.invoke;
}
/** "orders-errors, orders-latency" or one per line; "orders-*" is every alarm whose name starts "orders-". */
function parseAlarms(text) {
    const names = [];
    const prefixes = [];
    for (const item of text
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean)) {
        if (!ALARM_NAME.test(item))
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('alarms', item, 'must be CloudWatch alarm names of 1 to 255 characters');
        const star = item.indexOf('*');
        if (star === -1)
            names.push(item);
        else if (star === item.length - 1 && star > 0)
            prefixes.push(item.slice(0, -1));
        else
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('alarms', item, 'may use * only at the end of a name, as a prefix: orders-*');
    }
    if (names.length > 100)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('alarms', text, 'may name at most 100 alarms');
    return { names, prefixes };
}
const LATENCY_LIMITS = 'must be latency limits in ms by percentile, such as p95=2000,p99=5000 (a bare number means p99): percentiles p1 to p99.9, each named once, limits whole ms from 1 to 900000';
/** "p95=2000,p99=5000"; a bare "3000" is p99=3000. */
function parseLatencyLimits(text) {
    if (text === '')
        return undefined;
    const limits = {};
    for (const item of text.split(',').map((s) => s.trim())) {
        const m = /^(?:(p\d{1,2}(?:\.\d)?)\s*=\s*)?(\d{1,6})$/.exec(item);
        const stat = m ? (m[1] ?? 'p99') : '';
        const ms = Number(m?.[2]);
        if (!m || Number(stat.slice(1)) < 1 || ms < 1 || ms > 900_000 || stat in limits) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('max-latency-ms', text, LATENCY_LIMITS);
        }
        limits[stat] = ms;
    }
    return limits;
}
/** "200-299", "200,204,300-399": the statuses a healthy endpoint answers with. */
function parseStatusRanges(name, text) {
    return text.split(',').map((part) => {
        const m = /^\s*(\d{3})(?:\s*-\s*(\d{3}))?\s*$/.exec(part);
        const from = Number(m?.[1]);
        const to = Number(m?.[2] ?? m?.[1]);
        if (!m || from < 100 || to > 599 || from > to) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, text, 'must be HTTP statuses or ranges from 100 to 599, for example 200-299 or 200,204,301-302');
        }
        return { from, to };
    });
}
function readHttp(inputs) {
    // Inputs with an action.yml default always arrive, so they are checked whether or not a URL is given.
    const method = inputs.oneOf('http-method', ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], 'GET');
    const expect = parseStatusRanges('http-expect-status', inputs.text('http-expect-status') || '200-299');
    const samples = inputs.integer('http-samples', 3, 1, 100);
    const url = inputs.text('http-url');
    if (!url) {
        const stray = ['http-max-latency-ms', 'http-headers', 'http-body'].find((n) => inputs.text(n, { multiline: true }) !== '');
        if (stray)
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(stray, inputs.text(stray, { multiline: true }), 'needs http-url');
        return undefined;
    }
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('http-url', url, 'must be an absolute http:// or https:// URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('http-url', url, 'must be an absolute http:// or https:// URL');
    }
    // Credentials in a URL would be printed in every log line and report that names the probe.
    if (parsed.username || parsed.password) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('http-url', url.replace(/\/\/[^@/]*@/, '//***@'), 'must not hold credentials: send them in http-headers (Authorization: ...)');
    }
    const headers = {};
    for (const line of inputs
        .text('http-headers', { multiline: true })
        .split('\n')
        .filter((l) => l.trim())) {
        const m = /^([^:]+):(.*)$/.exec(line.trim());
        if (!m || !HEADER_NAME.test(m[1].trim()) || !HEADER_VALUE.test(m[2])) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('http-headers', line, 'must be one "Name: value" header per line, in printable ASCII');
        }
        headers[m[1].trim()] = m[2].trim();
    }
    const body = inputs.text('http-body', { multiline: true, max: 64 * 1024 });
    if (body && (method === 'GET' || method === 'HEAD')) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('http-body', body, `cannot go with http-method ${method}: use POST, PUT, PATCH, DELETE or OPTIONS`);
    }
    const maxLatencyMs = inputs.text('http-max-latency-ms')
        ? inputs.integer('http-max-latency-ms', 0, 1, 600_000)
        : undefined;
    return {
        url: parsed.toString(),
        method,
        headers,
        ...(body && { body }),
        expect,
        ...(maxLatencyMs !== undefined && { maxLatencyMs }),
        samples,
    };
}
function optionalNumber(inputs, name, range) {
    const raw = inputs.text(name);
    const text = range.percent ? raw.replace(/%$/, '') : raw;
    if (text === '')
        return undefined;
    if (!/^\d+(\.\d+)?$/.test(text) || Number(text) < range.min || Number(text) > range.max) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, raw, `must be ${range.expected}`);
    }
    return Number(text);
}


/***/ }),

/***/ 9488:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pO: () => (/* binding */ runContext),
/* harmony export */   pu: () => (/* binding */ readHistoryConfig),
/* harmony export */   vh: () => (/* binding */ DEFAULT_TTL_DAYS)
/* harmony export */ });
/* unused harmony exports BACKENDS, parseBackends, parseTtlDays, parseEnvironment */
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(286);
// The history inputs shared by record-history and rollback, checked before any backend is loaded or called.

// In the order they are written: DynamoDB's conditional write refuses a missing table before GitHub is written.
const BACKENDS = ['dynamodb', 'github'];
const DEFAULT_TTL_DAYS = 90;
// DynamoDB table names: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
const TABLE = /^[a-zA-Z0-9_.-]{3,255}$/;
// owner/name as GitHub spells them; `.` and `..` would change the API path.
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$/;
// The token goes into an Authorization header: visible ASCII only.
const TOKEN = /^[\x21-\x7e]+$/;
/** `github`, `dynamodb` or both (comma separated, any order); each named once. */
function parseBackends(value, input = 'backend') {
    if (value === '')
        return ['github'];
    const names = value
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean);
    const expected = 'must be github, dynamodb, or both separated by a comma (github,dynamodb)';
    if (names.length === 0)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, expected);
    for (const n of names) {
        if (!BACKENDS.includes(n)) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, `${expected}; "${n}" is not a backend`);
        }
    }
    if (new Set(names).size !== names.length)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, `${expected}; a backend is named twice`);
    return BACKENDS.filter((b) => names.includes(b));
}
function parseTtlDays(value, input = 'ttl-days') {
    if (value === '')
        return DEFAULT_TTL_DAYS;
    const n = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
    if (!(n >= 1))
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'must be a whole number of days, 1 or more (default 90)');
    return n;
}
/** A GitHub environment name: https://docs.github.com/en/actions/reference/workflows-and-actions/deployments-and-environments */
function parseEnvironment(value, input = 'environment') {
    if (value === '')
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'is required: the GitHub environment, such as production');
    if (value.length > 255)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'must be at most 255 characters');
    return value;
}
function parseUrl(value, input) {
    if (value === '')
        return undefined;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'must be an absolute http(s) URL such as https://orders.example.com');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'must be an http or https URL');
    return value;
}
function readHistoryConfig(inputs) {
    const backends = parseBackends(inputs.text('backend'));
    const environment = parseEnvironment(inputs.text('environment'));
    const environmentUrl = parseUrl(inputs.text('environment-url', { max: 2048 }), 'environment-url');
    const ttlDays = parseTtlDays(inputs.text('ttl-days'));
    const maxAttempts = inputs.integer('max-attempts', 10, 1, 20);
    const onError = inputs.oneOf('on-error', ['fail', 'warn'], 'fail');
    let table;
    const tableText = inputs.text('dynamodb-table');
    if (backends.includes('dynamodb')) {
        if (tableText === '')
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('dynamodb-table', '', 'is required with backend dynamodb: the table name');
        if (!TABLE.test(tableText)) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('dynamodb-table', tableText, 'must be a DynamoDB table name: 3 to 255 letters, digits, _, - or .');
        }
        table = tableText;
    }
    else if (tableText !== '') {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('dynamodb-table', tableText, 'is only used with backend dynamodb; add it to backend');
    }
    let github;
    if (backends.includes('github')) {
        const token = inputs.text('github-token');
        if (token === '') {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('github-token', '', 'is required with backend github: a token with "deployments: write" (the job token by default)');
        }
        if (!TOKEN.test(token)) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('github-token', '***', 'must be a GitHub token: visible ASCII characters only, no spaces');
        }
        const repository = inputs.text('repository');
        if (!REPOSITORY.test(repository)) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('repository', repository, 'must be owner/name, the repository that holds the deployments');
        }
        const [owner, repo] = repository.split('/');
        github = { token, owner, repo };
    }
    return {
        backends,
        environment,
        ...(environmentUrl && { environmentUrl }),
        ...(table && { table }),
        ttlDays,
        ...(github && { github }),
        maxAttempts,
        onError,
    };
}
/** The run, from the variables every GitHub Actions step has; outside Actions a local run id. */
function runContext(env) {
    const server = env.GITHUB_SERVER_URL || 'https://github.com';
    const runId = env.GITHUB_RUN_ID || '';
    const attempt = Number(env.GITHUB_RUN_ATTEMPT) >= 1 ? Number(env.GITHUB_RUN_ATTEMPT) : 1;
    const repository = env.GITHUB_REPOSITORY || '';
    const runUrl = runId && repository
        ? `${server}/${repository}/actions/runs/${runId}${attempt > 1 ? `/attempts/${attempt}` : ''}`
        : '';
    return {
        runId,
        attempt,
        job: env.GITHUB_JOB || '',
        step: env.GITHUB_ACTION || '',
        commit: env.GITHUB_SHA || '',
        ref: env.GITHUB_REF || '',
        actor: env.GITHUB_ACTOR || '',
        runUrl,
    };
}


/***/ }),

/***/ 9713:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ RecordError),
/* harmony export */   g: () => (/* binding */ StoreMissingError)
/* harmony export */ });
// What a history store can refuse, typed so that the runners name the input that gave the value
// (deployment-id, to, dynamodb-table); the stores know no inputs.
/** A record id that names no record, or a record of something else. */
class RecordError extends Error {
    id;
    problem;
    constructor(id, problem) {
        super(`deployment id "${id}" ${problem}`);
        this.id = id;
        this.problem = problem;
        this.name = 'RecordError';
    }
}
/** The configured store does not exist (a DynamoDB table not created yet). */
class StoreMissingError extends Error {
    store;
    problem;
    constructor(store, problem) {
        super(`history store "${store}" ${problem}`);
        this.store = store;
        this.problem = problem;
        this.name = 'StoreMissingError';
    }
}


/***/ }),

/***/ 8629:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ storedTarget),
/* harmony export */   _: () => (/* binding */ readTarget)
/* harmony export */ });
/* harmony import */ var _record__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8691);
// How a record's target is stored. Lambda records keep the fields written before targets had kinds
// (functionName and alias), so that records of earlier versions read the same and earlier versions can
// read new ones; other targets store targetKind and resource.

function storedTarget(t) {
    if (t.targetKind !== _record__WEBPACK_IMPORTED_MODULE_0__/* .FIRST_TARGET_KIND */ .AW)
        return { targetKind: t.targetKind, resource: t.resource };
    const colon = t.resource.lastIndexOf(':');
    return { functionName: t.resource.slice(0, colon), alias: t.resource.slice(colon + 1) };
}
/** The target of a stored record; undefined when it names none. */
function readTarget(s) {
    if (typeof s.targetKind === 'string' && typeof s.resource === 'string')
        return { targetKind: s.targetKind, resource: s.resource };
    if (typeof s.functionName === 'string' && typeof s.alias === 'string')
        return { targetKind: _record__WEBPACK_IMPORTED_MODULE_0__/* .FIRST_TARGET_KIND */ .AW, resource: `${s.functionName}:${s.alias}` };
    return undefined;
}


/***/ }),

/***/ 4200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $R: () => (/* reexport safe */ _record__WEBPACK_IMPORTED_MODULE_2__.$R),
/* harmony export */   Fn: () => (/* reexport safe */ _stats__WEBPACK_IMPORTED_MODULE_3__.ROLLBACK_STRATEGY),
/* harmony export */   SU: () => (/* reexport safe */ _record__WEBPACK_IMPORTED_MODULE_2__.SU),
/* harmony export */   W1: () => (/* reexport safe */ _errors__WEBPACK_IMPORTED_MODULE_0__.W),
/* harmony export */   dM: () => (/* reexport safe */ _record__WEBPACK_IMPORTED_MODULE_2__.dM),
/* harmony export */   gz: () => (/* reexport safe */ _errors__WEBPACK_IMPORTED_MODULE_0__.g),
/* harmony export */   i$: () => (/* reexport safe */ _record__WEBPACK_IMPORTED_MODULE_2__.i$)
/* harmony export */ });
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9713);
/* harmony import */ var _format__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8629);
/* harmony import */ var _record__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8691);
/* harmony import */ var _stats__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7679);
// The SDK-free part; the DynamoDB backend is '@deploy-actions/history/dynamodb', loaded after inputs are checked.






/***/ }),

/***/ 8691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $R: () => (/* binding */ checkNewDeploymentId),
/* harmony export */   AW: () => (/* binding */ FIRST_TARGET_KIND),
/* harmony export */   Ly: () => (/* binding */ isoTime),
/* harmony export */   SU: () => (/* binding */ defaultDeploymentId),
/* harmony export */   cS: () => (/* binding */ sameTarget),
/* harmony export */   dM: () => (/* binding */ checkDeploymentId),
/* harmony export */   dR: () => (/* binding */ isFinal),
/* harmony export */   gT: () => (/* binding */ isGitHubDeploymentId),
/* harmony export */   hD: () => (/* binding */ targetKey),
/* harmony export */   i$: () => (/* binding */ parseStatus),
/* harmony export */   kY: () => (/* binding */ transition)
/* harmony export */ });
/* unused harmony export STATUSES */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(286);


const STATUSES = ['started', 'succeeded', 'failed', 'rolled-back'];
/** The kind of target whose records were written before targets had kinds. */
const FIRST_TARGET_KIND = 'lambda';
/**
 * The partition key of a target's history: `${environment}#${resource}` for Lambda, as before targets
 * had kinds, and `${environment}#${targetKind}:${resource}` for the others.
 */
function targetKey(t) {
    const kind = t.targetKind === FIRST_TARGET_KIND ? '' : `${t.targetKind}:`;
    return `${t.environment}#${kind}${t.resource}`;
}
/** The same target, environment aside. */
function sameTarget(a, b) {
    return a.targetKind === b.targetKind && a.resource === b.resource;
}
function isFinal(status) {
    return status !== 'started';
}
/**
 * started → succeeded | failed | rolled-back; a final status never changes; the same status again is a
 * no-op, so a re-run step records nothing twice.
 */
function transition(from, to) {
    if (from === to)
        return 'noop';
    return from === 'started' ? 'apply' : 'illegal';
}
function parseStatus(value, input = 'status') {
    if (STATUSES.includes(value))
        return value;
    throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, value, `must be one of ${STATUSES.join(', ')}`);
}
// Room for a GitHub deployment id, a UUID or `run-attempt` forms; no `#`, which separates key parts.
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
function checkDeploymentId(value, input = 'deployment-id') {
    if (!ID.test(value)) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, value, 'must be 1 to 128 letters, digits, ".", "_", ":" or "-", starting with a letter or digit');
    }
    return value;
}
/** Canonical timestamp: the one form whose string order is time order. */
function isoTime(value, what = 'time') {
    const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
    if (!Number.isFinite(ms))
        throw new Error(`${what} ${JSON.stringify(String(value))} is not a valid date`);
    return new Date(ms).toISOString();
}
/** True for a GitHub deployment id (digits), which a backend-neutral record id never is. */
function isGitHubDeploymentId(value) {
    return /^[1-9]\d{0,15}$/.test(value);
}
/** A new record id given by the user: like any id, but never all digits, which name GitHub deployments. */
function checkNewDeploymentId(value, input = 'deployment-id') {
    checkDeploymentId(value, input);
    if (/^\d+$/.test(value)) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, value, 'must not be all digits for a new deployment: digits name GitHub deployments');
    }
    return value;
}
/**
 * The id of a release when the user gives none: one per workflow run, job, target and region, so a step run
 * again, or a job re-run after its runner died, continues the same record instead of adding one.
 */
function defaultDeploymentId(runId, job, t, region = '') {
    // The region too: one matrix job may release the same function in two regions.
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(`${job}|${targetKey(t)}${region ? `|${region}` : ''}`)
        .digest('hex')
        .slice(0, 8);
    return `run-${runId || 'local'}-${hash}`;
}


/***/ }),

/***/ 7679:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ROLLBACK_STRATEGY: () => (/* binding */ ROLLBACK_STRATEGY),
/* harmony export */   computeStats: () => (/* binding */ computeStats),
/* harmony export */   quantile: () => (/* binding */ quantile),
/* harmony export */   reportPeriod: () => (/* binding */ reportPeriod)
/* harmony export */ });
/* harmony import */ var _record__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8691);

const DAY_MS = 86_400_000;
/** The strategy rollback records carry. */
const ROLLBACK_STRATEGY = 'rollback';
/** The last `days` days up to `now`. */
function reportPeriod(now, days) {
    const to = typeof now === 'number' ? now : now.getTime();
    return { from: new Date(to - days * DAY_MS).toISOString(), to: new Date(to).toISOString() };
}
/**
 * Delivery figures for the deployments started in `period`. Records outside it count only as the success
 * that restores a failure inside it. Sorting dominates: O(n log n).
 */
function computeStats(records, period) {
    const from = Date.parse(period.from);
    const to = Date.parse(period.to);
    if (!(to > from))
        throw new Error(`report period ${period.from} .. ${period.to} is empty`);
    const days = (to - from) / DAY_MS;
    let count = 0;
    let inProgress = 0;
    let succeeded = 0;
    let failed = 0;
    let rolledBack = 0;
    let rollbacks = 0;
    const durations = [];
    const failures = [];
    const successEnds = new Map();
    for (const r of records) {
        const started = Date.parse(r.startedAt);
        const ended = r.endedAt === undefined ? NaN : Date.parse(r.endedAt);
        if (r.status === 'succeeded' && Number.isFinite(ended)) {
            const key = (0,_record__WEBPACK_IMPORTED_MODULE_0__/* .targetKey */ .hD)(r);
            const list = successEnds.get(key);
            if (list)
                list.push(ended);
            else
                successEnds.set(key, [ended]);
        }
        if (!(started >= from && started < to))
            continue;
        // A rollback restores (its success ends a failure above) but is no change of its own.
        if (r.strategy === ROLLBACK_STRATEGY) {
            rollbacks++;
            continue;
        }
        count++;
        if (r.status === 'started' || !Number.isFinite(ended)) {
            inProgress++;
            continue;
        }
        durations.push(Math.max(0, ended - started));
        if (r.status === 'succeeded')
            succeeded++;
        else {
            if (r.status === 'failed')
                failed++;
            else
                rolledBack++;
            failures.push({ target: (0,_record__WEBPACK_IMPORTED_MODULE_0__/* .targetKey */ .hD)(r), ended });
        }
    }
    for (const list of successEnds.values())
        list.sort(byNumber);
    const restore = [];
    let unrestored = 0;
    for (const f of failures) {
        const ends = successEnds.get(f.target);
        const i = ends ? firstAtOrAbove(ends, f.ended) : -1;
        if (i < 0)
            unrestored++;
        else
            restore.push(ends[i] - f.ended);
    }
    durations.sort(byNumber);
    restore.sort(byNumber);
    const finished = succeeded + failed + rolledBack;
    return {
        period: { from: period.from, to: period.to, days },
        count,
        inProgress,
        succeeded,
        failed,
        rolledBack,
        successRate: finished ? succeeded / finished : null,
        durationMs: { median: wholeMs(quantile(durations, 0.5)), p95: wholeMs(quantile(durations, 0.95)) },
        changeFailureRate: finished ? (failed + rolledBack) / finished : null,
        timeToRestoreMs: { median: wholeMs(quantile(restore, 0.5)), restored: restore.length, unrestored },
        deploymentsPerDay: count / days,
        successfulPerDay: succeeded / days,
        rollbacks,
    };
}
/**
 * The q-quantile of ascending values, interpolating between the two nearest ranks (Hyndman and Fan's
 * type 7, as numpy and spreadsheets' PERCENTILE.INC), so the median of an even count is the middle mean.
 */
function quantile(sorted, q) {
    if (sorted.length === 0)
        return null;
    const h = (sorted.length - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
function wholeMs(x) {
    return x === null ? null : Math.round(x);
}
function byNumber(a, b) {
    return a - b;
}
/** Index of the first value at or above x in ascending values, or -1: a rollback may end in the same ms. */
function firstAtOrAbove(sorted, x) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] >= x)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo < sorted.length ? lo : -1;
}


/***/ }),

/***/ 6342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OG: () => (/* binding */ cloudwatchFor),
/* harmony export */   Xg: () => (/* binding */ readConfig),
/* harmony export */   _c: () => (/* binding */ selectTarget),
/* harmony export */   eg: () => (/* binding */ runStep),
/* harmony export */   ie: () => (/* binding */ clockOf),
/* harmony export */   oh: () => (/* binding */ failureMessage)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(286);
/* harmony import */ var _deploy_actions_health_config__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1824);


/**
 * The target the inputs select: `target`, else the first of `targets`. An input only another target reads
 * is an error naming it, so a step never silently ignores what the user wrote.
 */
function selectTarget(inputs, targets) {
    const kinds = Object.keys(targets);
    const kind = inputs.oneOf('target', kinds, kinds[0]);
    const chosen = targets[kind];
    for (const other of Object.values(targets)) {
        if (other === chosen)
            continue;
        for (const name of other.inputs) {
            const value = inputs.text(name, { multiline: true });
            if (value !== '' && !chosen.inputs.includes(name)) {
                throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, `is an input of target ${other.kind}; this step's target is ${kind}`);
            }
        }
    }
    return chosen;
}
/** The selected target's config; required unless `optional`. */
function readConfig(target, inputs, env) {
    return target.readConfig(inputs, env);
}
/** A CloudWatch client only when alarms or metrics are checked. */
async function cloudwatchFor(health, aws, deps) {
    if (!health.metrics && !(0,_deploy_actions_health_config__WEBPACK_IMPORTED_MODULE_1__/* .hasAlarms */ .zZ)(health))
        return undefined;
    const make = deps.cloudwatch ?? (await __webpack_require__.e(/* import() */ 565).then(__webpack_require__.bind(__webpack_require__, 9565))).cloudwatchClient;
    return make(aws);
}
function clockOf(deps, env) {
    return deps.clock ?? (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .clockFromEnv */ .iQ)(env);
}
/** Runs one action body; every failure becomes one clear failed-step message. */
async function runStep(rt, body, nothingDone = 'Nothing was changed in AWS.') {
    try {
        await body();
    }
    catch (err) {
        rt.setFailed(failureMessage(err, nothingDone));
    }
}
function failureMessage(err, nothingDone = 'Nothing was changed in AWS.') {
    if (err instanceof _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz)
        return `${err.message}. ${nothingDone}`;
    if (err instanceof _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConcurrentChangeError */ .wy || err instanceof _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH || err instanceof _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc)
        return err.message;
    const name = (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err);
    if (name)
        return `AWS ${name}: ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)}`;
    return (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err);
}


/***/ }),

/***/ 671:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G9: () => (/* binding */ settle),
/* harmony export */   XW: () => (/* binding */ asInputError),
/* harmony export */   ck: () => (/* binding */ historyInputs),
/* harmony export */   ee: () => (/* binding */ outcomesTable),
/* harmony export */   h1: () => (/* binding */ merge),
/* harmony export */   qw: () => (/* binding */ openFor),
/* harmony export */   sK: () => (/* binding */ reportOutcomes)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(286);
/* harmony import */ var _deploy_actions_history__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4200);
// What record-history and rollback share: opening the configured backends and telling the user, per
// backend, what was recorded and what was not.


async function openFor(rt, cfg, aws, run, clock, deps) {
    const { openHistory } = await __webpack_require__.e(/* import() */ 260).then(__webpack_require__.bind(__webpack_require__, 5260));
    return openHistory({ ...cfg, ...(cfg.github && { github: { ...cfg.github, ...apiUrl(rt.env) } }) }, aws, { environment: cfg.environment, ...(run.commit && { commit: run.commit }) }, {
        clock,
        onRetry: (what, attempt, delayMs, reason) => rt.info(`GitHub answered ${reason} while trying to ${what}; trying again in ${Math.ceil(delayMs / 1000)} s (attempt ${attempt + 1} of ${cfg.maxAttempts}).`),
    }, deps);
}
// GITHUB_API_URL points at GitHub Enterprise Server when the workflow runs there.
function apiUrl(env) {
    return env.GITHUB_API_URL ? { apiUrl: env.GITHUB_API_URL } : {};
}
function merge(...all) {
    return {
        rows: all.flatMap((r) => r.rows),
        missing: all.flatMap((r) => r.missing),
        errors: all.flatMap((r) => r.errors),
        count: all.reduce((n, r) => n + r.count, 0),
    };
}
/** Logs each backend's outcome and returns the summary rows; `describe` says what a success recorded. */
function reportOutcomes(rt, outcomes, describe) {
    const rows = [];
    const missing = [];
    const errors = [];
    for (const o of outcomes) {
        if (o.ok) {
            const d = describe(o.value);
            rt.info(`${o.where}: ${d.note}.`);
            rows.push([o.where, d.status, d.note]);
        }
        else {
            const why = (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(o.error);
            missing.push(`${o.where}: ${why}`);
            errors.push(o.error);
            rows.push([o.where, 'NOT recorded', why]);
        }
    }
    return { rows, missing, errors, count: outcomes.length };
}
function outcomesTable(rows) {
    return (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['backend', 'status', 'what happened'], rows);
}
/**
 * Ends the step after the writes: an id no backend knows is an input error; a backend that could not
 * record fails the step (on-error: fail) or warns (on-error: warn), naming what was not recorded.
 */
function settle(rt, cfg, reported, done) {
    const { missing, errors } = reported;
    if (missing.length === 0)
        return;
    if (errors.length === reported.count && errors.every((e) => e instanceof _deploy_actions_history__WEBPACK_IMPORTED_MODULE_1__/* .RecordError */ .W1))
        throw errors[0];
    const message = `${done} NOT recorded in ${missing.join('; ')}. Once it is back, run record-history again with the same deployment-id: nothing is recorded twice.`;
    if (cfg.onError === 'fail')
        rt.setFailed(message);
    else
        rt.warning(message);
}
/**
 * Runs a history step, naming the input behind what a store refused: the id given (`idInput`), or the
 * table that does not exist.
 */
function historyInputs(body, idInput = 'deployment-id') {
    return async () => {
        try {
            await body();
        }
        catch (err) {
            throw asInputError(err, idInput);
        }
    };
}
function asInputError(err, idInput = 'deployment-id') {
    if (err instanceof _deploy_actions_history__WEBPACK_IMPORTED_MODULE_1__/* .RecordError */ .W1)
        return new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(idInput, err.id, err.problem);
    if (err instanceof _deploy_actions_history__WEBPACK_IMPORTED_MODULE_1__/* .StoreMissingError */ .gz)
        return new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('dynamodb-table', err.store, err.problem);
    return err;
}


/***/ })

};
