export const id = 917;
export const ids = [917];
export const modules = {

/***/ 4487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B5: () => (/* binding */ greenKey),
/* harmony export */   S$: () => (/* binding */ checkpointOf),
/* harmony export */   SH: () => (/* binding */ planHash),
/* harmony export */   Xn: () => (/* binding */ encodeCheckpoint),
/* harmony export */   gf: () => (/* binding */ isGreen),
/* harmony export */   nO: () => (/* binding */ fitWatch),
/* harmony export */   ng: () => (/* binding */ runOf)
/* harmony export */ });
/* unused harmony exports CHECKPOINT_PREFIX, CHECKPOINT_FORMAT, WATCH_FORMAT, CHECKPOINT_MAX, parseCheckpoint */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// Where a checkpointed rollout stands, kept with the traffic it describes (the Lambda alias's Description, a tag
// of the ALB listener or rule): one line of at most 200 characters, in characters both places take
// (ELB tag values allow letters, digits, spaces and + - = . _ : / @:
// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-rule-tags.html).
//
//   deploy-actions/1 g=7 p=3f2a9c01 s=2 t=1767225600 r=123456789.1
//
// g: green (or @ and a hash of it when long), p: hash of the plan, s: index of the current step in the plan,
// t: when that step began (epoch seconds), r: the run that wrote it (run id.attempt).
//
// Format 2 adds the watch after promotion (watch-after): the routing is 100% green, s is the plan's last step,
// t is when the watch began, w how long it lasts (seconds) and b the version to go back to. A step checkpoint is
// still written in format 1, and both formats are read.
//
//   deploy-actions/2 g=7 p=3f2a9c01 s=5 t=1767225600 r=123456789.1 w=86400 b=6

const CHECKPOINT_PREFIX = 'deploy-actions/';
const CHECKPOINT_FORMAT = 1;
/** The format of a checkpoint in the watch after promotion. */
const WATCH_FORMAT = 2;
const CHECKPOINT_MAX = 200;
const GREEN = /^[A-Za-z0-9_.:/+-]{1,100}$/;
const GREEN_FIELD = /^(?:[A-Za-z0-9_.:/+-]{1,100}|@[0-9a-f]{12})$/;
const RUN = /^[A-Za-z0-9_-]{1,40}\.\d{1,6}$/;
const FIELDS = ['g', 'p', 's', 't', 'r'];
const WATCH_FIELDS = ['w', 'b'];
/** The green as a checkpoint names it: itself, or @ and a hash when it is long or has other characters. */
function greenKey(version) {
    return GREEN.test(version) ? version : `@${sha256(version).slice(0, 12)}`;
}
/** A watch checkpoint that fits: green in full, or as its hash when the line would be too long with it. */
function fitWatch(c, version) {
    try {
        encodeCheckpoint(c);
        return c;
    }
    catch {
        return { ...c, green: `@${sha256(version).slice(0, 12)}` };
    }
}
/** Whether a checkpoint's g names this version, in full or as the hash a long checkpoint falls back to. */
function isGreen(key, version) {
    return key === greenKey(version) || key === `@${sha256(version).slice(0, 12)}`;
}
/** 8 hex digits over the plan's percentages and bakes: a rollout is advanced only by the plan it started with. */
function planHash(plan) {
    return sha256(plan.steps.map((s) => `${s.percent}:${s.bakeMs}`).join(',')).slice(0, 8);
}
/** The run id a checkpoint records, from the runner's GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT. */
function runOf(env) {
    const id = (env.GITHUB_RUN_ID ?? '').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'local';
    const attempt = /^\d{1,6}$/.test(env.GITHUB_RUN_ATTEMPT ?? '') ? env.GITHUB_RUN_ATTEMPT : '1';
    return `${id}.${attempt}`;
}
function encodeCheckpoint(c) {
    const fields = {
        g: c.green,
        p: c.plan,
        s: String(c.step),
        t: String(Math.floor(c.since / 1000)),
        r: c.run,
        ...(c.watch && { w: String(Math.floor(c.watch.ms / 1000)), b: c.watch.blue }),
    };
    const keys = c.watch ? [...FIELDS, ...WATCH_FIELDS] : FIELDS;
    const format = c.watch ? WATCH_FORMAT : CHECKPOINT_FORMAT;
    const text = `${CHECKPOINT_PREFIX}${format} ${keys.map((k) => `${k}=${fields[k]}`).join(' ')}`;
    const problem = invalid(fields);
    if (problem || text.length > CHECKPOINT_MAX) {
        throw new Error(`cannot write checkpoint "${text}": ${problem ?? `over ${CHECKPOINT_MAX} characters`}`);
    }
    return text;
}
/**
 * A checkpoint from the text the router holds: undefined when the text is not one of ours (a user's own alias
 * description); an Error naming what is wrong when it is ours but malformed.
 */
function parseCheckpoint(text) {
    const value = text?.trim() ?? '';
    if (!value.startsWith(CHECKPOINT_PREFIX))
        return undefined;
    const [head, ...parts] = value.split(' ');
    const format = head.slice(CHECKPOINT_PREFIX.length);
    if (format !== String(CHECKPOINT_FORMAT) && format !== String(WATCH_FORMAT)) {
        throw new Error(`checkpoint "${value}" is in format ${format || '(none)'}; this version of deploy-actions reads formats ${CHECKPOINT_FORMAT} and ${WATCH_FORMAT}`);
    }
    const known = format === String(WATCH_FORMAT) ? [...FIELDS, ...WATCH_FIELDS] : FIELDS;
    const fields = {};
    for (const part of parts) {
        const at = part.indexOf('=');
        const key = part.slice(0, at);
        if (at < 1 || !known.includes(key) || key in fields) {
            throw new Error(`checkpoint "${value}" has an unknown or repeated field "${part}"`);
        }
        fields[key] = part.slice(at + 1);
    }
    const missing = known.filter((k) => !(k in fields));
    if (missing.length)
        throw new Error(`checkpoint "${value}" lacks ${missing.join(', ')}`);
    const problem = invalid(fields);
    if (problem)
        throw new Error(`checkpoint "${value}" ${problem}`);
    return {
        green: fields.g,
        plan: fields.p,
        step: Number(fields.s),
        since: Number(fields.t) * 1000,
        run: fields.r,
        ...(fields.w !== undefined && { watch: { ms: Number(fields.w) * 1000, blue: fields.b } }),
    };
}
/** What a router read holds: its checkpoint, or why the text of ours there is not one. */
function checkpointOf(text) {
    try {
        const checkpoint = parseCheckpoint(text);
        return checkpoint ? { checkpoint } : {};
    }
    catch (err) {
        return { checkpointError: err.message };
    }
}
function invalid(f) {
    if (!GREEN_FIELD.test(f.g))
        return `has green "${f.g}", not a version in checkpoint form`;
    if (!/^[0-9a-f]{8}$/.test(f.p))
        return `has plan hash "${f.p}", not 8 hex digits`;
    if (!/^(?:0|[1-9]\d?)$/.test(f.s))
        return `has step "${f.s}", not a step index from 0 to 99`;
    if (!/^[1-9]\d{0,10}$/.test(f.t))
        return `has start "${f.t}", not a time in epoch seconds`;
    if (!RUN.test(f.r))
        return `has run "${f.r}", not RUN_ID.ATTEMPT`;
    if (f.w !== undefined && !/^[1-9]\d{0,8}$/.test(f.w))
        return `has watch "${f.w}", not a length in seconds`;
    if (f.b !== undefined && !GREEN.test(f.b))
        return `has blue "${f.b}", not a version in checkpoint form`;
    return undefined;
}
function sha256(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex');
}


/***/ }),

/***/ 239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hm: () => (/* binding */ sameRouting),
/* harmony export */   Nx: () => (/* binding */ capital),
/* harmony export */   PT: () => (/* binding */ allOn),
/* harmony export */   Uf: () => (/* binding */ routingAt),
/* harmony export */   d1: () => (/* binding */ holdsCheckpoint),
/* harmony export */   jz: () => (/* binding */ greenPercent),
/* harmony export */   pR: () => (/* binding */ percentOf),
/* harmony export */   ww: () => (/* binding */ describeRouting)
/* harmony export */ });
/** Whether the router holds a checkpoint (or a malformed one of ours): a write without one clears it. */
function holdsCheckpoint(r) {
    return r.checkpoint !== undefined || r.checkpointError !== undefined;
}
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
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1696);
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _deploy_actions_release_checkpoint__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4487);
/* harmony import */ var _deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(239);
/* harmony import */ var _routing__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4160);





/** The alias, or undefined when it does not exist. */
async function readAlias(lambda, fn, alias) {
    try {
        return (0,_routing__WEBPACK_IMPORTED_MODULE_2__/* .aliasState */ .ae)(await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_3__/* .GetAliasCommand */ .MES({ FunctionName: fn, Name: alias })));
    }
    catch (err) {
        if ((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err) === 'ResourceNotFoundException')
            return undefined;
        throw err;
    }
}
const CONFLICT_RETRIES = 5;
/**
 * The alias's Description in the write: the checkpoint when given, '' to clear one `from` holds, and left out
 * otherwise so that a user's own description is never touched. Description takes up to 256 characters, a
 * checkpoint at most 200 (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateAlias.html).
 */
function descriptionFor(from, checkpoint) {
    if (checkpoint)
        return (0,_deploy_actions_release_checkpoint__WEBPACK_IMPORTED_MODULE_1__/* .encodeCheckpoint */ .Xn)(checkpoint);
    return (0,_deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_4__/* .holdsCheckpoint */ .d1)(from) ? '' : undefined;
}
/**
 * One UpdateAlias guarded by the RevisionId read just before it
 * (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateAlias.html): weights and checkpoint change together
 * or not at all. A 412 whose alias already holds what we wrote (routing and Description) is our own write
 * retried after a lost response; any other 412 means someone else changed the alias.
 */
async function writeAlias(lambda, fn, alias, target, from, checkpoint, clock = _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .ml) {
    const description = descriptionFor(from, checkpoint);
    for (let attempt = 1;; attempt++) {
        try {
            const out = await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_3__/* .UpdateAliasCommand */ .lqC({
                FunctionName: fn,
                Name: alias,
                FunctionVersion: target.version,
                RoutingConfig: {
                    AdditionalVersionWeights: target.green ? { [target.green]: target.greenWeight } : {},
                },
                ...(description !== undefined && { Description: description }),
                RevisionId: from.revision,
            }));
            return (0,_routing__WEBPACK_IMPORTED_MODULE_2__/* .aliasState */ .ae)(out);
        }
        catch (err) {
            const name = (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err);
            if (name === 'PreconditionFailedException') {
                const now = await readAlias(lambda, fn, alias);
                if (now && (0,_deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_4__/* .sameRouting */ .Hm)(now, target) && holdsWhatWeWrote(now, checkpoint))
                    return now;
                throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConcurrentChangeError */ .wy(`Alias "${alias}" was changed by someone else (its RevisionId no longer matches): it is now ${now ? (0,_routing__WEBPACK_IMPORTED_MODULE_2__/* .describeAlias */ .IN)(now) : 'deleted'}. Another deployment is probably in progress; this run changed nothing more.`);
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
/** After a lost response: the checkpoint read back is the one we wrote (same run and step), or none was wanted. */
function holdsWhatWeWrote(now, checkpoint) {
    if (!checkpoint)
        return !(0,_deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_4__/* .holdsCheckpoint */ .d1)(now);
    return now.checkpoint !== undefined && (0,_deploy_actions_release_checkpoint__WEBPACK_IMPORTED_MODULE_1__/* .encodeCheckpoint */ .Xn)(now.checkpoint) === (0,_deploy_actions_release_checkpoint__WEBPACK_IMPORTED_MODULE_1__/* .encodeCheckpoint */ .Xn)(checkpoint);
}


/***/ }),

/***/ 5917:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployGreen: () => (/* binding */ deployGreen)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-lambda/dist-cjs/index.js
var dist_cjs = __webpack_require__(1696);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 7 modules
var src = __webpack_require__(1398);
// EXTERNAL MODULE: ./packages/release/src/routing.ts
var routing = __webpack_require__(239);
// EXTERNAL MODULE: ./packages/targets/lambda/src/alias.ts
var alias = __webpack_require__(3566);
// EXTERNAL MODULE: ./packages/targets/lambda/src/deploy-config.ts
var deploy_config = __webpack_require__(3938);
;// CONCATENATED MODULE: ./packages/targets/lambda/src/update.ts
// The writes that change $LATEST, each guarded by the RevisionId read just before it and waited on.



const CONFLICT_RETRIES = 4;
/** UpdateFunctionConfiguration with only the fields that change, then the wait; returns $LATEST as it then is. */
async function updateConfiguration(w, current, request, wanted) {
    await guarded(w, 'UpdateFunctionConfiguration', () => w.lambda.send(new dist_cjs/* UpdateFunctionConfigurationCommand */.Zlw({
        ...request,
        FunctionName: w.functionName,
        RevisionId: current.RevisionId,
    })));
    w.log.info('Configuration updated; waiting for the update to finish.');
    const after = await waitUpdated(w, 'the configuration update');
    checkStillOurs(w, after, current.CodeSha256 ?? '', wanted);
    return after;
}
/** UpdateFunctionCode (with the architecture, when given), then the wait; returns $LATEST as it then is. */
async function updateCode(w, current, source, wanted) {
    const req = {
        FunctionName: w.functionName,
        RevisionId: current.RevisionId,
        ...codeOf(source),
        ...(wanted.architecture && { Architectures: [wanted.architecture] }),
    };
    const out = await guarded(w, 'UpdateFunctionCode', () => w.lambda.send(new dist_cjs/* UpdateFunctionCodeCommand */.KfB(req)));
    w.log.info(`Code updated (${describeSource(source)}), sha256 ${out.CodeSha256}; waiting for the update to finish.`);
    const after = await waitUpdated(w, 'the code update');
    checkStillOurs(w, after, out.CodeSha256 ?? '', wanted);
    return after;
}
function codeOf(s) {
    if (s.kind === 'zip')
        return { ZipFile: s.zip };
    if (s.kind === 's3')
        return { S3Bucket: s.bucket, S3Key: s.key, S3ObjectVersion: s.objectVersion };
    return { ImageUri: s.uri };
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
/**
 * The RevisionId changes again when an update completes (https://github.com/aws/aws-sdk/issues/377), so the next
 * write is guarded by the waiter's last read; that read must still hold our code and configuration.
 */
function checkStillOurs(w, after, sha, wanted) {
    const drift = (0,deploy_config/* configChanges */.oR)(after, wanted).map(deploy_config/* describeChange */.uQ);
    if (sha && after.CodeSha256 !== sha)
        drift.unshift(`code sha256 ${sha} → ${after.CodeSha256}`);
    if (wanted.architecture && (after.Architectures?.[0] ?? 'x86_64') !== wanted.architecture)
        drift.push(`architectures ${wanted.architecture} → ${after.Architectures?.[0]}`);
    if (drift.length)
        throw new src/* ConcurrentChangeError */.wy(`${w.functionName} was changed by someone else during this deploy (${drift.join('; ')}); nothing was published. Run the deploy again.`);
}
/** A write refused for its RevisionId (412) is someone else's change; 409 (an update in progress) is waited out. */
async function guarded(w, op, call) {
    try {
        return await retryConflicts(w, op, call);
    }
    catch (err) {
        if ((0,src/* awsErrorName */.ZH)(err) !== 'PreconditionFailedException')
            throw err;
        throw new src/* ConcurrentChangeError */.wy(`${w.functionName} was changed by someone else since this deploy read it (its RevisionId no longer matches): ${op} was refused, nothing was updated by it and nothing was published. Run the deploy again.`);
    }
}
/** 409 ResourceConflictException: an update is still being applied; wait for it and try again. */
async function retryConflicts(w, op, call) {
    for (let attempt = 1;; attempt++) {
        try {
            return await call();
        }
        catch (err) {
            if ((0,src/* awsErrorName */.ZH)(err) !== 'ResourceConflictException' || attempt >= CONFLICT_RETRIES)
                throw err;
            w.log.info(`${op}: an update of ${w.functionName} is still in progress; waiting before retry ${attempt}.`);
            await waitUpdated(w, 'the update in progress');
            await w.clock.sleep(1000 * attempt);
        }
    }
}
/** Waits for LastUpdateStatus Successful with the SDK's waiter, bounded by wait-timeout; returns its last read. */
async function waitUpdated(w, what) {
    const result = await (0,dist_cjs/* waitForFunctionUpdated */.GNm)({ client: w.lambda, maxWaitTime: waitSeconds(w.waitTimeoutMs), minDelay: 1, maxDelay: 10 }, { FunctionName: w.functionName });
    const reason = result.reason;
    if (result.state === 'SUCCESS')
        return reason;
    if (result.state === 'FAILURE') {
        const cfg = reason;
        throw new src/* DeployError */.sH(`Lambda reports ${what} Failed: ${cfg?.LastUpdateStatusReason ?? 'no reason given'} (${cfg?.LastUpdateStatusReasonCode ?? 'no code'}). Nothing was published.`);
    }
    if (result.state === 'TIMEOUT')
        throw new src/* DeployError */.sH(`Waited ${(0,src/* formatDuration */.a3)(w.waitTimeoutMs)} (wait-timeout) for ${what} to finish; it is still in progress.`);
    throw new src/* DeployError */.sH(`Waiting for ${what} failed: ${reason instanceof Error ? reason.message : String(result.state)}`);
}
/** The SDK's waiters want a maximum above their minimum delay of 1s. */
function waitSeconds(ms) {
    return Math.max(2, Math.ceil(ms / 1000));
}

;// CONCATENATED MODULE: ./packages/targets/lambda/src/create.ts
// First-time creation (create-if-missing): CreateFunction, then the wait for Active; publishing follows as for any deploy.




// A role made moments ago may not be assumable yet (IAM is eventually consistent:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_eventual-consistency).
const ROLE_NOT_READY = /role defined for the function cannot be assumed/i;
const ROLE_RETRIES = 6;
/** Creates the function unpublished and waits until it is Active; returns its configuration then. */
async function createFunction(w, source, wanted) {
    const changes = (0,deploy_config/* creationReport */.iN)(wanted);
    const req = {
        ...(0,deploy_config/* configRequest */.Ib)(wanted, changes),
        FunctionName: w.functionName,
        Role: wanted.role,
        Code: codeOf(source),
        PackageType: source.kind === 'image' ? 'Image' : 'Zip',
        ...(wanted.architecture && { Architectures: [wanted.architecture] }),
        // Version 1 is published after the wait, guarded like every other publish.
        Publish: false,
    };
    await send(w, req);
    w.log.info(`Created function ${w.functionName} from ${describeSource(source)}:`);
    for (const c of changes)
        w.log.info(`  ${(0,deploy_config/* describeChange */.uQ)(c)}`);
    return waitActive(w);
}
async function send(w, req) {
    for (let attempt = 1;; attempt++) {
        try {
            await w.lambda.send(new dist_cjs/* CreateFunctionCommand */.Y8X(req));
            return;
        }
        catch (err) {
            const name = (0,src/* awsErrorName */.ZH)(err);
            // "Function already exist": created by someone else since our read showed none.
            if (name === 'ResourceConflictException')
                throw new src/* ConcurrentChangeError */.wy(`${w.functionName} was created by someone else during this deploy; it was left alone. Run the deploy again to release onto it.`);
            const roleNotReady = name === 'InvalidParameterValueException' && ROLE_NOT_READY.test((0,src/* errorMessage */.gJ)(err));
            if (!roleNotReady || attempt >= ROLE_RETRIES)
                throw err;
            w.log.info(`The role ${req.Role} cannot be assumed by Lambda yet (a new role takes a few seconds); retry ${attempt}.`);
            await w.clock.sleep(2000 * attempt);
        }
    }
}
/** A new function is Pending until Lambda has prepared it: https://docs.aws.amazon.com/lambda/latest/dg/functions-states.html */
async function waitActive(w) {
    const result = await (0,dist_cjs/* waitForFunctionActive */.BKl)({ client: w.lambda, maxWaitTime: waitSeconds(w.waitTimeoutMs), minDelay: 1, maxDelay: 10 }, { FunctionName: w.functionName });
    const cfg = result.reason;
    if (result.state === 'SUCCESS')
        return cfg;
    if (result.state === 'FAILURE')
        throw new src/* DeployError */.sH(`Lambda could not create ${w.functionName}: ${cfg?.StateReason ?? 'no reason given'} (${cfg?.StateReasonCode ?? 'no code'}). The function exists in state Failed; fix the cause and delete it, or deploy again to update it.`);
    if (result.state === 'TIMEOUT')
        throw new src/* DeployError */.sH(`Waited ${(0,src/* formatDuration */.a3)(w.waitTimeoutMs)} (wait-timeout) for the new function ${w.functionName} to become Active; it is still Pending.`);
    const reason = result.reason;
    throw new src/* DeployError */.sH(`Waiting for the new function ${w.functionName} failed: ${reason instanceof Error ? reason.message : String(result.state)}`);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./packages/targets/lambda/src/routing.ts
var src_routing = __webpack_require__(4160);
// EXTERNAL MODULE: ./packages/targets/lambda/src/versions.ts
var versions = __webpack_require__(4797);
;// CONCATENATED MODULE: ./packages/targets/lambda/src/deploy-update.ts







async function prepareUpdate(o, w, first) {
    const wanted = o.settings ?? {};
    const { live, blue } = await preflight(o, first, wanted);
    let latest = first;
    if (latest.LastUpdateStatus === 'InProgress') {
        o.log.info(`An earlier update of ${o.functionName} is still in progress; waiting for it first.`);
        latest = await waitUpdated(w, 'an earlier update of the function');
    }
    const changes = (0,deploy_config/* configChanges */.oR)(latest, wanted);
    let wrote = false;
    if (changes.length) {
        latest = await updateConfiguration(w, latest, (0,deploy_config/* configRequest */.Ib)(wanted, changes), wanted);
        wrote = true;
    }
    if (o.source.kind !== 'none' && codeMayDiffer(latest, o.source, wanted)) {
        const before = latest;
        wrote = true;
        latest = await updateCode(w, latest, o.source, wanted);
        changes.push(...codeChanges(before, latest));
    }
    else if (o.source.kind === 'zip') {
        o.log.info(`The code of ${o.source.path} is already $LATEST's (sha256 ${latest.CodeSha256}); not uploaded again.`);
    }
    report(o, changes);
    return { latest, live, ...(blue && { blue }), changes, created: false, wrote };
}
/** Every check that can refuse the deploy, before the first write; returns the alias and the version it serves. */
async function preflight(o, first, wanted) {
    checkPackageType(first, o.source, wanted);
    checkRole(first, wanted, o.alias);
    if (wanted.environment && first.Environment?.Error) {
        const e = first.Environment.Error;
        throw new src/* DeployError */.sH(`The environment variables of ${o.functionName} cannot be read (${e.ErrorCode}: ${e.Message}), so env-vars cannot be compared with them: allow this role kms:Decrypt on the function's key. Nothing was changed.`);
    }
    const live = await (0,alias/* readAlias */.J)(o.lambda, o.functionName, o.alias);
    if (live?.green) {
        throw new src/* DeployError */.sH(`Alias "${o.alias}" is split between v${live.version} and v${live.green} (${(0,src_routing/* describeAlias */.IN)(live)}): a deployment is in progress. Finish it with shift-traffic or undo it with rollback before deploying again.`);
    }
    const blue = live && (await (0,versions/* getConfig */.zj)(o.lambda, o.functionName, live.version));
    const mismatch = blue && (0,versions/* compatibility */.pB)(blue, first);
    if (mismatch) {
        throw new src/* DeployError */.sH(`The new version could not share alias "${o.alias}" with v${live.version}: ${mismatch}. AWS requires the same execution role and dead-letter queue for a weighted alias; align the function configuration first.`);
    }
    return { live, blue };
}
/** A .zip is compared by its hash (CodeSha256 is the package's base64 SHA-256); S3 and images only Lambda can tell. */
function codeMayDiffer(latest, source, wanted) {
    if (wanted.architecture && (latest.Architectures?.[0] ?? 'x86_64') !== wanted.architecture)
        return true;
    if (source.kind !== 'zip')
        return true;
    return (0,external_node_crypto_.createHash)('sha256').update(source.zip).digest('base64') !== latest.CodeSha256;
}
function codeChanges(before, after) {
    const changes = [];
    if (before.CodeSha256 !== after.CodeSha256)
        changes.push({
            field: 'code',
            before: `sha256 ${before.CodeSha256}`,
            after: `sha256 ${after.CodeSha256}`,
        });
    const arch = (c) => c.Architectures?.[0] ?? 'x86_64';
    if (arch(before) !== arch(after))
        changes.push({ field: 'architectures', before: arch(before), after: arch(after) });
    return changes;
}
function report(o, changes) {
    if (!changes.length) {
        o.log.info(`No change to the code or configuration of ${o.functionName}.`);
        return;
    }
    o.log.info(`Changed on ${o.functionName} ($LATEST):`);
    for (const c of changes)
        o.log.info(`  ${(0,deploy_config/* describeChange */.uQ)(c)}`);
}
/** Container image functions take neither runtime, handler nor layers: https://docs.aws.amazon.com/lambda/latest/dg/images-create.html */
function checkPackageType(cfg, source, wanted) {
    const type = cfg.PackageType ?? 'Zip';
    if (source.kind === 'image' && type !== 'Image') {
        throw new src/* DeployError */.sH(`image-uri was given but ${cfg.FunctionName} is a ${type} function: use zip-file or s3-bucket/s3-key.`);
    }
    if ((source.kind === 'zip' || source.kind === 's3') && type === 'Image') {
        throw new src/* DeployError */.sH(`${source.kind === 'zip' ? 'zip-file' : 's3-bucket'} was given but ${cfg.FunctionName} is a container image function: use image-uri.`);
    }
    const zipOnly = ['runtime', 'handler', 'layers'].filter((k) => wanted[k] !== undefined);
    if (type === 'Image' && zipOnly.length)
        throw new src/* DeployError */.sH(`${zipOnly.join(', ')} was given but ${cfg.FunctionName} is a container image function, which takes none of them (the image brings its runtime, handler and dependencies). Nothing was changed.`);
}
/**
 * Both versions of a weighted alias must share the execution role
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuring-alias-routing.html): role sets a new function's role only.
 */
function checkRole(cfg, wanted, alias) {
    if (!wanted.role || wanted.role === cfg.Role)
        return;
    throw new src/* DeployError */.sH(`role ${wanted.role} differs from the execution role of ${cfg.FunctionName} (${cfg.Role}). deploy-green sets the role only when it creates a function: the new version and the one alias "${alias}" serves must share one role for a weighted alias, so a role change cannot be released blue/green. Change the role outside the release (and publish), or give the current role. Nothing was changed.`);
}

// EXTERNAL MODULE: ./packages/targets/lambda/src/invoke.ts
var invoke = __webpack_require__(6836);
;// CONCATENATED MODULE: ./packages/targets/lambda/src/deploy.ts











async function deployGreen(o) {
    const w = { ...o, clock: o.clock ?? src/* systemClock */.ml };
    const latest = await findFunction(o);
    const prepared = latest
        ? await prepareUpdate(o, w, latest)
        : {
            // findFunction lets only a deploy with a code source get here.
            latest: await createFunction(w, o.source, o.settings ?? {}),
            changes: (0,deploy_config/* creationReport */.iN)(o.settings ?? {}),
            created: true,
            wrote: true,
        };
    const { live, blue } = prepared;
    // Nothing written and $LATEST is what the alias serves: a publish would add nothing (or a copy of blue).
    const same = !prepared.wrote && blue !== undefined && (0,deploy_config/* sameAsVersion */.ps)(prepared.latest, blue);
    const published = same ? blue : await publish(o, w, prepared.latest);
    const green = published.Version ?? '';
    await waitPublished(o, green, published.State);
    const blueVersion = live?.version ?? '';
    const changed = green !== blueVersion;
    o.log.info(changed
        ? `Published v${green} (blue is ${blueVersion ? `v${blueVersion}` : 'none yet'}).`
        : `Nothing changed: v${green} is already live.`);
    if (o.smoke) {
        const verdict = await (0,invoke/* checkInvoke */.H)(o.lambda, o.smoke, o.functionName, { version: green });
        if (verdict.verdict !== 'healthy')
            throw new src/* DeployError */.sH(`Smoke test of v${green} failed: ${verdict.reason}. No traffic was moved.`);
        o.log.info(`Smoke test passed: ${verdict.reason}.`);
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
        codeSha256: published.CodeSha256 ?? prepared.latest.CodeSha256 ?? '',
        changed,
        aliasCreated,
        functionCreated: prepared.created,
        changes: prepared.changes,
    };
}
/** $LATEST, or undefined when it does not exist and create-if-missing allows creating it. */
async function findFunction(o) {
    try {
        return await (0,versions/* getConfig */.zj)(o.lambda, o.functionName);
    }
    catch (err) {
        if (!(err instanceof src/* DeployError */.sH) || !/does not exist/.test(err.message))
            throw err;
        if (o.createIfMissing && o.source.kind !== 'none')
            return undefined;
        throw new src/* DeployError */.sH(`Function ${o.functionName} does not exist in this account and region: create it first, or let deploy-green create it with create-if-missing: true, role and, for a .zip, runtime and handler.`);
    }
}
/**
 * Publishes exactly the $LATEST just prepared: CodeSha256 and RevisionId make AWS refuse if someone changed it
 * meanwhile (https://docs.aws.amazon.com/lambda/latest/api/API_PublishVersion.html).
 */
async function publish(o, w, latest) {
    const sha = latest.CodeSha256 ?? '';
    try {
        return await retryConflicts(w, 'PublishVersion', () => o.lambda.send(new dist_cjs/* PublishVersionCommand */.D3m({
            FunctionName: o.functionName,
            CodeSha256: sha || undefined,
            RevisionId: latest.RevisionId,
            Description: o.description || undefined,
        })));
    }
    catch (err) {
        // A mismatch is InvalidParameterValueException "CodeSHA256 (...) is different from current CodeSHA256 in $LATEST".
        const shaMismatch = (0,src/* awsErrorName */.ZH)(err) === 'InvalidParameterValueException' && /CodeSHA256/i.test((0,src/* errorMessage */.gJ)(err));
        if (shaMismatch || (0,src/* awsErrorName */.ZH)(err) === 'PreconditionFailedException') {
            throw new src/* ConcurrentChangeError */.wy(`Publishing was refused because ${o.functionName} no longer matches what this deploy prepared (${shaMismatch ? `code sha256 ${sha}` : 'its RevisionId'}): someone else updated ${o.functionName} during this deploy. Nothing was published; run the deploy again.`);
        }
        throw err;
    }
}
async function waitPublished(o, green, state) {
    if (state !== 'Pending')
        return;
    const waited = await (0,dist_cjs/* waitForPublishedVersionActive */.pZL)({ client: o.lambda, maxWaitTime: waitSeconds(o.waitTimeoutMs), minDelay: 1, maxDelay: 10 }, { FunctionName: o.functionName, Qualifier: green });
    if (waited.state !== 'SUCCESS')
        throw new src/* DeployError */.sH(`Version ${green} did not become Active within ${(0,src/* formatDuration */.a3)(o.waitTimeoutMs)} (${waited.state}).`);
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
        const now = await (0,alias/* readAlias */.J)(o.lambda, o.functionName, o.alias);
        if (now && (0,routing/* sameRouting */.Hm)(now, { version: green, greenWeight: 0 }))
            return true;
        throw new src/* ConcurrentChangeError */.wy(`Alias "${o.alias}" was created by someone else during this deploy (${now ? (0,src_routing/* describeAlias */.IN)(now) : 'gone again'}); it was left alone. v${green} is published without traffic.`);
    }
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
/* harmony import */ var _deploy_actions_release_checkpoint__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4487);
/* harmony import */ var _deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(239);


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
        // A checkpointed rollout keeps its checkpoint in the alias's Description, beside the weights.
        ...(0,_deploy_actions_release_checkpoint__WEBPACK_IMPORTED_MODULE_0__/* .checkpointOf */ .S$)(a.Description),
    };
}
function describeAlias(r) {
    return (0,_deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_1__/* .describeRouting */ .ww)(r, label);
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
