export const id = 1662;
export const ids = [1662,8976];
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

/***/ 8976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ecsClients: () => (/* binding */ ecsClients)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);

/** Loaded only after inputs are checked, so a bad-input run never pays for the SDK. */
async function ecsClients(aws, opts) {
    const ecs = opts.clients?.ecs ??
        (async (o) => {
            const { ECSClient } = await Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(5861), __webpack_require__.e(212)]).then(__webpack_require__.t.bind(__webpack_require__, 212, 19));
            return new ECSClient((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .clientConfig */ .yO)(o));
        });
    const elb = opts.clients?.elb ??
        (async (o) => {
            const { ElasticLoadBalancingV2Client } = await Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(5861), __webpack_require__.e(586)]).then(__webpack_require__.t.bind(__webpack_require__, 586, 19));
            return new ElasticLoadBalancingV2Client((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .clientConfig */ .yO)(o));
        });
    return { ecs: await ecs(aws), elb: await elb(aws) };
}


/***/ }),

/***/ 5059:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openEcs: () => (/* binding */ openEcs)
});

// EXTERNAL MODULE: ./packages/targets/ecs/src/clients.ts
var clients = __webpack_require__(8976);
// EXTERNAL MODULE: ./packages/health/src/index.ts + 10 modules
var src = __webpack_require__(9890);
;// CONCATENATED MODULE: ./packages/targets/ecs/src/metrics.ts

const NAMESPACE = 'AWS/ApplicationELB';
/** `app/NAME/ID` of a listener or rule ARN: the LoadBalancer dimension. */
function loadBalancerDimension(listenerArn) {
    return /:(?:listener|listener-rule)\/(app\/[^/]+\/[^/]+)/.exec(listenerArn)?.[1] ?? '';
}
/** `targetgroup/NAME/ID` of a target group ARN: the TargetGroup dimension. */
function targetGroupDimension(arn) {
    return arn.slice(arn.indexOf(':targetgroup/') + 1);
}
/**
 * Failure rate = (HTTPCode_Target_5XX_Count + TargetConnectionErrorCount) / RequestCount per target group;
 * latency from TargetResponseTime (seconds, reported in ms); UnHealthyHostCount above 0 is unhealthy.
 * HTTPCode_ELB_5XX_Count exists only per load balancer: reported beside, never blamed on a version.
 */
async function readTargetGroupMetrics(cw, listenerArn, pair, t, windowMs, percentiles, now) {
    const LoadBalancer = loadBalancerDimension(listenerArn);
    const versions = { g: t.version, ...(t.baseline && { b: t.baseline }) };
    const queries = [
        (0,src.minuteQuery)('elb5xx', { namespace: NAMESPACE, name: 'HTTPCode_ELB_5XX_Count', dimensions: { LoadBalancer } }, 'Sum'),
    ];
    for (const [key, version] of Object.entries(versions)) {
        const side = pair.sides.find((s) => s.taskDefinition === version);
        if (!side)
            throw new Error(`${version} runs on neither service, so no target group measures it`);
        const dimensions = { LoadBalancer, TargetGroup: targetGroupDimension(side.targetGroup) };
        const metric = (id, name, stat) => (0,src.minuteQuery)(`${key}${id}`, { namespace: NAMESPACE, name, dimensions }, stat);
        queries.push(metric('req', 'RequestCount', 'Sum'), metric('t5xx', 'HTTPCode_Target_5XX_Count', 'Sum'), metric('conn', 'TargetConnectionErrorCount', 'Sum'), metric('unh', 'UnHealthyHostCount', 'Maximum'), ...percentiles.map((stat) => metric(stat, 'TargetResponseTime', stat)));
    }
    const { values, until } = await (0,src.readWindow)(cw, queries, windowMs, now, t.since);
    const read = (k) => {
        const requests = (0,src.sumOf)(values, `${k}req`);
        const target5xx = (0,src.sumOf)(values, `${k}t5xx`);
        const connectionErrors = (0,src.sumOf)(values, `${k}conn`);
        const unhealthyHosts = (0,src.worstOf)(values, `${k}unh`) ?? 0;
        return {
            requests,
            failures: target5xx + connectionErrors,
            latency: Object.fromEntries(percentiles.map((stat) => {
                const seconds = (0,src.worstOf)(values, `${k}${stat}`);
                return [stat, seconds === undefined ? undefined : Math.round(seconds * 1000)];
            })),
            counts: {
                requests,
                target5xx,
                connectionErrors,
                unhealthyHosts,
                ...(k === 'g' && { elb5xx: (0,src.sumOf)(values, 'elb5xx') }),
            },
            ...(unhealthyHosts > 0 && { problems: [`${unhealthyHosts} unhealthy target(s) in its target group`] }),
        };
    };
    return { green: read('g'), ...(t.baseline && { blue: read('b') }), ...(until !== undefined && { until }) };
}

// EXTERNAL MODULE: ./packages/targets/ecs/src/router.ts + 1 modules
var src_router = __webpack_require__(3294);
;// CONCATENATED MODULE: ./packages/targets/ecs/src/session.ts



async function openEcs(cfg, opts) {
    const router = (0,src_router/* listenerRouter */.M)(await (0,clients.ecsClients)(cfg.aws, opts), cfg);
    const cw = opts.cloudwatch;
    return {
        router,
        signals: {
            ...(cw && {
                // Which service runs which version is read once; a change to it is a concurrent change the shift stops on.
                metrics: async (s, windowMs, percentiles, now) => {
                    const pair = router.lastPair() ?? (await router.pair());
                    if (!pair)
                        throw new Error(`${router.missing}`);
                    return readTargetGroupMetrics(cw, cfg.router.arn, pair, s, windowMs, percentiles, now);
                },
            }),
        },
    };
}


/***/ })

};
