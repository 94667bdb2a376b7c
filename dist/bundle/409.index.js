export const id = 409;
export const ids = [409,565,552];
export const modules = {

/***/ 9565:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cloudwatchClient: () => (/* binding */ cloudwatchClient)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(286);

/** Loaded only after inputs are checked, so a bad-input run never pays for the SDK. */
async function cloudwatchClient(opts) {
    const { CloudWatchClient } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(85)]).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19));
    return new CloudWatchClient((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .clientConfig */ .yO)(opts));
}


/***/ }),

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

/***/ 2552:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  chart: () => (/* reexport */ chart),
  checkAlarms: () => (/* reexport */ checkAlarms),
  checkHttp: () => (/* reexport */ checkHttp),
  checkMetrics: () => (/* reexport */ checkMetrics),
  clip: () => (/* reexport */ clip),
  cloudwatchClient: () => (/* reexport */ client.cloudwatchClient),
  combine: () => (/* reexport */ combine),
  compareFailureRates: () => (/* reexport */ compareFailureRates),
  evaluateOnce: () => (/* reexport */ evaluateOnce),
  hasAlarms: () => (/* reexport */ config/* hasAlarms */.zZ),
  hasChecks: () => (/* reexport */ config/* hasChecks */.EK),
  healthGate: () => (/* reexport */ healthGate),
  judgeMetrics: () => (/* reexport */ judgeMetrics),
  normalCdf: () => (/* reexport */ normalCdf),
  parseAlarms: () => (/* reexport */ config/* parseAlarms */.ci),
  parseLatencyLimits: () => (/* reexport */ config/* parseLatencyLimits */.Sx),
  parseStatusRanges: () => (/* reexport */ config/* parseStatusRanges */.C2),
  passes: () => (/* reexport */ passes),
  percentilesFor: () => (/* reexport */ percentilesFor),
  readHealthConfig: () => (/* reexport */ config/* readHealthConfig */.Ll),
  reportJson: () => (/* reexport */ reportJson),
  requireChecks: () => (/* reexport */ config/* requireChecks */.Nq),
  resolveAlarms: () => (/* reexport */ resolveAlarms),
  round: () => (/* reexport */ round),
  summaryMarkdown: () => (/* reexport */ summaryMarkdown),
  unreadable: () => (/* reexport */ unreadable),
  watch: () => (/* reexport */ watch)
});

// EXTERNAL MODULE: ./packages/health/src/config.ts
var config = __webpack_require__(1824);
;// CONCATENATED MODULE: ./packages/health/src/result.ts
/** Fail closed: what cannot be read is never healthy. */
function unreadable(check, reason) {
    return { check, verdict: 'unhealthy', reason, observed: {}, threshold: {} };
}
function round(n, digits = 2) {
    return n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits;
}
function clip(text) {
    const one = text.replace(/\s+/g, ' ');
    return one.length > 200 ? `${one.slice(0, 197)}...` : one;
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-cjs/index.js
var dist_cjs = __webpack_require__(4085);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 5 modules
var src = __webpack_require__(286);
;// CONCATENATED MODULE: ./packages/health/src/alarms.ts



/** Every alarm the config names, read once; names that match nothing are the alarms input's error. */
async function resolveAlarms(cw, alarms) {
    const found = await describeAlarms(cw, alarms);
    const byName = new Set(found.map((a) => a.AlarmName));
    const missing = alarms.names.filter((n) => !byName.has(n));
    if (missing.length)
        throw new src/* InputError */.dz('alarms', missing.join(', '), 'names no CloudWatch alarm in this account and region');
    for (const prefix of alarms.prefixes) {
        if (!found.some((a) => a.AlarmName?.startsWith(prefix))) {
            throw new src/* InputError */.dz('alarms', `${prefix}*`, 'matches no CloudWatch alarm in this account and region');
        }
    }
    return [...byName].filter((n) => !!n).sort();
}
async function describeAlarms(cw, alarms) {
    const out = [];
    const pages = [
        ...(alarms.names.length ? [{ AlarmNames: alarms.names }] : []),
        ...alarms.prefixes.map((p) => ({ AlarmNamePrefix: p })),
    ];
    for (const filter of pages) {
        let token;
        do {
            const r = await cw.send(new dist_cjs/* DescribeAlarmsCommand */.zWD({
                ...filter,
                AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
                NextToken: token,
            }));
            out.push(...(r.MetricAlarms ?? []), ...(r.CompositeAlarms ?? []));
            token = r.NextToken;
        } while (token);
    }
    // A name and a prefix may find the same alarm.
    return [...new Map(out.map((a) => [a.AlarmName, a])).values()];
}
/** Any alarm in ALARM is unhealthy; INSUFFICIENT_DATA is inconclusive; a read that fails is unhealthy. */
async function checkAlarms(cw, alarms) {
    let found;
    try {
        found = await describeAlarms(cw, alarms);
    }
    catch (err) {
        return unreadable('alarms', `could not read the alarms: ${(0,src/* errorMessage */.gJ)(err)}`);
    }
    const inAlarm = found.filter((a) => a.StateValue === 'ALARM').map((a) => a.AlarmName);
    const noData = found.filter((a) => a.StateValue === 'INSUFFICIENT_DATA').map((a) => a.AlarmName);
    const observed = {
        alarms: found.length,
        inAlarm: inAlarm.join(', ') || null,
        insufficientData: noData.join(', ') || null,
    };
    const result = (verdict, reason) => ({
        check: 'alarms',
        verdict,
        reason,
        observed,
        threshold: { inAlarm: 'none' },
    });
    if (inAlarm.length)
        return result('unhealthy', `alarm ${inAlarm.join(', ')} in ALARM`);
    if (noData.length)
        return result('inconclusive', `alarm ${noData.join(', ')} has INSUFFICIENT_DATA`);
    return result('healthy', `${found.length} alarm(s) OK`);
}

// EXTERNAL MODULE: ./packages/health/src/client.ts
var client = __webpack_require__(9565);
;// CONCATENATED MODULE: ./packages/health/src/http.ts

/** N requests; a wrong status, a failed request or one slower than the limit is unhealthy. */
async function checkHttp(cfg, signal) {
    const latencies = [];
    const failures = [];
    const timeout = cfg.maxLatencyMs ? Math.max(cfg.maxLatencyMs * 2, 1000) : 10_000;
    for (let i = 0; i < cfg.samples; i++) {
        const started = performance.now();
        try {
            const res = await fetch(cfg.url, {
                method: cfg.method,
                headers: cfg.headers,
                body: cfg.body,
                redirect: 'manual',
                signal: signal
                    ? AbortSignal.any([signal, AbortSignal.timeout(timeout)])
                    : AbortSignal.timeout(timeout),
            });
            await res.arrayBuffer();
            const ms = Math.round(performance.now() - started);
            latencies.push(ms);
            if (!cfg.expect.some((r) => res.status >= r.from && res.status <= r.to))
                failures.push(`status ${res.status}`);
            else if (cfg.maxLatencyMs !== undefined && ms > cfg.maxLatencyMs)
                failures.push(`${ms}ms > ${cfg.maxLatencyMs}ms`);
        }
        catch (err) {
            // fetch says only "fetch failed"; the cause (ECONNREFUSED, a bad port, a timeout) is what helps.
            const cause = err.cause;
            failures.push(cause ? `${(0,src/* errorMessage */.gJ)(err)}: ${cause.code ?? cause.message}` : (0,src/* errorMessage */.gJ)(err));
        }
    }
    const observed = {
        samples: cfg.samples,
        failed: failures.length,
        maxLatencyMs: latencies.length ? Math.max(...latencies) : null,
    };
    const threshold = {
        status: cfg.expect.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(','),
        maxLatencyMs: cfg.maxLatencyMs ?? null,
    };
    if (failures.length) {
        return {
            check: 'http',
            verdict: 'unhealthy',
            reason: `${failures.length} of ${cfg.samples} requests to ${cfg.url} failed: ${failures[0]}`,
            observed,
            threshold,
        };
    }
    return {
        check: 'http',
        verdict: 'healthy',
        reason: `${cfg.samples} requests to ${cfg.url} answered ${threshold.status}`,
        observed,
        threshold,
    };
}

;// CONCATENATED MODULE: ./packages/health/src/stats.ts
/** Standard normal CDF (Abramowitz–Stegun 7.1.26 for erf; error below 1.5e-7). */
function normalCdf(z) {
    const x = Math.abs(z) / Math.SQRT2;
    const t = 1 / (1 + 0.3275911 * x);
    const erf = 1 -
        ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
            t *
            Math.exp(-x * x);
    return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}
/**
 * One-sided two-proportion z-test of green's failure rate against blue's, or undefined when the counts are
 * too small for the normal approximation (each group needs at least 5 failures and 5 successes expected).
 */
function compareFailureRates(green, blue) {
    if (green.total === 0 || blue.total === 0)
        return undefined;
    const pooled = (green.failures + blue.failures) / (green.total + blue.total);
    const expected = [
        green.total * pooled,
        green.total * (1 - pooled),
        blue.total * pooled,
        blue.total * (1 - pooled),
    ];
    if (expected.some((e) => e < 5))
        return undefined;
    const greenRate = green.failures / green.total;
    const blueRate = blue.failures / blue.total;
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / green.total + 1 / blue.total));
    const z = (greenRate - blueRate) / se;
    return { pValue: 1 - normalCdf(z), z, greenRate, blueRate };
}

;// CONCATENATED MODULE: ./packages/health/src/metrics.ts



const SIGNIFICANCE = 0.05;
/** The latency statistics the config judges: p95 for the ratio, and each absolute limit. */
function percentilesFor(cfg) {
    const wanted = new Set(Object.keys(cfg.maxLatencyMs ?? {}));
    if (cfg.maxLatencyRatio !== undefined)
        wanted.add('p95');
    return [...wanted].sort();
}
async function checkMetrics(signals, cfg, s, now) {
    try {
        if (!signals.metrics)
            throw new Error('this target has no per-version metrics');
        return judgeMetrics(await signals.metrics(s, cfg.windowMs, percentilesFor(cfg), now), cfg, s);
    }
    catch (err) {
        return unreadable('metrics', `could not read the metrics of ${s.label(s.version)}: ${(0,src/* errorMessage */.gJ)(err)}`);
    }
}
/** Failure rate of the judged version against max-error-rate, beside a one-sided test against the baseline. */
function judgeMetrics(m, cfg, s) {
    const g = m.green;
    const v = s.label(s.version);
    const base = s.baseline ? s.label(s.baseline) : '';
    const rate = g.requests ? (g.failures / g.requests) * 100 : null;
    const blueRate = m.blue && m.blue.requests ? (m.blue.failures / m.blue.requests) * 100 : null;
    const comparison = m.blue
        ? compareFailureRates({ failures: g.failures, total: g.requests }, { failures: m.blue.failures, total: m.blue.requests })
        : undefined;
    const p95 = g.latency.p95;
    const blueP95 = m.blue?.latency.p95;
    const ratio = p95 !== undefined && blueP95 ? p95 / blueP95 : null;
    const limits = Object.entries(cfg.maxLatencyMs ?? {});
    const observed = {
        ...g.counts,
        errorRate: round(rate),
        baselineErrorRate: round(blueRate),
        pValue: comparison ? round(comparison.pValue, 4) : null,
        p95: p95 ?? null,
        baselineP95: blueP95 ?? null,
        latencyRatio: round(ratio),
        ...Object.fromEntries(limits.map(([stat]) => [stat, g.latency[stat] ?? null])),
    };
    const threshold = {
        minInvocations: cfg.minInvocations,
        maxErrorRate: cfg.maxErrorRate ?? null,
        maxLatencyRatio: cfg.maxLatencyRatio ?? null,
        maxLatencyMs: limits.length ? limits.map(([k, n]) => `${k}=${n}`).join(',') : null,
        significance: SIGNIFICANCE,
    };
    const result = (verdict, reason) => ({
        check: 'metrics',
        verdict,
        reason,
        observed,
        threshold,
    });
    if (g.requests < cfg.minInvocations) {
        return result('inconclusive', `${v} served ${g.requests} requests in the window, below min-invocations ${cfg.minInvocations}`);
    }
    if (cfg.maxErrorRate !== undefined && rate !== null && rate > cfg.maxErrorRate) {
        const vs = blueRate !== null ? ` (${base}: ${round(blueRate)}%)` : '';
        // Blue failing as often means the cause is elsewhere (a dependency), not green.
        if (comparison && comparison.pValue >= SIGNIFICANCE) {
            return result('inconclusive', `${v} fails ${round(rate)}% > ${cfg.maxErrorRate}%, but no more than ${base}'s ${round(blueRate)}% (p=${round(comparison.pValue, 3)}): the cause is likely outside the new version`);
        }
        return result('unhealthy', `${v} error rate ${round(rate)}% > max-error-rate ${cfg.maxErrorRate}%${vs}, ${g.failures} of ${g.requests} requests failed`);
    }
    // Absolute limits need no baseline: they hold after promotion too.
    for (const [stat, limit] of limits) {
        const value = g.latency[stat];
        if (value === undefined)
            return result('inconclusive', `no ${stat} latency for ${v} in the window`);
        if (value > limit) {
            return result('unhealthy', `${v} ${stat} ${round(value)}ms > max-latency-ms ${stat}=${limit}ms`);
        }
    }
    if (cfg.maxLatencyRatio !== undefined) {
        if (ratio === null)
            return result('inconclusive', `no p95 latency for ${v} and its baseline in the window`);
        if (ratio > cfg.maxLatencyRatio) {
            return result('unhealthy', `${v} p95 ${p95}ms is ${round(ratio)}× ${base}'s ${blueP95}ms > max-latency-ratio ${cfg.maxLatencyRatio}`);
        }
    }
    const parts = [
        rate !== null && cfg.maxErrorRate !== undefined
            ? `error rate ${round(rate)}% ≤ ${cfg.maxErrorRate}%`
            : '',
        ...limits.map(([stat, limit]) => `${stat} ${round(g.latency[stat] ?? 0)}ms ≤ ${limit}ms`),
        ratio !== null ? `p95 ratio ${round(ratio)} ≤ ${cfg.maxLatencyRatio}` : '',
    ].filter(Boolean);
    return result('healthy', `${v}: ${parts.join(', ')} over ${g.requests} requests`);
}

;// CONCATENATED MODULE: ./packages/health/src/evaluate.ts





/** One evaluation: every configured check at once, combined (any unhealthy wins, then any inconclusive). */
async function evaluateOnce(cfg, t, clients, clock, signal) {
    const at = clock.now();
    const pending = [];
    if ((0,config/* hasAlarms */.zZ)(cfg))
        pending.push(checkAlarms(clients.cloudwatch, cfg.alarms));
    if (cfg.metrics)
        pending.push(checkMetrics(clients.signals, cfg.metrics, t, at));
    if (cfg.http)
        pending.push(checkHttp(cfg.http, signal));
    pending.push(...(clients.signals.probes?.(cfg, t, signal) ?? []));
    const checks = await Promise.all(pending);
    return { at, ...combine(checks), checks };
}
function combine(checks) {
    for (const verdict of ['unhealthy', 'inconclusive']) {
        const hit = checks.filter((c) => c.verdict === verdict);
        if (hit.length)
            return { verdict, reason: hit.map((c) => `${c.check}: ${c.reason}`).join('; ') };
    }
    if (!checks.length)
        return { verdict: 'healthy', reason: 'no checks configured' };
    return { verdict: 'healthy', reason: checks.map((c) => `${c.check}: ${c.reason}`).join('; ') };
}
/** The one rule for letting a release go on: healthy, or inconclusive when on-inconclusive is pass. */
function passes(verdict, onInconclusive) {
    return verdict === 'healthy' || (verdict === 'inconclusive' && onInconclusive === 'pass');
}
/**
 * Evaluates every interval over the duration (once when it is 0). `consecutiveFailures` unhealthy
 * evaluations in a row make the verdict certain and end the watch at once; otherwise the last evaluation
 * decides, an unhealthy one short of the streak counting as inconclusive.
 */
async function watch(evaluate, o) {
    const total = o.durationMs === 0 ? 1 : Math.ceil(o.durationMs / o.intervalMs);
    const started = o.clock.now();
    const evaluations = [];
    let streak = 0;
    for (let i = 1; i <= total; i++) {
        if (o.durationMs > 0) {
            // Each evaluation at its slot in time, however long the previous one took.
            const due = started + Math.min(i * o.intervalMs, o.durationMs);
            const wait = due - o.clock.now();
            if (wait > 0)
                await o.clock.sleep(wait, o.signal);
        }
        const e = await evaluate();
        evaluations.push(e);
        streak = e.verdict === 'unhealthy' ? streak + 1 : 0;
        const nextIn = i < total ? started + Math.min((i + 1) * o.intervalMs, o.durationMs) - o.clock.now() : undefined;
        o.onEvaluation?.(e, i, total, nextIn);
        if (streak >= o.consecutiveFailures) {
            const why = o.consecutiveFailures > 1 ? ` (${streak} evaluations in a row)` : '';
            return { verdict: 'unhealthy', reason: `${e.reason}${why}`, evaluations };
        }
    }
    const last = evaluations[evaluations.length - 1];
    if (last.verdict === 'unhealthy') {
        return {
            verdict: 'inconclusive',
            reason: `${last.reason} (${streak} of ${o.consecutiveFailures} unhealthy evaluations needed in a row within ${(0,src/* formatDuration */.a3)(o.durationMs)})`,
            evaluations,
        };
    }
    return { verdict: last.verdict, reason: last.reason, evaluations };
}

;// CONCATENATED MODULE: ./packages/health/src/gate.ts


function healthGate(cfg, clients, clock, log, label) {
    return {
        watch: (ctx) => {
            const target = { version: ctx.green, baseline: ctx.blue, label };
            return watch(() => evaluateOnce(cfg, target, clients, clock, ctx.signal), {
                durationMs: ctx.durationMs,
                intervalMs: cfg.intervalMs,
                consecutiveFailures: cfg.consecutiveFailures,
                clock,
                signal: ctx.signal,
                onEvaluation: (e, i, total, nextIn) => log.info(`step ${ctx.label}: ${ctx.percent}% on ${label(ctx.green)}, check ${i}/${total} ${e.verdict}: ${e.reason}` +
                    (nextIn !== undefined ? `; next check in ${(0,src/* formatDuration */.a3)(Math.max(0, nextIn))}` : '')),
            });
        },
    };
}

;// CONCATENATED MODULE: ./packages/health/src/report.ts

/** The `report` output: every evaluation with each check's observed values and thresholds. */
function reportJson(t, w) {
    return JSON.stringify({
        version: t.version,
        baseline: t.baseline ?? null,
        verdict: w.verdict,
        reason: w.reason,
        evaluations: w.evaluations.map((e) => ({
            at: new Date(e.at).toISOString(),
            verdict: e.verdict,
            checks: e.checks,
        })),
    });
}
/** Job summary: the last evaluation's checks as a table, and error rate and latency over the evaluations. */
function summaryMarkdown(title, t, w) {
    const last = w.evaluations[w.evaluations.length - 1];
    const rows = (last?.checks ?? []).map((c) => [
        c.check,
        c.verdict,
        fmt(c.observed),
        fmt(c.threshold),
        c.reason,
    ]);
    return [
        `### ${title}: ${t.label(t.version)}${t.baseline ? ` against ${t.label(t.baseline)}` : ''}: ${w.verdict}`,
        '',
        w.reason,
        '',
        (0,src/* table */.tp)(['check', 'verdict', 'observed', 'threshold', 'reason'], rows),
        '',
        chart(w.evaluations),
    ].join('\n');
}
function fmt(values) {
    return Object.entries(values)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');
}
/** A Mermaid xychart (GitHub renders it in job summaries) of the judged version's error rate and p95 over time. */
function chart(evaluations) {
    const points = evaluations
        .map((e) => ({ at: e.at, metrics: e.checks.find((c) => c.check === 'metrics')?.observed }))
        .filter((p) => p.metrics && p.metrics.errorRate !== null && p.metrics.errorRate !== undefined);
    if (points.length < 2)
        return '';
    const start = points[0].at;
    const labels = points.map((p) => `"+${Math.round((p.at - start) / 1000)}s"`).join(', ');
    const errorRates = points.map((p) => Number(p.metrics.errorRate)).join(', ');
    const lines = [
        '```mermaid',
        'xychart-beta',
        '  title "Error rate (%) of the judged version"',
        `  x-axis [${labels}]`,
        '  y-axis "error rate %"',
        `  line [${errorRates}]`,
        '```',
    ];
    const latencies = points.map((p) => p.metrics.p95);
    if (latencies.every((l) => typeof l === 'number')) {
        lines.push('', '```mermaid', 'xychart-beta', '  title "p95 Duration (ms) of the judged version"', `  x-axis [${labels}]`, '  y-axis "ms"', `  line [${latencies.join(', ')}]`, '```');
    }
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./packages/health/src/index.ts












/***/ }),

/***/ 239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hm: () => (/* binding */ sameRouting),
/* harmony export */   Nx: () => (/* binding */ capital),
/* harmony export */   PT: () => (/* binding */ allOn),
/* harmony export */   Uf: () => (/* binding */ routingAt),
/* harmony export */   jz: () => (/* binding */ greenPercent),
/* harmony export */   pR: () => (/* binding */ percentOf),
/* harmony export */   ww: () => (/* binding */ describeRouting)
/* harmony export */ });
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
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1696);
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(286);
/* harmony import */ var _deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(239);
/* harmony import */ var _routing__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4160);




/** The alias, or undefined when it does not exist. */
async function readAlias(lambda, fn, alias) {
    try {
        return (0,_routing__WEBPACK_IMPORTED_MODULE_1__/* .aliasState */ .ae)(await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__/* .GetAliasCommand */ .MES({ FunctionName: fn, Name: alias })));
    }
    catch (err) {
        if ((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err) === 'ResourceNotFoundException')
            return undefined;
        throw err;
    }
}
const CONFLICT_RETRIES = 5;
/**
 * One UpdateAlias guarded by the RevisionId read just before it
 * (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateAlias.html).
 * A 412 whose alias already matches the target is our own write retried after a lost response;
 * any other 412 means someone else changed the alias.
 */
async function writeAlias(lambda, fn, alias, target, revisionId, clock = _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .ml) {
    for (let attempt = 1;; attempt++) {
        try {
            const out = await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__/* .UpdateAliasCommand */ .lqC({
                FunctionName: fn,
                Name: alias,
                FunctionVersion: target.version,
                RoutingConfig: {
                    AdditionalVersionWeights: target.green ? { [target.green]: target.greenWeight } : {},
                },
                RevisionId: revisionId,
            }));
            return (0,_routing__WEBPACK_IMPORTED_MODULE_1__/* .aliasState */ .ae)(out);
        }
        catch (err) {
            const name = (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err);
            if (name === 'PreconditionFailedException') {
                const now = await readAlias(lambda, fn, alias);
                if (now && (0,_deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_3__/* .sameRouting */ .Hm)(now, target))
                    return now;
                throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConcurrentChangeError */ .wy(`Alias "${alias}" was changed by someone else (its RevisionId no longer matches): it is now ${now ? (0,_routing__WEBPACK_IMPORTED_MODULE_1__/* .describeAlias */ .IN)(now) : 'deleted'}. Another deployment is probably in progress; this run changed nothing more.`);
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


/***/ }),

/***/ 6836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ checkInvoke)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1696);
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(286);
/* harmony import */ var _deploy_actions_health__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2552);



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
/* harmony import */ var _deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(239);

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
    };
}
function describeAlias(r) {
    return (0,_deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_0__/* .describeRouting */ .ww)(r, label);
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
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(286);


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
