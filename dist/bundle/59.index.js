export const id = 59;
export const ids = [59,976];
export const modules = {

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
            const { ECSClient } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(861), __webpack_require__.e(212)]).then(__webpack_require__.t.bind(__webpack_require__, 212, 19));
            return new ECSClient((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .clientConfig */ .yO)(o));
        });
    const elb = opts.clients?.elb ??
        (async (o) => {
            const { ElasticLoadBalancingV2Client } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(861), __webpack_require__.e(586)]).then(__webpack_require__.t.bind(__webpack_require__, 586, 19));
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
