export const id = 242;
export const ids = [242,357];
export const modules = {

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


/***/ }),

/***/ 1242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rolloutStatus: () => (/* binding */ rolloutStatus)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _checkpoint__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4487);
/* harmony import */ var _routing__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(239);
/* harmony import */ var _rollout__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1631);
/* harmony import */ var _standing__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7744);
/* harmony import */ var _watch__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1357);
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
    const green = o.green || now.green || (cp.watch ? now.version : cp.green);
    if (!o.green && now.green && !(0,_checkpoint__WEBPACK_IMPORTED_MODULE_1__/* .isGreen */ .gf)(cp.green, now.green)) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`${(0,_routing__WEBPACK_IMPORTED_MODULE_5__/* .capital */ .Nx)(o.router.name)} holds the checkpoint of a rollout of ${cp.green.startsWith('@') ? `another version (${cp.green})` : o.router.label(cp.green)} but routes ${(0,_rollout__WEBPACK_IMPORTED_MODULE_2__/* .describeOf */ .FY)(o)(now)}. The routing is the truth and disagrees: roll back (which clears the checkpoint) and start again. This run changed nothing.`);
    }
    const facts = { router: o.router, green, plan: o.plan };
    (0,_rollout__WEBPACK_IMPORTED_MODULE_2__/* .refuseOtherPlan */ .gq)(facts, cp);
    if (cp.watch) {
        const w = (0,_watch__WEBPACK_IMPORTED_MODULE_4__.watchStanding)(facts, now, cp, o.clock.now());
        o.log.info(w.message);
        return {
            status: 'watching',
            percent: 100,
            blue: w.blue,
            green,
            step: cp.step,
            nextDue: w.nextDue,
            due: true,
            watchEnds: w.ends,
            message: w.message,
        };
    }
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
    const message = `${(0,_routing__WEBPACK_IMPORTED_MODULE_5__/* .capital */ .Nx)(o.router.name)} ${what}: no rollout in progress.`;
    o.log.info(message);
    return {
        status: 'none',
        percent: green ? (0,_routing__WEBPACK_IMPORTED_MODULE_5__/* .greenPercent */ .jz)(now, green) : 0,
        blue: now.version,
        green,
        due: false,
        message,
    };
}


/***/ }),

/***/ 1357:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkWatch: () => (/* binding */ checkWatch),
/* harmony export */   markAt: () => (/* binding */ markAt),
/* harmony export */   marksOf: () => (/* binding */ marksOf),
/* harmony export */   promoteIntoWatch: () => (/* binding */ promoteIntoWatch),
/* harmony export */   watchStanding: () => (/* binding */ watchStanding),
/* harmony export */   watchTick: () => (/* binding */ watchTick)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _checkpoint__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4487);
/* harmony import */ var _routing__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(239);
/* harmony import */ var _rollout__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1631);
// The watch after promotion (watch-after, mode start and advance): promotion writes 100% green with a checkpoint
// that records blue and when the watch began. Each scheduled run then judges green alone since the watch began,
// by absolute limits (blue serves no traffic), and does exactly one of: nothing (no write), roll back to the
// recorded blue (one write, checkpoint cleared), or end the watch (one write clearing the checkpoint; the
// routing stays 100% green). The judgments at 1 h, 6 h and 24 h (and the watch's end) are marks the summary and
// the history record.




const HOUR = 3_600_000;
/** The judgments the summary and the history keep: 1 h, 6 h and 24 h after promotion, and the watch's end. */
const MARKS = [1 * HOUR, 6 * HOUR, 24 * HOUR];
/** The marks of a watch of `ms`: those within it, and its end. */
function marksOf(ms) {
    return [...new Set([...MARKS.filter((m) => m < ms), ms])];
}
/** The latest mark at or before `elapsed`, and the next one after it. */
function markAt(ms, elapsed) {
    const marks = marksOf(ms);
    const passed = marks.filter((m) => m <= elapsed).pop();
    const next = marks.find((m) => m > elapsed);
    return { ...(passed !== undefined && { passed }), ...(next !== undefined && { next }) };
}
/** Promotion with watch-after: 100% green and a watch checkpoint, in one write. */
async function promoteIntoWatch(o, from, blue, index) {
    const cp = (0,_checkpoint__WEBPACK_IMPORTED_MODULE_1__/* .fitWatch */ .nO)({ ...(0,_rollout__WEBPACK_IMPORTED_MODULE_2__/* .checkpointAt */ .Cl)(o, index), watch: { ms: o.watchMs, blue } }, o.green);
    await o.router.write((0,_routing__WEBPACK_IMPORTED_MODULE_3__/* .allOn */ .PT)(o.green), from, cp);
    const ends = cp.since + cp.watch.ms;
    const first = cp.since + marksOf(cp.watch.ms)[0];
    const message = `step ${(0,_rollout__WEBPACK_IMPORTED_MODULE_2__/* .stepLabel */ .vO)(o.plan, index)}: 100% on ${o.router.label(o.green)}, promoted; watching it alone for ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(cp.watch.ms)} (until ${iso(ends)}), ready to go back to ${o.router.label(blue)}; next due ${iso(first)}.`;
    return {
        status: 'watching',
        percent: 100,
        blue,
        green: o.green,
        step: index,
        nextDue: first,
        watch: { began: cp.since, ends },
        message,
        writes: 1,
    };
}
/** The routing of a watch is 100% green: anything else is refused, changing nothing. */
function checkWatch(o, now, cp) {
    if (now.green ||
        now.version !== o.green ||
        !(0,_checkpoint__WEBPACK_IMPORTED_MODULE_1__/* .isGreen */ .gf)(cp.green, o.green) ||
        cp.step !== o.plan.steps.length - 1) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`${(0,_routing__WEBPACK_IMPORTED_MODULE_3__/* .capital */ .Nx)(o.router.name)} holds the checkpoint of the watch after promoting ${o.router.label(o.green)} but routes ${(0,_rollout__WEBPACK_IMPORTED_MODULE_2__/* .describeOf */ .FY)(o)(now)}. The routing is the truth and disagrees: this run changed nothing. Roll back (which clears the checkpoint) and start again.`);
    }
    return { blue: cp.watch.blue, ms: cp.watch.ms };
}
/** One run in the watch: judge green alone since the watch began; roll back, end the watch, or do nothing. */
async function watchTick(o, now, cp) {
    const { blue, ms } = checkWatch(o, now, cp);
    const L = o.router.label;
    const at = o.clock.now();
    const elapsed = at - cp.since;
    const ends = cp.since + ms;
    const verdict = await judgeAlone(o, cp);
    const { passed, next } = markAt(ms, elapsed);
    const mark = passed !== undefined && verdict ? markOf(passed, verdict) : undefined;
    const base = {
        blue,
        green: o.green,
        percent: 100,
        step: cp.step,
        watch: { began: cp.since, ends },
        ...(mark && { mark }),
    };
    const since = `${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(Math.max(0, elapsed))} of the ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(ms)} watch`;
    const health = verdict ? `health ${verdict.verdict}: ${verdict.reason}` : 'no checks';
    if (verdict?.verdict === 'unhealthy')
        return rollBackWatch(o, now, base, `${since}: ${verdict.reason}`);
    if (elapsed >= ms) {
        await o.router.write((0,_routing__WEBPACK_IMPORTED_MODULE_3__/* .allOn */ .PT)(o.green), now);
        const message = `watch over after ${since}, ${health}: ${L(o.green)} stays 100%; checkpoint cleared.`;
        o.log.info(message);
        return { ...base, status: 'promoted', message, writes: 1 };
    }
    const due = cp.since + (next ?? ms);
    const message = `watching ${L(o.green)} alone, ${since}, ${health}; next due ${iso(due)}. Nothing to do yet.`;
    o.log.info(message);
    return { ...base, status: 'watching', nextDue: due, message, writes: 0 };
}
/** Green turned bad in the watch: back to the recorded blue in one write (clearing the checkpoint), or left. */
async function rollBackWatch(o, now, base, why) {
    const L = o.router.label;
    const what = `unhealthy in the watch after promotion (${L(o.green)} alone, ${why.replace(/\.+$/, '')})`;
    if (o.onUnhealthy === 'fail') {
        const failure = `${what}. on-unhealthy is fail: ${L(o.green)} stays 100%, watched.`;
        o.log.warning(failure);
        return { ...base, status: 'watching', message: failure, failure, reason: what, writes: 0 };
    }
    await o.router.write((0,_routing__WEBPACK_IMPORTED_MODULE_3__/* .allOn */ .PT)(base.blue), now);
    const failure = `${what}. Traffic restored: 100% on ${L(base.blue)}; checkpoint cleared.`;
    o.log.info(failure);
    return { ...base, status: 'rolled-back', percent: 0, message: failure, failure, reason: what, writes: 1 };
}
/** Green alone since the watch began: no baseline, so the ratios to blue are not judged (and say so). */
async function judgeAlone(o, cp) {
    if (!o.gate)
        return undefined;
    return o.gate.watch({
        green: o.green,
        percent: 100,
        label: 'watch',
        durationMs: 0,
        signal: o.signal,
        since: cp.since,
    });
}
function markOf(at, v) {
    const last = v.evaluations[v.evaluations.length - 1];
    const figures = Object.fromEntries((last?.checks ?? []).map((c) => [c.check, c.observed]));
    return {
        label: at % HOUR === 0 ? `${at / HOUR}h` : (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(at),
        verdict: v.verdict,
        reason: v.reason,
        figures,
    };
}
/** Where a watch stands, for mode status: every run in it judges, so it is always due. */
function watchStanding(o, now, cp, at) {
    const { blue, ms } = checkWatch(o, now, cp);
    const elapsed = at - cp.since;
    const { next } = markAt(ms, elapsed);
    const nextDue = cp.since + (next ?? ms);
    const ends = cp.since + ms;
    const message = `watching ${o.router.label(o.green)} alone after promotion (run ${cp.run}): ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(Math.max(0, elapsed))} of ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(ms)}, until ${iso(ends)}; it goes back to ${o.router.label(blue)} if it turns bad. Every run judges it; the next mark is due ${iso(nextDue)}.`;
    return { blue, nextDue, ends, message };
}
function iso(ms) {
    return new Date(ms).toISOString();
}


/***/ })

};
