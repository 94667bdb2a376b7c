export const id = 868;
export const ids = [868];
export const modules = {

/***/ 1824:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C2: () => (/* binding */ parseStatusRanges),
/* harmony export */   EK: () => (/* binding */ hasChecks),
/* harmony export */   Ll: () => (/* binding */ readHealthConfig),
/* harmony export */   Nq: () => (/* binding */ requireChecks),
/* harmony export */   Sx: () => (/* binding */ parseLatencyLimits),
/* harmony export */   ci: () => (/* binding */ parseAlarms),
/* harmony export */   zZ: () => (/* binding */ hasAlarms)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);

const HOUR = 3_600_000;
// eslint-disable-next-line no-control-regex -- alarm names are any printable characters
const ALARM_NAME = /^[^\u0000-\u001f\u007f]{1,255}$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;
/** Every health input, checked; shared by health-gate and shift-traffic so both judge alike. */
function readHealthConfig(inputs) {
    const alarms = parseAlarms(inputs.text('alarms', { multiline: true }));
    const maxErrorRate = optionalNumber(inputs, 'max-error-rate', {
        min: 0,
        max: 100,
        expected: 'a percentage from 0 to 100, for example 2',
        percent: true,
    });
    const maxLatencyRatio = optionalNumber(inputs, 'max-latency-ratio', {
        min: 1,
        max: 100,
        expected: 'a ratio from 1 to 100 of green p95 over blue p95, for example 1.5',
    });
    const maxLatencyMs = parseLatencyLimits(inputs.text('max-latency-ms'));
    const minInvocations = inputs.integer('min-invocations', 50, 1, 1_000_000_000);
    const windowMs = inputs.duration('window', '5m', { ms: 24 * HOUR, label: '24h' });
    if (windowMs < 60_000 || windowMs % 60_000 !== 0) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('window', inputs.text('window'), 'must be whole minutes, at least 1m: Lambda publishes metrics per minute');
    }
    const metrics = maxErrorRate !== undefined || maxLatencyRatio !== undefined || maxLatencyMs
        ? { maxErrorRate, maxLatencyRatio, ...(maxLatencyMs && { maxLatencyMs }), minInvocations, windowMs }
        : undefined;
    const http = readHttp(inputs);
    const payload = inputs.json('invoke-payload');
    const expect = inputs.matcher('invoke-expect');
    if (expect && !payload)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('invoke-expect', inputs.text('invoke-expect'), 'needs invoke-payload');
    const durationMs = inputs.duration('duration', '0', { ms: 6 * HOUR, label: '6h' });
    const intervalMs = inputs.duration('interval', '1m', { ms: HOUR, label: '1h' });
    if (intervalMs < 1000)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('interval', inputs.text('interval'), 'must be at least 1s');
    const consecutiveFailures = inputs.integer('consecutive-failures', 1, 1, 100);
    const onInconclusive = inputs.oneOf('on-inconclusive', ['fail', 'pass'], 'fail');
    return {
        alarms,
        ...(metrics && { metrics }),
        ...(http && { http }),
        ...(payload && { invoke: { payload, expect } }),
        durationMs,
        intervalMs,
        consecutiveFailures,
        onInconclusive,
    };
}
/** A gate with nothing to check would pass anything: fail closed instead. */
function requireChecks(c) {
    if (!hasChecks(c)) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('alarms', '', 'health-gate needs at least one check: alarms, max-error-rate, max-latency-ratio, max-latency-ms, http-url or invoke-payload');
    }
}
function hasAlarms(c) {
    return c.alarms.names.length + c.alarms.prefixes.length > 0;
}
function hasChecks(c) {
    return hasAlarms(c) || !!c.metrics || !!c.http || !!c.invoke;
}
/** "orders-errors, orders-latency" or one per line; "orders-*" is every alarm whose name starts "orders-". */
function parseAlarms(text) {
    const names = [];
    const prefixes = [];
    for (const item of text
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean)) {
        if (!ALARM_NAME.test(item))
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('alarms', item, 'must be CloudWatch alarm names of 1 to 255 characters');
        const star = item.indexOf('*');
        if (star === -1)
            names.push(item);
        else if (star === item.length - 1 && star > 0)
            prefixes.push(item.slice(0, -1));
        else
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('alarms', item, 'may use * only at the end of a name, as a prefix: orders-*');
    }
    if (names.length > 100)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('alarms', text, 'may name at most 100 alarms');
    return { names, prefixes };
}
const LATENCY_LIMITS = 'must be latency limits in ms by percentile, such as p95=2000,p99=5000 (a bare number means p99): percentiles p1 to p99.9, each named once, limits whole ms from 1 to 900000';
/** "p95=2000,p99=5000"; a bare "3000" is p99=3000. */
function parseLatencyLimits(text) {
    if (text === '')
        return undefined;
    const limits = {};
    for (const item of text.split(',').map((s) => s.trim())) {
        const m = /^(?:(p\d{1,2}(?:\.\d)?)\s*=\s*)?(\d{1,6})$/.exec(item);
        const stat = m ? (m[1] ?? 'p99') : '';
        const ms = Number(m?.[2]);
        if (!m || Number(stat.slice(1)) < 1 || ms < 1 || ms > 900_000 || stat in limits) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('max-latency-ms', text, LATENCY_LIMITS);
        }
        limits[stat] = ms;
    }
    return limits;
}
/** "200-299", "200,204,300-399": the statuses a healthy endpoint answers with. */
function parseStatusRanges(name, text) {
    return text.split(',').map((part) => {
        const m = /^\s*(\d{3})(?:\s*-\s*(\d{3}))?\s*$/.exec(part);
        const from = Number(m?.[1]);
        const to = Number(m?.[2] ?? m?.[1]);
        if (!m || from < 100 || to > 599 || from > to) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, text, 'must be HTTP statuses or ranges from 100 to 599, for example 200-299 or 200,204,301-302');
        }
        return { from, to };
    });
}
function readHttp(inputs) {
    // Inputs with an action.yml default always arrive, so they are checked whether or not a URL is given.
    const method = inputs.oneOf('http-method', ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], 'GET');
    const expect = parseStatusRanges('http-expect-status', inputs.text('http-expect-status') || '200-299');
    const samples = inputs.integer('http-samples', 3, 1, 100);
    const url = inputs.text('http-url');
    if (!url) {
        const stray = ['http-max-latency-ms', 'http-headers', 'http-body'].find((n) => inputs.text(n, { multiline: true }) !== '');
        if (stray)
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(stray, inputs.text(stray, { multiline: true }), 'needs http-url');
        return undefined;
    }
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('http-url', url, 'must be an absolute http:// or https:// URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('http-url', url, 'must be an absolute http:// or https:// URL');
    }
    // Credentials in a URL would be printed in every log line and report that names the probe.
    if (parsed.username || parsed.password) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('http-url', url.replace(/\/\/[^@/]*@/, '//***@'), 'must not hold credentials: send them in http-headers (Authorization: ...)');
    }
    const headers = {};
    for (const line of inputs
        .text('http-headers', { multiline: true })
        .split('\n')
        .filter((l) => l.trim())) {
        const m = /^([^:]+):(.*)$/.exec(line.trim());
        if (!m || !HEADER_NAME.test(m[1].trim()) || !HEADER_VALUE.test(m[2])) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('http-headers', line, 'must be one "Name: value" header per line, in printable ASCII');
        }
        headers[m[1].trim()] = m[2].trim();
    }
    const body = inputs.text('http-body', { multiline: true, max: 64 * 1024 });
    if (body && (method === 'GET' || method === 'HEAD')) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('http-body', body, `cannot go with http-method ${method}: use POST, PUT, PATCH, DELETE or OPTIONS`);
    }
    const maxLatencyMs = inputs.text('http-max-latency-ms')
        ? inputs.integer('http-max-latency-ms', 0, 1, 600_000)
        : undefined;
    return {
        url: parsed.toString(),
        method,
        headers,
        ...(body && { body }),
        expect,
        ...(maxLatencyMs !== undefined && { maxLatencyMs }),
        samples,
    };
}
function optionalNumber(inputs, name, range) {
    const raw = inputs.text(name);
    const text = range.percent ? raw.replace(/%$/, '') : raw;
    if (text === '')
        return undefined;
    if (!/^\d+(\.\d+)?$/.test(text) || Number(text) < range.min || Number(text) > range.max) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, raw, `must be ${range.expected}`);
    }
    return Number(text);
}


/***/ }),

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

/***/ 3566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ readAlias),
/* harmony export */   O: () => (/* binding */ writeAlias)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1696);
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(239);
/* harmony import */ var _routing__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4160);




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
                if (now && (0,_deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_3__/* .sameRouting */ .Hm)(now, target))
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
/* harmony import */ var _routing__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4160);
/* harmony import */ var _versions__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4797);







const CONFLICT_RETRIES = 4;
async function deployGreen(o) {
    const { lambda, functionName: fn, alias, log } = o;
    const clock = o.clock ?? _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .ml;
    // Pre-flight: every check that can refuse the deploy runs before the first write.
    const latest = await (0,_versions__WEBPACK_IMPORTED_MODULE_3__/* .getConfig */ .zj)(lambda, fn);
    checkPackageType(latest, o.source);
    const live = await (0,_alias__WEBPACK_IMPORTED_MODULE_1__/* .readAlias */ .J)(lambda, fn, alias);
    if (live?.green) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`Alias "${alias}" is split between v${live.version} and v${live.green} (${(0,_routing__WEBPACK_IMPORTED_MODULE_4__/* .describeAlias */ .IN)(live)}): a deployment is in progress. Finish it with shift-traffic or undo it with rollback before deploying again.`);
    }
    if (live) {
        const blue = await (0,_versions__WEBPACK_IMPORTED_MODULE_3__/* .getConfig */ .zj)(lambda, fn, live.version);
        const mismatch = (0,_versions__WEBPACK_IMPORTED_MODULE_3__/* .compatibility */ .pB)(blue, latest);
        if (mismatch) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`The new version could not share alias "${alias}" with v${live.version}: ${mismatch}. AWS requires the same execution role and dead-letter queue for a weighted alias; align the function configuration first.`);
        }
    }
    let sha = latest.CodeSha256 ?? '';
    let revisionId = latest.RevisionId;
    if (latest.LastUpdateStatus === 'InProgress') {
        log.info(`An earlier update of ${fn} is still in progress; waiting for it first.`);
        await waitUpdated(o, 'an earlier update of the function');
        ({ CodeSha256: sha = '', RevisionId: revisionId } = await (0,_versions__WEBPACK_IMPORTED_MODULE_3__/* .getConfig */ .zj)(lambda, fn));
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
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConcurrentChangeError */ .wy(`Alias "${o.alias}" was created by someone else during this deploy (${now ? (0,_routing__WEBPACK_IMPORTED_MODULE_4__/* .describeAlias */ .IN)(now) : 'gone again'}); it was left alone. v${green} is published without traffic.`);
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


/***/ }),

/***/ 6836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ checkInvoke)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1696);
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _deploy_actions_health__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9890);



/** Invokes the version itself (not the alias), so the answer is the version's own. */
async function checkInvoke(lambda, cfg, functionName, t) {
    const threshold = { expect: cfg.expect?.describe ?? 'no function error' };
    try {
        const out = await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__/* .InvokeCommand */ .mdN({
            FunctionName: functionName,
            Qualifier: t.version,
            Payload: new TextEncoder().encode(cfg.payload),
        }));
        const body = out.Payload ? new TextDecoder().decode(out.Payload) : '';
        const observed = { functionError: out.FunctionError ?? null, response: (0,_deploy_actions_health__WEBPACK_IMPORTED_MODULE_1__.clip)(body) };
        if (out.FunctionError) {
            return {
                check: 'invoke',
                verdict: 'unhealthy',
                reason: `v${t.version} returned a function error (${out.FunctionError}): ${(0,_deploy_actions_health__WEBPACK_IMPORTED_MODULE_1__.clip)(body)}`,
                observed,
                threshold,
            };
        }
        if (cfg.expect && !cfg.expect.test(body)) {
            return {
                check: 'invoke',
                verdict: 'unhealthy',
                reason: `v${t.version} answered ${(0,_deploy_actions_health__WEBPACK_IMPORTED_MODULE_1__.clip)(body)}, which does not match ${cfg.expect.describe}`,
                observed,
                threshold,
            };
        }
        return {
            check: 'invoke',
            verdict: 'healthy',
            reason: `v${t.version} answered the invoke${cfg.expect ? ` matching ${cfg.expect.describe}` : ''}`,
            observed,
            threshold,
        };
    }
    catch (err) {
        return {
            check: 'invoke',
            verdict: 'unhealthy',
            reason: `invoking v${t.version} failed: ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)}`,
            observed: {},
            threshold,
        };
    }
}


/***/ }),

/***/ 4160:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IN: () => (/* binding */ describeAlias),
/* harmony export */   Pf: () => (/* binding */ label),
/* harmony export */   ae: () => (/* binding */ aliasState)
/* harmony export */ });
/* harmony import */ var _deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(239);

/** Versions as Lambda users know them: v7. */
function label(version) {
    return `v${version}`;
}
function aliasState(a) {
    const weights = Object.entries(a.RoutingConfig?.AdditionalVersionWeights ?? {});
    const [green, weight] = weights[0] ?? [];
    return {
        version: a.FunctionVersion ?? '',
        ...(green !== undefined && { green }),
        greenWeight: green !== undefined ? (weight ?? 0) : 0,
        revision: a.RevisionId,
    };
}
function describeAlias(r) {
    return (0,_deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_0__/* .describeRouting */ .ww)(r, label);
}


/***/ }),

/***/ 4797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pB: () => (/* binding */ compatibility),
/* harmony export */   zA: () => (/* binding */ checkPair),
/* harmony export */   zj: () => (/* binding */ getConfig)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1696);
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);


/**
 * $LATEST or one version's configuration. A missing version named by an input is that input's error;
 * a missing function says so plainly.
 */
async function getConfig(lambda, fn, qualifier, input) {
    try {
        return await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__/* .GetFunctionConfigurationCommand */ .qA6({ FunctionName: fn, Qualifier: qualifier }));
    }
    catch (err) {
        if ((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err) !== 'ResourceNotFoundException')
            throw err;
        if (!qualifier) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`Function ${fn} does not exist in this account and region: create it first (deploy-green updates an existing function).`);
        }
        if (input)
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, qualifier, `must be a published version of ${fn}; version ${qualifier} does not exist`);
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`Version ${qualifier} of ${fn}, which the alias serves, does not exist.`);
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
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`v${blue} and v${green} cannot share a weighted alias: ${mismatch} (AWS requires the same execution role and dead-letter queue).`);
    }
}


/***/ })

};
