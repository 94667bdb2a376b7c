export const id = 709;
export const ids = [709];
export const modules = {

/***/ 9488:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MQ: () => (/* binding */ checkTopicRegion),
/* harmony export */   pO: () => (/* binding */ runContext),
/* harmony export */   pu: () => (/* binding */ readHistoryConfig),
/* harmony export */   vh: () => (/* binding */ DEFAULT_TTL_DAYS)
/* harmony export */ });
/* unused harmony exports BACKENDS, DEFAULT_NOTIFY_ON, parseBackends, parseTtlDays, parseEnvironment, parseNotifyOn, parseWebhookUrl, partitionOf, parseTopicArn, topicRegion, readNotifyConfig */
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _record__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8691);
// The history inputs shared by record-history and rollback, checked before any backend is loaded or called.


// In the order they are written: DynamoDB's conditional write refuses a missing table before GitHub is written.
const BACKENDS = ['dynamodb', 'github'];
const DEFAULT_TTL_DAYS = 90;
// DynamoDB table names: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
const TABLE = /^[a-zA-Z0-9_.-]{3,255}$/;
const DEFAULT_NOTIFY_ON = ['failed', 'rolled-back'];
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
/** `started`, `succeeded`, `failed`, `rolled-back` (comma separated) or `all`; default failed,rolled-back. */
function parseNotifyOn(value, input = 'notify-on') {
    if (value === '')
        return DEFAULT_NOTIFY_ON;
    const words = value
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean);
    const expected = `must be all, or statuses separated by commas: ${_record__WEBPACK_IMPORTED_MODULE_1__/* .STATUSES */ .f.join(', ')}`;
    if (words.length === 0)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, expected);
    for (const w of words) {
        if (w !== 'all' && !_record__WEBPACK_IMPORTED_MODULE_1__/* .STATUSES */ .f.includes(w))
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, `${expected}; "${w}" is not one`);
    }
    return words.includes('all') ? [..._record__WEBPACK_IMPORTED_MODULE_1__/* .STATUSES */ .f] : _record__WEBPACK_IMPORTED_MODULE_1__/* .STATUSES */ .f.filter((s) => words.includes(s));
}
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;
/**
 * A Slack incoming webhook: https, or http on a loopback address (a local receiver); no credentials. The URL
 * is a secret: errors show *** instead.
 */
function parseWebhookUrl(value, input = 'slack-webhook-url') {
    if (value === '')
        return undefined;
    const refuse = (expected) => new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, '***', expected);
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw refuse('must be an absolute https URL: the Slack incoming webhook (https://hooks.slack.com/services/...)');
    }
    if (url.protocol === 'http:') {
        if (!LOOPBACK.test(url.hostname))
            throw refuse('must be https; http is only allowed on a loopback address (127.0.0.1, localhost, [::1])');
    }
    else if (url.protocol !== 'https:') {
        throw refuse('must be an https URL');
    }
    if (url.username || url.password)
        throw refuse('must not hold credentials (user:password@); the webhook URL itself is the secret');
    return value;
}
// arn:partition:sns:region:account:topic; names of 1 to 256 letters, digits, - and _, .fifo for FIFO topics:
// https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html
const SNS_ARN = /^arn:(aws[a-z-]*):sns:([a-z]{2}(?:-[a-z]+)+-\d{1,2}):(\d{12}):([A-Za-z0-9_-]+(?:\.fifo)?)$/;
/** The partition of a region: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html */
function partitionOf(region) {
    if (region.startsWith('cn-'))
        return 'aws-cn';
    if (region.startsWith('us-gov-'))
        return 'aws-us-gov';
    if (region.startsWith('us-isob-'))
        return 'aws-iso-b';
    if (region.startsWith('us-isof-'))
        return 'aws-iso-f';
    if (region.startsWith('eu-isoe-'))
        return 'aws-iso-e';
    if (region.startsWith('us-iso-'))
        return 'aws-iso';
    if (region.startsWith('eusc-'))
        return 'aws-eusc';
    return 'aws';
}
function parseTopicArn(value, input = 'sns-topic-arn') {
    if (value === '')
        return undefined;
    const m = SNS_ARN.exec(value);
    if (!m || m[4].length > 256) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'must be the ARN of an SNS topic: arn:aws:sns:REGION:ACCOUNT:TOPIC (1 to 256 letters, digits, - or _)');
    }
    if (partitionOf(m[2]) !== m[1]) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, `names partition ${m[1]}, but region ${m[2]} is in ${partitionOf(m[2])}`);
    }
    return value;
}
/** The region of a topic ARN checked by parseTopicArn. */
function topicRegion(arn) {
    return arn.split(':')[3];
}
/** The topic must be in the region the step uses: SNS takes a Publish only in the topic's own region. */
function checkTopicRegion(notify, region) {
    const arn = notify?.snsTopicArn;
    if (arn && topicRegion(arn) !== region) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('sns-topic-arn', arn, `is in region ${topicRegion(arn)}, but this step uses ${region}; give a topic of ${region} (or set aws-region)`);
    }
}
/** slack-webhook-url, sns-topic-arn and notify-on; undefined when neither channel is given. */
function readNotifyConfig(inputs) {
    let webhookText;
    try {
        webhookText = inputs.text('slack-webhook-url', { max: 2048 });
    }
    catch (err) {
        // The value is a secret: the message keeps the reason only.
        if (err instanceof _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz)
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(err.input, '***', err.expected);
        throw err;
    }
    const slackWebhookUrl = parseWebhookUrl(webhookText);
    const snsTopicArn = parseTopicArn(inputs.text('sns-topic-arn', { max: 1024 }));
    const on = parseNotifyOn(inputs.text('notify-on'));
    if (!slackWebhookUrl && !snsTopicArn)
        return undefined;
    return { ...(slackWebhookUrl && { slackWebhookUrl }), ...(snsTopicArn && { snsTopicArn }), on };
}
function readHistoryConfig(inputs) {
    const backends = parseBackends(inputs.text('backend'));
    const environment = parseEnvironment(inputs.text('environment'));
    const environmentUrl = parseUrl(inputs.text('environment-url', { max: 2048 }), 'environment-url');
    const ttlDays = parseTtlDays(inputs.text('ttl-days'));
    const maxAttempts = inputs.integer('max-attempts', 10, 1, 20);
    const onError = inputs.oneOf('on-error', ['fail', 'warn'], 'fail');
    const notify = readNotifyConfig(inputs);
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
        github = (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .readGitHubAccess */ .wX)(inputs, {
            token: 'with backend github: a token with "deployments: write" (the job token by default)',
            repository: 'the repository that holds the deployments',
        });
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
        ...(notify && { notify }),
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
/* harmony export */   Fn: () => (/* reexport safe */ _record__WEBPACK_IMPORTED_MODULE_2__.Fn),
/* harmony export */   SU: () => (/* reexport safe */ _record__WEBPACK_IMPORTED_MODULE_2__.SU),
/* harmony export */   W1: () => (/* reexport safe */ _errors__WEBPACK_IMPORTED_MODULE_0__.W),
/* harmony export */   dM: () => (/* reexport safe */ _record__WEBPACK_IMPORTED_MODULE_2__.dM),
/* harmony export */   ez: () => (/* reexport safe */ _record__WEBPACK_IMPORTED_MODULE_2__.ez),
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
/* harmony export */   Fn: () => (/* binding */ ROLLBACK_STRATEGY),
/* harmony export */   Ly: () => (/* binding */ isoTime),
/* harmony export */   SU: () => (/* binding */ defaultDeploymentId),
/* harmony export */   cS: () => (/* binding */ sameTarget),
/* harmony export */   dM: () => (/* binding */ checkDeploymentId),
/* harmony export */   dR: () => (/* binding */ isFinal),
/* harmony export */   ez: () => (/* binding */ RELEASE_KINDS),
/* harmony export */   f: () => (/* binding */ STATUSES),
/* harmony export */   gT: () => (/* binding */ isGitHubDeploymentId),
/* harmony export */   hD: () => (/* binding */ targetKey),
/* harmony export */   i$: () => (/* binding */ parseStatus),
/* harmony export */   kY: () => (/* binding */ transition),
/* harmony export */   q1: () => (/* binding */ isOpenRelease),
/* harmony export */   zb: () => (/* binding */ OPEN_RELEASE_SCAN)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1398);


const STATUSES = ['started', 'succeeded', 'failed', 'rolled-back'];
const RELEASE_KINDS = ['release', 'hotfix'];
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
/** The strategy rollback records carry. */
const ROLLBACK_STRATEGY = 'rollback';
/** How many of a target's newest records are searched for the open release of a split. */
const OPEN_RELEASE_SCAN = 20;
/** A release that has not ended and whose green is `green`; a rollback's own record is no release. */
function isOpenRelease(r, green) {
    return r.status === 'started' && r.greenVersion === green && r.strategy !== ROLLBACK_STRATEGY;
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
/* harmony export */   computeStats: () => (/* binding */ computeStats),
/* harmony export */   quantile: () => (/* binding */ quantile),
/* harmony export */   reportPeriod: () => (/* binding */ reportPeriod)
/* harmony export */ });
/* harmony import */ var _record__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8691);

const DAY_MS = 86_400_000;
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
    const hotfixes = { count: 0, succeeded: 0 };
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
        if (r.strategy === _record__WEBPACK_IMPORTED_MODULE_0__/* .ROLLBACK_STRATEGY */ .Fn) {
            rollbacks++;
            continue;
        }
        count++;
        if (r.releaseKind === 'hotfix') {
            hotfixes.count++;
            if (r.status === 'succeeded')
                hotfixes.succeeded++;
        }
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
        hotfixes,
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

/***/ 2284:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ew: () => (/* binding */ parseApprovedBy),
/* harmony export */   IY: () => (/* binding */ enforceGuard),
/* harmony export */   UF: () => (/* binding */ readGuardConfig),
/* harmony export */   vU: () => (/* binding */ approvedBy)
/* harmony export */ });
/* unused harmony exports GUARD_AUDIENCE, parseEnvironmentName, decodeJwtPayload, idTokenUrl, sameEnvironment, settingsUrl, configureHint, hasRequiredReviewers, approvalsOf, guardSummary, jobEnvironment, checkGuard */
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
// The production guard (`require-environment`): before anything opens an AWS client, the step proves that its
// job runs under the named GitHub environment (the `environment` claim of the job's OIDC token) and that the
// environment makes a person approve the job (a required_reviewers protection rule), and it tells who
// approved. It is a guard rail that explains itself, not the control: the control is the AWS role's trust
// policy on `sub: repo:<owner>/<repo>:environment:<name>` (README, "Production guard").
//
// Plain fetch, not Octokit: the three actions that may use it load no GitHub client unless asked to. The
// proxy-aware one, so that the OIDC token and GitHub requests honour the runner's proxy settings.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** The audience asked for: a token for this check alone, which no cloud provider's trust policy accepts. */
const GUARD_AUDIENCE = 'deploy-actions-require-environment';
const NOTHING_DONE = 'Nothing was changed in AWS.';
/**
 * A GitHub environment name as GitHub accepts one: at most 255 characters
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/deployments-and-environments), one line,
 * no empty part between slashes (`prod//eu`, `/prod`, `prod/`: GitHub would store another name).
 */
function parseEnvironmentName(value, input = 'require-environment') {
    if (value === '')
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'must name a GitHub environment, such as production');
    if (value.length > 255)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, `must be at most 255 characters (got ${value.length})`);
    if (CONTROL.test(value))
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'must be a GitHub environment name: one line, no control characters');
    if (value.split('/').some((part) => part.trim() === '')) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'must be a GitHub environment name: no empty or blank part before, between or after slashes');
    }
    return value;
}
/** The guard's inputs, checked with the step's other inputs; undefined when require-environment is not given. */
function readGuardConfig(inputs) {
    // Read raw (multi-line allowed) so that a control character gets the environment-name message.
    const raw = inputs.text('require-environment', { multiline: true });
    if (raw === '')
        return undefined;
    const environment = parseEnvironmentName(raw);
    const access = (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .readGitHubAccess */ .wX)(inputs, {
        token: 'with require-environment: a token with "actions: read" (the job token by default)',
        repository: 'the repository whose environment require-environment names',
    });
    return { environment, ...access };
}
/** The claims of a JWT, unverified: its middle part, base64url JSON (RFC 7519). */
function decodeJwtPayload(jwt) {
    const parts = jwt.split('.');
    if (parts.length !== 3 || !/^[A-Za-z0-9_-]+$/.test(parts[1]))
        throw new Error('not a JSON Web Token');
    let claims;
    try {
        claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    }
    catch {
        throw new Error('the JSON Web Token payload is not JSON');
    }
    if (!claims || typeof claims !== 'object' || Array.isArray(claims))
        throw new Error('the JSON Web Token payload is not an object');
    return claims;
}
/** The URL the runner gives for an ID token, with the audience set (it already carries api-version). */
function idTokenUrl(requestUrl, audience = GUARD_AUDIENCE) {
    const url = new URL(requestUrl);
    url.searchParams.set('audience', audience);
    return url.toString();
}
/** Environment names are not case sensitive on GitHub. */
function sameEnvironment(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
function settingsUrl(env, owner, repo) {
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    return `${server}/${owner}/${repo}/settings/environments`;
}
/** What to do when the environment lets jobs run unapproved: the settings page, or the API through gh. */
function configureHint(env, cfg) {
    const path = `repos/${cfg.owner}/${cfg.repo}/environments/${encodeURIComponent(cfg.environment)}`;
    return (`Add required reviewers to environment "${cfg.environment}" at ${settingsUrl(env, cfg.owner, cfg.repo)} ` +
        `(Deployment protection rules, Required reviewers), or with the GitHub CLI: ` +
        `echo '{"reviewers":[{"type":"User","id":USER_ID}]}' | gh api --method PUT ${path} --input - ` +
        `(USER_ID from: gh api users/LOGIN --jq .id; type Team with a team id works too).`);
}
/** True when the environment (GET /repos/{owner}/{repo}/environments/{name}) has required reviewers. */
function hasRequiredReviewers(environment) {
    const rules = environment?.protection_rules;
    return Array.isArray(rules) && rules.some((r) => r?.type === 'required_reviewers');
}
/** The approvals of `environment` in a run's review log (GET .../actions/runs/{run_id}/approvals). */
function approvalsOf(reviews, environment) {
    if (!Array.isArray(reviews))
        return [];
    const out = [];
    for (const r of reviews) {
        if (r?.state !== 'approved')
            continue;
        const names = (r.environments ?? []).map((e) => String(e?.name ?? ''));
        if (!names.some((n) => sameEnvironment(n, environment)))
            continue;
        const login = typeof r.user?.login === 'string' ? r.user.login : '';
        if (login)
            out.push({ login, comment: typeof r.comment === 'string' ? r.comment : '' });
    }
    return out;
}
/** The approvers' logins, comma separated, each once: the approved-by output. */
function approvedBy(approvals) {
    return [...new Set(approvals.map((a) => a.login))].join(',');
}
/** The job summary section: the environment and who approved, with their comments. */
function guardSummary(result) {
    const rows = result.approvals.map((a) => [
        `@${a.login}`,
        a.comment.replace(/\s+/g, ' ').trim() || '(none)',
    ]);
    return [
        `### Production guard: environment ${result.environment}`,
        '',
        rows.length
            ? (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['approved by', 'comment'], rows)
            : 'No approval of this environment is recorded for this run.',
        '',
    ].join('\n');
}
/** The `environment` claim of the job's OIDC token, requested as the runner documents it. */
async function jobEnvironment(rt, environment, doFetch) {
    const requestUrl = rt.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const requestToken = rt.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!requestUrl || !requestToken) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`require-environment ${environment}: the job cannot request an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set); give the job "permissions: id-token: write" and "environment: ${environment}". ${NOTHING_DONE}`);
    }
    const res = await doFetch(idTokenUrl(requestUrl), {
        headers: { authorization: `bearer ${requestToken}`, accept: 'application/json; api-version=2.0' },
    }).catch((err) => {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`require-environment ${environment}: the OIDC token request failed (${String(err?.message ?? err)}). ${NOTHING_DONE}`);
    });
    if (!res.ok) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`require-environment ${environment}: the OIDC token request answered ${res.status}; the job needs "permissions: id-token: write". ${NOTHING_DONE}`);
    }
    const body = (await res.json().catch(() => undefined));
    if (typeof body?.value !== 'string') {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`require-environment ${environment}: the OIDC token answer has no value. ${NOTHING_DONE}`);
    }
    rt.setSecret?.(body.value);
    let claims;
    try {
        claims = decodeJwtPayload(body.value);
    }
    catch (err) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`require-environment ${environment}: ${err.message}. ${NOTHING_DONE}`);
    }
    return typeof claims.environment === 'string' && claims.environment !== '' ? claims.environment : undefined;
}
async function githubGet(rt, cfg, path, doFetch) {
    const api = (rt.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    const res = await doFetch(`${api}${path}`, {
        headers: {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${cfg.token}`,
            'x-github-api-version': '2022-11-28',
            'user-agent': 'deploy-actions',
        },
    }).catch((err) => {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`require-environment ${cfg.environment}: GET ${path} failed (${String(err?.message ?? err)}). ${NOTHING_DONE}`);
    });
    return { status: res.status, body: await res.json().catch(() => undefined) };
}
/** Both checks and the approvals; throws a DeployError that says what to change when a check fails. */
async function checkGuard(rt, cfg, deps = {}) {
    const doFetch = deps.fetch ?? _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .proxyFetch */ .Z6;
    const name = cfg.environment;
    const claimed = await jobEnvironment(rt, name, doFetch);
    if (claimed === undefined || !sameEnvironment(claimed, name)) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`require-environment ${name}: this job runs ${claimed === undefined ? 'under no environment' : `under environment "${claimed}"`} (the environment claim of its OIDC token), not "${name}"; add "environment: ${name}" to the job. ${NOTHING_DONE}`);
    }
    const repo = `/repos/${cfg.owner}/${cfg.repo}`;
    const env = await githubGet(rt, cfg, `${repo}/environments/${encodeURIComponent(name)}`, doFetch);
    if (env.status === 404) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`require-environment ${name}: ${cfg.owner}/${cfg.repo} has no environment "${name}" that this token can read. ${configureHint(rt.env, cfg)} ${NOTHING_DONE}`);
    }
    if (env.status !== 200) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`require-environment ${name}: reading the environment answered ${env.status}; github-token needs "actions: read". ${NOTHING_DONE}`);
    }
    if (!hasRequiredReviewers(env.body)) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`require-environment ${name}: environment "${name}" has no required reviewers, so nobody approved this job. ${configureHint(rt.env, cfg)} ${NOTHING_DONE}`);
    }
    const runId = rt.env.GITHUB_RUN_ID;
    let approvals = [];
    if (!runId || !/^\d+$/.test(runId)) {
        rt.warning('GITHUB_RUN_ID is not set: who approved this run is unknown.');
    }
    else {
        const reviews = await githubGet(rt, cfg, `${repo}/actions/runs/${runId}/approvals`, doFetch);
        if (reviews.status !== 200) {
            rt.warning(`Reading who approved run ${runId} answered ${reviews.status} (github-token needs "actions: read"); approved-by stays empty.`);
        }
        else {
            approvals = approvalsOf(reviews.body, name);
            if (approvals.length === 0) {
                rt.warning(`No approval of environment "${name}" is recorded for run ${runId} (an administrator may have bypassed the protection rules).`);
            }
        }
    }
    return { environment: claimed, approvals };
}
/**
 * Runs the guard when require-environment is given: the checks, then the approved-by output and the summary
 * section. Call it after the step's inputs are read and before any AWS client is opened.
 */
async function enforceGuard(rt, cfg, deps = {}) {
    if (!cfg)
        return undefined;
    const result = await checkGuard(rt, cfg, deps);
    const who = approvedBy(result.approvals);
    rt.setOutput('approved-by', who);
    rt.info(`require-environment ${cfg.environment}: the job runs under it, with required reviewers${who ? `; approved by ${who}` : ''}.`);
    await rt.summary(guardSummary(result));
    return result;
}
// A GitHub login: letters, digits and single hyphens inside, at most 39 characters (apps end in [bot]).
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/;
/**
 * record-history's `approved-by`: the approved-by output of a guarded step, logins separated by commas;
 * undefined when empty.
 */
function parseApprovedBy(value, input = 'approved-by') {
    if (value === '')
        return undefined;
    const logins = value.split(',').map((s) => s.trim());
    if (value.length > 1000 || logins.some((l) => !LOGIN.test(l))) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'must be GitHub logins separated by commas (the approved-by output of a step with require-environment)');
    }
    return [...new Set(logins)].join(',');
}


/***/ }),

/***/ 6342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OG: () => (/* binding */ cloudwatchFor),
/* harmony export */   Us: () => (/* binding */ nothingChanged),
/* harmony export */   Xg: () => (/* binding */ readConfig),
/* harmony export */   _c: () => (/* binding */ selectTarget),
/* harmony export */   eg: () => (/* binding */ runStep),
/* harmony export */   ie: () => (/* binding */ clockOf),
/* harmony export */   oh: () => (/* binding */ failureMessage),
/* harmony export */   pX: () => (/* binding */ isSecretInput)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
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
/** A CloudWatch client only when alarms or metrics are checked, and the target's metrics are CloudWatch's. */
async function cloudwatchFor(health, config, deps) {
    if (config.cloudwatch === false || (!health.metrics && !(0,_deploy_actions_health_config__WEBPACK_IMPORTED_MODULE_1__/* .hasAlarms */ .zZ)(health)))
        return undefined;
    const make = deps.cloudwatch ?? (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9565))).cloudwatchClient;
    return make(config.aws);
}
function clockOf(deps, env) {
    return deps.clock ?? (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .clockFromEnv */ .iQ)(env);
}
/**
 * How an input error ends: nothing was changed where the `target` input sends the release (AWS for Lambda and
 * ECS, and for a `target` that is itself the bad input).
 */
function nothingChanged(rt, targets) {
    const kind = rt.input('target').trim();
    const named = Object.hasOwn(targets, kind) ? targets[kind] : Object.values(targets)[0];
    return `Nothing was changed in ${named?.platform ?? 'AWS'}.`;
}
/** The inputs that are secrets, masked in the log before anything (an input error included) can print them. */
const SECRET_INPUTS = ['slack-webhook-url', 'access-token'];
const isSecretInput = (name) => SECRET_INPUTS.includes(name);
function maskSecrets(rt) {
    for (const name of SECRET_INPUTS) {
        const value = rt.input(name);
        if (!value)
            continue;
        rt.setSecret?.(value);
        try {
            // The path is the secret part; URL may print it normalised.
            const url = new URL(value);
            if (url.href !== value)
                rt.setSecret?.(url.href);
            if (url.pathname.length > 1)
                rt.setSecret?.(url.pathname);
        }
        catch {
            // not a URL: the input check refuses it, showing ***
        }
    }
}
/** Runs one action body, its secrets masked first; every failure becomes one clear failed-step message. */
async function runStep(rt, nothingDone, body) {
    maskSecrets(rt);
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
/* harmony export */   iP: () => (/* binding */ announce),
/* harmony export */   qw: () => (/* binding */ openFor),
/* harmony export */   sK: () => (/* binding */ reportOutcomes),
/* harmony export */   wY: () => (/* binding */ refuseGiven)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _deploy_actions_history__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4200);
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6342);
// What record-history and rollback share: opening the configured backends and telling the user, per
// backend, what was recorded and what was not.



/**
 * Refuses the first of `names` that is given, with `expected` as the reason: an input the step would not use.
 * A secret's value shows as ***.
 */
function refuseGiven(inputs, names, expected) {
    for (const name of names) {
        const value = (() => {
            try {
                return inputs.text(name, { multiline: true });
            }
            catch {
                return '***';
            }
        })();
        if (value !== '')
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .isSecretInput */ .pX)(name) ? '***' : value, expected);
    }
}
/**
 * Sends the notices the configuration asks for, once the records are written. A notification that fails only
 * warns, naming the channel and why: it never changes how the step ends.
 */
async function announce(rt, cfg, aws, notices, deps) {
    if (!cfg.notify)
        return;
    try {
        const { sendNotices } = await __webpack_require__.e(/* import() */ 231).then(__webpack_require__.bind(__webpack_require__, 1231));
        for (const s of await sendNotices(cfg.notify, notices, aws, deps)) {
            if (s.ok)
                rt.info(`${s.channel}: notified that deployment ${s.id} ${s.status}.`);
            else
                rt.warning(`${s.channel}: the notification that deployment ${s.id} ${s.status} was NOT sent (${s.error}). The deployment is recorded; only the notification is missing.`);
        }
    }
    catch (err) {
        rt.warning(`Notifications were NOT sent: ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)
            .split(cfg.notify.slackWebhookUrl ?? '\0')
            .join('***')}.`);
    }
}
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
