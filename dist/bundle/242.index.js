export const id = 242;
export const ids = [242];
export const modules = {

/***/ 1631:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FY: () => (/* binding */ describeOf),
/* harmony export */   Id: () => (/* binding */ refuseOtherGreen),
/* harmony export */   ZY: () => (/* binding */ readStanding),
/* harmony export */   gq: () => (/* binding */ refuseOtherPlan),
/* harmony export */   qV: () => (/* binding */ writeStep),
/* harmony export */   vO: () => (/* binding */ stepLabel)
/* harmony export */ });
/* unused harmony export checkpointAt */
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
    if (cp && cp.green !== (0,_checkpoint__WEBPACK_IMPORTED_MODULE_1__/* .greenKey */ .B5)(o.green)) {
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
    if (cp && cp.green === (0,_checkpoint__WEBPACK_IMPORTED_MODULE_1__/* .greenKey */ .B5)(o.green) && cp.plan === (0,_checkpoint__WEBPACK_IMPORTED_MODULE_1__/* .planHash */ .SH)(o.plan) && cp.step >= index) {
        const due = cp.since + o.plan.steps[cp.step].bakeMs;
        const message = `another run (${cp.run}) moved the rollout to step ${stepLabel(o.plan, cp.step)} first; this run changed nothing.`;
        return { ...base, status: 'in-progress', step: cp.step, nextDue: due, message };
    }
    const promoting = o.plan.steps[index].percent >= 100;
    if (promoting && !(0,_routing__WEBPACK_IMPORTED_MODULE_2__/* .holdsCheckpoint */ .d1)(after) && !after.green && after.version === o.green) {
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


/***/ }),

/***/ 1242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rolloutStatus: () => (/* binding */ rolloutStatus)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _checkpoint__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4487);
/* harmony import */ var _routing__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(239);
/* harmony import */ var _rollout__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1631);
/* harmony import */ var _standing__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7744);
// shift-traffic mode status: where a checkpointed rollout stands, from one read of the routing and its checkpoint
// and no write, for a scheduled driver's first job to decide what its next job does. Checked as an advance run
// checks it (the plan hash, the step against the routing); a checkpoint refused there is refused here.





async function rolloutStatus(o) {
    const now = await (0,_rollout__WEBPACK_IMPORTED_MODULE_2__/* .readStanding */ .ZY)(o);
    if (o.green)
        (0,_rollout__WEBPACK_IMPORTED_MODULE_2__/* .refuseOtherGreen */ .Id)({ router: o.router, green: o.green }, now);
    const cp = now.checkpoint;
    if (!cp)
        return noRollout(o, now);
    const green = o.green || now.green || cp.green;
    if (!o.green && now.green && cp.green !== (0,_checkpoint__WEBPACK_IMPORTED_MODULE_1__/* .greenKey */ .B5)(now.green)) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`${(0,_routing__WEBPACK_IMPORTED_MODULE_4__/* .capital */ .Nx)(o.router.name)} holds the checkpoint of a rollout of ${cp.green.startsWith('@') ? `another version (${cp.green})` : o.router.label(cp.green)} but routes ${(0,_rollout__WEBPACK_IMPORTED_MODULE_2__/* .describeOf */ .FY)(o)(now)}. The routing is the truth and disagrees: roll back (which clears the checkpoint) and start again. This run changed nothing.`);
    }
    const facts = { router: o.router, green, plan: o.plan };
    (0,_rollout__WEBPACK_IMPORTED_MODULE_2__/* .refuseOtherPlan */ .gq)(facts, cp);
    const { blue, step } = (0,_standing__WEBPACK_IMPORTED_MODULE_3__/* .checkStep */ .b)(facts, now, cp);
    const nextPercent = o.plan.steps[cp.step + 1].percent;
    const nextDue = cp.since + step.bakeMs;
    const due = o.clock.now() >= nextDue;
    const L = o.router.label;
    const next = nextPercent >= 100 ? `promotion to 100%` : `${nextPercent}%`;
    const message = `step ${(0,_rollout__WEBPACK_IMPORTED_MODULE_2__/* .stepLabel */ .vO)(o.plan, cp.step)}: ${step.percent}% on ${L(green)} since ${new Date(cp.since).toISOString()} (run ${cp.run}); the next step, ${next}, ${due ? 'is due now' : `is due ${new Date(nextDue).toISOString()}`}.`;
    o.log.info(message);
    return {
        status: 'in-progress',
        percent: step.percent,
        blue,
        green,
        step: cp.step,
        nextPercent,
        nextDue,
        due,
        message,
    };
}
/**
 * No checkpoint: no rollout for a scheduled run to drive. A split without one is a shift within one job (mode run)
 * or one that stopped: not ours to move, and no failure of a scheduled run either.
 */
function noRollout(o, now) {
    const L = o.router.label;
    const green = o.green || now.green || '';
    const what = now.green
        ? `is split (${(0,_rollout__WEBPACK_IMPORTED_MODULE_2__/* .describeOf */ .FY)(o)(now)}) but holds no checkpoint: a shift within one job (mode run), or one that stopped, not a checkpointed rollout`
        : `sends 100% to ${L(now.version)} and holds no checkpoint`;
    const message = `${(0,_routing__WEBPACK_IMPORTED_MODULE_4__/* .capital */ .Nx)(o.router.name)} ${what}: no rollout in progress.`;
    o.log.info(message);
    return {
        status: 'none',
        percent: green ? (0,_routing__WEBPACK_IMPORTED_MODULE_4__/* .greenPercent */ .jz)(now, green) : 0,
        blue: now.version,
        green,
        due: false,
        message,
    };
}


/***/ })

};
