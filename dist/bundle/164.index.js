export const id = 164;
export const ids = [164];
export const modules = {

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

/***/ 3164:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  shiftTraffic: () => (/* binding */ shiftTraffic)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 7 modules
var src = __webpack_require__(1398);
// EXTERNAL MODULE: ./packages/release/src/routing.ts
var routing = __webpack_require__(239);
;// CONCATENATED MODULE: ./packages/release/src/shift/bake.ts

const PROGRESS_EVERY_MS = 30_000;
/** Waits out a bake without checks, saying in the log how far it is. */
async function bake(o, label, percent, ms) {
    const began = o.clock.now();
    const tick = Math.max(PROGRESS_EVERY_MS, Math.ceil(ms / 10));
    for (let left = ms; left > 0;) {
        const wait = Math.min(tick, left);
        await o.clock.sleep(wait, o.signal);
        left = ms - (o.clock.now() - began);
        if (left > 0) {
            o.log.info(`step ${label}: ${percent}% on ${o.router.label(o.green)}, baked ${(0,src/* formatDuration */.a3)(ms - left)} of ${(0,src/* formatDuration */.a3)(ms)}, next check in ${(0,src/* formatDuration */.a3)(left)}`);
        }
    }
}

;// CONCATENATED MODULE: ./packages/release/src/shift/restore.ts


/** One write putting all traffic on blue, unless someone else has taken the router meanwhile. */
async function restoreBlue(run, known) {
    const { o, blue, expected } = run;
    const now = known ?? (await o.router.read());
    if (now && !now.green && now.version === blue)
        return;
    if (!now || !(0,routing/* sameRouting */.Hm)(now, expected)) {
        throw new src/* ConcurrentChangeError */.wy(`${(0,routing/* capital */.Nx)(o.router.name)} was changed by someone else (now ${now ? run.describe(now) : 'deleted'}); it was left alone.`);
    }
    const target = (0,routing/* allOn */.PT)(blue);
    await o.router.write(target, now);
    o.onRouting?.(target, blue);
    o.log.info(`Traffic restored: 100% on ${o.router.label(blue)}.`);
}
/**
 * A step that threw (a failed call, a cancel): leave traffic as it is when on-cancel is leave, else put it
 * back on blue. A concurrent change is someone else's router now, so it is passed on untouched.
 */
async function afterFailure(run, label, err) {
    if (err instanceof src/* ConcurrentChangeError */.wy)
        throw err;
    const { o, blue, expected } = run;
    const cancelled = err instanceof src/* CancelledError */.cc || o.signal.aborted;
    const what = cancelled ? `Cancelled at step ${label}` : `Step ${label} failed: ${sentence(err)}`;
    if (cancelled && o.onCancel === 'leave') {
        const percent = (0,routing/* greenPercent */.jz)(expected, o.green);
        run.note(label, percent, 'cancelled: traffic left as it is (on-cancel: leave)');
        return run.result(percent >= 100 ? 'promoted' : 'in-progress', percent, `${what}; on-cancel is leave: traffic stays at ${run.describe(expected)}.`);
    }
    if ((0,routing/* sameRouting */.Hm)(expected, run.start))
        throw err;
    const L = o.router.label;
    try {
        await restoreBlue(run);
    }
    catch (restoreErr) {
        throw new src/* DeployError */.sH(`${what}. Restoring 100% on ${L(blue)} failed too: ${sentence(restoreErr)}. The ${o.router.noun} was last set to ${run.describe(expected)}; run the rollback action.`);
    }
    run.note(label, 0, `${cancelled ? 'cancelled' : 'failed'}: rolled back to 100% on ${L(blue)}`);
    return run.result('rolled-back', 0, `${what}. Traffic restored: 100% on ${L(blue)}.`);
}
/** An error's message without its final full stop, to be followed by one of ours. */
function sentence(err) {
    return (0,src/* errorMessage */.gJ)(err).replace(/\.+$/, '');
}

// EXTERNAL MODULE: ./packages/health/src/index.ts + 10 modules
var health_src = __webpack_require__(9890);
;// CONCATENATED MODULE: ./packages/release/src/shift/verdict.ts




/**
 * After a step's bake: the router must still route what this run wrote (else someone else is deploying);
 * then the verdict passes, fails the step as it is (on-unhealthy: fail), or restores blue.
 * Returns the routing read, and the shift's result when the verdict ends it.
 */
async function afterBake(run, label, percent, verdict) {
    const { o, expected } = run;
    const now = await o.router.read();
    if (!now || !(0,routing/* sameRouting */.Hm)(now, expected)) {
        throw new src/* ConcurrentChangeError */.wy(`${(0,routing/* capital */.Nx)(o.router.name)} was changed by someone else during the shift: expected ${run.describe(expected)}, found ${now ? run.describe(now) : 'nothing'}. Another deployment is probably in progress; this run changed nothing more.`);
    }
    if (!verdict)
        return { now };
    run.note(label, percent, `health ${verdict.verdict}: ${verdict.reason}`);
    if ((0,health_src.passes)(verdict.verdict, o.onInconclusive)) {
        o.log.info(`step ${label}: health ${verdict.verdict}${verdict.verdict === 'inconclusive' ? ' (on-inconclusive: pass)' : ''}: ${verdict.reason}`);
        return { now };
    }
    const L = o.router.label;
    const why = `health ${verdict.verdict} at step ${label} (${percent}% on ${L(o.green)}): ${verdict.reason.replace(/\.+$/, '')}`;
    if (o.onUnhealthy === 'fail') {
        const ended = run.result(percent >= 100 ? 'promoted' : 'in-progress', percent, `${why}. on-unhealthy is fail: traffic stays at ${run.describe(expected)}.`);
        return { now, ended };
    }
    await restoreBlue(run, now);
    run.note(label, 0, `rolled back: 100% on ${L(run.blue)}`);
    return { now, ended: run.result('rolled-back', 0, `${why}. Traffic restored: 100% on ${L(run.blue)}.`) };
}

// EXTERNAL MODULE: ./packages/release/src/shift/decide.ts
var decide = __webpack_require__(3748);
;// CONCATENATED MODULE: ./packages/release/src/shift/wait.ts

/**
 * on-inconclusive wait in mode run: after an inconclusive bake, judge the evidence since the step began every
 * interval until the verdict is conclusive or the step has lasted `limitMs` (max-bake); still inconclusive
 * then, the step fails as the caller's on-unhealthy says.
 */
async function waitForSample(o, step, first) {
    let v = first;
    while (v.verdict === 'inconclusive') {
        const left = step.since + step.limitMs - o.clock.now();
        if (left <= 0) {
            return {
                ...v,
                reason: `${v.reason.replace(/\.+$/, '')} (still after max-bake ${(0,src/* formatDuration */.a3)(step.limitMs)})`,
            };
        }
        const next = Math.min(o.intervalMs, left);
        o.log.info(`step ${step.label}: inconclusive, waiting for the sample (on-inconclusive wait): next check in ${(0,src/* formatDuration */.a3)(next)}, max-bake ends in ${(0,src/* formatDuration */.a3)(left)}`);
        await o.clock.sleep(next, o.signal);
        v = await o.gate.watch({
            blue: step.blue,
            green: o.green,
            percent: step.percent,
            label: step.label,
            durationMs: 0,
            signal: o.signal,
            since: step.since,
        });
    }
    return v;
}

;// CONCATENATED MODULE: ./packages/release/src/shift/loop.ts








/** Moves traffic step by step from blue to green, judging each step; restores blue on a bad verdict. */
async function shiftTraffic(o) {
    const { router, green, log } = o;
    const L = router.label;
    const describe = (r) => (0,routing/* describeRouting */.ww)(r, L);
    const start = await router.read();
    if (!start) {
        throw new src/* DeployError */.sH(`${router.missing}.`);
    }
    const timeline = [];
    const note = (step, percent, event) => timeline.push({ at: o.clock.now(), step, percent, event });
    if (start.green && start.green !== green) {
        throw new src/* ConcurrentChangeError */.wy(`${(0,routing/* capital */.Nx)(router.name)} is split between ${L(start.version)} and ${L(start.green)} (${describe(start)}): a deployment of ${L(start.green)} is in progress. Finish it with shift-traffic or undo it with rollback first; this run changed nothing.`);
    }
    if (!start.green && start.version === green) {
        log.info(`${(0,routing/* capital */.Nx)(router.name)} already sends 100% to ${L(green)}: nothing to shift.`);
        note('-', 100, `already 100% on ${L(green)}`);
        return { status: 'promoted', percent: 100, blue: green, green, timeline };
    }
    const blue = start.version;
    await router.checkPair(blue, green);
    const run = {
        o,
        blue,
        start,
        expected: start,
        timeline,
        note,
        describe,
        result: (status, percent, failure) => ({
            status,
            percent,
            blue,
            green,
            timeline,
            ...(failure && { failure }),
        }),
    };
    const current = start.green ? (0,routing/* percentOf */.pR)(start.greenWeight) : 0;
    const steps = o.plan.steps.filter((s) => s.percent > current);
    if (current > 0)
        log.info(`Resuming: ${router.name} already sends ${current}% to ${L(green)}.`);
    log.info(`Plan ${o.plan.name}: ${steps.map((s) => `${s.percent}%`).join(' → ')} from ${L(blue)} to ${L(green)}.`);
    if (steps.length === 0)
        return run.result('in-progress', current);
    let read = start;
    let label = '';
    try {
        for (const [i, step] of steps.entries()) {
            label = `${i + 1}/${steps.length}`;
            const last = i === steps.length - 1;
            const target = (0,routing/* routingAt */.Uf)(blue, green, step.percent);
            await router.write(target, read);
            run.expected = target;
            o.onRouting?.(target, blue);
            note(label, step.percent, `shifted: ${describe(target)}`);
            // The checks watch the bake (evaluating every interval) and, after the last step, `finalWatchMs`,
            // as CodeDeploy's AfterAllowTraffic hook checks after all traffic has moved.
            const watchMs = last ? o.finalWatchMs : step.bakeMs;
            log.info(`step ${label}: ${step.percent}% to ${L(green)}${nextCheck(o, watchMs)}`);
            if (o.signal.aborted)
                throw o.signal.reason;
            let verdict;
            if (o.gate) {
                const since = o.clock.now();
                const at = { blue, percent: step.percent, label, since, limitMs: (0,decide/* maxBakeOf */.p)(o.maxBakeMs, watchMs) };
                verdict = await o.gate.watch({
                    blue,
                    green,
                    percent: step.percent,
                    label,
                    durationMs: watchMs,
                    signal: o.signal,
                });
                if (o.onInconclusive === 'wait')
                    verdict = await waitForSample(o, at, verdict);
            }
            else if (step.bakeMs > 0) {
                await bake(o, label, step.percent, step.bakeMs);
            }
            if (!last || verdict) {
                const after = await afterBake(run, label, step.percent, verdict);
                if (after.ended)
                    return after.ended;
                read = after.now;
            }
            if (last && step.percent >= 100) {
                log.info(`shift complete: 100% on ${L(green)}, promoted.`);
                return run.result('promoted', 100);
            }
            if (last) {
                log.info(`the plan ends at ${step.percent}% and leaves the split in place.`);
                return run.result('in-progress', step.percent);
            }
        }
    }
    catch (err) {
        return afterFailure(run, label, err);
    }
    throw new Error('unreachable: the plan always ends with a return');
}
function nextCheck(o, watchMs) {
    if (watchMs > 0)
        return `, next check in ${(0,src/* formatDuration */.a3)(o.gate ? Math.min(o.intervalMs, watchMs) : watchMs)}`;
    return o.gate ? ', checking now' : '';
}


/***/ })

};
