export const id = 456;
export const ids = [456];
export const modules = {

/***/ 1456:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rollback: () => (/* binding */ rollback)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 5 modules
var src = __webpack_require__(286);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-lambda/dist-cjs/index.js
var dist_cjs = __webpack_require__(1696);
;// CONCATENATED MODULE: ./packages/lambda/src/routing.ts
function aliasState(a) {
    const weights = Object.entries(a.RoutingConfig?.AdditionalVersionWeights ?? {});
    const [green, weight] = weights[0] ?? [];
    return {
        version: a.FunctionVersion ?? '',
        ...(green !== undefined && { green }),
        greenWeight: green !== undefined ? (weight ?? 0) : 0,
        revisionId: a.RevisionId,
    };
}
function percentOf(weight) {
    return Math.round(weight * 10_000) / 100;
}
function describeAlias(s) {
    if (!s.green)
        return `100% on v${s.version}`;
    return `v${s.version} ${percentOf(1 - s.greenWeight)}% / v${s.green} ${percentOf(s.greenWeight)}%`;
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

;// CONCATENATED MODULE: ./packages/lambda/src/alias.ts




/** The alias, or undefined when it does not exist. */
async function readAlias(lambda, fn, alias) {
    try {
        return aliasState(await lambda.send(new dist_cjs/* GetAliasCommand */.MES({ FunctionName: fn, Name: alias })));
    }
    catch (err) {
        if ((0,src/* awsErrorName */.ZH)(err) === 'ResourceNotFoundException')
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
async function writeAlias(lambda, fn, alias, target, revisionId, clock = src/* systemClock */.ml) {
    for (let attempt = 1;; attempt++) {
        try {
            const out = await lambda.send(new dist_cjs/* UpdateAliasCommand */.lqC({
                FunctionName: fn,
                Name: alias,
                FunctionVersion: target.version,
                RoutingConfig: {
                    AdditionalVersionWeights: target.green ? { [target.green]: target.greenWeight } : {},
                },
                RevisionId: revisionId,
            }));
            return aliasState(out);
        }
        catch (err) {
            const name = (0,src/* awsErrorName */.ZH)(err);
            if (name === 'PreconditionFailedException') {
                const now = await readAlias(lambda, fn, alias);
                if (now && sameRouting(now, target))
                    return now;
                throw new src/* ConcurrentChangeError */.wy(`Alias "${alias}" was changed by someone else (its RevisionId no longer matches): it is now ${now ? describeAlias(now) : 'deleted'}. Another deployment is probably in progress; this run changed nothing more.`);
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
        throw new DeployError(`v${blue} and v${green} cannot share a weighted alias: ${mismatch} (AWS requires the same execution role and dead-letter queue).`);
    }
}

;// CONCATENATED MODULE: ./packages/lambda/src/rollback.ts



/** One UpdateAlias with the RevisionId just read, then GetAlias to prove where traffic goes. */
async function rollback(o) {
    const { lambda, functionName: fn, alias, log } = o;
    const now = await readAlias(lambda, fn, alias);
    if (!now)
        throw new src/* DeployError */.sH(`Alias "${alias}" of function ${fn} does not exist (or the function does not exist): there is nothing to roll back.`);
    const before = describeAlias(now);
    let to = o.to;
    if (to === 'previous') {
        if (!now.green && o.previousFromHistory) {
            to = await o.previousFromHistory(now.version);
        }
        else if (!now.green) {
            throw new src/* InputError */.dz('to', 'previous', `found no unfinished split to undo: alias "${alias}" sends 100% to v${now.version}. Give the version to return to, for example to: ${Math.max(1, Number(now.version) - 1)}, or environment to find the last good version in the deployment history`);
        }
        else {
            to = now.version;
        }
    }
    const from = now.green ?? now.version;
    const target = { version: to, greenWeight: 0 };
    if (sameRouting(now, target)) {
        log.info(`Alias "${alias}" already sends 100% to v${to}: nothing to do.`);
        return { fromVersion: from, toVersion: to, changed: false, before, after: before };
    }
    if (to !== now.version)
        await getConfig(lambda, fn, to, 'to');
    await writeAlias(lambda, fn, alias, target, now.revisionId, o.clock);
    const after = await readAlias(lambda, fn, alias);
    if (!after || !sameRouting(after, target)) {
        throw new src/* DeployError */.sH(`Rollback wrote alias "${alias}" to v${to} but reading it back shows ${after ? describeAlias(after) : 'no alias'}.`);
    }
    log.info(`Rolled back alias "${alias}": ${before} → ${describeAlias(after)}.`);
    return { fromVersion: from, toVersion: to, changed: true, before, after: describeAlias(after) };
}


/***/ })

};
