export const id = 9890;
export const ids = [9890,9565];
export const modules = {

/***/ 9565:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cloudwatchClient: () => (/* binding */ cloudwatchClient),
/* harmony export */   cloudwatchSdk: () => (/* binding */ cloudwatchSdk)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);

let sdk;
/**
 * The CloudWatch SDK, loaded once and only when a check needs it (actions without alarms or metrics never
 * do); one shared import, as two parallel imports of one module trip jest's ESM loader.
 */
function cloudwatchSdk() {
    return (sdk ??= Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(5861), __webpack_require__.e(4085)]).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19)));
}
/** Loaded only after inputs are checked, so a bad-input run never pays for the SDK. */
async function cloudwatchClient(opts) {
    const { CloudWatchClient } = await cloudwatchSdk();
    return new CloudWatchClient((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .clientConfig */ .yO)(opts));
}


/***/ }),

/***/ 9890:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LOGS_INPUTS: () => (/* reexport */ logs_config/* LOGS_INPUTS */.S),
  MAX_POINTS: () => (/* reexport */ MAX_POINTS),
  METRICS_LOOKBACK_MS: () => (/* reexport */ METRICS_LOOKBACK_MS),
  chart: () => (/* reexport */ chart),
  checkAlarms: () => (/* reexport */ checkAlarms),
  checkHttp: () => (/* reexport */ checkHttp),
  checkMetrics: () => (/* reexport */ checkMetrics),
  clip: () => (/* reexport */ clip),
  cloudwatchClient: () => (/* reexport */ client.cloudwatchClient),
  cloudwatchSdk: () => (/* reexport */ client.cloudwatchSdk),
  combine: () => (/* reexport */ combine),
  compareFailureRates: () => (/* reexport */ compareFailureRates),
  evaluateOnce: () => (/* reexport */ evaluateOnce),
  hasAlarms: () => (/* reexport */ config/* hasAlarms */.zZ),
  hasChecks: () => (/* reexport */ config/* hasChecks */.EK),
  healthGate: () => (/* reexport */ healthGate),
  judgeMetrics: () => (/* reexport */ judgeMetrics),
  minuteQuery: () => (/* reexport */ minuteQuery),
  newestWindow: () => (/* reexport */ newestWindow),
  normalCdf: () => (/* reexport */ normalCdf),
  parseAlarms: () => (/* reexport */ config/* parseAlarms */.ci),
  parseLatencyLimits: () => (/* reexport */ config/* parseLatencyLimits */.Sx),
  parseStatusRanges: () => (/* reexport */ config/* parseStatusRanges */.C2),
  passes: () => (/* reexport */ passes),
  percentilesFor: () => (/* reexport */ percentilesFor),
  queryRange: () => (/* reexport */ queryRange),
  readHealthConfig: () => (/* reexport */ config/* readHealthConfig */.Ll),
  readLogsConfig: () => (/* reexport */ logs_config/* readLogsConfig */.m),
  readWindow: () => (/* reexport */ readWindow),
  reportJson: () => (/* reexport */ reportJson),
  requireChecks: () => (/* reexport */ config/* requireChecks */.Nq),
  resolveAlarms: () => (/* reexport */ resolveAlarms),
  round: () => (/* reexport */ round),
  sinceRange: () => (/* reexport */ sinceRange),
  studentTail: () => (/* reexport */ studentTail),
  sumOf: () => (/* reexport */ sumOf),
  summaryMarkdown: () => (/* reexport */ summaryMarkdown),
  unreadable: () => (/* reexport */ unreadable),
  watch: () => (/* reexport */ watch),
  welchGreater: () => (/* reexport */ welchGreater),
  worstOf: () => (/* reexport */ worstOf)
});

// EXTERNAL MODULE: ./packages/health/src/config.ts
var config = __webpack_require__(1824);
// EXTERNAL MODULE: ./packages/health/src/logs-config.ts
var logs_config = __webpack_require__(9316);
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

// EXTERNAL MODULE: ./packages/core/src/index.ts + 7 modules
var src = __webpack_require__(1398);
// EXTERNAL MODULE: ./packages/health/src/client.ts
var client = __webpack_require__(9565);
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
    const { DescribeAlarmsCommand } = await (0,client.cloudwatchSdk)();
    const out = [];
    const pages = [
        ...(alarms.names.length ? [{ AlarmNames: alarms.names }] : []),
        ...alarms.prefixes.map((p) => ({ AlarmNamePrefix: p })),
    ];
    for (const filter of pages) {
        let token;
        do {
            const r = await cw.send(new DescribeAlarmsCommand({
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

;// CONCATENATED MODULE: ./packages/health/src/http.ts

/**
 * N requests; a wrong status, a failed request or one slower than the limit is unhealthy. Through the runner's
 * proxy when one is set, the only way out of such a runner; NO_PROXY exempts an internal URL.
 */
async function checkHttp(cfg, signal) {
    const latencies = [];
    const failures = [];
    const timeout = cfg.maxLatencyMs ? Math.max(cfg.maxLatencyMs * 2, 1000) : 10_000;
    for (let i = 0; i < cfg.samples; i++) {
        const started = performance.now();
        try {
            const res = await (0,src/* proxyFetch */.Z6)(cfg.url, {
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
/** ln Γ(x) for x > 0 (Lanczos, g = 7, nine coefficients; relative error below 1e-13). */
function logGamma(x) {
    const c = [
        0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406,
        12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
    ];
    if (x < 0.5)
        return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
    x -= 1;
    let a = c[0];
    const t = x + 7.5;
    for (let i = 1; i < 9; i++)
        a += c[i] / (x + i);
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}
/** The continued fraction of the incomplete beta function (Numerical Recipes, 2nd ed., §6.4 betacf). */
function betaFraction(x, a, b) {
    const tiny = 1e-300;
    let c = 1;
    let d = 1 - ((a + b) * x) / (a + 1);
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    let h = d;
    for (let m = 1; m <= 300; m++) {
        for (const aa of [
            (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)),
            (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1)),
        ]) {
            d = 1 + aa * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = 1 + aa / c;
            if (Math.abs(c) < tiny)
                c = tiny;
            h *= d * c;
        }
        if (Math.abs(d * c - 1) < 1e-12)
            break;
    }
    return h;
}
/** The regularized incomplete beta function I_x(a, b). */
function incompleteBeta(x, a, b) {
    if (x <= 0)
        return 0;
    if (x >= 1)
        return 1;
    const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
    return x < (a + 1) / (a + b + 2)
        ? (front * betaFraction(x, a, b)) / a
        : 1 - (front * betaFraction(1 - x, b, a)) / b;
}
/** P(T > t) for Student's t distribution with `df` degrees of freedom. */
function studentTail(t, df) {
    const half = incompleteBeta(df / (df + t * t), df / 2, 0.5) / 2;
    return t > 0 ? half : 1 - half;
}
function meanAndVariance(xs) {
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
    return { mean, variance };
}
/**
 * Welch's one-sided t-test that the mean of `a` exceeds the mean of `b` by more than `margin`: its p-value, or
 * undefined with fewer than two values on a side (no variance to judge by).
 */
function welchGreater(a, b, margin = 0) {
    if (a.length < 2 || b.length < 2)
        return undefined;
    const x = meanAndVariance(a);
    const y = meanAndVariance(b);
    const diff = x.mean - y.mean - margin;
    const va = x.variance / a.length;
    const vb = y.variance / b.length;
    // Both samples without spread: the difference is exact.
    if (va + vb === 0)
        return diff > 0 ? 0 : 1;
    const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
    return studentTail(diff / Math.sqrt(va + vb), df);
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
        readableUntil: m.until === undefined ? null : new Date(m.until).toISOString(),
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
    if (g.problems?.length)
        return result('unhealthy', `${v}: ${g.problems.join(', ')}`);
    if (g.requests < cfg.minInvocations) {
        const span = s.since !== undefined ? 'since the step began' : 'in the window';
        const late = g.requests === 0 && m.until === undefined
            ? ' (no minute readable yet: metrics arrive minutes late)'
            : '';
        return result('inconclusive', `${v} served ${g.requests} requests ${span}, below min-invocations ${cfg.minInvocations}${late}`);
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
        cfg.maxLatencyRatio !== undefined && ratio !== null
            ? `p95 ratio ${round(ratio)} ≤ ${cfg.maxLatencyRatio}`
            : '',
    ].filter(Boolean);
    return result('healthy', `${v}: ${parts.join(', ')} over ${g.requests} requests`);
}

;// CONCATENATED MODULE: ./packages/health/src/window.ts
// CloudWatch makes a standard-resolution minute readable only some time after the minute ends, and AWS
// publishes no bound (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics.html says only that
// metrics are sent in one-minute intervals). A window ending now would read the newest minutes empty, so
// the metric checks query `window` plus a lookback and judge the newest `window` of minutes that answered.
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How far behind now readable minutes are looked for. */
const METRICS_LOOKBACK_MS = 5 * MINUTE;
/** The time range to query: `window` plus the lookback, on whole minutes as CloudWatch lays its periods. */
function queryRange(windowMs, now) {
    const end = Math.floor(now / MINUTE) * MINUTE;
    return { start: end - windowMs - METRICS_LOOKBACK_MS, end, periodS: 60 };
}
/** Most datapoints a query is asked for; GetMetricData answers at most 100,800 per call over all its queries. */
const MAX_POINTS = 1440;
/**
 * The time range of the evidence since `since` (a checkpointed step's start, maybe weeks ago): its whole minutes
 * up to the last whole minute before now, in periods long enough that a query stays within MAX_POINTS, and a
 * multiple of what CloudWatch keeps at that age (60 s up to 15 days, 300 s up to 63 days, then 3600 s:
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricStat.html).
 */
function sinceRange(since, now) {
    const end = Math.floor(now / MINUTE) * MINUTE;
    const start = Math.min(end, Math.ceil(since / MINUTE) * MINUTE);
    const age = now - start;
    const unit = age > 63 * DAY ? 3600 : age > 15 * DAY ? 300 : 60;
    const periods = Math.ceil((end - start) / 1000 / MAX_POINTS / unit);
    return { start, end, periodS: Math.max(1, periods) * unit };
}
/**
 * Every series cut to the newest `window` of readable minutes: those up to the newest minute any series
 * has a datapoint in. `until` is the end of that minute; undefined when nothing was readable.
 */
function newestWindow(series, windowMs) {
    const newest = Math.max(-Infinity, ...[...series.values()].flat().map((p) => p.at));
    if (!Number.isFinite(newest))
        return { values: new Map() };
    const from = newest + MINUTE - windowMs;
    const values = new Map([...series].map(([id, points]) => [id, points.filter((p) => p.at >= from).map((p) => p.value)]));
    return { values, until: newest + MINUTE };
}

;// CONCATENATED MODULE: ./packages/health/src/series.ts


/** A query of one statistic per minute; ids allow letters, digits and _ only (p99.9 becomes p99_9). */
function minuteQuery(id, metric, stat) {
    return {
        Id: id.replace('.', '_'),
        MetricStat: {
            Metric: {
                Namespace: metric.namespace,
                MetricName: metric.name,
                Dimensions: Object.entries(metric.dimensions).map(([Name, Value]) => ({ Name, Value })),
            },
            Period: 60,
            Stat: stat,
        },
        ReturnData: true,
    };
}
/**
 * Every query's per-minute values over the newest readable `window` (see window.ts), read with
 * GetMetricData, all pages. With `since`, every period from then to now instead (periods longer than a
 * minute over a long step). A query CloudWatch could not answer fails the read: fail closed.
 */
async function readWindow(cw, minuteQueries, windowMs, now, since) {
    const { GetMetricDataCommand } = await (0,client.cloudwatchSdk)();
    const range = since === undefined ? queryRange(windowMs, now) : sinceRange(since, now);
    if (range.end <= range.start)
        return { values: new Map() };
    const queries = minuteQueries.map((q) => q.MetricStat ? { ...q, MetricStat: { ...q.MetricStat, Period: range.periodS } } : q);
    const series = new Map();
    let token;
    do {
        const r = await cw.send(new GetMetricDataCommand({
            MetricDataQueries: queries,
            StartTime: new Date(range.start),
            EndTime: new Date(range.end),
            NextToken: token,
        }));
        for (const result of r.MetricDataResults ?? []) {
            if (result.StatusCode === 'Forbidden' || result.StatusCode === 'InternalError') {
                throw new Error(`metric ${result.Id} answered ${result.StatusCode}: ${result.Messages?.map((m) => m.Value).join('; ') ?? ''}`);
            }
            const values = result.Values ?? [];
            const times = result.Timestamps ?? [];
            if (values.length !== times.length)
                throw new Error(`metric ${result.Id} answered values without timestamps`);
            const points = values.map((value, i) => ({ at: times[i].getTime(), value }));
            series.set(result.Id, [...(series.get(result.Id) ?? []), ...points]);
        }
        token = r.NextToken;
    } while (token);
    if (since === undefined)
        return newestWindow(series, windowMs);
    const newest = Math.max(-Infinity, ...[...series.values()].flat().map((p) => p.at));
    const values = new Map([...series].map(([id, points]) => [id, points.map((p) => p.value)]));
    return Number.isFinite(newest) ? { values, until: newest + range.periodS * 1000 } : { values };
}
const sumOf = (values, id) => (values.get(id.replace('.', '_')) ?? []).reduce((a, b) => a + b, 0);
/** Percentiles come per minute; the worst minute of the window is the safe reading. */
const worstOf = (values, id) => {
    const v = values.get(id.replace('.', '_'));
    return v?.length ? Math.max(...v) : undefined;
};

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
        pending.push(probeHttp(cfg.http, clients.signals, signal));
    pending.push(...(clients.signals.probes?.(cfg, t, signal) ?? []));
    const checks = await Promise.all(pending);
    return { at, ...combine(checks), checks };
}
/** The HTTP probe with the target's headers; credentials that cannot be had fail closed. */
async function probeHttp(http, signals, signal) {
    if (!signals.httpHeaders)
        return checkHttp(http, signal);
    let headers;
    try {
        headers = await signals.httpHeaders();
    }
    catch (err) {
        return unreadable('http', `could not get the credentials of the probe of ${http.url}: ${(0,src/* errorMessage */.gJ)(err)}`);
    }
    return checkHttp({ ...http, headers: { ...http.headers, ...headers } }, signal);
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
            const target = {
                version: ctx.green,
                ...(ctx.blue && { baseline: ctx.blue }),
                label,
                ...(ctx.since !== undefined && { since: ctx.since }),
            };
            const judged = ctx.blue ? cfg : alone(cfg);
            return watch(() => evaluateOnce(judged, target, clients, clock, ctx.signal).then(notJudged(cfg, ctx)), {
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
/** Green alone: max-latency-ratio needs a baseline and is not judged (the logs ratios say so themselves). */
function alone(cfg) {
    if (cfg.metrics?.maxLatencyRatio === undefined)
        return cfg;
    const metrics = { ...cfg.metrics };
    delete metrics.maxLatencyRatio;
    return { ...cfg, metrics };
}
function notJudged(cfg, ctx) {
    return (e) => ctx.blue || cfg.metrics?.maxLatencyRatio === undefined
        ? e
        : { ...e, reason: `${e.reason}; max-latency-ratio not judged: no baseline version serves traffic` };
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















/***/ })

};
