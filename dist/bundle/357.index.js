export const id = 357;
export const ids = [357];
export const modules = {

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
