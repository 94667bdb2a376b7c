export const id = 466;
export const ids = [466];
export const modules = {

/***/ 1085:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  chart: () => (/* reexport */ chart),
  checkAlarms: () => (/* reexport */ checkAlarms),
  checkHttp: () => (/* reexport */ checkHttp),
  checkInvoke: () => (/* reexport */ checkInvoke),
  checkMetrics: () => (/* reexport */ checkMetrics),
  combine: () => (/* reexport */ combine),
  compareFailureRates: () => (/* reexport */ compareFailureRates),
  evaluateOnce: () => (/* reexport */ evaluateOnce),
  hasAlarms: () => (/* reexport */ config/* hasAlarms */.zZ),
  hasChecks: () => (/* reexport */ config/* hasChecks */.EK),
  healthGate: () => (/* reexport */ healthGate),
  judgeMetrics: () => (/* reexport */ judgeMetrics),
  normalCdf: () => (/* reexport */ normalCdf),
  parseAlarms: () => (/* reexport */ config/* parseAlarms */.ci),
  parseStatusRanges: () => (/* reexport */ config/* parseStatusRanges */.C2),
  readHealthConfig: () => (/* reexport */ config/* readHealthConfig */.Ll),
  readVersionMetrics: () => (/* reexport */ readVersionMetrics),
  reportJson: () => (/* reexport */ reportJson),
  requireChecks: () => (/* reexport */ config/* requireChecks */.Nq),
  resolveAlarms: () => (/* reexport */ resolveAlarms),
  summaryMarkdown: () => (/* reexport */ summaryMarkdown),
  watch: () => (/* reexport */ watch)
});

// EXTERNAL MODULE: ./packages/health/src/config.ts
var config = __webpack_require__(1824);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-cjs/index.js
var dist_cjs = __webpack_require__(4085);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 5 modules
var src = __webpack_require__(286);
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

;// CONCATENATED MODULE: ./packages/health/src/checks.ts



const SIGNIFICANCE = 0.05;
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
/**
 * One GetMetricData call for every query of one evaluation: Lambda's per-version metrics carry the
 * ExecutedVersion dimension beside FunctionName and Resource (function:alias):
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
 */
async function readVersionMetrics(cw, t, windowMs, withLatency, now) {
    const period = windowMs / 1000;
    const versions = { g: t.version, ...(t.baseline && { b: t.baseline }) };
    const queries = [];
    for (const [key, version] of Object.entries(versions)) {
        const dims = [
            { Name: 'FunctionName', Value: t.functionName },
            { Name: 'Resource', Value: `${t.functionName}:${t.alias}` },
            { Name: 'ExecutedVersion', Value: version },
        ];
        const metric = (id, name, stat) => ({
            Id: `${key}${id}`,
            MetricStat: {
                Metric: { Namespace: 'AWS/Lambda', MetricName: name, Dimensions: dims },
                Period: period,
                Stat: stat,
            },
            ReturnData: true,
        });
        queries.push(metric('inv', 'Invocations', 'Sum'), metric('err', 'Errors', 'Sum'), metric('thr', 'Throttles', 'Sum'));
        if (withLatency)
            queries.push(metric('p95', 'Duration', 'p95'));
    }
    const values = new Map();
    let token;
    do {
        const r = await cw.send(new dist_cjs/* GetMetricDataCommand */.Soe({
            MetricDataQueries: queries,
            StartTime: new Date(now - windowMs),
            EndTime: new Date(now),
            NextToken: token,
        }));
        for (const result of r.MetricDataResults ?? []) {
            if (result.StatusCode === 'Forbidden' || result.StatusCode === 'InternalError') {
                throw new Error(`metric ${result.Id} answered ${result.StatusCode}: ${result.Messages?.map((m) => m.Value).join('; ') ?? ''}`);
            }
            values.set(result.Id, [...(values.get(result.Id) ?? []), ...(result.Values ?? [])]);
        }
        token = r.NextToken;
    } while (token);
    const sum = (id) => (values.get(id) ?? []).reduce((a, b) => a + b, 0);
    // A window can straddle two periods; the worse p95 of the two is the safe reading.
    const p95 = (id) => (values.get(id)?.length ? Math.max(...values.get(id)) : undefined);
    const read = (k) => ({
        invocations: sum(`${k}inv`),
        errors: sum(`${k}err`),
        throttles: sum(`${k}thr`),
        ...(withLatency && { p95: p95(`${k}p95`) }),
    });
    return { green: read('g'), ...(t.baseline && { blue: read('b') }) };
}
/** Failure rate of the judged version against max-error-rate, beside a one-sided test against the baseline. */
function judgeMetrics(m, cfg, t) {
    const g = m.green;
    const failures = g.errors + g.throttles;
    // Throttled requests are not counted in Invocations, yet the caller saw them fail.
    const total = g.invocations + g.throttles;
    const rate = total ? (failures / total) * 100 : null;
    const blueTotal = m.blue ? m.blue.invocations + m.blue.throttles : 0;
    const blueRate = m.blue && blueTotal ? ((m.blue.errors + m.blue.throttles) / blueTotal) * 100 : null;
    const comparison = m.blue
        ? compareFailureRates({ failures, total }, { failures: m.blue.errors + m.blue.throttles, total: blueTotal })
        : undefined;
    const ratio = g.p95 !== undefined && m.blue?.p95 ? g.p95 / m.blue.p95 : null;
    const observed = {
        invocations: g.invocations,
        errors: g.errors,
        throttles: g.throttles,
        errorRate: round(rate),
        baselineErrorRate: round(blueRate),
        pValue: comparison ? round(comparison.pValue, 4) : null,
        p95: g.p95 ?? null,
        baselineP95: m.blue?.p95 ?? null,
        latencyRatio: round(ratio),
    };
    const threshold = {
        minInvocations: cfg.minInvocations,
        maxErrorRate: cfg.maxErrorRate ?? null,
        maxLatencyRatio: cfg.maxLatencyRatio ?? null,
        significance: SIGNIFICANCE,
    };
    const result = (verdict, reason) => ({
        check: 'metrics',
        verdict,
        reason,
        observed,
        threshold,
    });
    if (total < cfg.minInvocations) {
        return result('inconclusive', `v${t.version} served ${total} requests in the window, below min-invocations ${cfg.minInvocations}`);
    }
    if (cfg.maxErrorRate !== undefined && rate !== null && rate > cfg.maxErrorRate) {
        const vs = blueRate !== null ? ` (v${t.baseline}: ${round(blueRate)}%)` : '';
        // Blue failing as often means the cause is elsewhere (a dependency), not green.
        if (comparison && comparison.pValue >= SIGNIFICANCE) {
            return result('inconclusive', `v${t.version} fails ${round(rate)}% > ${cfg.maxErrorRate}%, but no more than v${t.baseline}'s ${round(blueRate)}% (p=${round(comparison.pValue, 3)}): the cause is likely outside the new version`);
        }
        return result('unhealthy', `v${t.version} error rate ${round(rate)}% > max-error-rate ${cfg.maxErrorRate}%${vs}, ${failures} of ${total} requests failed`);
    }
    if (cfg.maxLatencyRatio !== undefined) {
        if (ratio === null)
            return result('inconclusive', `no p95 Duration for v${t.version} and its baseline in the window`);
        if (ratio > cfg.maxLatencyRatio) {
            return result('unhealthy', `v${t.version} p95 ${g.p95}ms is ${round(ratio)}× v${t.baseline}'s ${m.blue?.p95}ms > max-latency-ratio ${cfg.maxLatencyRatio}`);
        }
    }
    const parts = [
        rate !== null && cfg.maxErrorRate !== undefined
            ? `error rate ${round(rate)}% ≤ ${cfg.maxErrorRate}%`
            : '',
        ratio !== null ? `p95 ratio ${round(ratio)} ≤ ${cfg.maxLatencyRatio}` : '',
    ].filter(Boolean);
    return result('healthy', `v${t.version}: ${parts.join(', ')} over ${total} requests`);
}
async function checkMetrics(cw, cfg, t, now) {
    try {
        return judgeMetrics(await readVersionMetrics(cw, t, cfg.windowMs, cfg.maxLatencyRatio !== undefined, now), cfg, t);
    }
    catch (err) {
        return unreadable('metrics', `could not read the metrics of v${t.version}: ${(0,src/* errorMessage */.gJ)(err)}`);
    }
}
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
async function checkInvoke(lambda, cfg, t) {
    const { InvokeCommand } = await __webpack_require__.e(/* import() */ 696).then(__webpack_require__.t.bind(__webpack_require__, 1696, 19));
    const threshold = { expect: cfg.expect?.describe ?? 'no function error' };
    try {
        const out = await lambda.send(new InvokeCommand({
            FunctionName: t.functionName,
            Qualifier: t.version,
            Payload: new TextEncoder().encode(cfg.payload),
        }));
        const body = out.Payload ? new TextDecoder().decode(out.Payload) : '';
        const observed = { functionError: out.FunctionError ?? null, response: clip(body) };
        if (out.FunctionError) {
            return {
                check: 'invoke',
                verdict: 'unhealthy',
                reason: `v${t.version} returned a function error (${out.FunctionError}): ${clip(body)}`,
                observed,
                threshold,
            };
        }
        if (cfg.expect && !cfg.expect.test(body)) {
            return {
                check: 'invoke',
                verdict: 'unhealthy',
                reason: `v${t.version} answered ${clip(body)}, which does not match ${cfg.expect.describe}`,
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
            reason: `invoking v${t.version} failed: ${(0,src/* errorMessage */.gJ)(err)}`,
            observed: {},
            threshold,
        };
    }
}
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

;// CONCATENATED MODULE: ./packages/health/src/evaluate.ts



/** One evaluation: every configured check at once, combined (any unhealthy wins, then any inconclusive). */
async function evaluateOnce(cfg, t, clients, clock, signal) {
    const at = clock.now();
    const pending = [];
    if ((0,config/* hasAlarms */.zZ)(cfg))
        pending.push(checkAlarms(clients.cloudwatch, cfg.alarms));
    if (cfg.metrics)
        pending.push(checkMetrics(clients.cloudwatch, cfg.metrics, t, at));
    if (cfg.http)
        pending.push(checkHttp(cfg.http, signal));
    if (cfg.invoke)
        pending.push(checkInvoke(clients.lambda, cfg.invoke, t));
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


function healthGate(cfg, clients, clock, log) {
    return {
        watch: (ctx) => {
            const target = {
                functionName: ctx.functionName,
                alias: ctx.alias,
                version: ctx.green,
                baseline: ctx.blue,
            };
            return watch(() => evaluateOnce(cfg, target, clients, clock, ctx.signal), {
                durationMs: ctx.durationMs,
                intervalMs: cfg.intervalMs,
                consecutiveFailures: cfg.consecutiveFailures,
                clock,
                signal: ctx.signal,
                onEvaluation: (e, i, total, nextIn) => log.info(`step ${ctx.label}: ${ctx.percent}% on v${ctx.green}, check ${i}/${total} ${e.verdict}: ${e.reason}` +
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
        `### ${title}: v${t.version}${t.baseline ? ` against v${t.baseline}` : ''}: ${w.verdict}`,
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
