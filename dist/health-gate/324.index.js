export const id = 324;
export const ids = [324];
export const modules = {

/***/ 1324:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  aliasState: () => (/* reexport */ aliasState),
  describeAlias: () => (/* reexport */ describeAlias),
  greenPercent: () => (/* reexport */ greenPercent),
  percentOf: () => (/* reexport */ percentOf),
  readAlias: () => (/* binding */ readAlias),
  sameRouting: () => (/* reexport */ sameRouting),
  writeAlias: () => (/* binding */ writeAlias)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-lambda/dist-cjs/index.js
var dist_cjs = __webpack_require__(1696);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 5 modules
var src = __webpack_require__(286);
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


/***/ })

};
