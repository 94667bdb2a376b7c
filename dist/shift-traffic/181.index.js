export const id = 181;
export const ids = [181,409];
export const modules = {

/***/ 1409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hm: () => (/* reexport safe */ _routing__WEBPACK_IMPORTED_MODULE_1__.Hm),
/* harmony export */   IN: () => (/* reexport safe */ _routing__WEBPACK_IMPORTED_MODULE_1__.IN),
/* harmony export */   jz: () => (/* reexport safe */ _routing__WEBPACK_IMPORTED_MODULE_1__.jz),
/* harmony export */   pR: () => (/* reexport safe */ _routing__WEBPACK_IMPORTED_MODULE_1__.pR),
/* harmony export */   readAlias: () => (/* binding */ readAlias),
/* harmony export */   writeAlias: () => (/* binding */ writeAlias)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1696);
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(286);
/* harmony import */ var _routing__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4003);




/** The alias, or undefined when it does not exist. */
async function readAlias(lambda, fn, alias) {
    try {
        return (0,_routing__WEBPACK_IMPORTED_MODULE_1__/* .aliasState */ .ae)(await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__/* .GetAliasCommand */ .MES({ FunctionName: fn, Name: alias })));
    }
    catch (err) {
        if ((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err) === 'ResourceNotFoundException')
            return undefined;
        throw err;
    }
}
const CONFLICT_RETRIES = 5;
/**
 * One UpdateAlias guarded by the RevisionId read just before it
 * (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateAlias.html).
 * A 412 whose alias already matches the target is our own write retried after a lost response;
 * any other 412 means someone else changed the alias.
 */
async function writeAlias(lambda, fn, alias, target, revisionId, clock = _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .ml) {
    for (let attempt = 1;; attempt++) {
        try {
            const out = await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__/* .UpdateAliasCommand */ .lqC({
                FunctionName: fn,
                Name: alias,
                FunctionVersion: target.version,
                RoutingConfig: {
                    AdditionalVersionWeights: target.green ? { [target.green]: target.greenWeight } : {},
                },
                RevisionId: revisionId,
            }));
            return (0,_routing__WEBPACK_IMPORTED_MODULE_1__/* .aliasState */ .ae)(out);
        }
        catch (err) {
            const name = (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err);
            if (name === 'PreconditionFailedException') {
                const now = await readAlias(lambda, fn, alias);
                if (now && (0,_routing__WEBPACK_IMPORTED_MODULE_1__/* .sameRouting */ .Hm)(now, target))
                    return now;
                throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConcurrentChangeError */ .wy(`Alias "${alias}" was changed by someone else (its RevisionId no longer matches): it is now ${now ? (0,_routing__WEBPACK_IMPORTED_MODULE_1__/* .describeAlias */ .IN)(now) : 'deleted'}. Another deployment is probably in progress; this run changed nothing more.`);
            }
            // 409: an update of the function is still being applied; the alias itself is unchanged, so retry as is.
            if (name === 'ResourceConflictException' && attempt < CONFLICT_RETRIES) {
                await clock.sleep(1000 * 2 ** (attempt - 1));
                continue;
            }
            throw err;
        }
    }
}


/***/ }),

/***/ 181:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  shiftTraffic: () => (/* binding */ shiftTraffic)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 5 modules
var src = __webpack_require__(286);
// EXTERNAL MODULE: ./packages/lambda/src/alias.ts
var src_alias = __webpack_require__(1409);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-lambda/dist-cjs/index.js
var dist_cjs = __webpack_require__(1696);
;// CONCATENATED MODULE: ./packages/lambda/src/versions.ts


/**
 * $LATEST or one version's configuration. A missing version named by an input is that input's error;
 * a missing function says so plainly.
 */
async function getConfig(lambda, fn, qualifier, input) {
    try {
        return await lambda.send(new dist_cjs/* GetFunctionConfigurationCommand */.qA6({ FunctionName: fn, Qualifier: qualifier }));
    }
    catch (err) {
        if ((0,src/* awsErrorName */.ZH)(err) !== 'ResourceNotFoundException')
            throw err;
        if (!qualifier) {
            throw new src/* DeployError */.sH(`Function ${fn} does not exist in this account and region: create it first (deploy-green updates an existing function).`);
        }
        if (input)
            throw new src/* InputError */.dz(input, qualifier, `must be a published version of ${fn}; version ${qualifier} does not exist`);
        throw new src/* DeployError */.sH(`Version ${qualifier} of ${fn}, which the alias serves, does not exist.`);
    }
}
/**
 * Both versions of a weighted alias must share the execution role and dead-letter queue:
 * https://docs.aws.amazon.com/lambda/latest/dg/configuring-alias-routing.html
 */
function compatibility(blue, green) {
    if (blue.Role !== green.Role)
        return `execution role ${blue.Role} ≠ ${green.Role}`;
    const dlq = (c) => c.DeadLetterConfig?.TargetArn ?? 'none';
    if (dlq(blue) !== dlq(green))
        return `dead-letter queue ${dlq(blue)} ≠ ${dlq(green)}`;
    return undefined;
}
async function checkPair(lambda, fn, blue, green) {
    const [b, g] = await Promise.all([
        getConfig(lambda, fn, blue),
        getConfig(lambda, fn, green, 'green-version'),
    ]);
    const mismatch = compatibility(b, g);
    if (mismatch) {
        throw new src/* DeployError */.sH(`v${blue} and v${green} cannot share a weighted alias: ${mismatch} (AWS requires the same execution role and dead-letter queue).`);
    }
}

;// CONCATENATED MODULE: ./packages/lambda/src/shift.ts



const PROGRESS_EVERY_MS = 30_000;
async function shiftTraffic(o) {
    const { lambda, functionName: fn, alias, green, log, clock } = o;
    const timeline = [];
    const note = (step, percent, event) => timeline.push({ at: clock.now(), step, percent, event });
    const start = await (0,src_alias.readAlias)(lambda, fn, alias);
    if (!start) {
        throw new src/* DeployError */.sH(`Alias "${alias}" of function ${fn} does not exist (or the function does not exist): deploy-green creates the alias on the first deploy.`);
    }
    if (start.green && start.green !== green) {
        throw new src/* ConcurrentChangeError */.wy(`Alias "${alias}" is split between v${start.version} and v${start.green} (${(0,src_alias/* describeAlias */.IN)(start)}): a deployment of v${start.green} is in progress. Finish it with shift-traffic or undo it with rollback first; this run changed nothing.`);
    }
    if (!start.green && start.version === green) {
        log.info(`Alias "${alias}" already sends 100% to v${green}: nothing to shift.`);
        note('-', 100, `already 100% on v${green}`);
        return { status: 'promoted', percent: 100, blue: green, green, timeline };
    }
    const blue = start.version;
    await checkPair(lambda, fn, blue, green);
    const result = (status, percent, failure) => ({
        status,
        percent,
        blue,
        green,
        timeline,
        ...(failure && { failure }),
    });
    const current = start.green ? (0,src_alias/* percentOf */.pR)(start.greenWeight) : 0;
    const steps = o.plan.steps.filter((s) => s.percent > current);
    if (current > 0)
        log.info(`Resuming: alias "${alias}" already sends ${current}% to v${green}.`);
    log.info(`Plan ${o.plan.name}: ${steps.map((s) => `${s.percent}%`).join(' → ')} from v${blue} to v${green}.`);
    if (steps.length === 0) {
        return result('in-progress', current);
    }
    let expected = start;
    let revision = start.revisionId;
    let label = '';
    try {
        for (const [i, step] of steps.entries()) {
            label = `${i + 1}/${steps.length}`;
            const last = i === steps.length - 1;
            const target = step.percent >= 100
                ? { version: green, greenWeight: 0 }
                : { version: blue, green, greenWeight: step.percent / 100 };
            await (0,src_alias.writeAlias)(lambda, fn, alias, target, revision, clock);
            expected = target;
            o.onRouting?.(target, blue);
            note(label, step.percent, `shifted: ${(0,src_alias/* describeAlias */.IN)(target)}`);
            // The checks watch the bake (evaluating every interval) and, after the last step, `finalWatchMs`,
            // as CodeDeploy's AfterAllowTraffic hook checks after all traffic has moved.
            const watchMs = last ? o.finalWatchMs : step.bakeMs;
            log.info(`step ${label}: ${step.percent}% to v${green}` +
                (watchMs > 0
                    ? `, next check in ${(0,src/* formatDuration */.a3)(o.gate ? Math.min(o.intervalMs, watchMs) : watchMs)}`
                    : o.gate
                        ? ', checking now'
                        : ''));
            if (o.signal.aborted)
                throw o.signal.reason;
            let verdict;
            if (o.gate) {
                verdict = await o.gate.watch({
                    functionName: fn,
                    alias,
                    blue,
                    green,
                    percent: step.percent,
                    label,
                    durationMs: watchMs,
                    signal: o.signal,
                });
            }
            else if (step.bakeMs > 0) {
                await bake(o, label, step.percent, step.bakeMs);
            }
            if (!last || verdict) {
                const now = await (0,src_alias.readAlias)(lambda, fn, alias);
                if (!now || !(0,src_alias/* sameRouting */.Hm)(now, expected)) {
                    throw new src/* ConcurrentChangeError */.wy(`Alias "${alias}" was changed by someone else during the shift: expected ${(0,src_alias/* describeAlias */.IN)(expected)}, found ${now ? (0,src_alias/* describeAlias */.IN)(now) : 'no alias'}. Another deployment is probably in progress; this run changed nothing more.`);
                }
                revision = now.revisionId;
                if (verdict) {
                    note(label, step.percent, `health ${verdict.verdict}: ${verdict.reason}`);
                    const passes = verdict.verdict === 'healthy' ||
                        (verdict.verdict === 'inconclusive' && o.onInconclusive === 'pass');
                    if (passes) {
                        log.info(`step ${label}: health ${verdict.verdict}${verdict.verdict === 'inconclusive' ? ' (on-inconclusive: pass)' : ''}: ${verdict.reason}`);
                    }
                    else {
                        const why = `health ${verdict.verdict} at step ${label} (${step.percent}% on v${green}): ${verdict.reason.replace(/\.+$/, '')}`;
                        if (o.onUnhealthy === 'fail') {
                            return result(step.percent >= 100 ? 'promoted' : 'in-progress', step.percent, `${why}. on-unhealthy is fail: traffic stays at ${(0,src_alias/* describeAlias */.IN)(expected)}.`);
                        }
                        await restoreBlue(o, blue, expected, now);
                        note(label, 0, `rolled back: 100% on v${blue}`);
                        return result('rolled-back', 0, `${why}. Traffic restored: 100% on v${blue}.`);
                    }
                }
            }
            if (last && step.percent >= 100) {
                log.info(`shift complete: 100% on v${green}, promoted.`);
                return result('promoted', 100);
            }
            if (last) {
                log.info(`the plan ends at ${step.percent}% and leaves the split in place.`);
                return result('in-progress', step.percent);
            }
        }
    }
    catch (err) {
        if (err instanceof src/* ConcurrentChangeError */.wy)
            throw err;
        const cancelled = err instanceof src/* CancelledError */.cc || o.signal.aborted;
        const what = cancelled ? `Cancelled at step ${label}` : `Step ${label} failed: ${sentence(err)}`;
        if (cancelled && o.onCancel === 'leave') {
            const percent = (0,src_alias/* greenPercent */.jz)(expected, green);
            note(label, percent, 'cancelled: traffic left as it is (on-cancel: leave)');
            return result(percent >= 100 ? 'promoted' : 'in-progress', percent, `${what}; on-cancel is leave: traffic stays at ${(0,src_alias/* describeAlias */.IN)(expected)}.`);
        }
        if ((0,src_alias/* sameRouting */.Hm)(expected, start))
            throw err;
        try {
            await restoreBlue(o, blue, expected);
        }
        catch (restoreErr) {
            throw new src/* DeployError */.sH(`${what}. Restoring 100% on v${blue} failed too: ${sentence(restoreErr)}. The alias was last set to ${(0,src_alias/* describeAlias */.IN)(expected)}; run the rollback action.`);
        }
        note(label, 0, `${cancelled ? 'cancelled' : 'failed'}: rolled back to 100% on v${blue}`);
        return result('rolled-back', 0, `${what}. Traffic restored: 100% on v${blue}.`);
    }
    throw new Error('unreachable: the plan always ends with a return');
}
/** One write putting all traffic on blue, unless someone else has taken the alias meanwhile. */
async function restoreBlue(o, blue, expected, known) {
    const now = known ?? (await (0,src_alias.readAlias)(o.lambda, o.functionName, o.alias));
    if (now && !now.green && now.version === blue)
        return;
    if (!now || !(0,src_alias/* sameRouting */.Hm)(now, expected)) {
        throw new src/* ConcurrentChangeError */.wy(`Alias "${o.alias}" was changed by someone else (now ${now ? (0,src_alias/* describeAlias */.IN)(now) : 'deleted'}); it was left alone.`);
    }
    const target = { version: blue, greenWeight: 0 };
    await (0,src_alias.writeAlias)(o.lambda, o.functionName, o.alias, target, now.revisionId, o.clock);
    o.onRouting?.(target, blue);
    o.log.info(`Traffic restored: 100% on v${blue}.`);
}
/** An error's message without its final full stop, to be followed by one of ours. */
function sentence(err) {
    return (0,src/* errorMessage */.gJ)(err).replace(/\.+$/, '');
}
async function bake(o, label, percent, ms) {
    const began = o.clock.now();
    const tick = Math.max(PROGRESS_EVERY_MS, Math.ceil(ms / 10));
    for (let left = ms; left > 0;) {
        const wait = Math.min(tick, left);
        await o.clock.sleep(wait, o.signal);
        left = ms - (o.clock.now() - began);
        if (left > 0) {
            o.log.info(`step ${label}: ${percent}% on v${o.green}, baked ${(0,src/* formatDuration */.a3)(ms - left)} of ${(0,src/* formatDuration */.a3)(ms)}, next check in ${(0,src/* formatDuration */.a3)(left)}`);
        }
    }
}


/***/ })

};
