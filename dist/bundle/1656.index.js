export const id = 1656;
export const ids = [1656];
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
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _logs_config__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9316);


const HOUR = 3_600_000;
// eslint-disable-next-line no-control-regex -- alarm names are any printable characters
const ALARM_NAME = /^[^\u0000-\u001f\u007f]{1,255}$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;
/**
 * Every health input, checked; shared by health-gate and shift-traffic so both judge alike. `wait`: whether
 * on-inconclusive may be wait (a shift's step can bake on; a single verdict cannot).
 */
function readHealthConfig(inputs, opts = {}) {
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
    const logs = (0,_logs_config__WEBPACK_IMPORTED_MODULE_1__/* .readLogsConfig */ .m)(inputs, windowMs);
    const durationMs = inputs.duration('duration', '0', { ms: 6 * HOUR, label: '6h' });
    const intervalMs = inputs.duration('interval', '1m', { ms: HOUR, label: '1h' });
    if (intervalMs < 1000)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('interval', inputs.text('interval'), 'must be at least 1s');
    const consecutiveFailures = inputs.integer('consecutive-failures', 1, 1, 100);
    const onInconclusive = inputs.oneOf('on-inconclusive', opts.wait ? ['fail', 'pass', 'wait'] : ['fail', 'pass'], 'fail');
    return {
        alarms,
        ...(metrics && { metrics }),
        ...(http && { http }),
        ...(payload && { invoke: { payload, expect } }),
        ...(logs && { logs }),
        durationMs,
        intervalMs,
        consecutiveFailures,
        onInconclusive,
    };
}
/** A gate with nothing to check would pass anything: fail closed instead. */
function requireChecks(c) {
    if (!hasChecks(c)) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('alarms', '', 'health-gate needs at least one check: alarms, max-error-rate, max-latency-ratio, max-latency-ms, http-url, invoke-payload or a logs rule (max-consecutive-failures, max-timeouts, max-memory-mb, max-duration-ratio, max-init-ratio)');
    }
}
function hasAlarms(c) {
    return c.alarms.names.length + c.alarms.prefixes.length > 0;
}
function hasChecks(c) {
    return hasAlarms(c) || !!c.metrics || !!c.http || !!c.invoke || !!c.logs;
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

/***/ 4487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B5: () => (/* binding */ greenKey),
/* harmony export */   S$: () => (/* binding */ checkpointOf),
/* harmony export */   SH: () => (/* binding */ planHash),
/* harmony export */   Xn: () => (/* binding */ encodeCheckpoint),
/* harmony export */   gf: () => (/* binding */ isGreen),
/* harmony export */   nO: () => (/* binding */ fitWatch),
/* harmony export */   ng: () => (/* binding */ runOf)
/* harmony export */ });
/* unused harmony exports CHECKPOINT_PREFIX, CHECKPOINT_FORMAT, WATCH_FORMAT, CHECKPOINT_MAX, parseCheckpoint */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// Where a checkpointed rollout stands, kept with the traffic it describes (the Lambda alias's Description, a tag
// of the ALB listener or rule): one line of at most 200 characters, in characters both places take
// (ELB tag values allow letters, digits, spaces and + - = . _ : / @:
// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-rule-tags.html).
//
//   deploy-actions/1 g=7 p=3f2a9c01 s=2 t=1767225600 r=123456789.1
//
// g: green (or @ and a hash of it when long), p: hash of the plan, s: index of the current step in the plan,
// t: when that step began (epoch seconds), r: the run that wrote it (run id.attempt).
//
// Format 2 adds the watch after promotion (watch-after): the routing is 100% green, s is the plan's last step,
// t is when the watch began, w how long it lasts (seconds) and b the version to go back to. A step checkpoint is
// still written in format 1, and both formats are read.
//
//   deploy-actions/2 g=7 p=3f2a9c01 s=5 t=1767225600 r=123456789.1 w=86400 b=6

const CHECKPOINT_PREFIX = 'deploy-actions/';
const CHECKPOINT_FORMAT = 1;
/** The format of a checkpoint in the watch after promotion. */
const WATCH_FORMAT = 2;
const CHECKPOINT_MAX = 200;
const GREEN = /^[A-Za-z0-9_.:/+-]{1,100}$/;
const GREEN_FIELD = /^(?:[A-Za-z0-9_.:/+-]{1,100}|@[0-9a-f]{12})$/;
const RUN = /^[A-Za-z0-9_-]{1,40}\.\d{1,6}$/;
const FIELDS = ['g', 'p', 's', 't', 'r'];
const WATCH_FIELDS = ['w', 'b'];
/** The green as a checkpoint names it: itself, or @ and a hash when it is long or has other characters. */
function greenKey(version) {
    return GREEN.test(version) ? version : `@${sha256(version).slice(0, 12)}`;
}
/** A watch checkpoint that fits: green in full, or as its hash when the line would be too long with it. */
function fitWatch(c, version) {
    try {
        encodeCheckpoint(c);
        return c;
    }
    catch {
        return { ...c, green: `@${sha256(version).slice(0, 12)}` };
    }
}
/** Whether a checkpoint's g names this version, in full or as the hash a long checkpoint falls back to. */
function isGreen(key, version) {
    return key === greenKey(version) || key === `@${sha256(version).slice(0, 12)}`;
}
/** 8 hex digits over the plan's percentages and bakes: a rollout is advanced only by the plan it started with. */
function planHash(plan) {
    return sha256(plan.steps.map((s) => `${s.percent}:${s.bakeMs}`).join(',')).slice(0, 8);
}
/** The run id a checkpoint records, from the runner's GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT. */
function runOf(env) {
    const id = (env.GITHUB_RUN_ID ?? '').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'local';
    const attempt = /^\d{1,6}$/.test(env.GITHUB_RUN_ATTEMPT ?? '') ? env.GITHUB_RUN_ATTEMPT : '1';
    return `${id}.${attempt}`;
}
function encodeCheckpoint(c) {
    const fields = {
        g: c.green,
        p: c.plan,
        s: String(c.step),
        t: String(Math.floor(c.since / 1000)),
        r: c.run,
        ...(c.watch && { w: String(Math.floor(c.watch.ms / 1000)), b: c.watch.blue }),
    };
    const keys = c.watch ? [...FIELDS, ...WATCH_FIELDS] : FIELDS;
    const format = c.watch ? WATCH_FORMAT : CHECKPOINT_FORMAT;
    const text = `${CHECKPOINT_PREFIX}${format} ${keys.map((k) => `${k}=${fields[k]}`).join(' ')}`;
    const problem = invalid(fields);
    if (problem || text.length > CHECKPOINT_MAX) {
        throw new Error(`cannot write checkpoint "${text}": ${problem ?? `over ${CHECKPOINT_MAX} characters`}`);
    }
    return text;
}
/**
 * A checkpoint from the text the router holds: undefined when the text is not one of ours (a user's own alias
 * description); an Error naming what is wrong when it is ours but malformed.
 */
function parseCheckpoint(text) {
    const value = text?.trim() ?? '';
    if (!value.startsWith(CHECKPOINT_PREFIX))
        return undefined;
    const [head, ...parts] = value.split(' ');
    const format = head.slice(CHECKPOINT_PREFIX.length);
    if (format !== String(CHECKPOINT_FORMAT) && format !== String(WATCH_FORMAT)) {
        throw new Error(`checkpoint "${value}" is in format ${format || '(none)'}; this version of deploy-actions reads formats ${CHECKPOINT_FORMAT} and ${WATCH_FORMAT}`);
    }
    const known = format === String(WATCH_FORMAT) ? [...FIELDS, ...WATCH_FIELDS] : FIELDS;
    const fields = {};
    for (const part of parts) {
        const at = part.indexOf('=');
        const key = part.slice(0, at);
        if (at < 1 || !known.includes(key) || key in fields) {
            throw new Error(`checkpoint "${value}" has an unknown or repeated field "${part}"`);
        }
        fields[key] = part.slice(at + 1);
    }
    const missing = known.filter((k) => !(k in fields));
    if (missing.length)
        throw new Error(`checkpoint "${value}" lacks ${missing.join(', ')}`);
    const problem = invalid(fields);
    if (problem)
        throw new Error(`checkpoint "${value}" ${problem}`);
    return {
        green: fields.g,
        plan: fields.p,
        step: Number(fields.s),
        since: Number(fields.t) * 1000,
        run: fields.r,
        ...(fields.w !== undefined && { watch: { ms: Number(fields.w) * 1000, blue: fields.b } }),
    };
}
/** What a router read holds: its checkpoint, or why the text of ours there is not one. */
function checkpointOf(text) {
    try {
        const checkpoint = parseCheckpoint(text);
        return checkpoint ? { checkpoint } : {};
    }
    catch (err) {
        return { checkpointError: err.message };
    }
}
function invalid(f) {
    if (!GREEN_FIELD.test(f.g))
        return `has green "${f.g}", not a version in checkpoint form`;
    if (!/^[0-9a-f]{8}$/.test(f.p))
        return `has plan hash "${f.p}", not 8 hex digits`;
    if (!/^(?:0|[1-9]\d?)$/.test(f.s))
        return `has step "${f.s}", not a step index from 0 to 99`;
    if (!/^[1-9]\d{0,10}$/.test(f.t))
        return `has start "${f.t}", not a time in epoch seconds`;
    if (!RUN.test(f.r))
        return `has run "${f.r}", not RUN_ID.ATTEMPT`;
    if (f.w !== undefined && !/^[1-9]\d{0,8}$/.test(f.w))
        return `has watch "${f.w}", not a length in seconds`;
    if (f.b !== undefined && !GREEN.test(f.b))
        return `has blue "${f.b}", not a version in checkpoint form`;
    return undefined;
}
function sha256(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex');
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

/***/ 3566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ readAlias),
/* harmony export */   O: () => (/* binding */ writeAlias)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1696);
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _deploy_actions_release_checkpoint__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4487);
/* harmony import */ var _deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(239);
/* harmony import */ var _routing__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4160);





/** The alias, or undefined when it does not exist. */
async function readAlias(lambda, fn, alias) {
    try {
        return (0,_routing__WEBPACK_IMPORTED_MODULE_2__/* .aliasState */ .ae)(await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_3__/* .GetAliasCommand */ .MES({ FunctionName: fn, Name: alias })));
    }
    catch (err) {
        if ((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err) === 'ResourceNotFoundException')
            return undefined;
        throw err;
    }
}
const CONFLICT_RETRIES = 5;
/**
 * The alias's Description in the write: the checkpoint when given, '' to clear one `from` holds, and left out
 * otherwise so that a user's own description is never touched. Description takes up to 256 characters, a
 * checkpoint at most 200 (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateAlias.html).
 */
function descriptionFor(from, checkpoint) {
    if (checkpoint)
        return (0,_deploy_actions_release_checkpoint__WEBPACK_IMPORTED_MODULE_1__/* .encodeCheckpoint */ .Xn)(checkpoint);
    return (0,_deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_4__/* .holdsCheckpoint */ .d1)(from) ? '' : undefined;
}
/**
 * One UpdateAlias guarded by the RevisionId read just before it
 * (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateAlias.html): weights and checkpoint change together
 * or not at all. A 412 whose alias already holds what we wrote (routing and Description) is our own write
 * retried after a lost response; any other 412 means someone else changed the alias.
 */
async function writeAlias(lambda, fn, alias, target, from, checkpoint, clock = _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .ml) {
    const description = descriptionFor(from, checkpoint);
    for (let attempt = 1;; attempt++) {
        try {
            const out = await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_3__/* .UpdateAliasCommand */ .lqC({
                FunctionName: fn,
                Name: alias,
                FunctionVersion: target.version,
                RoutingConfig: {
                    AdditionalVersionWeights: target.green ? { [target.green]: target.greenWeight } : {},
                },
                ...(description !== undefined && { Description: description }),
                RevisionId: from.revision,
            }));
            return (0,_routing__WEBPACK_IMPORTED_MODULE_2__/* .aliasState */ .ae)(out);
        }
        catch (err) {
            const name = (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err);
            if (name === 'PreconditionFailedException') {
                const now = await readAlias(lambda, fn, alias);
                if (now && (0,_deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_4__/* .sameRouting */ .Hm)(now, target) && holdsWhatWeWrote(now, checkpoint))
                    return now;
                throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConcurrentChangeError */ .wy(`Alias "${alias}" was changed by someone else (its RevisionId no longer matches): it is now ${now ? (0,_routing__WEBPACK_IMPORTED_MODULE_2__/* .describeAlias */ .IN)(now) : 'deleted'}. Another deployment is probably in progress; this run changed nothing more.`);
            }
            // 409: an update of the function is still being applied; the alias itself is unchanged, so retry as is.
            if (name === 'ResourceConflictException' && attempt < CONFLICT_RETRIES) {
                await clock.sleep(1000 * 2 ** (attempt - 1));
                continue;
            }
            throw err;
        }
    }
}
/** After a lost response: the checkpoint read back is the one we wrote (same run and step), or none was wanted. */
function holdsWhatWeWrote(now, checkpoint) {
    if (!checkpoint)
        return !(0,_deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_4__/* .holdsCheckpoint */ .d1)(now);
    return now.checkpoint !== undefined && (0,_deploy_actions_release_checkpoint__WEBPACK_IMPORTED_MODULE_1__/* .encodeCheckpoint */ .Xn)(now.checkpoint) === (0,_deploy_actions_release_checkpoint__WEBPACK_IMPORTED_MODULE_1__/* .encodeCheckpoint */ .Xn)(checkpoint);
}


/***/ }),

/***/ 6836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ checkInvoke)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1696);
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _deploy_actions_health__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9890);



/** Invokes the version itself (not the alias), so the answer is the version's own. */
async function checkInvoke(lambda, cfg, functionName, t) {
    const threshold = { expect: cfg.expect?.describe ?? 'no function error' };
    try {
        const out = await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__/* .InvokeCommand */ .mdN({
            FunctionName: functionName,
            Qualifier: t.version,
            Payload: new TextEncoder().encode(cfg.payload),
        }));
        const body = out.Payload ? new TextDecoder().decode(out.Payload) : '';
        const observed = { functionError: out.FunctionError ?? null, response: (0,_deploy_actions_health__WEBPACK_IMPORTED_MODULE_1__.clip)(body) };
        if (out.FunctionError) {
            return {
                check: 'invoke',
                verdict: 'unhealthy',
                reason: `v${t.version} returned a function error (${out.FunctionError}): ${(0,_deploy_actions_health__WEBPACK_IMPORTED_MODULE_1__.clip)(body)}`,
                observed,
                threshold,
            };
        }
        if (cfg.expect && !cfg.expect.test(body)) {
            return {
                check: 'invoke',
                verdict: 'unhealthy',
                reason: `v${t.version} answered ${(0,_deploy_actions_health__WEBPACK_IMPORTED_MODULE_1__.clip)(body)}, which does not match ${cfg.expect.describe}`,
                observed,
                threshold,
            };
        }
        return {
            check: 'invoke',
            verdict: 'healthy',
            reason: `v${t.version} answered the invoke${cfg.expect ? ` matching ${cfg.expect.describe}` : ''}`,
            observed,
            threshold,
        };
    }
    catch (err) {
        return {
            check: 'invoke',
            verdict: 'unhealthy',
            reason: `invoking v${t.version} failed: ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)}`,
            observed: {},
            threshold,
        };
    }
}


/***/ }),

/***/ 4160:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IN: () => (/* binding */ describeAlias),
/* harmony export */   Pf: () => (/* binding */ label),
/* harmony export */   ae: () => (/* binding */ aliasState)
/* harmony export */ });
/* harmony import */ var _deploy_actions_release_checkpoint__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4487);
/* harmony import */ var _deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(239);


/** Versions as Lambda users know them: v7. */
function label(version) {
    return `v${version}`;
}
function aliasState(a) {
    const weights = Object.entries(a.RoutingConfig?.AdditionalVersionWeights ?? {});
    const [green, weight] = weights[0] ?? [];
    return {
        version: a.FunctionVersion ?? '',
        ...(green !== undefined && { green }),
        greenWeight: green !== undefined ? (weight ?? 0) : 0,
        revision: a.RevisionId,
        // A checkpointed rollout keeps its checkpoint in the alias's Description, beside the weights.
        ...(0,_deploy_actions_release_checkpoint__WEBPACK_IMPORTED_MODULE_0__/* .checkpointOf */ .S$)(a.Description),
    };
}
function describeAlias(r) {
    return (0,_deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_1__/* .describeRouting */ .ww)(r, label);
}


/***/ }),

/***/ 4797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pB: () => (/* binding */ compatibility),
/* harmony export */   zA: () => (/* binding */ checkPair),
/* harmony export */   zj: () => (/* binding */ getConfig)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1696);
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);


/**
 * $LATEST or one version's configuration. A missing version named by an input is that input's error;
 * a missing function says so plainly.
 */
async function getConfig(lambda, fn, qualifier, input) {
    try {
        return await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__/* .GetFunctionConfigurationCommand */ .qA6({ FunctionName: fn, Qualifier: qualifier }));
    }
    catch (err) {
        if ((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err) !== 'ResourceNotFoundException')
            throw err;
        if (!qualifier) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`Function ${fn} does not exist in this account and region: create it first (deploy-green updates an existing function).`);
        }
        if (input)
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, qualifier, `must be a published version of ${fn}; version ${qualifier} does not exist`);
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`Version ${qualifier} of ${fn}, which the alias serves, does not exist.`);
    }
}
/**
 * Both versions of a weighted alias must share the execution role and dead-letter queue:
 * https://docs.aws.amazon.com/lambda/latest/dg/configuring-alias-routing.html
 */
function compatibility(blue, green) {
    if (blue.Role !== green.Role)
        return `execution role ${blue.Role} ≠ ${green.Role}`;
    const dlq = (c) => c.DeadLetterConfig?.TargetArn ?? 'none';
    if (dlq(blue) !== dlq(green))
        return `dead-letter queue ${dlq(blue)} ≠ ${dlq(green)}`;
    return undefined;
}
async function checkPair(lambda, fn, blue, green) {
    const [b, g] = await Promise.all([
        getConfig(lambda, fn, blue),
        getConfig(lambda, fn, green, 'green-version'),
    ]);
    const mismatch = compatibility(b, g);
    if (mismatch) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`v${blue} and v${green} cannot share a weighted alias: ${mismatch} (AWS requires the same execution role and dead-letter queue).`);
    }
}


/***/ })

};
