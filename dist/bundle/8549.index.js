export const id = 8549;
export const ids = [8549];
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

/***/ 6342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OG: () => (/* binding */ cloudwatchFor),
/* harmony export */   Us: () => (/* binding */ nothingChanged),
/* harmony export */   Xg: () => (/* binding */ readConfig),
/* harmony export */   _c: () => (/* binding */ selectTarget),
/* harmony export */   eg: () => (/* binding */ runStep),
/* harmony export */   ie: () => (/* binding */ clockOf),
/* harmony export */   oh: () => (/* binding */ failureMessage)
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
    const make = deps.cloudwatch ?? (await __webpack_require__.e(/* import() */ 9565).then(__webpack_require__.bind(__webpack_require__, 9565))).cloudwatchClient;
    return make(config.aws);
}
function clockOf(deps, env) {
    return deps.clock ?? (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .clockFromEnv */ .iQ)(env);
}
/** Inputs that are credentials (Cloud Run's access-token), masked before anything can print them. */
const CREDENTIAL_INPUTS = ['access-token'];
/**
 * How an input error ends: nothing was changed where the `target` input sends the release (AWS for Lambda and
 * ECS, and for a `target` that is itself the bad input).
 */
function nothingChanged(rt, targets) {
    const kind = rt.input('target').trim();
    const named = Object.hasOwn(targets, kind) ? targets[kind] : Object.values(targets)[0];
    return `Nothing was changed in ${named?.platform ?? 'AWS'}.`;
}
/** Runs one action body; every failure becomes one clear failed-step message. */
async function runStep(rt, nothingDone, body) {
    for (const name of CREDENTIAL_INPUTS) {
        const value = rt.input(name);
        if (value)
            rt.setSecret?.(value);
    }
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

/***/ 8549:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readGateInputs: () => (/* binding */ readGateInputs),
/* harmony export */   runHealthGate: () => (/* binding */ runHealthGate)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _deploy_actions_health_config__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1824);
/* harmony import */ var _routing__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(239);
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6342);




function readGateInputs(inputs, env, targets) {
    const target = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .selectTarget */ ._c)(inputs, targets);
    const config = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .readConfig */ .Xg)(target, inputs, env);
    const versionText = inputs.text('version');
    const baselineText = inputs.text('baseline-version');
    const version = versionText ? target.parseVersion('version', versionText) : undefined;
    const baseline = baselineText ? target.parseVersion('baseline-version', baselineText) : undefined;
    if (version && baseline === version) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('baseline-version', baseline, 'must differ from version: a version compared with itself never fails');
    }
    const health = (0,_deploy_actions_health_config__WEBPACK_IMPORTED_MODULE_1__/* .readHealthConfig */ .Ll)(inputs);
    (0,_deploy_actions_health_config__WEBPACK_IMPORTED_MODULE_1__/* .requireChecks */ .Nq)(health);
    const failOnUnhealthy = inputs.oneOf('fail-on-unhealthy', ['true', 'false'], 'true') === 'true';
    return { target, config, version, baseline, health, failOnUnhealthy };
}
/** One verdict for a version: by default green of the router's split, judged against its blue. */
async function runHealthGate(rt, targets, deps = {}) {
    await (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .runStep */ .eg)(rt, (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .nothingChanged */ .Us)(rt, targets), async () => {
        const i = readGateInputs(new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputReader */ .i_(rt.input), rt.env, targets);
        const clock = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .clockOf */ .ie)(deps, rt.env);
        const cloudwatch = await (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .cloudwatchFor */ .OG)(i.health, i.config, deps);
        const { router, signals } = await i.target.open(i.config, {
            clock,
            health: i.health,
            ...(cloudwatch && { cloudwatch }),
            ...(deps.clients && { clients: deps.clients }),
        });
        const health = await __webpack_require__.e(/* import() */ 9890).then(__webpack_require__.bind(__webpack_require__, 9890));
        if (cloudwatch)
            await health.resolveAlarms(cloudwatch, i.health.alarms);
        const live = i.version && i.baseline ? undefined : await router.read();
        const version = i.version ?? live?.green ?? live?.version;
        if (!version) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`${router.missing}; give the version to judge.`);
        }
        // The baseline is the other version the router sends to, if any: blue of the split.
        const other = live && (live.green === version ? live.version : live.version === version ? live.green : live.version);
        const baseline = i.baseline ?? (other && other !== version ? other : undefined);
        const L = router.label;
        const subject = { version, ...(baseline && { baseline }), label: L };
        rt.info(`Judging ${L(version)}${baseline ? ` against ${L(baseline)}` : ''}${live ? ` (${router.name}: ${(0,_routing__WEBPACK_IMPORTED_MODULE_3__/* .describeRouting */ .ww)(live, L)})` : ''}.`);
        const clients = { ...(cloudwatch && { cloudwatch }), signals };
        const result = await health.watch(() => health.evaluateOnce(i.health, subject, clients, clock, rt.cancelSignal), {
            durationMs: i.health.durationMs,
            intervalMs: i.health.intervalMs,
            consecutiveFailures: i.health.consecutiveFailures,
            clock,
            signal: rt.cancelSignal,
            onEvaluation: (e, n, total) => rt.info(`check ${n}/${total} ${e.verdict}: ${e.reason}`),
        });
        const healthy = health.passes(result.verdict, i.health.onInconclusive);
        rt.setOutput('healthy', String(healthy));
        rt.setOutput('verdict', result.verdict);
        rt.setOutput('reason', result.reason);
        rt.setOutput('report', health.reportJson(subject, result));
        await rt.summary(health.summaryMarkdown('health-gate', subject, result));
        if (healthy)
            rt.info(`health-gate ${result.verdict}: ${result.reason}`);
        else if (i.failOnUnhealthy)
            rt.setFailed(`health-gate ${result.verdict}: ${result.reason}`);
        else
            rt.warning(`health-gate ${result.verdict} (fail-on-unhealthy is false, so the step passes): ${result.reason}`);
    });
}


/***/ })

};
