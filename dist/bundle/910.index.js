export const id = 910;
export const ids = [910];
export const modules = {

/***/ 7910:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  aliasRouter: () => (/* binding */ aliasRouter),
  lambdaSignals: () => (/* binding */ lambdaSignals),
  openClient: () => (/* binding */ openClient),
  openLambda: () => (/* binding */ openLambda)
});

// EXTERNAL MODULE: ./packages/targets/lambda/src/alias.ts
var src_alias = __webpack_require__(3566);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 5 modules
var src = __webpack_require__(286);
;// CONCATENATED MODULE: ./packages/targets/lambda/src/clients.ts

/** Loaded only after inputs are checked, so a bad-input run never pays for the SDK. */
async function lambdaClient(opts) {
    const { LambdaClient } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1696, 19));
    return new LambdaClient((0,src/* clientConfig */.yO)(opts));
}

// EXTERNAL MODULE: ./packages/targets/lambda/src/invoke.ts
var invoke = __webpack_require__(6836);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-cjs/index.js
var dist_cjs = __webpack_require__(4085);
;// CONCATENATED MODULE: ./packages/targets/lambda/src/metrics.ts

function versionMetrics(c) {
    return {
        requests: c.invocations + c.throttles,
        failures: c.errors + c.throttles,
        latency: c.latency ?? {},
        counts: { invocations: c.invocations, errors: c.errors, throttles: c.throttles },
    };
}
/**
 * One GetMetricData call for every query of one evaluation: Lambda's per-version metrics carry the
 * ExecutedVersion dimension beside FunctionName and Resource (function:alias):
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
 */
async function readVersionMetrics(cw, fn, t, windowMs, percentiles, now) {
    const period = windowMs / 1000;
    const versions = { g: t.version, ...(t.baseline && { b: t.baseline }) };
    const queries = [];
    for (const [key, version] of Object.entries(versions)) {
        const dims = [
            { Name: 'FunctionName', Value: fn.functionName },
            { Name: 'Resource', Value: `${fn.functionName}:${fn.alias}` },
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
        for (const stat of percentiles)
            queries.push(metric(statId(stat), 'Duration', stat));
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
    // A window can straddle two periods; the worse percentile of the two is the safe reading.
    const worst = (id) => (values.get(id)?.length ? Math.max(...values.get(id)) : undefined);
    const read = (k) => versionMetrics({
        invocations: sum(`${k}inv`),
        errors: sum(`${k}err`),
        throttles: sum(`${k}thr`),
        latency: Object.fromEntries(percentiles.map((stat) => [stat, worst(`${k}${statId(stat)}`)])),
    });
    return { green: read('g'), ...(t.baseline && { blue: read('b') }) };
}
/** Query ids allow letters, digits and _ only: p99.9 becomes p99_9. */
function statId(stat) {
    return stat.replace('.', '_');
}

// EXTERNAL MODULE: ./packages/targets/lambda/src/routing.ts
var routing = __webpack_require__(4160);
// EXTERNAL MODULE: ./packages/targets/lambda/src/versions.ts
var versions = __webpack_require__(4797);
;// CONCATENATED MODULE: ./packages/targets/lambda/src/session.ts






/** The alias as the engine's router: every write carries the RevisionId read before it. */
function aliasRouter(lambda, cfg, clock) {
    const { functionName: fn, alias } = cfg;
    return {
        name: `alias "${alias}"`,
        noun: 'alias',
        missing: `Alias "${alias}" of function ${fn} does not exist (or the function does not exist)`,
        label: routing/* label */.Pf,
        example: (live) => String(Math.max(1, Number(live) - 1)),
        read: () => (0,src_alias/* readAlias */.J)(lambda, fn, alias),
        write: (to, from) => (0,src_alias/* writeAlias */.O)(lambda, fn, alias, to, from.revision, clock),
        checkPair: (blue, green) => (0,versions/* checkPair */.zA)(lambda, fn, blue, green),
        checkVersion: async (version, input) => {
            await (0,versions/* getConfig */.zj)(lambda, fn, version, input);
        },
    };
}
/** Per-version metrics by ExecutedVersion, and the direct invoke of a version. */
function lambdaSignals(lambda, cfg, cloudwatch) {
    return {
        ...(cloudwatch && {
            metrics: (s, windowMs, percentiles, now) => readVersionMetrics(cloudwatch, cfg, s, windowMs, percentiles, now),
        }),
        probes: (health, s) => (health.invoke ? [(0,invoke/* checkInvoke */.H)(lambda, health.invoke, cfg.functionName, s)] : []),
    };
}
async function openClient(cfg, opts) {
    const make = opts.clients?.lambda ?? lambdaClient;
    return make(cfg.aws);
}
async function openLambda(cfg, opts) {
    const lambda = await openClient(cfg, opts);
    return {
        router: aliasRouter(lambda, cfg, opts.clock),
        signals: lambdaSignals(lambda, cfg, opts.cloudwatch),
    };
}


/***/ })

};
