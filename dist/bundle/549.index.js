export const id = 549;
export const ids = [549];
export const modules = {

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
        const health = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9890));
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
