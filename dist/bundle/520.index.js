export const id = 520;
export const ids = [520];
export const modules = {

/***/ 8520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   advanceRollout: () => (/* binding */ advanceRollout)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _routing__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(239);
/* harmony import */ var _decide__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3748);
/* harmony import */ var _rollout__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1631);
/* harmony import */ var _standing__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7744);
// shift-traffic mode advance: one scheduled run of a checkpointed rollout. It reads the routing and checkpoint,
// judges the evidence since the step began, and does exactly one of: nothing yet, the next step, promotion,
// or rollback; each of the last three is one write.





async function advanceRollout(o) {
    const now = await (0,_rollout__WEBPACK_IMPORTED_MODULE_2__/* .readStanding */ .ZY)(o);
    (0,_rollout__WEBPACK_IMPORTED_MODULE_2__/* .refuseOtherGreen */ .Id)(o, now);
    const cp = now.checkpoint;
    if (!cp)
        return noRollout(o, now);
    (0,_rollout__WEBPACK_IMPORTED_MODULE_2__/* .refuseOtherPlan */ .gq)(o, cp);
    if (cp.watch)
        return (await __webpack_require__.e(/* import() */ 357).then(__webpack_require__.bind(__webpack_require__, 1357))).watchTick(o, now, cp);
    const { blue, step } = (0,_standing__WEBPACK_IMPORTED_MODULE_3__/* .checkStep */ .b)(o, now, cp);
    const label = (0,_rollout__WEBPACK_IMPORTED_MODULE_2__/* .stepLabel */ .vO)(o.plan, cp.step);
    const verdict = await judge(o, blue, step.percent, label, cp.since);
    const d = (0,_decide__WEBPACK_IMPORTED_MODULE_1__/* .decide */ .L)({
        now: o.clock.now(),
        since: cp.since,
        bakeMs: step.bakeMs,
        maxBakeMs: (0,_decide__WEBPACK_IMPORTED_MODULE_1__/* .maxBakeOf */ .p)(o.maxBakeMs, step.bakeMs),
        ...(verdict && { verdict: verdict.verdict }),
        onInconclusive: o.onInconclusive,
    });
    const health = verdict ? `; health ${verdict.verdict}: ${verdict.reason}` : '';
    const base = { blue, green: o.green, percent: step.percent, step: cp.step };
    if (d.kind === 'wait') {
        const message = `step ${label}: ${step.percent}% on ${o.router.label(o.green)} since ${new Date(cp.since).toISOString()}, ${d.why}${health}; next due ${new Date(d.due).toISOString()}. Nothing to do yet.`;
        o.log.info(message);
        return { ...base, status: 'in-progress', nextDue: d.due, message, writes: 0 };
    }
    if (d.kind === 'fail')
        return failStep(o, now, base, `${d.why} at step ${label}`, verdict);
    const next = o.plan.steps[cp.step + 1].percent;
    if (o.hold?.includes(next)) {
        return heldStep(o, { ...base, nextDue: cp.since + step.bakeMs }, `step ${label}: ${d.why}${health}`, next);
    }
    o.log.info(`step ${label}: ${d.why}${health}.`);
    const r = await (0,_rollout__WEBPACK_IMPORTED_MODULE_2__/* .writeStep */ .qV)(o, now, blue, cp.step + 1);
    o.log.info(r.message);
    return r;
}
/** A due step whose next percentage is in hold-steps: no write; the run without them (the approved one) moves it. */
function heldStep(o, base, done, next) {
    const into = next >= 100 ? '100% (promotion)' : `${next}%`;
    const message = `${done}; the next step, ${into} on ${o.router.label(o.green)}, is held (hold-steps ${o.hold.join(',')}): it waits for the approved run. This run changed nothing.`;
    o.log.info(message);
    return { ...base, status: 'in-progress', message, writes: 0, held: true };
}
/** The verdict on the evidence since the step began: one evaluation, no bake within the run. */
async function judge(o, blue, percent, label, since) {
    if (!o.gate)
        return undefined;
    return o.gate.watch({ blue, green: o.green, percent, label, durationMs: 0, signal: o.signal, since });
}
/** No checkpoint: all on one version is no rollout (nothing to do); a split without one is not ours to move. */
function noRollout(o, now) {
    const L = o.router.label;
    if (now.green) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`${(0,_routing__WEBPACK_IMPORTED_MODULE_4__/* .capital */ .Nx)(o.router.name)} is split (${(0,_rollout__WEBPACK_IMPORTED_MODULE_2__/* .describeOf */ .FY)(o)(now)}) but holds no checkpoint: it is not a checkpointed rollout (a mode run shift that stopped, or its checkpoint was cleared). Finish it with mode run or roll it back; this run changed nothing.`);
    }
    const done = now.version === o.green ? `: ${L(o.green)} is fully live` : '';
    const message = `${(0,_routing__WEBPACK_IMPORTED_MODULE_4__/* .capital */ .Nx)(o.router.name)} sends 100% to ${L(now.version)} and holds no checkpoint: no rollout to advance${done}. This run changed nothing.`;
    o.log.info(message);
    return {
        status: 'none',
        percent: (0,_routing__WEBPACK_IMPORTED_MODULE_4__/* .greenPercent */ .jz)(now, o.green),
        blue: now.version,
        green: o.green,
        message,
        writes: 0,
    };
}
/** A failed step: back to 100% blue in one write (clearing the checkpoint), or left as it is (on-unhealthy: fail). */
async function failStep(o, now, base, why, verdict) {
    const L = o.router.label;
    const what = `${why} (${base.percent}% on ${L(o.green)})${verdict ? `: ${verdict.reason.replace(/\.+$/, '')}` : ''}`;
    if (o.onUnhealthy === 'fail') {
        const failure = `${what}. on-unhealthy is fail: traffic stays at ${(0,_rollout__WEBPACK_IMPORTED_MODULE_2__/* .describeOf */ .FY)(o)(now)}.`;
        o.log.warning(failure);
        return { ...base, status: 'in-progress', message: failure, failure, reason: what, writes: 0 };
    }
    await o.router.write((0,_routing__WEBPACK_IMPORTED_MODULE_4__/* .allOn */ .PT)(base.blue), now);
    const failure = `${what}. Traffic restored: 100% on ${L(base.blue)}; checkpoint cleared.`;
    o.log.info(failure);
    return { ...base, status: 'rolled-back', percent: 0, message: failure, failure, reason: what, writes: 1 };
}


/***/ }),

/***/ 3748:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ decide),
/* harmony export */   p: () => (/* binding */ maxBakeOf)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
// What one scheduled run (mode advance) does with the step it finds: a decision from data, no calls.

/**
 * Unhealthy fails at once, bake over or not. Otherwise the bake runs out first; then healthy (or inconclusive
 * with on-inconclusive pass) moves on, inconclusive fails, or with wait keeps the step until the verdict is
 * conclusive or max-bake passes.
 */
function decide(f) {
    const elapsed = f.now - f.since;
    const baked = `${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(Math.max(0, elapsed))} of ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(f.bakeMs)}`;
    if (f.verdict === 'unhealthy')
        return { kind: 'fail', why: 'health unhealthy' };
    if (elapsed < f.bakeMs)
        return { kind: 'wait', due: f.since + f.bakeMs, why: `baked ${baked}` };
    if (f.verdict === undefined || f.verdict === 'healthy')
        return { kind: 'next', why: `baked ${baked}` };
    if (f.onInconclusive === 'pass')
        return { kind: 'next', why: `baked ${baked}, inconclusive passes` };
    if (f.onInconclusive === 'wait' && elapsed < f.maxBakeMs) {
        return {
            kind: 'wait',
            due: f.now,
            why: `inconclusive after ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(elapsed)}: waiting for the sample until max-bake ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(f.maxBakeMs)} (${new Date(f.since + f.maxBakeMs).toISOString()})`,
        };
    }
    if (f.onInconclusive === 'wait') {
        return { kind: 'fail', why: `health inconclusive after max-bake ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(f.maxBakeMs)}` };
    }
    return { kind: 'fail', why: 'health inconclusive' };
}
/** The max-bake of a step: the input, else twice the step's bake. */
function maxBakeOf(maxBakeMs, bakeMs) {
    return maxBakeMs ?? 2 * bakeMs;
}


/***/ }),

/***/ 1631:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cl: () => (/* binding */ checkpointAt),
/* harmony export */   FY: () => (/* binding */ describeOf),
/* harmony export */   Id: () => (/* binding */ refuseOtherGreen),
/* harmony export */   ZY: () => (/* binding */ readStanding),
/* harmony export */   gq: () => (/* binding */ refuseOtherPlan),
/* harmony export */   qV: () => (/* binding */ writeStep),
/* harmony export */   vO: () => (/* binding */ stepLabel)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _checkpoint__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4487);
/* harmony import */ var _routing__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(239);
// Checkpointed rollouts (shift-traffic mode start and advance): a rollout that outlives a job. Each run reads the
// routing and its checkpoint, makes at most one write (weights and checkpoint together), and returns.



/** `2/6`: a step of the plan as the log names it. */
function stepLabel(plan, index) {
    return `${index + 1}/${plan.steps.length}`;
}
function describeOf(o) {
    return (r) => (0,_routing__WEBPACK_IMPORTED_MODULE_2__/* .describeRouting */ .ww)(r, o.router.label);
}
/** The routing with its checkpoint; a router that is missing, or holds a checkpoint that does not parse, stops the run. */
async function readStanding(o) {
    const now = await o.router.read();
    if (!now)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`${o.router.missing}.`);
    if (now.checkpointError) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`${(0,_routing__WEBPACK_IMPORTED_MODULE_2__/* .capital */ .Nx)(o.router.name)} holds a checkpoint that cannot be read (${now.checkpointError}). The routing is the truth: ${describeOf(o)(now)}. Roll back (which clears it) and start again; this run changed nothing.`);
    }
    return now;
}
/** A rollout of another version, split or checkpointed, is someone else's: refuse, changing nothing. */
function refuseOtherGreen(o, now) {
    const L = o.router.label;
    const cp = now.checkpoint;
    if (cp && !(0,_checkpoint__WEBPACK_IMPORTED_MODULE_1__/* .isGreen */ .gf)(cp.green, o.green)) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConcurrentChangeError */ .wy(`${(0,_routing__WEBPACK_IMPORTED_MODULE_2__/* .capital */ .Nx)(o.router.name)} holds the checkpoint of a rollout of ${cp.green.startsWith('@') ? `another version (${cp.green})` : L(cp.green)} (${describeOf(o)(now)}), not of green-version ${L(o.green)}. Finish it or roll it back first; this run changed nothing.`);
    }
    if (now.green && now.green !== o.green) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConcurrentChangeError */ .wy(`${(0,_routing__WEBPACK_IMPORTED_MODULE_2__/* .capital */ .Nx)(o.router.name)} is split between ${L(now.version)} and ${L(now.green)} (${describeOf(o)(now)}): a deployment of ${L(now.green)} is in progress. Finish it or roll it back first; this run changed nothing.`);
    }
}
/** A checkpoint of this green written under another plan: the inputs changed since the start. */
function refuseOtherPlan(o, cp) {
    const mine = (0,_checkpoint__WEBPACK_IMPORTED_MODULE_1__/* .planHash */ .SH)(o.plan);
    if (cp.plan !== mine) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`The rollout of ${o.router.label(o.green)} was started with another plan (hash ${cp.plan}) than this run's ${o.plan.name} (hash ${mine}): give the strategy, steps and bake-time the start was given, or roll back and start again. This run changed nothing.`);
    }
}
/** The checkpoint of step `index`, beginning now. */
function checkpointAt(o, index) {
    const since = Math.floor(o.clock.now() / 1000) * 1000;
    return { green: (0,_checkpoint__WEBPACK_IMPORTED_MODULE_1__/* .greenKey */ .B5)(o.green), plan: (0,_checkpoint__WEBPACK_IMPORTED_MODULE_1__/* .planHash */ .SH)(o.plan), step: index, since, run: o.run };
}
/**
 * One write moving to step `index` (100%: promotion, which clears the checkpoint). A concurrent change that turns
 * out to be another run of the same rollout already at or past that step is no failure: nothing is written twice.
 */
async function writeStep(o, from, blue, index) {
    const step = o.plan.steps[index];
    const L = o.router.label;
    const base = { blue, green: o.green, writes: 1 };
    try {
        if (step.percent >= 100 && o.watchMs) {
            const { promoteIntoWatch } = await __webpack_require__.e(/* import() */ 357).then(__webpack_require__.bind(__webpack_require__, 1357));
            return await promoteIntoWatch(o, from, blue, index);
        }
        if (step.percent >= 100) {
            await o.router.write((0,_routing__WEBPACK_IMPORTED_MODULE_2__/* .allOn */ .PT)(o.green), from);
            const message = `step ${stepLabel(o.plan, index)}: 100% on ${L(o.green)}, promoted; checkpoint cleared.`;
            return { ...base, status: 'promoted', percent: 100, message };
        }
        const cp = checkpointAt(o, index);
        await o.router.write((0,_routing__WEBPACK_IMPORTED_MODULE_2__/* .routingAt */ .Uf)(blue, o.green, step.percent), from, cp);
        const due = cp.since + step.bakeMs;
        const message = `step ${stepLabel(o.plan, index)}: ${step.percent}% on ${L(o.green)}; next due ${new Date(due).toISOString()}.`;
        return { ...base, status: 'in-progress', percent: step.percent, step: index, nextDue: due, message };
    }
    catch (err) {
        if (!(err instanceof _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConcurrentChangeError */ .wy))
            throw err;
        const overtaken = await overtakenBy(o, blue, index);
        if (!overtaken)
            throw err;
        return overtaken;
    }
}
/** After a refused write: another run of this rollout already at or past step `index`, as a result of no write. */
async function overtakenBy(o, blue, index) {
    const after = await o.router.read();
    if (!after)
        return undefined;
    const cp = after.checkpoint;
    const L = o.router.label;
    const base = { blue, green: o.green, writes: 0, percent: (0,_routing__WEBPACK_IMPORTED_MODULE_2__/* .greenPercent */ .jz)(after, o.green) };
    if (cp && !cp.watch && (0,_checkpoint__WEBPACK_IMPORTED_MODULE_1__/* .isGreen */ .gf)(cp.green, o.green) && cp.plan === (0,_checkpoint__WEBPACK_IMPORTED_MODULE_1__/* .planHash */ .SH)(o.plan) && cp.step >= index) {
        const due = cp.since + o.plan.steps[cp.step].bakeMs;
        const message = `another run (${cp.run}) moved the rollout to step ${stepLabel(o.plan, cp.step)} first; this run changed nothing.`;
        return { ...base, status: 'in-progress', step: cp.step, nextDue: due, message };
    }
    const promoting = o.plan.steps[index].percent >= 100;
    const watching = after.checkpoint?.watch && (0,_checkpoint__WEBPACK_IMPORTED_MODULE_1__/* .isGreen */ .gf)(after.checkpoint.green, o.green);
    if (promoting && (watching || !(0,_routing__WEBPACK_IMPORTED_MODULE_2__/* .holdsCheckpoint */ .d1)(after)) && !after.green && after.version === o.green) {
        const message = `another run promoted ${L(o.green)} first; this run changed nothing.`;
        return { ...base, status: 'promoted', message };
    }
    return undefined;
}


/***/ }),

/***/ 7744:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ checkStep)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _routing__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(239);
/* harmony import */ var _rollout__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1631);
// A checkpoint read beside the routing must agree with it: the routing is the truth, and a checkpoint whose step
// would route otherwise (someone changed the weights outside the suite, or an ALB run was killed between its
// weight write and its tag write) is refused with the reason, changing nothing.



function checkStep(o, now, cp) {
    const { plan, router, green } = o;
    const step = plan.steps[cp.step];
    // The last step is 100%: promotion clears the checkpoint, so no checkpoint stands at it.
    if (!step || cp.step >= plan.steps.length - 1) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`${(0,_routing__WEBPACK_IMPORTED_MODULE_2__/* .capital */ .Nx)(router.name)} holds a checkpoint at step ${cp.step + 1}, which plan ${plan.name} (${plan.steps.length} steps) never waits at. The routing is the truth: ${(0,_rollout__WEBPACK_IMPORTED_MODULE_1__/* .describeOf */ .FY)(o)(now)}. Roll back and start again; this run changed nothing.`);
    }
    const routed = now.green === green ? (0,_routing__WEBPACK_IMPORTED_MODULE_2__/* .percentOf */ .pR)(now.greenWeight) : undefined;
    if (routed !== step.percent) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`${(0,_routing__WEBPACK_IMPORTED_MODULE_2__/* .capital */ .Nx)(router.name)} holds a checkpoint at step ${(0,_rollout__WEBPACK_IMPORTED_MODULE_1__/* .stepLabel */ .vO)(plan, cp.step)} (${step.percent}% on ${router.label(green)}) but routes ${(0,_rollout__WEBPACK_IMPORTED_MODULE_1__/* .describeOf */ .FY)(o)(now)}. The routing is the truth and disagrees: this run changed nothing. Roll back (which clears the checkpoint) and start again.`);
    }
    return { blue: now.version, step };
}


/***/ })

};
