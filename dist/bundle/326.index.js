export const id = 326;
export const ids = [326];
export const modules = {

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

/***/ 1326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readShiftInputs: () => (/* binding */ readShiftInputs),
  runShiftTraffic: () => (/* binding */ runShiftTraffic),
  runShiftTrafficStep: () => (/* binding */ runShiftTrafficStep)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 7 modules
var src = __webpack_require__(1398);
// EXTERNAL MODULE: ./packages/health/src/config.ts
var src_config = __webpack_require__(1824);
;// CONCATENATED MODULE: ./packages/release/src/plan.ts

const MINUTE = 60_000;
// Schedules of the predefined Lambda deployment configurations:
// https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html
const CODEDEPLOY_CONFIGS = {
    LambdaAllAtOnce: { kind: 'all', minutes: 0 },
    LambdaCanary10Percent5Minutes: { kind: 'canary', minutes: 5 },
    LambdaCanary10Percent10Minutes: { kind: 'canary', minutes: 10 },
    LambdaCanary10Percent15Minutes: { kind: 'canary', minutes: 15 },
    LambdaCanary10Percent30Minutes: { kind: 'canary', minutes: 30 },
    LambdaLinear10PercentEvery1Minute: { kind: 'linear', minutes: 1 },
    LambdaLinear10PercentEvery2Minutes: { kind: 'linear', minutes: 2 },
    LambdaLinear10PercentEvery3Minutes: { kind: 'linear', minutes: 3 },
    LambdaLinear10PercentEvery10Minutes: { kind: 'linear', minutes: 10 },
};
const STRATEGIES = ['all-at-once', 'canary', 'linear', ...Object.keys(CODEDEPLOY_CONFIGS)];
/** Turns strategy/steps/bake-time into the list of weights to apply; throws InputError naming the input. */
function buildPlan(p) {
    const strategy = p.strategy.trim();
    if (strategy !== '' && p.steps !== '') {
        throw new src/* InputError */.dz('steps', p.steps, `cannot be combined with strategy "${strategy}": give one or the other`);
    }
    if (strategy === '' && p.steps !== '') {
        const steps = parsePlanSteps(p.steps, p.maxBake);
        return {
            name: `custom ${p.steps}`,
            steps: steps.map((s, i) => ({
                percent: s.percent,
                bakeMs: i === steps.length - 1 ? 0 : (s.bakeMs ?? p.bakeMs),
            })),
        };
    }
    const name = strategy === '' ? 'canary' : (STRATEGIES.find((s) => s.toLowerCase() === strategy.toLowerCase()) ?? '');
    if (name === '')
        throw new src/* InputError */.dz('strategy', strategy, `must be one of ${STRATEGIES.join(', ')}`);
    const codedeploy = CODEDEPLOY_CONFIGS[name];
    if (codedeploy) {
        if (p.bakeGiven) {
            throw new src/* InputError */.dz('bake-time', p.bakeText ?? (0,src/* formatDuration */.a3)(p.bakeMs), `cannot be combined with strategy ${name}, whose schedule is fixed`);
        }
        const ms = codedeploy.minutes * MINUTE;
        if (codedeploy.kind === 'all')
            return { name, steps: [{ percent: 100, bakeMs: 0 }] };
        if (codedeploy.kind === 'canary')
            return withBake(name, [10, 100], ms);
        return withBake(name, linear(10), ms);
    }
    if (name === 'all-at-once')
        return { name, steps: [{ percent: 100, bakeMs: 0 }] };
    if (name === 'canary') {
        if (p.canaryPercent >= 100)
            throw new src/* InputError */.dz('canary-percent', String(p.canaryPercent), 'must be below 100');
        return withBake(`canary ${p.canaryPercent}%`, [p.canaryPercent, 100], p.bakeMs);
    }
    if (p.linearPercent < 1) {
        throw new src/* InputError */.dz('linear-percent', String(p.linearPercent), 'must be at least 1: a plan has at most 100 steps');
    }
    return withBake(`linear +${p.linearPercent}%`, linear(p.linearPercent), p.bakeMs);
}
function linear(increment) {
    const out = [];
    for (let w = increment; w < 100 - 1e-9; w = Math.round((w + increment) * 100) / 100)
        out.push(w);
    return [...out, 100];
}
function withBake(name, percents, bakeMs) {
    return {
        name,
        steps: percents.map((percent, i) => ({ percent, bakeMs: i === percents.length - 1 ? 0 : bakeMs })),
    };
}
/**
 * "5,25,50,100" or "10:5m,50:10m,100": strictly increasing percentages, each with its own bake or
 * bake-time's; a plan may stop below 100 and leave the split in place.
 */
function parsePlanSteps(text, maxBake) {
    const items = text.split(',').map((s) => s.trim());
    if (items.length > 100)
        throw new src/* InputError */.dz('steps', text, 'must list at most 100 steps');
    const steps = items.map((item, i) => {
        const [percentText, bakeText, ...rest] = item.split(':').map((s) => s.trim());
        const percent = (0,src/* parsePercent */.lo)('steps', text, percentText.replace(/%$/, ''));
        if (bakeText === undefined)
            return { percent };
        const bakeMs = rest.length ? null : (0,src/* parseDuration */.E9)(bakeText);
        if (bakeMs === null) {
            throw new src/* InputError */.dz('steps', text, `gives step "${item}" a bake that is not a duration: write PERCENT:BAKE such as 10:5m or 50:1h30m`);
        }
        if (i === items.length - 1) {
            throw new src/* InputError */.dz('steps', text, `gives the last step "${item}" a bake; nothing follows it: use duration to watch after the last step`);
        }
        if (maxBake && bakeMs > maxBake.ms) {
            throw new src/* InputError */.dz('steps', text, `gives step "${item}" a bake over ${maxBake.label}`);
        }
        return { percent, bakeMs };
    });
    steps.forEach((s, i) => {
        if (i > 0 && s.percent <= steps[i - 1].percent) {
            throw new src/* InputError */.dz('steps', text, 'percentages must strictly increase, for example 5,25,50,100');
        }
    });
    return steps;
}
/** The percentages of a steps input, bakes left out. */
function parseSteps(text) {
    return parsePlanSteps(text).map((s) => s.percent);
}
/**
 * A router that splits in whole percents (ALB weights, Cloud Run) cannot take 0.5%: refuse the plan
 * rather than round it, naming the input the percentage came from.
 */
function checkPrecision(plan, decimals, given, target) {
    const scale = 10 ** decimals;
    const off = plan.steps.find((s) => Math.abs(Math.round(s.percent * scale) - s.percent * scale) > 1e-9);
    if (!off)
        return;
    const [input, value] = given.steps
        ? ['steps', given.steps]
        : plan.name.startsWith('linear')
            ? ['linear-percent', given.linearPercent]
            : ['canary-percent', given.canaryPercent];
    const form = decimals === 0 ? 'whole percentages' : `percentages with at most ${decimals} decimals`;
    throw new src/* InputError */.dz(input, value, `gives a step of ${off.percent}%; target ${target} splits traffic in ${form}`);
}

// EXTERNAL MODULE: ./packages/release/src/routing.ts
var routing = __webpack_require__(239);
// EXTERNAL MODULE: ./packages/release/src/guard.ts
var guard = __webpack_require__(2284);
;// CONCATENATED MODULE: ./packages/release/src/state.ts
// What shift-traffic's main step saves for its post step (the runner's GITHUB_STATE file).
const STATE = {
    isPost: 'isPost',
    target: 'target',
    config: 'config',
    green: 'green',
    blue: 'blue',
    onCancel: 'on-cancel',
    routing: 'routing',
    settled: 'settled',
};

// EXTERNAL MODULE: ./packages/release/src/run/common.ts
var common = __webpack_require__(6342);
;// CONCATENATED MODULE: ./packages/release/src/run/shift-post.ts



/**
 * Runs after the job (post-if: always()). A main step that was killed before it settled may have left
 * a split: put 100% back on blue unless on-cancel is leave or someone else has taken the router.
 */
async function runShiftTrafficPost(rt, targets, deps = {}) {
    const target = targets[rt.getState(STATE.target)];
    if (!target || rt.getState(STATE.settled) === 'true' || !rt.getState(STATE.routing)) {
        rt.info('shift-traffic post: the shift settled in the main step; nothing to clean up.');
        return;
    }
    const config = JSON.parse(rt.getState(STATE.config));
    const blue = rt.getState(STATE.blue);
    const green = rt.getState(STATE.green);
    const last = JSON.parse(rt.getState(STATE.routing));
    let name = config.name;
    let label = (version) => version;
    try {
        const { router } = await target.open(config, {
            clock: (0,common/* clockOf */.ie)(deps, rt.env),
            ...(deps.clients && { clients: deps.clients }),
        });
        const L = router.label;
        const describe = (r) => (0,routing/* describeRouting */.ww)(r, L);
        name = router.name;
        label = L;
        if (rt.getState(STATE.onCancel) === 'leave') {
            rt.warning(`shift-traffic did not finish; on-cancel is leave, so ${router.name} stays as last set: ${describe(last)}.`);
            return;
        }
        const now = await router.read();
        if (!now)
            throw new Error(`${router.name} no longer exists`);
        if (!now.green && now.version === blue) {
            rt.info(`shift-traffic post: ${router.name} already sends 100% to blue ${L(blue)}.`);
            return;
        }
        if (!now.green && now.version === green && (0,routing/* sameRouting */.Hm)(now, last)) {
            rt.info(`shift-traffic post: the shift had completed (100% on ${L(green)}); leaving it.`);
            return;
        }
        const ours = (0,routing/* sameRouting */.Hm)(now, last) || (now.version === blue && now.green === green);
        if (!ours) {
            rt.warning(`shift-traffic post: ${router.name} is now ${describe(now)}, not what this run set; someone else is deploying, so it was left alone.`);
            return;
        }
        await router.write((0,routing/* allOn */.PT)(blue), now);
        const after = await router.read();
        const message = `shift-traffic was interrupted at ${describe(now)}; the post step restored ${after ? describe(after) : '?'} (blue ${L(blue)}).`;
        rt.warning(message);
        await rt.summary(`### shift-traffic: interrupted run cleaned up\n\n${message}\n`);
    }
    catch (err) {
        rt.setFailed(`shift-traffic post: could not restore blue ${label(blue)} on ${name}: ${(0,common/* failureMessage */.oh)(err)}. Run the rollback action.`);
    }
}

;// CONCATENATED MODULE: ./packages/release/src/run/shift-traffic.ts








// GitHub-hosted jobs stop after 6 hours: https://docs.github.com/en/actions/reference/limits
const MAX_BAKE = { ms: 6 * 3_600_000, label: '6h (the longest a GitHub-hosted job runs)' };
function readShiftInputs(inputs, env, targets) {
    const target = (0,common/* selectTarget */._c)(inputs, targets);
    const config = (0,common/* readConfig */.Xg)(target, inputs, env);
    const green = target.parseVersion('green-version', inputs.text('green-version'));
    const bakeText = inputs.text('bake-time');
    const plan = buildPlan({
        strategy: inputs.text('strategy'),
        steps: inputs.text('steps'),
        bakeMs: inputs.duration('bake-time', '5m', MAX_BAKE),
        bakeGiven: bakeText !== '',
        bakeText,
        canaryPercent: inputs.percent('canary-percent', 10),
        linearPercent: inputs.percent('linear-percent', 10),
        maxBake: MAX_BAKE,
    });
    const given = {
        steps: inputs.text('steps'),
        canaryPercent: inputs.text('canary-percent'),
        linearPercent: inputs.text('linear-percent'),
    };
    checkPrecision(plan, target.percentDecimals, given, target.kind);
    const health = (0,src_config/* readHealthConfig */.Ll)(inputs);
    const onUnhealthy = inputs.oneOf('on-unhealthy', ['rollback', 'fail'], 'rollback');
    const onCancel = inputs.oneOf('on-cancel', ['rollback', 'leave'], 'rollback');
    return { target, config, green, plan, health, onUnhealthy, onCancel };
}
/** Main and post share one bundle, as actions/checkout does: the saved isPost state tells them apart. */
async function runShiftTrafficStep(rt, targets, deps = {}) {
    if (rt.getState(STATE.isPost) === 'true')
        return runShiftTrafficPost(rt, targets, deps);
    rt.saveState(STATE.isPost, 'true');
    return runShiftTraffic(rt, targets, deps);
}
async function runShiftTraffic(rt, targets, deps = {}) {
    await (0,common/* runStep */.eg)(rt, async () => {
        const inputs = new src/* InputReader */.i_(rt.input);
        const i = readShiftInputs(inputs, rt.env, targets);
        // The production guard, before any AWS client: require-environment.
        await (0,guard/* enforceGuard */.IY)(rt, (0,guard/* readGuardConfig */.UF)(inputs));
        const clock = (0,common/* clockOf */.ie)(deps, rt.env);
        const cloudwatch = await (0,common/* cloudwatchFor */.OG)(i.health, i.config.aws, deps);
        const session = await i.target.open(i.config, {
            clock,
            health: i.health,
            ...(cloudwatch && { cloudwatch }),
            ...(deps.clients && { clients: deps.clients }),
        });
        const [{ shiftTraffic }, { healthGate, hasChecks, resolveAlarms }] = await Promise.all([
            Promise.all(/* import() */[__webpack_require__.e(890), __webpack_require__.e(111)]).then(__webpack_require__.bind(__webpack_require__, 6111)),
            __webpack_require__.e(/* import() */ 890).then(__webpack_require__.bind(__webpack_require__, 9890)),
        ]);
        // Unknown alarm names are bad input: found out before the first write.
        if (cloudwatch)
            await resolveAlarms(cloudwatch, i.health.alarms);
        const { router } = session;
        const gate = hasChecks(i.health)
            ? healthGate(i.health, { ...(cloudwatch && { cloudwatch }), signals: session.signals }, clock, rt, router.label)
            : undefined;
        saveTarget(rt, i.target, i.config, i.green, i.onCancel);
        let last;
        let result;
        try {
            result = await shiftTraffic({
                router,
                green: i.green,
                plan: i.plan,
                gate,
                intervalMs: i.health.intervalMs,
                finalWatchMs: i.health.durationMs,
                onInconclusive: i.health.onInconclusive,
                onUnhealthy: i.onUnhealthy,
                onCancel: i.onCancel,
                log: rt,
                clock,
                signal: rt.cancelSignal,
                onRouting: (routing, blue) => {
                    last = { routing, blue };
                    rt.saveState(STATE.blue, blue);
                    rt.saveState(STATE.routing, JSON.stringify(routing));
                },
            });
        }
        catch (err) {
            // Someone else owns the router now: the post step must not touch it. Any other failure leaves the
            // post step to retry restoring blue.
            if (err instanceof src/* ConcurrentChangeError */.wy)
                rt.saveState(STATE.settled, 'true');
            if (last)
                setOutputs(rt, statusOf(last.routing, i.green), last.routing, last.blue, i.green);
            rt.setOutput('reason', (0,common/* failureMessage */.oh)(err));
            throw err;
        }
        rt.saveState(STATE.settled, 'true');
        setOutputs(rt, result.status, result.percent, result.blue, result.green);
        await rt.summary(shiftSummary(i.config.name, i.plan.name, result, router.label));
        if (result.failure) {
            rt.setOutput('reason', result.failure);
            rt.setFailed(result.failure);
        }
        else
            rt.info(`shift-traffic ${result.status}: ${result.percent}% on ${router.label(result.green)}.`);
    });
}
/** What the post step needs to find the router again. */
function saveTarget(rt, target, config, green, onCancel) {
    rt.saveState(STATE.target, target.kind);
    rt.saveState(STATE.config, JSON.stringify(config));
    rt.saveState(STATE.green, green);
    rt.saveState(STATE.onCancel, onCancel);
}
function setOutputs(rt, status, weight, blue, green) {
    rt.setOutput('status', status);
    rt.setOutput('weight', String(typeof weight === 'number' ? weight : (0,routing/* greenPercent */.jz)(weight, green)));
    rt.setOutput('blue-version', blue);
    rt.setOutput('green-version', green);
}
function statusOf(r, green) {
    const percent = (0,routing/* greenPercent */.jz)(r, green);
    return percent === 100 ? 'promoted' : percent === 0 ? 'rolled-back' : 'in-progress';
}
function shiftSummary(name, plan, r, label) {
    const start = r.timeline[0]?.at ?? 0;
    const rows = r.timeline.map((t) => [
        new Date(t.at).toISOString().slice(11, 19),
        `+${Math.round((t.at - start) / 1000)}s`,
        t.step,
        `${t.percent}%`,
        t.event,
    ]);
    return [
        `### shift-traffic: ${name} ${label(r.blue)} → ${label(r.green)}: ${r.status}`,
        '',
        `Plan: ${plan}. Green now receives ${r.percent}% of traffic.${r.failure ? `\n\n**${r.failure}**` : ''}`,
        '',
        (0,src/* table */.tp)(['time (UTC)', 'elapsed', 'step', 'green', 'event'], rows),
        '',
    ].join('\n');
}


/***/ })

};
