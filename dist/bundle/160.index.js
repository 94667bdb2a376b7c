export const id = 160;
export const ids = [160];
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

/***/ 9160:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  aliasRouter: () => (/* binding */ aliasRouter),
  lambdaSignals: () => (/* binding */ lambdaSignals),
  openClient: () => (/* binding */ openClient),
  openLambda: () => (/* binding */ openLambda)
});

// EXTERNAL MODULE: ./packages/targets/lambda/src/alias.ts
var src_alias = __webpack_require__(3566);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 7 modules
var core_src = __webpack_require__(1398);
;// CONCATENATED MODULE: ./packages/targets/lambda/src/clients.ts

/** Loaded only after inputs are checked, so a bad-input run never pays for the SDK. */
async function lambdaClient(opts) {
    const { LambdaClient } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1696, 19));
    return new LambdaClient((0,core_src/* clientConfig */.yO)(opts));
}

// EXTERNAL MODULE: ./packages/targets/lambda/src/invoke.ts
var invoke = __webpack_require__(6836);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-lambda/dist-cjs/index.js
var dist_cjs = __webpack_require__(1696);
// EXTERNAL MODULE: ./packages/targets/lambda/src/names.ts
var names = __webpack_require__(8870);
// EXTERNAL MODULE: ./packages/health/src/index.ts + 10 modules
var health_src = __webpack_require__(9890);
;// CONCATENATED MODULE: ./packages/targets/lambda/src/logs/parse-json.ts
/** Terms for FilterLogEvents. */
const JSON_TERMS = ['platform.start', 'platform.report', 'platform.runtimeDone'];
/** A platform record, or undefined for anything else (the function's own JSON logs among them). */
function parseJsonLine(message) {
    let event;
    try {
        event = JSON.parse(message);
    }
    catch {
        return undefined;
    }
    const r = event?.record;
    if (!r || typeof r !== 'object' || typeof r.requestId !== 'string')
        return undefined;
    const outcome = outcomeOf(r.status);
    switch (event.type) {
        case 'platform.start':
            return { kind: 'start', requestId: r.requestId };
        case 'platform.runtimeDone':
            return outcome && outcome !== 'success'
                ? { kind: 'failed', requestId: r.requestId, outcome }
                : undefined;
        case 'platform.report': {
            const m = r.metrics ?? {};
            if (typeof m.durationMs !== 'number')
                return undefined;
            return {
                kind: 'report',
                requestId: r.requestId,
                durationMs: m.durationMs,
                ...(typeof m.maxMemoryUsedMB === 'number' && { maxMemoryMb: m.maxMemoryUsedMB }),
                ...(typeof m.initDurationMs === 'number' && { initDurationMs: m.initDurationMs }),
                ...(outcome && { outcome }),
            };
        }
        default:
            return undefined;
    }
}
function outcomeOf(status) {
    if (status === 'success')
        return 'success';
    if (status === 'timeout')
        return 'timeout';
    if (status === 'error' || status === 'failure')
        return 'error';
    return undefined;
}

;// CONCATENATED MODULE: ./packages/targets/lambda/src/logs/parse-text.ts
const START = /^START RequestId: (\S+)/;
const REPORT = /^REPORT RequestId: (\S+)/;
// "Billed Duration", "Init Duration" and "Restore Duration" end in the same words.
const DURATION = /(?<!Billed |Init |Restore )Duration: ([\d.]+) ms/;
const MAX_MEMORY = /Max Memory Used: (\d+) MB/;
const INIT = /Init Duration: ([\d.]+) ms/;
const STATUS = /Status: (\w+)/;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
const FAILED = [
    { term: 'Task timed out after', outcome: 'timeout' },
    { term: 'Invoke Error', outcome: 'error' },
    { term: 'Runtime exited', outcome: 'error' },
    { term: 'LAMBDA_WARNING: Unhandled exception', outcome: 'error' },
    { term: '[ERROR]', outcome: 'error', test: (line) => line.startsWith('[ERROR] '), anonymous: true },
];
const says = (f, line) => (f.test ? f.test(line) : line.includes(f.term));
/** Terms for FilterLogEvents: only the lines above and the report records are read. */
const TEXT_TERMS = ['START RequestId', 'REPORT RequestId', ...FAILED.map((f) => f.term)];
function parseTextLine(message) {
    const start = START.exec(message);
    if (start)
        return { kind: 'start', requestId: start[1] };
    const report = REPORT.exec(message);
    if (report)
        return parseReport(report[1], message);
    const failed = FAILED.find((f) => says(f, message));
    if (!failed)
        return undefined;
    // The request id is the first one on the line in every other shape above, when there is one.
    const id = failed.anonymous ? undefined : UUID.exec(message)?.[0];
    return { kind: 'failed', ...(id && { requestId: id }), outcome: failed.outcome };
}
function parseReport(requestId, line) {
    const duration = DURATION.exec(line);
    if (!duration)
        return undefined;
    const memory = MAX_MEMORY.exec(line);
    const init = INIT.exec(line);
    const status = STATUS.exec(line)?.[1];
    const outcome = status === 'timeout' ? 'timeout' : status && status !== 'success' ? 'error' : undefined;
    return {
        kind: 'report',
        requestId,
        durationMs: Number(duration[1]),
        ...(memory && { maxMemoryMb: Number(memory[1]) }),
        ...(init && { initDurationMs: Number(init[1]) }),
        ...(outcome && { outcome }),
    };
}

;// CONCATENATED MODULE: ./packages/targets/lambda/src/logs/records.ts
// What the logs check reads: Lambda's own records of each invocation, one log stream per execution environment.
// Streams are YYYY/MM/DD/[VERSION]GUID, or YYYY/MM/DD/FUNCTION[VERSION]GUID in a custom log group:
// https://docs.aws.amazon.com/lambda/latest/operatorguide/log-structure.html
// https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-loggroups.html
const STREAM = /^\d{4}\/\d{2}\/\d{2}\/([^[\]]*)\[(\$LATEST|\d+)\]/;
/** The version a stream of `functionName` carries; undefined for another function's stream or another shape. */
function streamVersion(stream, functionName) {
    const m = STREAM.exec(stream);
    if (!m || (m[1] !== '' && m[1] !== functionName))
        return undefined;
    return m[2];
}
const RANK = { success: 0, error: 1, timeout: 2 };
/** The worse of two outcomes; a timeout is worse than an error. */
function worse(a, b) {
    if (!a)
        return b;
    if (!b)
        return a;
    return RANK[b] > RANK[a] ? b : a;
}

;// CONCATENATED MODULE: ./packages/targets/lambda/src/logs/assemble.ts
// Log events into invocations. Each execution environment writes its own stream and runs one request at a time,
// so the lines between a request's START and its REPORT are that request's
// (https://docs.aws.amazon.com/lambda/latest/operatorguide/log-structure.html): a failure line without a request
// id belongs to the request under way in its stream.



/** Text and JSON records alike: a platform record in JSON, else the text shapes. */
function parseLine(message) {
    const text = message.trimEnd();
    return (text.startsWith('{') && parseJsonLine(text)) || parseTextLine(text);
}
/**
 * One FilterLogEvents pattern for both formats: any of the terms, each an exact phrase
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html).
 */
const FILTER_PATTERN = [...TEXT_TERMS, ...JSON_TERMS].map((t) => `?"${t}"`).join(' ');
/** Every invocation of the function's versions that the events report, oldest first. */
function invocations(events, functionName) {
    const streams = new Map();
    for (const e of events) {
        if (streamVersion(e.stream, functionName) === undefined)
            continue;
        const list = streams.get(e.stream) ?? [];
        list.push(e);
        streams.set(e.stream, list);
    }
    const out = [];
    for (const [stream, list] of streams) {
        // Stable: events of one millisecond keep the order they were written in.
        list.sort((a, b) => a.at - b.at);
        out.push(...inStream(list, streamVersion(stream, functionName)));
    }
    return out.sort((a, b) => a.at - b.at);
}
function inStream(events, version) {
    const out = [];
    // Failures seen for requests whose report has not come yet; a retry in the same stream starts afresh.
    const failed = new Map();
    let open;
    for (const e of events) {
        const line = parseLine(e.message);
        if (!line)
            continue;
        if (line.kind === 'start') {
            open = line.requestId;
            failed.delete(line.requestId);
        }
        else if (line.kind === 'failed') {
            const id = line.requestId ?? open;
            if (id)
                failed.set(id, worse(failed.get(id), line.outcome));
        }
        else {
            const outcome = worse(line.outcome, failed.get(line.requestId)) ?? 'success';
            failed.delete(line.requestId);
            if (open === line.requestId)
                open = undefined;
            out.push({
                requestId: line.requestId,
                version,
                at: e.at,
                durationMs: line.durationMs,
                ...(line.maxMemoryMb !== undefined && { maxMemoryMb: line.maxMemoryMb }),
                ...(line.initDurationMs !== undefined && { initDurationMs: line.initDurationMs }),
                outcome,
            });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./packages/targets/lambda/src/logs/runs.ts
// Async invocations are retried with the same request id:
// https://docs.aws.amazon.com/lambda/latest/operatorguide/log-structure.html
function runsOf(records) {
    const byId = new Map();
    for (const r of records) {
        const run = byId.get(r.requestId);
        if (!run) {
            byId.set(r.requestId, {
                requestId: r.requestId,
                at: r.at,
                outcome: r.outcome,
                timedOut: r.outcome === 'timeout',
            });
        }
        else {
            run.outcome = r.outcome;
            run.timedOut ||= r.outcome === 'timeout';
        }
    }
    return [...byId.values()].sort((a, b) => a.at - b.at);
}
/** The most runs that failed one after another, and how each of those ended. */
function longestFailingStreak(runs) {
    let best = [];
    let current = [];
    for (const run of runs) {
        current = run.outcome === 'success' ? [] : [...current, run.outcome];
        if (current.length > best.length)
            best = current;
    }
    return best;
}
function mean(values) {
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
}
/** Nearest-rank p95: with few records, the slowest but the top 5%. */
function p95(values) {
    if (!values.length)
        return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.ceil(0.95 * sorted.length) - 1];
}
function figuresOf(records) {
    return {
        records: records.length,
        runs: runsOf(records),
        durations: records.map((r) => r.durationMs),
        memory: records.flatMap((r) => (r.maxMemoryMb === undefined ? [] : [r.maxMemoryMb])),
        inits: records.flatMap((r) => (r.initDurationMs === undefined ? [] : [r.initDurationMs])),
    };
}

;// CONCATENATED MODULE: ./packages/targets/lambda/src/logs/rules.ts
// The logs check's rules over green's (and blue's) figures. No minimum sample: a function invoked six times a day
// is judged by the runs it had, and a rule with nothing to compare is inconclusive or, for cold starts, not judged.
// A duration ratio over its limit is unhealthy only when the runs show it significantly.


const v = (c, version = c.s.version) => c.s.label(version);
const ms = (n) => `${(0,health_src.round)(n, 1)}ms`;
const plural = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const SIGNIFICANCE = 0.05;
/**
 * A ratio over its limit is unhealthy only when green's times (log scale, where a ratio is a difference) are
 * significantly more than `limit` times blue's by a one-sided Welch test. Short of that it is not held against
 * green: a few runs of blue put its p95 low, and a step waiting on luck would end at max-bake, rolled back.
 */
function overLimit(green, blue, limit, text, rule) {
    const log = (xs) => xs.map((x) => Math.log(Math.max(x, 0.01)));
    const p = (0,health_src.welchGreater)(log(green), log(blue), Math.log(limit));
    const runs = `${green.length} and ${blue.length} runs`;
    if (p === undefined) {
        return {
            verdict: 'inconclusive',
            text: `${text} > ${rule}, with fewer than 2 runs a side to test (${runs})`,
        };
    }
    const pText = p < 0.001 ? 'p<0.001' : `p=${(0,health_src.round)(p, 3)}`;
    if (p >= SIGNIFICANCE) {
        return {
            verdict: 'healthy',
            text: `${text}, over ${rule} but not significantly (${pText} over ${runs})`,
        };
    }
    return { verdict: 'unhealthy', text: `${text} > ${rule} (${pText} over ${runs})` };
}
function consecutive(c, max) {
    const streak = longestFailingStreak(c.green.runs);
    const text = `${plural(streak.length, 'run')} of ${v(c)} failed in a row`;
    if (streak.length >= max) {
        return {
            verdict: 'unhealthy',
            text: `${text} (${streak.join(', ')}), max-consecutive-failures ${max}`,
        };
    }
    return { verdict: 'healthy', text: `${text} (< ${max})` };
}
function timeouts(c, max) {
    const n = c.green.runs.filter((r) => r.timedOut).length;
    const text = `${n} of ${c.green.runs.length} runs of ${v(c)} timed out`;
    return n > max
        ? { verdict: 'unhealthy', text: `${text} > max-timeouts ${max}` }
        : { verdict: 'healthy', text: `${text} (≤ ${max})` };
}
function memory(c, max) {
    const used = c.green.memory.length ? Math.max(...c.green.memory) : undefined;
    if (used === undefined)
        return { verdict: 'inconclusive', text: `no Max Memory Used in the records of ${v(c)}` };
    // Max Memory Used is the environment's peak so far, across its invocations:
    // https://docs.aws.amazon.com/lambda/latest/dg/csharp-logging.html ("REPORT line data fields")
    return used > max
        ? { verdict: 'unhealthy', text: `${v(c)} used ${used} MB (Max Memory Used) > max-memory-mb ${max}` }
        : { verdict: 'healthy', text: `${v(c)} used at most ${used} MB (≤ ${max})` };
}
function duration(c, rule) {
    if (!c.blue)
        return { verdict: 'not judged', text: 'duration ratio not judged: no baseline version' };
    const stat = rule.stat === 'mean' ? mean : p95;
    const g = stat(c.green.durations);
    const b = stat(c.blue.durations);
    if (b === undefined) {
        return {
            verdict: 'inconclusive',
            text: `no report record of ${v(c, c.s.baseline)} to compare ${v(c)}'s duration with`,
        };
    }
    const ratio = b > 0 ? g / b : Infinity;
    const text = `${v(c)} ${rule.stat} duration ${ms(g)} is ${(0,health_src.round)(ratio)}× ${v(c, c.s.baseline)}'s ${ms(b)}`;
    if (ratio <= rule.ratio)
        return { verdict: 'healthy', text: `${text} (≤ ${rule.ratio})` };
    const limit = `max-duration-ratio ${rule.stat}=${rule.ratio}`;
    return overLimit(c.green.durations, c.blue.durations, rule.ratio, text, limit);
}
// No Init Duration with provisioned concurrency or SnapStart (init happens before any request): nothing to judge.
function init(c, max) {
    const g = mean(c.green.inits);
    const b = c.blue && mean(c.blue.inits);
    const none = (version) => ({
        verdict: 'not judged',
        text: `init ratio not judged: ${v(c, version)} had no cold start with an Init Duration (none with provisioned concurrency or SnapStart)`,
    });
    if (!c.blue)
        return { verdict: 'not judged', text: 'init ratio not judged: no baseline version' };
    if (g === undefined)
        return none();
    if (b === undefined)
        return none(c.s.baseline);
    const ratio = b > 0 ? g / b : Infinity;
    const starts = plural(c.green.inits.length, 'cold start');
    const text = `${v(c)} mean Init Duration ${ms(g)} over ${starts} is ${(0,health_src.round)(ratio)}× ${v(c, c.s.baseline)}'s ${ms(b)}`;
    // Judged as it stands: an environment starts cold once, so cold starts stay too few for a test.
    return ratio > max
        ? { verdict: 'unhealthy', text: `${text} > max-init-ratio ${max}` }
        : { verdict: 'healthy', text: `${text} (≤ ${max})` };
}
/** Every configured rule's finding, in the order the inputs are documented. */
function findings(c) {
    const { cfg } = c;
    return [
        cfg.maxConsecutiveFailures !== undefined && consecutive(c, cfg.maxConsecutiveFailures),
        cfg.maxTimeouts !== undefined && timeouts(c, cfg.maxTimeouts),
        cfg.maxMemoryMb !== undefined && memory(c, cfg.maxMemoryMb),
        cfg.maxDurationRatio && duration(c, cfg.maxDurationRatio),
        cfg.maxInitRatio !== undefined && init(c, cfg.maxInitRatio),
    ].filter((f) => !!f);
}
/** One verdict: any rule broken is unhealthy; then any rule short of evidence is inconclusive. */
function verdictOf(c, found) {
    for (const verdict of ['unhealthy', 'inconclusive']) {
        const hit = found.filter((f) => f.verdict === verdict);
        if (hit.length)
            return { verdict, reason: hit.map((f) => f.text).join('; ') };
    }
    const head = `${v(c)}: ${plural(c.green.runs.length, 'run')} (${plural(c.green.records, 'record')})`;
    return { verdict: 'healthy', reason: [head, ...found.map((f) => f.text)].join('; ') };
}

;// CONCATENATED MODULE: ./packages/targets/lambda/src/logs/check.ts
// The `logs` check: green judged invocation by invocation from the report records in the function's log group.





async function checkLogs(src, cfg, functionName, s, now) {
    const since = s.since ?? now - cfg.windowMs;
    let group = cfg.logGroup ?? '';
    try {
        group ||= await src.logGroup(s.version);
        const read = await src.read(group, since);
        const all = invocations(read.events, functionName);
        const green = figuresOf(all.filter((r) => r.version === s.version));
        const blue = s.baseline ? figuresOf(all.filter((r) => r.version === s.baseline)) : undefined;
        return judgeLogs({ s, green, ...(blue && { blue }), cfg }, { group, since, complete: read.complete });
    }
    catch (err) {
        // Lambda creates the group at the function's first logged run: no group is no evidence yet, not a failure.
        // https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-loggroups.html
        if ((0,core_src/* awsErrorName */.ZH)(err) === 'ResourceNotFoundException') {
            const reason = `no report records of ${s.label(s.version)} yet: log group ${group} does not exist until the function's first run logs (set log-group if the function logs elsewhere)`;
            return { check: 'logs', verdict: 'inconclusive', reason, observed: {}, threshold: {} };
        }
        return (0,health_src.unreadable)('logs', `could not read the report records of ${s.label(s.version)}: ${(0,core_src/* errorMessage */.gJ)(err)}`);
    }
}
function judgeLogs(c, src) {
    const result = (r) => ({
        check: 'logs',
        ...r,
        observed: observed(c, src),
        threshold: threshold(c.cfg),
    });
    const from = `in ${src.group} since ${new Date(src.since).toISOString()}`;
    if (!src.complete) {
        return result({
            verdict: 'inconclusive',
            reason: `too many records ${from} to read them all: judge a shorter time`,
        });
    }
    if (c.green.records === 0) {
        return result({
            verdict: 'inconclusive',
            reason: `no report record of ${c.s.label(c.s.version)} ${from}: it has not run yet`,
        });
    }
    return result(verdictOf(c, findings(c)));
}
function observed(c, src) {
    const { green: g, blue: b } = c;
    const stat = c.cfg.maxDurationRatio?.stat ?? 'p95';
    const dur = (f) => (f ? ((stat === 'mean' ? mean : p95)(f.durations) ?? null) : null);
    const initMean = (f) => (f ? (mean(f.inits) ?? null) : null);
    const ratio = (x, y) => (x !== null && y ? (0,health_src.round)(x / y) : null);
    return {
        logGroup: src.group,
        since: new Date(src.since).toISOString(),
        records: g.records,
        runs: g.runs.length,
        failedInARow: longestFailingStreak(g.runs).length,
        timeouts: g.runs.filter((r) => r.timedOut).length,
        maxMemoryMb: g.memory.length ? Math.max(...g.memory) : null,
        [`${stat}DurationMs`]: (0,health_src.round)(dur(g), 1),
        [`baseline${stat === 'mean' ? 'Mean' : 'P95'}DurationMs`]: (0,health_src.round)(dur(b), 1),
        durationRatio: ratio(dur(g), dur(b)),
        coldStarts: g.inits.length,
        initDurationMs: (0,health_src.round)(initMean(g), 1),
        baselineInitDurationMs: (0,health_src.round)(initMean(b), 1),
        initRatio: ratio(initMean(g), initMean(b)),
        baselineRecords: b ? b.records : null,
    };
}
function threshold(cfg) {
    const d = cfg.maxDurationRatio;
    return {
        maxConsecutiveFailures: cfg.maxConsecutiveFailures ?? null,
        maxTimeouts: cfg.maxTimeouts ?? null,
        maxMemoryMb: cfg.maxMemoryMb ?? null,
        maxDurationRatio: d ? `${d.stat}=${d.ratio}` : null,
        maxInitRatio: cfg.maxInitRatio ?? null,
    };
}

;// CONCATENATED MODULE: ./packages/targets/lambda/src/logs/client.ts

let sdk;
/**
 * The CloudWatch Logs SDK, loaded once and only when the logs check is configured; one shared import, as two
 * parallel imports of one module trip jest's ESM loader.
 */
function logsSdk() {
    return (sdk ??= __webpack_require__.e(/* import() */ 303).then(__webpack_require__.t.bind(__webpack_require__, 2684, 19)));
}
async function logsClient(opts) {
    const { CloudWatchLogsClient } = await logsSdk();
    return new CloudWatchLogsClient((0,core_src/* clientConfig */.yO)(opts));
}

;// CONCATENATED MODULE: ./packages/targets/lambda/src/logs/read.ts


/** Beyond this many pages the check says so rather than judge part of the evidence. */
const MAX_PAGES = 100;
// https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html
async function readEvents(client, logGroupName, since) {
    const { FilterLogEventsCommand } = await logsSdk();
    const events = [];
    let nextToken;
    for (let page = 0; page < MAX_PAGES; page++) {
        const out = await client.send(new FilterLogEventsCommand({
            logGroupName,
            startTime: since,
            filterPattern: FILTER_PATTERN,
            ...(nextToken && { nextToken }),
        }));
        for (const e of out.events ?? []) {
            if (e.logStreamName && e.message !== undefined && e.timestamp !== undefined) {
                events.push({ stream: e.logStreamName, at: e.timestamp, message: e.message });
            }
        }
        // A page may be empty and still not the last: only a missing token ends the search.
        nextToken = out.nextToken;
        if (!nextToken)
            return { events, complete: true };
    }
    return { events, complete: false };
}

;// CONCATENATED MODULE: ./packages/targets/lambda/src/logs/probe.ts





/** The logs client, made by the test double given as `logs` when there is one. */
async function openLogsClient(aws, clients) {
    const make = clients?.logs ?? logsClient;
    return make(aws);
}
function logsProbe(lambda, logs, functionName, clock) {
    const name = (0,names/* plainName */.MH)({ name: functionName });
    const groups = new Map();
    const source = {
        // A function may log to a group of its choosing (LoggingConfig); the default is /aws/lambda/NAME:
        // https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-loggroups.html
        async logGroup(version) {
            let group = groups.get(version);
            if (!group) {
                const out = await lambda.send(new dist_cjs/* GetFunctionConfigurationCommand */.qA6({ FunctionName: functionName, Qualifier: version }));
                group = out.LoggingConfig?.LogGroup || `/aws/lambda/${name}`;
                groups.set(version, group);
            }
            return group;
        },
        read: (group, since) => readEvents(logs, group, since),
    };
    return (cfg, s) => checkLogs(source, cfg, name, s, clock.now());
}

;// CONCATENATED MODULE: ./packages/targets/lambda/src/metrics.ts

function versionMetrics(c) {
    return {
        requests: c.invocations + c.throttles,
        failures: c.errors + c.throttles,
        latency: c.latency ?? {},
        counts: { invocations: c.invocations, errors: c.errors, throttles: c.throttles },
    };
}
/**
 * One GetMetricData call for every query of one evaluation: Lambda's per-version metrics carry the
 * ExecutedVersion dimension beside FunctionName and Resource (function:alias):
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
 */
async function readVersionMetrics(cw, fn, t, windowMs, percentiles, now) {
    const versions = { g: t.version, ...(t.baseline && { b: t.baseline }) };
    const queries = [];
    for (const [key, version] of Object.entries(versions)) {
        const dimensions = {
            FunctionName: fn.functionName,
            Resource: `${fn.functionName}:${fn.alias}`,
            ExecutedVersion: version,
        };
        const metric = (id, name, stat) => (0,health_src.minuteQuery)(`${key}${id}`, { namespace: 'AWS/Lambda', name, dimensions }, stat);
        queries.push(metric('inv', 'Invocations', 'Sum'), metric('err', 'Errors', 'Sum'), metric('thr', 'Throttles', 'Sum'), ...percentiles.map((stat) => metric(stat, 'Duration', stat)));
    }
    const { values, until } = await (0,health_src.readWindow)(cw, queries, windowMs, now, t.since);
    const read = (k) => versionMetrics({
        invocations: (0,health_src.sumOf)(values, `${k}inv`),
        errors: (0,health_src.sumOf)(values, `${k}err`),
        throttles: (0,health_src.sumOf)(values, `${k}thr`),
        latency: Object.fromEntries(percentiles.map((stat) => [stat, (0,health_src.worstOf)(values, `${k}${stat}`)])),
    });
    return { green: read('g'), ...(t.baseline && { blue: read('b') }), ...(until !== undefined && { until }) };
}

// EXTERNAL MODULE: ./packages/targets/lambda/src/routing.ts
var routing = __webpack_require__(4160);
// EXTERNAL MODULE: ./packages/targets/lambda/src/versions.ts
var versions = __webpack_require__(4797);
;// CONCATENATED MODULE: ./packages/targets/lambda/src/session.ts







/** The alias as the engine's router: every write carries the RevisionId read before it. */
function aliasRouter(lambda, cfg, clock) {
    const { functionName: fn, alias } = cfg;
    return {
        name: `alias "${alias}"`,
        noun: 'alias',
        missing: `Alias "${alias}" of function ${fn} does not exist (or the function does not exist): deploy-green creates the alias on the first deploy`,
        label: routing/* label */.Pf,
        example: (live) => String(Math.max(1, Number(live) - 1)),
        read: () => (0,src_alias/* readAlias */.J)(lambda, fn, alias),
        write: (to, from, checkpoint) => (0,src_alias/* writeAlias */.O)(lambda, fn, alias, to, from, checkpoint, clock),
        checkPair: (blue, green) => (0,versions/* checkPair */.zA)(lambda, fn, blue, green),
        checkVersion: async (version, input) => {
            await (0,versions/* getConfig */.zj)(lambda, fn, version, input);
        },
    };
}
/** Per-version metrics by ExecutedVersion, the direct invoke of a version, and its report records. */
function lambdaSignals(lambda, cfg, cloudwatch, logs) {
    return {
        ...(cloudwatch && {
            metrics: (s, windowMs, percentiles, now) => readVersionMetrics(cloudwatch, cfg, s, windowMs, percentiles, now),
        }),
        probes: (health, s) => [
            ...(health.invoke ? [(0,invoke/* checkInvoke */.H)(lambda, health.invoke, cfg.functionName, s)] : []),
            ...(logs && health.logs ? [logs(health.logs, s)] : []),
        ],
    };
}
async function openClient(cfg, opts) {
    const make = opts.clients?.lambda ?? lambdaClient;
    return make(cfg.aws);
}
async function openLambda(cfg, opts) {
    const lambda = await openClient(cfg, opts);
    // The CloudWatch Logs SDK loads only when the logs check is configured.
    const logs = opts.health?.logs
        ? logsProbe(lambda, await openLogsClient(cfg.aws, opts.clients), cfg.functionName, opts.clock)
        : undefined;
    return {
        router: aliasRouter(lambda, cfg, opts.clock),
        signals: lambdaSignals(lambda, cfg, opts.cloudwatch, logs),
    };
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
