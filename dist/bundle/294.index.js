export const id = 294;
export const ids = [294];
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

/***/ 2029:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G9: () => (/* binding */ forwardGroups),
/* harmony export */   Rj: () => (/* binding */ fingerprint),
/* harmony export */   cY: () => (/* binding */ withWeights)
/* harmony export */ });
/* unused harmony exports MAX_WEIGHT, MAX_TARGET_GROUPS, checkWeights */
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);

// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetGroupTuple.html
const MAX_WEIGHT = 999;
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_ForwardActionConfig.html
const MAX_TARGET_GROUPS = 5;
/** The one forward action's target groups and weights; a lone TargetGroupArn weighs 1. */
function forwardGroups(actions, where) {
    const forwards = actions.filter((a) => a.Type === 'forward');
    if (forwards.length !== 1) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`${where} has ${forwards.length} forward actions; it needs exactly one, forwarding to both services' target groups`);
    }
    const f = forwards[0];
    const tuples = f.ForwardConfig?.TargetGroups;
    if (tuples?.length)
        return tuples.map((t) => ({ arn: t.TargetGroupArn ?? '', weight: t.Weight ?? 1 }));
    return f.TargetGroupArn ? [{ arn: f.TargetGroupArn, weight: 1 }] : [];
}
/** The action list with new weights in its forward action; every other action and field as it was. */
function withWeights(actions, weights) {
    checkWeights(weights);
    return actions.map((a) => {
        if (a.Type === 'authenticate-oidc' &&
            a.AuthenticateOidcConfig &&
            !a.AuthenticateOidcConfig.ClientSecret) {
            // Describe never returns the secret; a modify without it must say to keep the existing one:
            // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_AuthenticateOidcActionConfig.html
            return { ...a, AuthenticateOidcConfig: { ...a.AuthenticateOidcConfig, UseExistingClientSecret: true } };
        }
        if (a.Type !== 'forward')
            return a;
        const groups = forwardGroups([a], 'the forward action');
        const TargetGroups = groups.map((g) => ({
            TargetGroupArn: g.arn,
            Weight: weights.get(g.arn) ?? g.weight,
        }));
        // With several groups only ForwardConfig may name them.
        const forward = { ...a, ForwardConfig: { ...a.ForwardConfig, TargetGroups } };
        delete forward.TargetGroupArn;
        return forward;
    });
}
/** What AWS would refuse and moto accepts: weights outside 0-999, more than 5 groups, no traffic at all. */
function checkWeights(weights) {
    if (weights.size > MAX_TARGET_GROUPS) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`a forward action takes at most ${MAX_TARGET_GROUPS} target groups, not ${weights.size}`);
    }
    for (const [arn, w] of weights) {
        if (!Number.isInteger(w) || w < 0 || w > MAX_WEIGHT) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`target group ${arn} would get weight ${w}; weights are whole numbers from 0 to ${MAX_WEIGHT}`);
        }
    }
    if ([...weights.values()].every((w) => w === 0))
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('every target group would get weight 0');
}
/** A canonical text of an action list: what this run read or wrote, to compare with what is there now. */
function fingerprint(actions) {
    return JSON.stringify(actions.map((a) => sortKeys(withoutSecrets(a))));
}
function withoutSecrets(a) {
    if (!a.AuthenticateOidcConfig)
        return a;
    const oidc = { ...a.AuthenticateOidcConfig };
    delete oidc.ClientSecret;
    delete oidc.UseExistingClientSecret;
    return { ...a, AuthenticateOidcConfig: oidc };
}
function sortKeys(v) {
    if (Array.isArray(v))
        return v.map(sortKeys);
    if (v && typeof v === 'object') {
        return Object.fromEntries(Object.entries(v)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, x]) => [k, sortKeys(x)]));
    }
    return v;
}


/***/ }),

/***/ 3294:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M: () => (/* binding */ listenerRouter)
});

// UNUSED EXPORTS: routingOf

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-cjs/index.js
var dist_cjs = __webpack_require__(586);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var client_ecs_dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 7 modules
var src = __webpack_require__(1398);
// EXTERNAL MODULE: ./packages/release/src/checkpoint.ts
var src_checkpoint = __webpack_require__(4487);
// EXTERNAL MODULE: ./packages/release/src/routing.ts
var routing = __webpack_require__(239);
;// CONCATENATED MODULE: ./packages/targets/ecs/src/checkpoint-tag.ts
// A checkpointed rollout's checkpoint, kept in a tag of the listener (or rule) that splits the traffic. ALB has no
// write that changes the weights and a tag together, so the tag is written right after the weights (and both
// are read back). A run killed between the two leaves weights one step ahead of the tag; the routing is the
// truth, so the next run finds a checkpoint whose step's weight differs from the routing and refuses with that
// reason, changing nothing: rollback (which clears the tag) or a new start resolves it.

/** The tag's key; its value is the checkpoint (at most 200 characters; tag values take 256). */
const CHECKPOINT_TAG = 'deploy-actions:checkpoint';
/** The tag's value, or undefined when the resource has none. */
async function readCheckpointTag(elb, arn) {
    // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeTags.html
    let r;
    try {
        r = await elb.send(new dist_cjs/* DescribeTagsCommand */.yRM({ ResourceArns: [arn] }));
    }
    catch (err) {
        // A missing router is reported by the read of its actions.
        const name = err.name;
        if (name === 'ListenerNotFoundException' || name === 'RuleNotFoundException')
            return undefined;
        throw err;
    }
    const tags = r?.TagDescriptions?.find((d) => d.ResourceArn === arn)?.Tags ?? [];
    return tags.find((t) => t.Key === CHECKPOINT_TAG)?.Value;
}
/** Sets the tag (AddTags replaces a tag with the same key), or removes it when `value` is undefined. */
async function writeCheckpointTag(elb, arn, value) {
    // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_AddTags.html
    if (value !== undefined) {
        await elb.send(new dist_cjs/* AddTagsCommand */.yjM({ ResourceArns: [arn], Tags: [{ Key: CHECKPOINT_TAG, Value: value }] }));
    }
    else {
        await elb.send(new dist_cjs/* RemoveTagsCommand */.L1A({ ResourceArns: [arn], TagKeys: [CHECKPOINT_TAG] }));
    }
}

// EXTERNAL MODULE: ./packages/targets/ecs/src/forward.ts
var forward = __webpack_require__(2029);
// EXTERNAL MODULE: ./packages/targets/ecs/src/names.ts
var names = __webpack_require__(8420);
;// CONCATENATED MODULE: ./packages/targets/ecs/src/router.ts
// The listener (or rule) that splits traffic between two ECS services' target groups, as the engine's
// router. ALB has no revision lock: read the whole forward action (and the checkpoint tag) just before each
// write, compare it with what this run last read, write, and read it back.








function listenerRouter(c, cfg) {
    const what = `${cfg.router.kind === 'rule' ? 'listener rule' : 'listener'} ${shortArn(cfg.router.arn)}`;
    const describe = (r) => (0,routing/* describeRouting */.ww)(r, names/* label */.Pf);
    let last;
    const pair = async (tags = false) => (last = await readPair(c, cfg, what, tags));
    return {
        name: what,
        noun: cfg.router.kind === 'rule' ? 'listener rule' : 'listener',
        missing: `${capitalised(what)} does not exist: create it with weights 100/0 to blue's target group first (see the ECS page)`,
        label: names/* label */.Pf,
        pair: () => pair(),
        lastPair: () => last,
        read: async () => (await pair(true))?.routing,
        write: async (to, from, checkpoint) => {
            const now = await pair(true);
            if (!now || now.routing.revision !== from.revision) {
                throw new src/* ConcurrentChangeError */.wy(`${capitalised(what)} was changed by someone else since this run read it (now ${now ? describe(now.routing) : 'gone'}); this run changed nothing more.`);
            }
            const actions = (0,forward/* withWeights */.cY)(now.actions, weightsFor(now.sides, to));
            if (cfg.router.kind === 'rule') {
                await c.elb.send(new dist_cjs/* ModifyRuleCommand */.y5P({ RuleArn: cfg.router.arn, Actions: actions }));
            }
            else {
                await c.elb.send(new dist_cjs/* ModifyListenerCommand */.ugc({ ListenerArn: cfg.router.arn, DefaultActions: actions }));
            }
            // Not atomic with the weights: see checkpoint-tag.ts for how a reader treats a run killed in between.
            const tag = checkpoint ? (0,src_checkpoint/* encodeCheckpoint */.Xn)(checkpoint) : undefined;
            if (tag !== undefined || (0,routing/* holdsCheckpoint */.d1)(now.routing))
                await writeCheckpointTag(c.elb, cfg.router.arn, tag);
            const after = await pair(true);
            const tagged = tag !== undefined ? after?.tag === tag : after && !(0,routing/* holdsCheckpoint */.d1)(after.routing);
            if (!after || !(0,routing/* sameRouting */.Hm)(after.routing, to) || !tagged) {
                throw new src/* DeployError */.sH(`${capitalised(what)} was written to ${describe(to)}${tag ? ` with checkpoint "${tag}"` : ''} but reading it back shows ${after ? `${describe(after.routing)}${after.tag ? ` with checkpoint "${after.tag}"` : ''}` : 'nothing'}.`);
            }
            return after.routing;
        },
        checkPair: async (_blue, green) => {
            const p = last ?? (await pair());
            if (p)
                runningOnOneSide(p, green, 'green-version', cfg);
        },
        checkVersion: async (version, input) => {
            const p = last ?? (await pair());
            if (p)
                runningOnOneSide(p, version, input, cfg);
        },
    };
}
/** The weights that make `to` true: blue's service takes what green's does not. */
function weightsFor(sides, to) {
    const percent = Math.round(to.greenWeight * 100);
    const weight = (s) => {
        if (to.green && s.taskDefinition === to.green)
            return percent;
        if (s.taskDefinition === to.version)
            return to.green ? 100 - percent : 100;
        return 0;
    };
    return new Map(sides.map((s) => [s.targetGroup, weight(s)]));
}
function runningOnOneSide(p, version, input, cfg) {
    const on = p.sides.filter((s) => s.taskDefinition === version);
    const empty = on.length === 1 && on[0].desiredCount === 0 ? on[0] : undefined;
    if (empty) {
        throw new src/* DeployError */.sH(`${empty.service}, which runs ${(0,names/* label */.Pf)(version)}, is scaled to 0 tasks: traffic sent there would find no task. Scale it up first (aws ecs update-service --desired-count), then run this again.`);
    }
    if (on.length === 0) {
        throw new src/* InputError */.dz(input, version, `runs on neither ${cfg.services.join(' nor ')}: traffic can only go to a task definition a service runs (deploy it with deploy-green first)`);
    }
    if (on.length === 2) {
        throw new src/* InputError */.dz(input, version, `runs on both ${cfg.services.join(' and ')}: one of them must run the other version to split traffic`);
    }
}
async function readPair(c, cfg, what, tags) {
    const [actions, services, tag] = await Promise.all([
        readActions(c.elb, cfg),
        readServices(c.ecs, cfg),
        tags ? readCheckpointTag(c.elb, cfg.router.arn) : undefined,
    ]);
    if (!actions)
        return undefined;
    const groups = (0,forward/* forwardGroups */.G9)(actions, capitalised(what));
    const sides = services.map((s) => side(s, groups, what));
    const stray = groups.filter((g) => g.weight > 0 && !sides.some((s) => s.targetGroup === g.arn));
    if (stray.length) {
        throw new src/* DeployError */.sH(`${capitalised(what)} also sends traffic to target group ${stray[0].arn}, which neither ${cfg.services.join(' nor ')} is registered to; give it weight 0 first`);
    }
    const routing = routingOf(sides);
    return {
        actions,
        services,
        sides,
        ...(tag !== undefined && { tag }),
        routing: {
            ...routing,
            // The tag is part of what a write compares: a checkpoint moved by another run is a concurrent change.
            revision: `${(0,forward/* fingerprint */.Rj)(actions)}|${sides.map((s) => s.taskDefinition).join('|')}|${tag ?? ''}`,
            ...(0,src_checkpoint/* checkpointOf */.S$)(tag),
        },
    };
}
/** Where traffic goes: the weighted side alone, or blue and green of a split (green is the newer deployment). */
function routingOf(sides) {
    const [a, b] = sides;
    const total = a.weight + b.weight;
    if (total === 0)
        throw new src/* DeployError */.sH(`neither ${a.service} nor ${b.service} gets any traffic (both weights are 0)`);
    if (a.taskDefinition === b.taskDefinition || b.weight === 0)
        return { version: a.taskDefinition, greenWeight: 0 };
    if (a.weight === 0)
        return { version: b.taskDefinition, greenWeight: 0 };
    const [blue, green] = a.since <= b.since ? [a, b] : [b, a];
    return { version: blue.taskDefinition, green: green.taskDefinition, greenWeight: green.weight / total };
}
function side(s, groups, what) {
    const registered = (s.loadBalancers ?? []).map((l) => l.targetGroupArn).filter((a) => !!a);
    const matched = groups.filter((g) => registered.includes(g.arn));
    if (matched.length !== 1) {
        throw new src/* DeployError */.sH(`service ${s.serviceName} must be registered to exactly one of the target groups ${what} forwards to (it is to ${matched.length})`);
    }
    const primary = (s.deployments ?? []).find((d) => d.status === 'PRIMARY');
    return {
        service: s.serviceName ?? '',
        targetGroup: matched[0].arn,
        weight: matched[0].weight,
        taskDefinition: primary?.taskDefinition ?? s.taskDefinition ?? '',
        since: (primary?.createdAt ?? s.createdAt ?? new Date(0)).getTime(),
        desiredCount: s.desiredCount ?? 0,
    };
}
async function readActions(elb, cfg) {
    try {
        if (cfg.router.kind === 'rule') {
            const r = await elb.send(new dist_cjs/* DescribeRulesCommand */.Ggo({ RuleArns: [cfg.router.arn] }));
            return r.Rules?.[0]?.Actions ?? undefined;
        }
        const l = await elb.send(new dist_cjs/* DescribeListenersCommand */.AKE({ ListenerArns: [cfg.router.arn] }));
        return l.Listeners?.[0]?.DefaultActions ?? undefined;
    }
    catch (err) {
        if (err.name === 'ListenerNotFoundException' ||
            err.name === 'RuleNotFoundException')
            return undefined;
        throw err;
    }
}
async function readServices(ecs, cfg) {
    const r = await ecs.send(new client_ecs_dist_cjs/* DescribeServicesCommand */.H7c({ cluster: cfg.cluster, services: [...cfg.services] }));
    return cfg.services.map((name) => {
        const s = r.services?.find((x) => x.serviceName === name && x.status !== 'INACTIVE');
        if (!s)
            throw new src/* DeployError */.sH(`service ${name} does not exist (or is inactive) in cluster ${cfg.cluster}`);
        return s;
    });
}
/** `app/orders/50dc.../f2f7...`: the part of an ARN after its resource type. */
function shortArn(arn) {
    return arn.slice(arn.indexOf('/') + 1);
}
function capitalised(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}


/***/ })

};
