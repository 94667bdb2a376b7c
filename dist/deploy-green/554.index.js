export const id = 554;
export const ids = [554];
export const modules = {

/***/ 2554:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployGreen: () => (/* binding */ deployGreen)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-lambda/dist-cjs/index.js
var dist_cjs = __webpack_require__(1696);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 5 modules
var src = __webpack_require__(286);
;// CONCATENATED MODULE: ./packages/lambda/src/routing.ts
function routing_aliasState(a) {
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
function routing_describeAlias(s) {
    if (!s.green)
        return `100% on v${s.version}`;
    return `v${s.version} ${percentOf(1 - s.greenWeight)}% / v${s.green} ${percentOf(s.greenWeight)}%`;
}
function routing_sameRouting(a, b) {
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
        return routing_aliasState(await lambda.send(new dist_cjs/* GetAliasCommand */.MES({ FunctionName: fn, Name: alias })));
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
async function writeAlias(lambda, fn, alias, target, revisionId, clock = systemClock) {
    for (let attempt = 1;; attempt++) {
        try {
            const out = await lambda.send(new UpdateAliasCommand({
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
            const name = awsErrorName(err);
            if (name === 'PreconditionFailedException') {
                const now = await readAlias(lambda, fn, alias);
                if (now && sameRouting(now, target))
                    return now;
                throw new ConcurrentChangeError(`Alias "${alias}" was changed by someone else (its RevisionId no longer matches): it is now ${now ? describeAlias(now) : 'deleted'}. Another deployment is probably in progress; this run changed nothing more.`);
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

;// CONCATENATED MODULE: ./packages/health/src/checks.ts



const SIGNIFICANCE = 0.05;
/** Every alarm the config names, read once; names that match nothing are the alarms input's error. */
async function resolveAlarms(cw, alarms) {
    const found = await describeAlarms(cw, alarms);
    const byName = new Set(found.map((a) => a.AlarmName));
    const missing = alarms.names.filter((n) => !byName.has(n));
    if (missing.length)
        throw new InputError('alarms', missing.join(', '), 'names no CloudWatch alarm in this account and region');
    for (const prefix of alarms.prefixes) {
        if (!found.some((a) => a.AlarmName?.startsWith(prefix))) {
            throw new InputError('alarms', `${prefix}*`, 'matches no CloudWatch alarm in this account and region');
        }
    }
    return [...byName].filter((n) => !!n).sort();
}
async function describeAlarms(cw, alarms) {
    const out = [];
    const pages = [
        ...(alarms.names.length ? [{ AlarmNames: alarms.names }] : []),
        ...alarms.prefixes.map((p) => ({ AlarmNamePrefix: p })),
    ];
    for (const filter of pages) {
        let token;
        do {
            const r = await cw.send(new DescribeAlarmsCommand({
                ...filter,
                AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
                NextToken: token,
            }));
            out.push(...(r.MetricAlarms ?? []), ...(r.CompositeAlarms ?? []));
            token = r.NextToken;
        } while (token);
    }
    // A name and a prefix may find the same alarm.
    return [...new Map(out.map((a) => [a.AlarmName, a])).values()];
}
/** Any alarm in ALARM is unhealthy; INSUFFICIENT_DATA is inconclusive; a read that fails is unhealthy. */
async function checkAlarms(cw, alarms) {
    let found;
    try {
        found = await describeAlarms(cw, alarms);
    }
    catch (err) {
        return unreadable('alarms', `could not read the alarms: ${errorMessage(err)}`);
    }
    const inAlarm = found.filter((a) => a.StateValue === 'ALARM').map((a) => a.AlarmName);
    const noData = found.filter((a) => a.StateValue === 'INSUFFICIENT_DATA').map((a) => a.AlarmName);
    const observed = {
        alarms: found.length,
        inAlarm: inAlarm.join(', ') || null,
        insufficientData: noData.join(', ') || null,
    };
    const result = (verdict, reason) => ({
        check: 'alarms',
        verdict,
        reason,
        observed,
        threshold: { inAlarm: 'none' },
    });
    if (inAlarm.length)
        return result('unhealthy', `alarm ${inAlarm.join(', ')} in ALARM`);
    if (noData.length)
        return result('inconclusive', `alarm ${noData.join(', ')} has INSUFFICIENT_DATA`);
    return result('healthy', `${found.length} alarm(s) OK`);
}
/**
 * One GetMetricData call for every query of one evaluation: Lambda's per-version metrics carry the
 * ExecutedVersion dimension beside FunctionName and Resource (function:alias):
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
 */
async function readVersionMetrics(cw, t, windowMs, withLatency, now) {
    const period = windowMs / 1000;
    const versions = { g: t.version, ...(t.baseline && { b: t.baseline }) };
    const queries = [];
    for (const [key, version] of Object.entries(versions)) {
        const dims = [
            { Name: 'FunctionName', Value: t.functionName },
            { Name: 'Resource', Value: `${t.functionName}:${t.alias}` },
            { Name: 'ExecutedVersion', Value: version },
        ];
        const metric = (id, name, stat) => ({
            Id: `${key}${id}`,
            MetricStat: {
                Metric: { Namespace: 'AWS/Lambda', MetricName: name, Dimensions: dims },
                Period: period,
                Stat: stat,
            },
            ReturnData: true,
        });
        queries.push(metric('inv', 'Invocations', 'Sum'), metric('err', 'Errors', 'Sum'), metric('thr', 'Throttles', 'Sum'));
        if (withLatency)
            queries.push(metric('p95', 'Duration', 'p95'));
    }
    const values = new Map();
    let token;
    do {
        const r = await cw.send(new GetMetricDataCommand({
            MetricDataQueries: queries,
            StartTime: new Date(now - windowMs),
            EndTime: new Date(now),
            NextToken: token,
        }));
        for (const result of r.MetricDataResults ?? []) {
            if (result.StatusCode === 'Forbidden' || result.StatusCode === 'InternalError') {
                throw new Error(`metric ${result.Id} answered ${result.StatusCode}: ${result.Messages?.map((m) => m.Value).join('; ') ?? ''}`);
            }
            values.set(result.Id, [...(values.get(result.Id) ?? []), ...(result.Values ?? [])]);
        }
        token = r.NextToken;
    } while (token);
    const sum = (id) => (values.get(id) ?? []).reduce((a, b) => a + b, 0);
    // A window can straddle two periods; the worse p95 of the two is the safe reading.
    const p95 = (id) => (values.get(id)?.length ? Math.max(...values.get(id)) : undefined);
    const read = (k) => ({
        invocations: sum(`${k}inv`),
        errors: sum(`${k}err`),
        throttles: sum(`${k}thr`),
        ...(withLatency && { p95: p95(`${k}p95`) }),
    });
    return { green: read('g'), ...(t.baseline && { blue: read('b') }) };
}
/** Failure rate of the judged version against max-error-rate, beside a one-sided test against the baseline. */
function judgeMetrics(m, cfg, t) {
    const g = m.green;
    const failures = g.errors + g.throttles;
    // Throttled requests are not counted in Invocations, yet the caller saw them fail.
    const total = g.invocations + g.throttles;
    const rate = total ? (failures / total) * 100 : null;
    const blueTotal = m.blue ? m.blue.invocations + m.blue.throttles : 0;
    const blueRate = m.blue && blueTotal ? ((m.blue.errors + m.blue.throttles) / blueTotal) * 100 : null;
    const comparison = m.blue
        ? compareFailureRates({ failures, total }, { failures: m.blue.errors + m.blue.throttles, total: blueTotal })
        : undefined;
    const ratio = g.p95 !== undefined && m.blue?.p95 ? g.p95 / m.blue.p95 : null;
    const observed = {
        invocations: g.invocations,
        errors: g.errors,
        throttles: g.throttles,
        errorRate: round(rate),
        baselineErrorRate: round(blueRate),
        pValue: comparison ? round(comparison.pValue, 4) : null,
        p95: g.p95 ?? null,
        baselineP95: m.blue?.p95 ?? null,
        latencyRatio: round(ratio),
    };
    const threshold = {
        minInvocations: cfg.minInvocations,
        maxErrorRate: cfg.maxErrorRate ?? null,
        maxLatencyRatio: cfg.maxLatencyRatio ?? null,
        significance: SIGNIFICANCE,
    };
    const result = (verdict, reason) => ({
        check: 'metrics',
        verdict,
        reason,
        observed,
        threshold,
    });
    if (total < cfg.minInvocations) {
        return result('inconclusive', `v${t.version} served ${total} requests in the window, below min-invocations ${cfg.minInvocations}`);
    }
    if (cfg.maxErrorRate !== undefined && rate !== null && rate > cfg.maxErrorRate) {
        const vs = blueRate !== null ? ` (v${t.baseline}: ${round(blueRate)}%)` : '';
        // Blue failing as often means the cause is elsewhere (a dependency), not green.
        if (comparison && comparison.pValue >= SIGNIFICANCE) {
            return result('inconclusive', `v${t.version} fails ${round(rate)}% > ${cfg.maxErrorRate}%, but no more than v${t.baseline}'s ${round(blueRate)}% (p=${round(comparison.pValue, 3)}): the cause is likely outside the new version`);
        }
        return result('unhealthy', `v${t.version} error rate ${round(rate)}% > max-error-rate ${cfg.maxErrorRate}%${vs}, ${failures} of ${total} requests failed`);
    }
    if (cfg.maxLatencyRatio !== undefined) {
        if (ratio === null)
            return result('inconclusive', `no p95 Duration for v${t.version} and its baseline in the window`);
        if (ratio > cfg.maxLatencyRatio) {
            return result('unhealthy', `v${t.version} p95 ${g.p95}ms is ${round(ratio)}× v${t.baseline}'s ${m.blue?.p95}ms > max-latency-ratio ${cfg.maxLatencyRatio}`);
        }
    }
    const parts = [
        rate !== null && cfg.maxErrorRate !== undefined
            ? `error rate ${round(rate)}% ≤ ${cfg.maxErrorRate}%`
            : '',
        ratio !== null ? `p95 ratio ${round(ratio)} ≤ ${cfg.maxLatencyRatio}` : '',
    ].filter(Boolean);
    return result('healthy', `v${t.version}: ${parts.join(', ')} over ${total} requests`);
}
async function checkMetrics(cw, cfg, t, now) {
    try {
        return judgeMetrics(await readVersionMetrics(cw, t, cfg.windowMs, cfg.maxLatencyRatio !== undefined, now), cfg, t);
    }
    catch (err) {
        return unreadable('metrics', `could not read the metrics of v${t.version}: ${errorMessage(err)}`);
    }
}
/** N requests; a wrong status, a failed request or one slower than the limit is unhealthy. */
async function checkHttp(cfg, signal) {
    const latencies = [];
    const failures = [];
    const timeout = cfg.maxLatencyMs ? Math.max(cfg.maxLatencyMs * 2, 1000) : 10_000;
    for (let i = 0; i < cfg.samples; i++) {
        const started = performance.now();
        try {
            const res = await fetch(cfg.url, {
                method: cfg.method,
                headers: cfg.headers,
                body: cfg.body,
                redirect: 'manual',
                signal: signal
                    ? AbortSignal.any([signal, AbortSignal.timeout(timeout)])
                    : AbortSignal.timeout(timeout),
            });
            await res.arrayBuffer();
            const ms = Math.round(performance.now() - started);
            latencies.push(ms);
            if (!cfg.expect.some((r) => res.status >= r.from && res.status <= r.to))
                failures.push(`status ${res.status}`);
            else if (cfg.maxLatencyMs !== undefined && ms > cfg.maxLatencyMs)
                failures.push(`${ms}ms > ${cfg.maxLatencyMs}ms`);
        }
        catch (err) {
            // fetch says only "fetch failed"; the cause (ECONNREFUSED, a bad port, a timeout) is what helps.
            const cause = err.cause;
            failures.push(cause ? `${errorMessage(err)}: ${cause.code ?? cause.message}` : errorMessage(err));
        }
    }
    const observed = {
        samples: cfg.samples,
        failed: failures.length,
        maxLatencyMs: latencies.length ? Math.max(...latencies) : null,
    };
    const threshold = {
        status: cfg.expect.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(','),
        maxLatencyMs: cfg.maxLatencyMs ?? null,
    };
    if (failures.length) {
        return {
            check: 'http',
            verdict: 'unhealthy',
            reason: `${failures.length} of ${cfg.samples} requests to ${cfg.url} failed: ${failures[0]}`,
            observed,
            threshold,
        };
    }
    return {
        check: 'http',
        verdict: 'healthy',
        reason: `${cfg.samples} requests to ${cfg.url} answered ${threshold.status}`,
        observed,
        threshold,
    };
}
async function checkInvoke(lambda, cfg, t) {
    const { InvokeCommand } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1696, 19));
    const threshold = { expect: cfg.expect?.describe ?? 'no function error' };
    try {
        const out = await lambda.send(new InvokeCommand({
            FunctionName: t.functionName,
            Qualifier: t.version,
            Payload: new TextEncoder().encode(cfg.payload),
        }));
        const body = out.Payload ? new TextDecoder().decode(out.Payload) : '';
        const observed = { functionError: out.FunctionError ?? null, response: clip(body) };
        if (out.FunctionError) {
            return {
                check: 'invoke',
                verdict: 'unhealthy',
                reason: `v${t.version} returned a function error (${out.FunctionError}): ${clip(body)}`,
                observed,
                threshold,
            };
        }
        if (cfg.expect && !cfg.expect.test(body)) {
            return {
                check: 'invoke',
                verdict: 'unhealthy',
                reason: `v${t.version} answered ${clip(body)}, which does not match ${cfg.expect.describe}`,
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
            reason: `invoking v${t.version} failed: ${(0,src/* errorMessage */.gJ)(err)}`,
            observed: {},
            threshold,
        };
    }
}
/** Fail closed: what cannot be read is never healthy. */
function unreadable(check, reason) {
    return { check, verdict: 'unhealthy', reason, observed: {}, threshold: {} };
}
function round(n, digits = 2) {
    return n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits;
}
function clip(text) {
    const one = text.replace(/\s+/g, ' ');
    return one.length > 200 ? `${one.slice(0, 197)}...` : one;
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

;// CONCATENATED MODULE: ./packages/lambda/src/deploy.ts





const deploy_CONFLICT_RETRIES = 4;
async function deployGreen(o) {
    const { lambda, functionName: fn, alias, log } = o;
    const clock = o.clock ?? src/* systemClock */.ml;
    // Pre-flight: every check that can refuse the deploy runs before the first write.
    const latest = await getConfig(lambda, fn);
    checkPackageType(latest, o.source);
    const live = await readAlias(lambda, fn, alias);
    if (live?.green) {
        throw new src/* DeployError */.sH(`Alias "${alias}" is split between v${live.version} and v${live.green} (${routing_describeAlias(live)}): a deployment is in progress. Finish it with shift-traffic or undo it with rollback before deploying again.`);
    }
    if (live) {
        const blue = await getConfig(lambda, fn, live.version);
        const mismatch = compatibility(blue, latest);
        if (mismatch) {
            throw new src/* DeployError */.sH(`The new version could not share alias "${alias}" with v${live.version}: ${mismatch}. AWS requires the same execution role and dead-letter queue for a weighted alias; align the function configuration first.`);
        }
    }
    let sha = latest.CodeSha256 ?? '';
    let revisionId = latest.RevisionId;
    if (latest.LastUpdateStatus === 'InProgress') {
        log.info(`An earlier update of ${fn} is still in progress; waiting for it first.`);
        await waitUpdated(o, 'an earlier update of the function');
        ({ CodeSha256: sha = '', RevisionId: revisionId } = await getConfig(lambda, fn));
    }
    if (o.source.kind !== 'none') {
        sha = await updateCode(o, revisionId, clock);
        log.info(`Code updated (${describeSource(o.source)}), sha256 ${sha}; waiting for the update to finish.`);
        await waitUpdated(o, 'the code update');
    }
    const published = await publish(o, sha, clock);
    const green = published.Version ?? '';
    if (published.State === 'Pending') {
        const waited = await (0,dist_cjs/* waitForPublishedVersionActive */.pZL)({ client: lambda, maxWaitTime: waitSeconds(o.waitTimeoutMs), minDelay: 1, maxDelay: 10 }, { FunctionName: fn, Qualifier: green });
        if (waited.state !== 'SUCCESS')
            throw new src/* DeployError */.sH(`Version ${green} did not become Active within ${(0,src/* formatDuration */.a3)(o.waitTimeoutMs)} (${waited.state}).`);
    }
    const blueVersion = live?.version ?? '';
    const changed = green !== blueVersion;
    log.info(changed
        ? `Published v${green} (blue is ${blueVersion ? `v${blueVersion}` : 'none yet'}).`
        : `Nothing changed: v${green} is already live.`);
    if (o.smoke) {
        const verdict = await checkInvoke(lambda, o.smoke, { functionName: fn, alias, version: green });
        if (verdict.verdict !== 'healthy')
            throw new src/* DeployError */.sH(`Smoke test of v${green} failed: ${verdict.reason}. No traffic was moved.`);
        log.info(`Smoke test passed: ${verdict.reason}.`);
    }
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
        throw new src/* DeployError */.sH(`image-uri was given but ${cfg.FunctionName} is a ${type} function: use zip-file or s3-bucket/s3-key.`);
    }
    if ((source.kind === 'zip' || source.kind === 's3') && type === 'Image') {
        throw new src/* DeployError */.sH(`${source.kind === 'zip' ? 'zip-file' : 's3-bucket'} was given but ${cfg.FunctionName} is a container image function: use image-uri.`);
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
        const out = await retryConflicts(o, clock, 'UpdateFunctionCode', () => o.lambda.send(new dist_cjs/* UpdateFunctionCodeCommand */.KfB(req)));
        return out.CodeSha256 ?? '';
    }
    catch (err) {
        if ((0,src/* awsErrorName */.ZH)(err) !== 'PreconditionFailedException')
            throw err;
        throw new src/* ConcurrentChangeError */.wy(`${o.functionName} was changed by someone else since this deploy read it (its RevisionId no longer matches); nothing was updated. Run the deploy again.`);
    }
}
/**
 * Publishes exactly the code just deployed: CodeSha256 makes AWS refuse if someone changed it meanwhile
 * (https://docs.aws.amazon.com/lambda/latest/api/API_PublishVersion.html).
 */
async function publish(o, sha, clock) {
    try {
        return await retryConflicts(o, clock, 'PublishVersion', () => o.lambda.send(new dist_cjs/* PublishVersionCommand */.D3m({
            FunctionName: o.functionName,
            CodeSha256: sha || undefined,
            Description: o.description || undefined,
        })));
    }
    catch (err) {
        // A mismatch is InvalidParameterValueException "CodeSHA256 (...) is different from current CodeSHA256 in $LATEST".
        if ((0,src/* awsErrorName */.ZH)(err) === 'InvalidParameterValueException' && /CodeSHA256/i.test((0,src/* errorMessage */.gJ)(err))) {
            throw new src/* ConcurrentChangeError */.wy(`Publishing was refused because the function's code no longer matches sha256 ${sha}: someone else updated ${o.functionName} during this deploy. Nothing was published; run the deploy again.`);
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
            if ((0,src/* awsErrorName */.ZH)(err) !== 'ResourceConflictException' || attempt >= deploy_CONFLICT_RETRIES)
                throw err;
            o.log.info(`${op}: an update of ${o.functionName} is still in progress; waiting before retry ${attempt}.`);
            await waitUpdated(o, 'the update in progress');
            await clock.sleep(1000 * attempt);
        }
    }
}
/** Waits for LastUpdateStatus Successful with the SDK's waiter, bounded by wait-timeout. */
async function waitUpdated(o, what) {
    const result = await (0,dist_cjs/* waitForFunctionUpdated */.GNm)({ client: o.lambda, maxWaitTime: waitSeconds(o.waitTimeoutMs), minDelay: 1, maxDelay: 10 }, { FunctionName: o.functionName });
    if (result.state === 'SUCCESS')
        return;
    const reason = result.reason;
    if (result.state === 'FAILURE') {
        const cfg = reason;
        throw new src/* DeployError */.sH(`Lambda reports ${what} Failed: ${cfg?.LastUpdateStatusReason ?? 'no reason given'} (${cfg?.LastUpdateStatusReasonCode ?? 'no code'}).`);
    }
    if (result.state === 'TIMEOUT')
        throw new src/* DeployError */.sH(`Waited ${(0,src/* formatDuration */.a3)(o.waitTimeoutMs)} (wait-timeout) for ${what} to finish; it is still in progress.`);
    throw new src/* DeployError */.sH(`Waiting for ${what} failed: ${reason instanceof Error ? reason.message : String(result.state)}`);
}
/** First deploy: the alias starts on the green version. Someone creating it meanwhile is a concurrent deployment. */
async function createAlias(o, green) {
    try {
        await o.lambda.send(new dist_cjs/* CreateAliasCommand */.W_e({ FunctionName: o.functionName, Name: o.alias, FunctionVersion: green }));
        o.log.info(`Created alias "${o.alias}" on v${green} (first deploy).`);
        return true;
    }
    catch (err) {
        if ((0,src/* awsErrorName */.ZH)(err) !== 'ResourceConflictException')
            throw err;
        const now = await readAlias(o.lambda, o.functionName, o.alias);
        if (now && routing_sameRouting(now, { version: green, greenWeight: 0 }))
            return true;
        throw new src/* ConcurrentChangeError */.wy(`Alias "${o.alias}" was created by someone else during this deploy (${now ? routing_describeAlias(now) : 'gone again'}); it was left alone. v${green} is published without traffic.`);
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
