export const id = 321;
export const ids = [321];
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

/***/ 7321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readShiftInputs: () => (/* reexport */ readShiftInputs),
  runShiftTraffic: () => (/* binding */ runShiftTraffic),
  runShiftTrafficStep: () => (/* binding */ runShiftTrafficStep)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 7 modules
var src = __webpack_require__(1398);
// EXTERNAL MODULE: ./packages/release/src/routing.ts
var routing = __webpack_require__(239);
// EXTERNAL MODULE: ./packages/release/src/guard.ts
var guard = __webpack_require__(2284);
;// CONCATENATED MODULE: ./packages/release/src/state.ts
// What shift-traffic's main step saves for its post step (the runner's GITHUB_STATE file).
const STATE = {
    isPost: 'isPost',
    target: 'target',
    config: 'config',
    green: 'green',
    blue: 'blue',
    onCancel: 'on-cancel',
    routing: 'routing',
    settled: 'settled',
    mode: 'mode',
};

// EXTERNAL MODULE: ./packages/release/src/run/common.ts
var common = __webpack_require__(6342);
// EXTERNAL MODULE: ./packages/health/src/config.ts
var src_config = __webpack_require__(1824);
// EXTERNAL MODULE: ./packages/health/src/logs-config.ts
var logs_config = __webpack_require__(9316);
;// CONCATENATED MODULE: ./packages/release/src/plan.ts

const MINUTE = 60_000;
// Schedules of the predefined Lambda deployment configurations:
// https://docs.aws.amazon.com/codedeploy/latest/userguide/deployment-configurations.html
const CODEDEPLOY_CONFIGS = {
    LambdaAllAtOnce: { kind: 'all', minutes: 0 },
    LambdaCanary10Percent5Minutes: { kind: 'canary', minutes: 5 },
    LambdaCanary10Percent10Minutes: { kind: 'canary', minutes: 10 },
    LambdaCanary10Percent15Minutes: { kind: 'canary', minutes: 15 },
    LambdaCanary10Percent30Minutes: { kind: 'canary', minutes: 30 },
    LambdaLinear10PercentEvery1Minute: { kind: 'linear', minutes: 1 },
    LambdaLinear10PercentEvery2Minutes: { kind: 'linear', minutes: 2 },
    LambdaLinear10PercentEvery3Minutes: { kind: 'linear', minutes: 3 },
    LambdaLinear10PercentEvery10Minutes: { kind: 'linear', minutes: 10 },
};
const STRATEGIES = ['all-at-once', 'canary', 'linear', ...Object.keys(CODEDEPLOY_CONFIGS)];
/** Turns strategy/steps/bake-time into the list of weights to apply; throws InputError naming the input. */
function buildPlan(p) {
    const strategy = p.strategy.trim();
    if (strategy !== '' && p.steps !== '') {
        throw new src/* InputError */.dz('steps', p.steps, `cannot be combined with strategy "${strategy}": give one or the other`);
    }
    if (strategy === '' && p.steps !== '') {
        const steps = parsePlanSteps(p.steps, p.maxBake);
        return {
            name: `custom ${p.steps}`,
            steps: steps.map((s, i) => ({
                percent: s.percent,
                bakeMs: i === steps.length - 1 ? 0 : (s.bakeMs ?? p.bakeMs),
            })),
        };
    }
    const name = strategy === '' ? 'canary' : (STRATEGIES.find((s) => s.toLowerCase() === strategy.toLowerCase()) ?? '');
    if (name === '')
        throw new src/* InputError */.dz('strategy', strategy, `must be one of ${STRATEGIES.join(', ')}`);
    const codedeploy = CODEDEPLOY_CONFIGS[name];
    if (codedeploy) {
        if (p.bakeGiven) {
            throw new src/* InputError */.dz('bake-time', p.bakeText ?? (0,src/* formatDuration */.a3)(p.bakeMs), `cannot be combined with strategy ${name}, whose schedule is fixed`);
        }
        const ms = codedeploy.minutes * MINUTE;
        if (codedeploy.kind === 'all')
            return { name, steps: [{ percent: 100, bakeMs: 0 }] };
        if (codedeploy.kind === 'canary')
            return withBake(name, [10, 100], ms);
        return withBake(name, linear(10), ms);
    }
    if (name === 'all-at-once')
        return { name, steps: [{ percent: 100, bakeMs: 0 }] };
    if (name === 'canary') {
        if (p.canaryPercent >= 100)
            throw new src/* InputError */.dz('canary-percent', String(p.canaryPercent), 'must be below 100');
        return withBake(`canary ${p.canaryPercent}%`, [p.canaryPercent, 100], p.bakeMs);
    }
    if (p.linearPercent < 1) {
        throw new src/* InputError */.dz('linear-percent', String(p.linearPercent), 'must be at least 1: a plan has at most 100 steps');
    }
    return withBake(`linear +${p.linearPercent}%`, linear(p.linearPercent), p.bakeMs);
}
function linear(increment) {
    const out = [];
    for (let w = increment; w < 100 - 1e-9; w = Math.round((w + increment) * 100) / 100)
        out.push(w);
    return [...out, 100];
}
function withBake(name, percents, bakeMs) {
    return {
        name,
        steps: percents.map((percent, i) => ({ percent, bakeMs: i === percents.length - 1 ? 0 : bakeMs })),
    };
}
/**
 * "5,25,50,100" or "10:5m,50:10m,100": strictly increasing percentages, each with its own bake or
 * bake-time's; a plan may stop below 100 and leave the split in place.
 */
function parsePlanSteps(text, maxBake) {
    const items = text.split(',').map((s) => s.trim());
    if (items.length > 100)
        throw new src/* InputError */.dz('steps', text, 'must list at most 100 steps');
    const steps = items.map((item, i) => {
        const [percentText, bakeText, ...rest] = item.split(':').map((s) => s.trim());
        const percent = (0,src/* parsePercent */.lo)('steps', text, percentText.replace(/%$/, ''));
        if (bakeText === undefined)
            return { percent };
        const bakeMs = rest.length ? null : (0,src/* parseDuration */.E9)(bakeText);
        if (bakeMs === null) {
            throw new src/* InputError */.dz('steps', text, `gives step "${item}" a bake that is not a duration: write PERCENT:BAKE such as 10:5m or 50:1h30m`);
        }
        if (i === items.length - 1) {
            throw new src/* InputError */.dz('steps', text, `gives the last step "${item}" a bake; nothing follows it: use duration to watch after the last step`);
        }
        if (maxBake && bakeMs > maxBake.ms) {
            throw new src/* InputError */.dz('steps', text, `gives step "${item}" a bake over ${maxBake.label}`);
        }
        return { percent, bakeMs };
    });
    steps.forEach((s, i) => {
        if (i > 0 && s.percent <= steps[i - 1].percent) {
            throw new src/* InputError */.dz('steps', text, 'percentages must strictly increase, for example 5,25,50,100');
        }
    });
    return steps;
}
/** The percentages of a steps input, bakes left out. */
function parseSteps(text) {
    return parsePlanSteps(text).map((s) => s.percent);
}
/**
 * A router that splits in whole percents (ALB weights, Cloud Run) cannot take 0.5%: refuse the plan
 * rather than round it, naming the input the percentage came from.
 */
function checkPrecision(plan, decimals, given, target) {
    const scale = 10 ** decimals;
    const off = plan.steps.find((s) => Math.abs(Math.round(s.percent * scale) - s.percent * scale) > 1e-9);
    if (!off)
        return;
    const [input, value] = given.steps
        ? ['steps', given.steps]
        : plan.name.startsWith('linear')
            ? ['linear-percent', given.linearPercent]
            : ['canary-percent', given.canaryPercent];
    const form = decimals === 0 ? 'whole percentages' : `percentages with at most ${decimals} decimals`;
    throw new src/* InputError */.dz(input, value, `gives a step of ${off.percent}%; target ${target} splits traffic in ${form}`);
}

// EXTERNAL MODULE: ./packages/history/src/index.ts
var history_src = __webpack_require__(4200);
// EXTERNAL MODULE: ./packages/history/src/config.ts
var history_src_config = __webpack_require__(9488);
// EXTERNAL MODULE: ./packages/release/src/checkpoint.ts
var checkpoint = __webpack_require__(4487);
// EXTERNAL MODULE: ./packages/release/src/run/history.ts
var run_history = __webpack_require__(671);
;// CONCATENATED MODULE: ./packages/release/src/run/shift-history.ts
// shift-traffic's history (mode start and advance): each write of a checkpointed rollout updates the release's
// record — its progress, or how it ended — and never undoes or hides the traffic change when the history fails.





/** The history inputs shift-traffic shares with rollback; `environment` turns the history on. */
const SHIFT_HISTORY_INPUTS = [
    'environment',
    'backend',
    'dynamodb-table',
    'deployment-id',
    'slack-webhook-url',
    'sns-topic-arn',
    'notify-on',
];
/** The history of mode start and advance; any history input of another mode is an input error naming it. */
function readShiftHistory(inputs, mode, region) {
    if (mode !== 'start' && mode !== 'advance') {
        (0,run_history/* refuseGiven */.wY)(inputs, SHIFT_HISTORY_INPUTS, `is a history input of mode start and advance (the record of a checkpointed rollout), not of mode ${mode}`);
        return undefined;
    }
    if (inputs.text('environment') === '') {
        (0,run_history/* refuseGiven */.wY)(inputs, SHIFT_HISTORY_INPUTS.slice(1), 'needs environment: the history whose record of the rollout it updates');
        return undefined;
    }
    const config = (0,history_src_config/* readHistoryConfig */.pu)(inputs);
    (0,history_src_config/* checkTopicRegion */.MQ)(config.notify, region);
    const idText = inputs.text('deployment-id');
    return { config, ...(idText && { releaseId: (0,history_src/* checkDeploymentId */.dM)(idText) }) };
}
/**
 * After a run that wrote (a step, promotion, rollback): the release's record gets the progress or ends. Returns
 * the job summary's lines; a history that fails only warns, naming what is missing: the traffic change stands.
 */
async function recordRollout(rt, c, r) {
    // A run in the watch that writes nothing still records the judgment of a mark it is the first to pass.
    if (r.writes === 0 && !r.mark)
        return [];
    let history;
    try {
        history = await (0,run_history/* openFor */.qw)(rt, c.history.config, c.aws, (0,history_src_config/* runContext */.pO)(rt.env), c.clock, c.deps);
    }
    catch (err) {
        return [
            '#### History',
            '',
            ...notUpdated(rt, r, `the history could not be opened: ${(0,src/* errorMessage */.gJ)(err)}`),
        ];
    }
    return recordIn(rt, c, history, r);
}
/** recordRollout over an open history: find the record, write, report, announce an end. */
async function recordIn(rt, c, history, r) {
    const lines = ['#### History', ''];
    const run = (0,history_src_config/* runContext */.pO)(rt.env);
    try {
        const open = c.history.releaseId ? undefined : (await history.openRelease(c.target, r.green)).value;
        const id = c.history.releaseId ?? open?.id;
        if (r.writes === 0 && (!r.mark || !id || markRecorded(open, r)))
            return [];
        if (!id) {
            const note = `No open release record (status started) of ${c.target.resource} in ${c.target.environment} has green ${c.label(r.green)}: the history is not updated (deployment-id names the record).`;
            rt.warning(note);
            return [...lines, note, ''];
        }
        const written = await writeRecord(c, history, id, r, run.runUrl || (0,checkpoint/* runOf */.ng)(rt.env));
        const reported = (0,run_history/* reportOutcomes */.sK)(rt, written.outcomes, written.describe);
        lines.push((0,run_history/* outcomesTable */.ee)(reported.rows), '');
        if (reported.missing.length > 0) {
            lines.push(...notUpdated(rt, r, `deployment ${id} was NOT updated in ${reported.missing.join('; ')}`));
        }
        if (written.notice) {
            const notice = { ...written.notice, ...(run.runUrl && { runUrl: run.runUrl }) };
            await (0,run_history/* announce */.iP)(rt, c.history.config, c.aws, [notice], c.deps);
        }
        return lines;
    }
    catch (err) {
        return [...lines, ...notUpdated(rt, r, `the history was NOT updated: ${(0,src/* errorMessage */.gJ)(err)}`)];
    }
}
/** A warning, and the summary's bold line: the traffic change stands, the history misses it. */
function notUpdated(rt, r, what) {
    const missed = `The traffic change stands (${r.message.replace(/\.$/, '')}), but ${what}.`;
    rt.warning(missed);
    return [`**${missed}**`, ''];
}
/** The one history write of this run: progress, or the end of the record; the notice of an end. */
async function writeRecord(c, history, id, r, run) {
    const at = new Date(c.clock.now()).toISOString();
    const ended = (v, what) => ({
        status: v.record.status,
        note: v.changed
            ? `recorded deployment ${id} as ${what}`
            : `deployment ${id} was already ${v.record.status}`,
    });
    const watch = r.mark && { mark: r.mark.label, verdict: r.mark.verdict };
    const progress = {
        step: r.step === undefined ? c.of : r.step + 1,
        of: c.of,
        percent: r.status === 'rolled-back' ? 100 : r.percent,
        at,
        run,
        ...(watch && { watch }),
    };
    if (r.status === 'in-progress' || r.status === 'watching') {
        const outcomes = await history.progress(id, progress, c.label(r.green));
        const what = watch
            ? `the watch judgment at ${watch.mark} (${watch.verdict})`
            : `step ${progress.step}/${progress.of}`;
        const describe = (v) => ({
            status: v.record.status,
            note: v.changed
                ? `recorded ${what} (${progress.percent}% on ${c.label(r.green)}) of deployment ${id}`
                : `deployment ${id} is ${v.record.status}; progress not added`,
        });
        return { outcomes, describe };
    }
    // The watch's last judgment goes in before the record ends (a record that has ended takes no progress).
    if (watch)
        await history.progress(id, progress, c.label(r.green));
    const fields = r.status === 'rolled-back'
        ? { endedAt: at, restoredVersion: r.blue, ...(r.reason && { reason: r.reason }) }
        : { endedAt: at };
    const status = r.status === 'rolled-back' ? 'rolled-back' : 'succeeded';
    const outcomes = await history.finish(id, status, fields);
    const found = outcomes.find((o) => o.ok);
    // Announced once: a record already ended (a re-run step) was announced when it ended.
    if (found && !outcomes.some((o) => o.ok && o.value.changed))
        return { outcomes, describe: (v) => ended(v, status) };
    const notice = found?.ok
        ? found.value.record
        : { id, status, ...c.target, blueVersion: r.blue, greenVersion: r.green, ...fields };
    return { outcomes, describe: (v) => ended(v, status), notice };
}
/** Whether the open record's progress already holds this mark's judgment: a later run past it records nothing. */
function markRecorded(record, r) {
    const w = record?.progress?.watch;
    return w !== undefined && w.mark === r.mark?.label && w.verdict === r.mark.verdict;
}

;// CONCATENATED MODULE: ./packages/release/src/run/shift-inputs.ts
// shift-traffic's inputs, every one checked before any call: the target, green, the plan, the mode and its bakes.






const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// GitHub-hosted jobs stop after 6 hours: https://docs.github.com/en/actions/reference/limits
const JOB_BAKE = { ms: 6 * HOUR, label: '6h (the longest a GitHub-hosted job runs)' };
// Start and advance bake between scheduled runs, not within a job.
const LONG_BAKE = { ms: 90 * DAY, label: '90d' };
const LONG_MAX_BAKE = { ms: 180 * DAY, label: '180d' };
const MODES = ['run', 'start', 'advance', 'status'];
function readShiftInputs(inputs, env, targets) {
    const target = (0,common/* selectTarget */._c)(inputs, targets);
    const config = (0,common/* readConfig */.Xg)(target, inputs, env);
    const mode = inputs.oneOf('mode', MODES, 'run');
    const greenText = inputs.text('green-version');
    // mode status finds green in the routing: a scheduled driver does not know it; '' when not given.
    const green = mode === 'status' && greenText === '' ? '' : target.parseVersion('green-version', greenText);
    const bakeLimit = mode === 'run' ? JOB_BAKE : LONG_BAKE;
    const bakeText = inputs.text('bake-time');
    const plan = buildPlan({
        strategy: inputs.text('strategy'),
        steps: inputs.text('steps'),
        bakeMs: inputs.duration('bake-time', '5m', bakeLimit),
        bakeGiven: bakeText !== '',
        bakeText,
        canaryPercent: inputs.percent('canary-percent', 10),
        linearPercent: inputs.percent('linear-percent', 10),
        maxBake: bakeLimit,
    });
    const given = {
        steps: inputs.text('steps'),
        canaryPercent: inputs.text('canary-percent'),
        linearPercent: inputs.text('linear-percent'),
    };
    checkPrecision(plan, target.percentDecimals, given, target.kind);
    const health = (0,src_config/* readHealthConfig */.Ll)(inputs, { wait: true });
    const onUnhealthy = inputs.oneOf('on-unhealthy', ['rollback', 'fail'], 'rollback');
    const onCancel = inputs.oneOf('on-cancel', ['rollback', 'leave'], 'rollback');
    const maxBakeMs = readMaxBake(inputs, plan, mode, health.onInconclusive);
    if (mode !== 'run')
        checkCheckpointed(inputs, plan, mode, health.durationMs);
    if (mode === 'status')
        refuseChecks(inputs, health);
    const hold = readHold(inputs, plan, mode);
    const watchMs = readWatchAfter(inputs, mode);
    const history = readShiftHistory(inputs, mode, config.aws.region);
    return {
        target,
        config,
        green,
        mode,
        plan,
        health,
        onUnhealthy,
        onCancel,
        maxBakeMs,
        hold,
        watchMs,
        history,
    };
}
/** max-bake: only with on-inconclusive wait, and no shorter than a bake of the plan; undefined: twice each bake. */
function readMaxBake(inputs, plan, mode, onInconclusive) {
    const text = inputs.text('max-bake');
    if (text === '')
        return undefined;
    const ms = inputs.duration('max-bake', '0', mode === 'run' ? JOB_BAKE : LONG_MAX_BAKE);
    if (onInconclusive !== 'wait') {
        throw new src/* InputError */.dz('max-bake', text, `needs on-inconclusive: wait (it bounds how long an inconclusive step waits for its sample)`);
    }
    const longest = Math.max(...plan.steps.map((s) => s.bakeMs));
    if (ms < longest) {
        throw new src/* InputError */.dz('max-bake', text, `is shorter than the longest bake of the plan (${(0,src/* formatDuration */.a3)(longest)}): a step lasts at least its bake`);
    }
    return ms;
}
/** A checkpointed rollout ends promoted or rolled back, and nothing stays after a scheduled run to watch. */
function checkCheckpointed(inputs, plan, mode, durationMs) {
    const last = plan.steps[plan.steps.length - 1];
    if (last.percent < 100) {
        throw new src/* InputError */.dz('steps', inputs.text('steps'), `must end at 100 with mode ${mode}: a checkpointed rollout ends promoted or rolled back`);
    }
    if (durationMs > 0) {
        throw new src/* InputError */.dz('duration', inputs.text('duration'), `watches after the last step within one job; with mode ${mode} no run stays after promotion: leave it 0`);
    }
}
const CHECK_INPUTS = [
    'alarms',
    'max-error-rate',
    'max-latency-ratio',
    'max-latency-ms',
    'http-url',
    'invoke-payload',
    ...logs_config/* LOGS_INPUTS */.S,
];
/** mode status reads where the rollout stands and judges nothing: a check given to it would be silently unused. */
function refuseChecks(inputs, health) {
    if (!(0,src_config/* hasChecks */.EK)(health))
        return;
    const name = CHECK_INPUTS.find((n) => inputs.text(n, { multiline: true }) !== '') ?? 'alarms';
    throw new src/* InputError */.dz(name, inputs.text(name, { multiline: true }), 'is a health check; mode status only reads where the rollout stands and judges nothing: give the checks to mode advance');
}
/**
 * hold-steps (mode advance only): percentages of the plan this run must not move into, each a step that an
 * advance writes (not the first: mode start writes it). Empty: none held.
 */
function readHold(inputs, plan, mode) {
    const text = inputs.text('hold-steps');
    if (text === '')
        return [];
    if (mode !== 'advance') {
        throw new src/* InputError */.dz('hold-steps', text, `is for mode advance (a scheduled run that must not move into these steps), not mode ${mode}`);
    }
    const percents = plan.steps.map((s) => s.percent);
    return text.split(',').map((item) => {
        const p = (0,src/* parsePercent */.lo)('hold-steps', text, item.trim().replace(/%$/, ''));
        const at = percents.indexOf(p);
        if (at < 1) {
            throw new src/* InputError */.dz('hold-steps', text, at === 0
                ? `holds ${p}%, the plan's first step, which mode start writes: an advance never moves into it`
                : `holds ${p}%, which is no step of plan ${plan.name} (${percents.join(', ')})`);
        }
        return p;
    });
}
/**
 * watch-after (mode start and advance): how long scheduled runs keep judging green alone after promotion, ready
 * to go back to blue. Empty: promotion ends the rollout.
 */
function readWatchAfter(inputs, mode) {
    const text = inputs.text('watch-after');
    if (text === '')
        return undefined;
    if (mode !== 'start' && mode !== 'advance') {
        throw new src/* InputError */.dz('watch-after', text, `is for mode start and advance (scheduled runs that watch green after promotion), not mode ${mode}`);
    }
    const ms = inputs.duration('watch-after', '0', LONG_BAKE);
    if (ms < 60_000) {
        throw new src/* InputError */.dz('watch-after', text, 'must be at least 1m (scheduled runs judge the watch); leave it empty for no watch');
    }
    return ms;
}

;// CONCATENATED MODULE: ./packages/release/src/run/shift-rollout.ts
// shift-traffic mode start and advance: one run of a checkpointed rollout, its outputs and job summary.




async function runRollout(rt, i, opened, deps = {}) {
    if (i.mode === 'status')
        return (await __webpack_require__.e(/* import() */ 538).then(__webpack_require__.bind(__webpack_require__, 3538))).runStatus(rt, i, opened);
    const { router, gate, clock } = opened;
    const options = {
        router,
        green: i.green,
        plan: i.plan,
        ...(gate && { gate }),
        onInconclusive: i.health.onInconclusive,
        onUnhealthy: i.onUnhealthy,
        ...(i.maxBakeMs !== undefined && { maxBakeMs: i.maxBakeMs }),
        ...(i.hold.length > 0 && { hold: i.hold }),
        ...(i.watchMs !== undefined && { watchMs: i.watchMs }),
        run: (0,checkpoint/* runOf */.ng)(rt.env),
        log: rt,
        clock,
        signal: rt.cancelSignal,
    };
    let r;
    try {
        r =
            i.mode === 'start'
                ? await (await __webpack_require__.e(/* import() */ 634).then(__webpack_require__.bind(__webpack_require__, 8634))).startRollout(options)
                : await (await __webpack_require__.e(/* import() */ 520).then(__webpack_require__.bind(__webpack_require__, 8520))).advanceRollout(options);
    }
    catch (err) {
        rt.setOutput('reason', (0,common/* failureMessage */.oh)(err));
        throw err;
    }
    rt.setOutput('status', r.status);
    rt.setOutput('weight', String(r.percent));
    rt.setOutput('step', r.step !== undefined ? String(r.step + 1) : '');
    rt.setOutput('held', String(r.held === true));
    rt.setOutput('next-due', r.nextDue !== undefined ? new Date(r.nextDue).toISOString() : '');
    rt.setOutput('blue-version', r.blue);
    rt.setOutput('green-version', r.green);
    const recorded = i.history
        ? await recordRollout(rt, {
            history: i.history,
            target: { environment: i.history.config.environment, ...i.config.history },
            aws: { ...i.config.aws, maxAttempts: i.history.config.maxAttempts },
            of: i.plan.steps.length,
            label: router.label,
            clock,
            deps,
        }, r)
        : [];
    await rt.summary([rolloutSummary(i, r, router.label, clock.now()), ...recorded].join('\n'));
    if (r.failure) {
        rt.setOutput('reason', r.failure);
        rt.setFailed(r.failure);
    }
    else
        rt.info(`shift-traffic ${i.mode} ${r.status}: ${r.percent}% on ${router.label(r.green)}.`);
}
function rolloutSummary(i, r, label, now) {
    const steps = i.plan.steps.map((s, n) => {
        const where = n === r.step ? '**now**' : r.step !== undefined && n < r.step ? 'done' : '';
        return [
            `${n + 1}/${i.plan.steps.length}`,
            `${s.percent}%`,
            n < i.plan.steps.length - 1 ? (0,src/* formatDuration */.a3)(s.bakeMs) : '–',
            where,
        ];
    });
    return [
        `### shift-traffic ${i.mode}: ${i.config.name} ${r.blue ? `${label(r.blue)} → ` : ''}${label(r.green)}: ${r.status}`,
        '',
        `${new Date(now).toISOString()}: ${r.message}${r.writes ? '' : ' (no write)'}`,
        ...(r.nextDue !== undefined ? ['', `Next due: ${new Date(r.nextDue).toISOString()}.`] : []),
        '',
        (0,src/* table */.tp)(['step', 'green', 'bake', ''], steps),
        '',
        ...watchSummary(r),
    ].join('\n');
}
/** In the watch after promotion: its span and the judgment of the latest mark passed, with its figures. */
function watchSummary(r) {
    if (!r.watch)
        return [];
    const span = `Watch after promotion: ${new Date(r.watch.began).toISOString()} to ${new Date(r.watch.ends).toISOString()}.`;
    if (!r.mark)
        return [span, ''];
    const rows = Object.entries(r.mark.figures).flatMap(([check, figures]) => Object.entries(figures).map(([name, value]) => [check, name, value === null ? '–' : String(value)]));
    return [
        span,
        '',
        `#### Watch judgment at ${r.mark.label}: ${r.mark.verdict}`,
        '',
        r.mark.reason,
        '',
        ...(rows.length ? [(0,src/* table */.tp)(['check', 'figure', 'value'], rows), ''] : []),
    ];
}

;// CONCATENATED MODULE: ./packages/release/src/run/shift-post.ts



/**
 * Runs after the job (post-if: always()). A main step that was killed before it settled may have left
 * a split: put 100% back on blue unless on-cancel is leave or someone else has taken the router.
 */
async function runShiftTrafficPost(rt, targets, deps = {}) {
    const mode = rt.getState(STATE.mode);
    if (mode === 'start' || mode === 'advance' || mode === 'status') {
        // A checkpointed rollout outlives the job: a cancelled run must not undo it; the next run carries on.
        rt.info(`shift-traffic post: mode ${mode} leaves the rollout to the next scheduled run; nothing to clean up.`);
        return;
    }
    const target = targets[rt.getState(STATE.target)];
    if (!target || rt.getState(STATE.settled) === 'true' || !rt.getState(STATE.routing)) {
        rt.info('shift-traffic post: the shift settled in the main step; nothing to clean up.');
        return;
    }
    const config = JSON.parse(rt.getState(STATE.config));
    const blue = rt.getState(STATE.blue);
    const green = rt.getState(STATE.green);
    const last = JSON.parse(rt.getState(STATE.routing));
    let name = config.name;
    let label = (version) => version;
    try {
        const { router } = await target.open(config, {
            clock: (0,common/* clockOf */.ie)(deps, rt.env),
            ...(deps.clients && { clients: deps.clients }),
        });
        const L = router.label;
        const describe = (r) => (0,routing/* describeRouting */.ww)(r, L);
        name = router.name;
        label = L;
        if (rt.getState(STATE.onCancel) === 'leave') {
            rt.warning(`shift-traffic did not finish; on-cancel is leave, so ${router.name} stays as last set: ${describe(last)}.`);
            return;
        }
        const now = await router.read();
        if (!now)
            throw new Error(`${router.name} no longer exists`);
        if (!now.green && now.version === blue) {
            rt.info(`shift-traffic post: ${router.name} already sends 100% to blue ${L(blue)}.`);
            return;
        }
        if (!now.green && now.version === green && (0,routing/* sameRouting */.Hm)(now, last)) {
            rt.info(`shift-traffic post: the shift had completed (100% on ${L(green)}); leaving it.`);
            return;
        }
        const ours = (0,routing/* sameRouting */.Hm)(now, last) || (now.version === blue && now.green === green);
        if (!ours) {
            rt.warning(`shift-traffic post: ${router.name} is now ${describe(now)}, not what this run set; someone else is deploying, so it was left alone.`);
            return;
        }
        await router.write((0,routing/* allOn */.PT)(blue), now);
        const after = await router.read();
        const message = `shift-traffic was interrupted at ${describe(now)}; the post step restored ${after ? describe(after) : '?'} (blue ${L(blue)}).`;
        rt.warning(message);
        await rt.summary(`### shift-traffic: interrupted run cleaned up\n\n${message}\n`);
    }
    catch (err) {
        rt.setFailed(`shift-traffic post: could not restore blue ${label(blue)} on ${name}: ${(0,common/* failureMessage */.oh)(err)}. Run the rollback action.`);
    }
}

;// CONCATENATED MODULE: ./packages/release/src/run/shift-traffic.ts









/** Main and post share one bundle, as actions/checkout does: the saved isPost state tells them apart. */
async function runShiftTrafficStep(rt, targets, deps = {}) {
    if (rt.getState(STATE.isPost) === 'true')
        return runShiftTrafficPost(rt, targets, deps);
    rt.saveState(STATE.isPost, 'true');
    return runShiftTraffic(rt, targets, deps);
}
async function runShiftTraffic(rt, targets, deps = {}) {
    await (0,common/* runStep */.eg)(rt, (0,common/* nothingChanged */.Us)(rt, targets), async () => {
        const inputs = new src/* InputReader */.i_(rt.input);
        const i = readShiftInputs(inputs, rt.env, targets);
        // A checkpointed run leaves the rollout to the next scheduled run: its post step must not undo it.
        rt.saveState(STATE.mode, i.mode);
        // The production guard, before any AWS client: require-environment.
        await (0,guard/* enforceGuard */.IY)(rt, (0,guard/* readGuardConfig */.UF)(inputs));
        const opened = await openShift(rt, i, deps);
        if (i.mode !== 'run')
            return runRollout(rt, i, opened, deps);
        await runShift(rt, i, opened);
    });
}
/** The target's router and, when any check is configured, the health gate; unknown alarms are bad input. */
async function openShift(rt, i, deps) {
    const clock = (0,common/* clockOf */.ie)(deps, rt.env);
    const cloudwatch = await (0,common/* cloudwatchFor */.OG)(i.health, i.config, deps);
    const session = await i.target.open(i.config, {
        clock,
        health: i.health,
        ...(cloudwatch && { cloudwatch }),
        ...(deps.clients && { clients: deps.clients }),
    });
    const { healthGate, hasChecks, resolveAlarms } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9890));
    // Unknown alarm names are bad input: found out before the first write.
    if (cloudwatch)
        await resolveAlarms(cloudwatch, i.health.alarms);
    const { router } = session;
    const gate = hasChecks(i.health)
        ? healthGate(i.health, { ...(cloudwatch && { cloudwatch }), signals: session.signals }, clock, rt, router.label)
        : undefined;
    return { router, clock, ...(gate && { gate }) };
}
/** mode run: the whole shift within this job. */
async function runShift(rt, i, { router, gate, clock }) {
    const { shiftTraffic } = await __webpack_require__.e(/* import() */ 164).then(__webpack_require__.bind(__webpack_require__, 3164));
    saveTarget(rt, i.target, i.config, i.green, i.onCancel);
    let last;
    let result;
    try {
        result = await shiftTraffic({
            router,
            green: i.green,
            plan: i.plan,
            gate,
            intervalMs: i.health.intervalMs,
            finalWatchMs: i.health.durationMs,
            onInconclusive: i.health.onInconclusive,
            ...(i.maxBakeMs !== undefined && { maxBakeMs: i.maxBakeMs }),
            onUnhealthy: i.onUnhealthy,
            onCancel: i.onCancel,
            log: rt,
            clock,
            signal: rt.cancelSignal,
            onRouting: (routing, blue) => {
                last = { routing, blue };
                rt.saveState(STATE.blue, blue);
                rt.saveState(STATE.routing, JSON.stringify(routing));
            },
        });
    }
    catch (err) {
        // Someone else owns the router now: the post step must not touch it. Any other failure leaves the
        // post step to retry restoring blue.
        if (err instanceof src/* ConcurrentChangeError */.wy)
            rt.saveState(STATE.settled, 'true');
        if (last)
            setOutputs(rt, statusOf(last.routing, i.green), last.routing, last.blue, i.green);
        rt.setOutput('reason', (0,common/* failureMessage */.oh)(err));
        throw err;
    }
    rt.saveState(STATE.settled, 'true');
    setOutputs(rt, result.status, result.percent, result.blue, result.green);
    await rt.summary(shiftSummary(i.config.name, i.plan.name, result, router.label));
    if (result.failure) {
        rt.setOutput('reason', result.failure);
        rt.setFailed(result.failure);
    }
    else
        rt.info(`shift-traffic ${result.status}: ${result.percent}% on ${router.label(result.green)}.`);
}
/** What the post step needs to find the router again. */
function saveTarget(rt, target, config, green, onCancel) {
    rt.saveState(STATE.target, target.kind);
    rt.saveState(STATE.config, JSON.stringify(config));
    rt.saveState(STATE.green, green);
    rt.saveState(STATE.onCancel, onCancel);
}
function setOutputs(rt, status, weight, blue, green) {
    rt.setOutput('status', status);
    rt.setOutput('weight', String(typeof weight === 'number' ? weight : (0,routing/* greenPercent */.jz)(weight, green)));
    rt.setOutput('blue-version', blue);
    rt.setOutput('green-version', green);
}
function statusOf(r, green) {
    const percent = (0,routing/* greenPercent */.jz)(r, green);
    return percent === 100 ? 'promoted' : percent === 0 ? 'rolled-back' : 'in-progress';
}
function shiftSummary(name, plan, r, label) {
    const start = r.timeline[0]?.at ?? 0;
    const rows = r.timeline.map((t) => [
        new Date(t.at).toISOString().slice(11, 19),
        `+${Math.round((t.at - start) / 1000)}s`,
        t.step,
        `${t.percent}%`,
        t.event,
    ]);
    return [
        `### shift-traffic: ${name} ${label(r.blue)} → ${label(r.green)}: ${r.status}`,
        '',
        `Plan: ${plan}. Green now receives ${r.percent}% of traffic.${r.failure ? `\n\n**${r.failure}**` : ''}`,
        '',
        (0,src/* table */.tp)(['time (UTC)', 'elapsed', 'step', 'green', 'event'], rows),
        '',
    ].join('\n');
}


/***/ })

};
