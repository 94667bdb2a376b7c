export const id = 111;
export const ids = [111];
export const modules = {

/***/ 9111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deployGreen: () => (/* binding */ deployGreen)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1696);
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(239);
/* harmony import */ var _alias__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3566);
/* harmony import */ var _invoke__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6836);
/* harmony import */ var _routing__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4160);
/* harmony import */ var _versions__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4797);







const CONFLICT_RETRIES = 4;
async function deployGreen(o) {
    const { lambda, functionName: fn, alias, log } = o;
    const clock = o.clock ?? _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .ml;
    // Pre-flight: every check that can refuse the deploy runs before the first write.
    const latest = await (0,_versions__WEBPACK_IMPORTED_MODULE_4__/* .getConfig */ .zj)(lambda, fn);
    checkPackageType(latest, o.source);
    const live = await (0,_alias__WEBPACK_IMPORTED_MODULE_1__/* .readAlias */ .J)(lambda, fn, alias);
    if (live?.green) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`Alias "${alias}" is split between v${live.version} and v${live.green} (${(0,_routing__WEBPACK_IMPORTED_MODULE_3__/* .describeAlias */ .IN)(live)}): a deployment is in progress. Finish it with shift-traffic or undo it with rollback before deploying again.`);
    }
    if (live) {
        const blue = await (0,_versions__WEBPACK_IMPORTED_MODULE_4__/* .getConfig */ .zj)(lambda, fn, live.version);
        const mismatch = (0,_versions__WEBPACK_IMPORTED_MODULE_4__/* .compatibility */ .pB)(blue, latest);
        if (mismatch) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`The new version could not share alias "${alias}" with v${live.version}: ${mismatch}. AWS requires the same execution role and dead-letter queue for a weighted alias; align the function configuration first.`);
        }
    }
    let sha = latest.CodeSha256 ?? '';
    let revisionId = latest.RevisionId;
    if (latest.LastUpdateStatus === 'InProgress') {
        log.info(`An earlier update of ${fn} is still in progress; waiting for it first.`);
        await waitUpdated(o, 'an earlier update of the function');
        ({ CodeSha256: sha = '', RevisionId: revisionId } = await (0,_versions__WEBPACK_IMPORTED_MODULE_4__/* .getConfig */ .zj)(lambda, fn));
    }
    if (o.source.kind !== 'none') {
        sha = await updateCode(o, revisionId, clock);
        log.info(`Code updated (${describeSource(o.source)}), sha256 ${sha}; waiting for the update to finish.`);
        await waitUpdated(o, 'the code update');
    }
    const published = await publish(o, sha, clock);
    const green = published.Version ?? '';
    if (published.State === 'Pending') {
        const waited = await (0,_aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_5__/* .waitForPublishedVersionActive */ .pZL)({ client: lambda, maxWaitTime: waitSeconds(o.waitTimeoutMs), minDelay: 1, maxDelay: 10 }, { FunctionName: fn, Qualifier: green });
        if (waited.state !== 'SUCCESS')
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`Version ${green} did not become Active within ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(o.waitTimeoutMs)} (${waited.state}).`);
    }
    const blueVersion = live?.version ?? '';
    const changed = green !== blueVersion;
    log.info(changed
        ? `Published v${green} (blue is ${blueVersion ? `v${blueVersion}` : 'none yet'}).`
        : `Nothing changed: v${green} is already live.`);
    if (o.smoke) {
        const verdict = await (0,_invoke__WEBPACK_IMPORTED_MODULE_2__/* .checkInvoke */ .H)(lambda, o.smoke, fn, { version: green });
        if (verdict.verdict !== 'healthy')
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`Smoke test of v${green} failed: ${verdict.reason}. No traffic was moved.`);
        log.info(`Smoke test passed: ${verdict.reason}.`);
    }
    await o.beforeTraffic?.({
        green,
        blue: blueVersion,
        env: { GREEN_QUALIFIED_ARN: published.FunctionArn ?? '' },
    });
    const aliasCreated = !live && (await createAlias(o, green));
    return {
        greenVersion: green,
        blueVersion,
        functionArn: published.FunctionArn ?? '',
        codeSha256: published.CodeSha256 ?? sha,
        changed,
        aliasCreated,
    };
}
function checkPackageType(cfg, source) {
    const type = cfg.PackageType ?? 'Zip';
    if (source.kind === 'image' && type !== 'Image') {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`image-uri was given but ${cfg.FunctionName} is a ${type} function: use zip-file or s3-bucket/s3-key.`);
    }
    if ((source.kind === 'zip' || source.kind === 's3') && type === 'Image') {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`${source.kind === 'zip' ? 'zip-file' : 's3-bucket'} was given but ${cfg.FunctionName} is a container image function: use image-uri.`);
    }
}
async function updateCode(o, revisionId, clock) {
    const req = { FunctionName: o.functionName, RevisionId: revisionId };
    const s = o.source;
    if (s.kind === 'zip')
        req.ZipFile = s.zip;
    if (s.kind === 's3')
        Object.assign(req, { S3Bucket: s.bucket, S3Key: s.key, S3ObjectVersion: s.objectVersion });
    if (s.kind === 'image')
        req.ImageUri = s.uri;
    try {
        const out = await retryConflicts(o, clock, 'UpdateFunctionCode', () => o.lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_5__/* .UpdateFunctionCodeCommand */ .KfB(req)));
        return out.CodeSha256 ?? '';
    }
    catch (err) {
        if ((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err) !== 'PreconditionFailedException')
            throw err;
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConcurrentChangeError */ .wy(`${o.functionName} was changed by someone else since this deploy read it (its RevisionId no longer matches); nothing was updated. Run the deploy again.`);
    }
}
/**
 * Publishes exactly the code just deployed: CodeSha256 makes AWS refuse if someone changed it meanwhile
 * (https://docs.aws.amazon.com/lambda/latest/api/API_PublishVersion.html).
 */
async function publish(o, sha, clock) {
    try {
        return await retryConflicts(o, clock, 'PublishVersion', () => o.lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_5__/* .PublishVersionCommand */ .D3m({
            FunctionName: o.functionName,
            CodeSha256: sha || undefined,
            Description: o.description || undefined,
        })));
    }
    catch (err) {
        // A mismatch is InvalidParameterValueException "CodeSHA256 (...) is different from current CodeSHA256 in $LATEST".
        if ((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err) === 'InvalidParameterValueException' && /CodeSHA256/i.test((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err))) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConcurrentChangeError */ .wy(`Publishing was refused because the function's code no longer matches sha256 ${sha}: someone else updated ${o.functionName} during this deploy. Nothing was published; run the deploy again.`);
        }
        throw err;
    }
}
/** 409 ResourceConflictException: an update is still being applied; wait for it and try again. */
async function retryConflicts(o, clock, op, call) {
    for (let attempt = 1;; attempt++) {
        try {
            return await call();
        }
        catch (err) {
            if ((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err) !== 'ResourceConflictException' || attempt >= CONFLICT_RETRIES)
                throw err;
            o.log.info(`${op}: an update of ${o.functionName} is still in progress; waiting before retry ${attempt}.`);
            await waitUpdated(o, 'the update in progress');
            await clock.sleep(1000 * attempt);
        }
    }
}
/** Waits for LastUpdateStatus Successful with the SDK's waiter, bounded by wait-timeout. */
async function waitUpdated(o, what) {
    const result = await (0,_aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_5__/* .waitForFunctionUpdated */ .GNm)({ client: o.lambda, maxWaitTime: waitSeconds(o.waitTimeoutMs), minDelay: 1, maxDelay: 10 }, { FunctionName: o.functionName });
    if (result.state === 'SUCCESS')
        return;
    const reason = result.reason;
    if (result.state === 'FAILURE') {
        const cfg = reason;
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`Lambda reports ${what} Failed: ${cfg?.LastUpdateStatusReason ?? 'no reason given'} (${cfg?.LastUpdateStatusReasonCode ?? 'no code'}).`);
    }
    if (result.state === 'TIMEOUT')
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`Waited ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(o.waitTimeoutMs)} (wait-timeout) for ${what} to finish; it is still in progress.`);
    throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`Waiting for ${what} failed: ${reason instanceof Error ? reason.message : String(result.state)}`);
}
/** First deploy: the alias starts on the green version. Someone creating it meanwhile is a concurrent deployment. */
async function createAlias(o, green) {
    try {
        await o.lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_5__/* .CreateAliasCommand */ .W_e({ FunctionName: o.functionName, Name: o.alias, FunctionVersion: green }));
        o.log.info(`Created alias "${o.alias}" on v${green} (first deploy).`);
        return true;
    }
    catch (err) {
        if ((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err) !== 'ResourceConflictException')
            throw err;
        const now = await (0,_alias__WEBPACK_IMPORTED_MODULE_1__/* .readAlias */ .J)(o.lambda, o.functionName, o.alias);
        if (now && (0,_deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_6__/* .sameRouting */ .Hm)(now, { version: green, greenWeight: 0 }))
            return true;
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConcurrentChangeError */ .wy(`Alias "${o.alias}" was created by someone else during this deploy (${now ? (0,_routing__WEBPACK_IMPORTED_MODULE_3__/* .describeAlias */ .IN)(now) : 'gone again'}); it was left alone. v${green} is published without traffic.`);
    }
}
/** The SDK's waiters want a maximum above their minimum delay of 1s. */
function waitSeconds(ms) {
    return Math.max(2, Math.ceil(ms / 1000));
}
function describeSource(s) {
    if (s.kind === 'zip')
        return `zip ${s.path}`;
    if (s.kind === 's3')
        return `s3://${s.bucket}/${s.key}${s.objectVersion ? `?versionId=${s.objectVersion}` : ''}`;
    if (s.kind === 'image')
        return `image ${s.uri}`;
    return 'current code';
}


/***/ })

};
