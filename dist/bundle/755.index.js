export const id = 755;
export const ids = [755];
export const modules = {

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

/***/ 5755:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployEcs: () => (/* binding */ deployEcs)
});

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 7 modules
var src = __webpack_require__(1398);
// EXTERNAL MODULE: ./packages/release/src/routing.ts
var routing = __webpack_require__(239);
// EXTERNAL MODULE: ./packages/targets/ecs/src/names.ts
var names = __webpack_require__(8420);
// EXTERNAL MODULE: ./packages/targets/ecs/src/router.ts
var src_router = __webpack_require__(171);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-cjs/index.js
var client_elastic_load_balancing_v2_dist_cjs = __webpack_require__(586);
;// CONCATENATED MODULE: ./packages/targets/ecs/src/rollout.ts
// Waiting for the idle service to run the new task definition, and for its targets to be healthy.
// "Stable" is not enough: a deployment the circuit breaker rolled back also ends stable, on the old
// task definition (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html).




const POLL_MS = 10_000;
/** Until the service's PRIMARY deployment of the task definition is COMPLETED; FAILED names the stopped tasks' reasons. */
async function waitForRollout(w) {
    const deadline = w.clock.now() + w.timeoutMs;
    let wasPrimary = false;
    for (;;) {
        const r = await w.ecs.send(new dist_cjs/* DescribeServicesCommand */.H7c({ cluster: w.cluster, services: [w.service] }));
        const deployments = r.services?.[0]?.deployments ?? [];
        const ours = deployments.find((d) => d.taskDefinition === w.taskDefinition);
        const primary = deployments.find((d) => d.status === 'PRIMARY');
        // The circuit breaker marks ours FAILED and makes a deployment of the old task definition PRIMARY.
        const replaced = wasPrimary && primary?.taskDefinition !== w.taskDefinition;
        if (ours?.rolloutState === 'FAILED' || replaced)
            throw new src/* DeployError */.sH(await failure(w, ours));
        wasPrimary ||= primary?.taskDefinition === w.taskDefinition;
        if (primary?.taskDefinition === w.taskDefinition && primary.rolloutState === 'COMPLETED') {
            w.log.info(`${w.service} runs ${(0,names/* label */.Pf)(w.taskDefinition)}: ${primary.runningCount ?? 0} of ${primary.desiredCount ?? 0} tasks, rollout COMPLETED.`);
            return;
        }
        if (w.clock.now() >= deadline) {
            throw new src/* DeployError */.sH(`Waited ${(0,src/* formatDuration */.a3)(w.timeoutMs)} (wait-timeout) for ${w.service} to run ${(0,names/* label */.Pf)(w.taskDefinition)}; its deployment is ${primary?.taskDefinition === w.taskDefinition ? (primary.rolloutState ?? 'in progress') : 'not primary yet'}. No traffic was moved.`);
        }
        w.log.info(`${w.service}: rollout of ${(0,names/* label */.Pf)(w.taskDefinition)} ${ours?.rolloutState ?? 'pending'} (${ours?.runningCount ?? 0}/${ours?.desiredCount ?? w.desiredCount} running); next check in ${(0,src/* formatDuration */.a3)(POLL_MS)}.`);
        await w.clock.sleep(POLL_MS, w.signal);
    }
}
async function failure(w, d) {
    const reasons = await stoppedReasons(w).catch(() => []);
    const why = d?.rolloutStateReason ? `: ${d.rolloutStateReason.replace(/\.+$/, '')}` : '';
    const tasks = reasons.length ? ` Stopped tasks: ${reasons.join('; ')}.` : '';
    return `The deployment of ${(0,names/* label */.Pf)(w.taskDefinition)} to ${w.service} failed${why}.${tasks} No traffic was moved.`;
}
/** The reasons ECS gives for the service's stopped tasks of this task definition, newest first, at most 3. */
async function stoppedReasons(w) {
    const list = await w.ecs.send(new dist_cjs/* ListTasksCommand */.MYg({ cluster: w.cluster, serviceName: w.service, desiredStatus: 'STOPPED' }));
    if (!list.taskArns?.length)
        return [];
    const tasks = await w.ecs.send(new dist_cjs/* DescribeTasksCommand */.z8X({ cluster: w.cluster, tasks: list.taskArns.slice(0, 100) }));
    return (tasks.tasks ?? [])
        .filter((t) => t.taskDefinitionArn === w.taskDefinition)
        .sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0))
        .slice(0, 3)
        .map((t) => {
        const container = t.containers?.find((c) => c.reason || (c.exitCode ?? 0) !== 0);
        const detail = container
            ? ` (container ${container.name}: ${container.reason ?? `exit code ${container.exitCode}`})`
            : '';
        return `${t.stoppedReason ?? 'stopped'}${detail}`;
    });
}
/** Until every target of the group is healthy and there are as many as the service wants. */
async function waitForHealthyTargets(w) {
    const deadline = w.clock.now() + w.timeoutMs;
    for (;;) {
        const r = await w.elb.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeTargetHealthCommand */.qyg({ TargetGroupArn: w.targetGroup }));
        const targets = r.TargetHealthDescriptions ?? [];
        const healthy = targets.filter((t) => t.TargetHealth?.State === 'healthy');
        if (healthy.length === targets.length && healthy.length >= Math.min(w.desiredCount, 1)) {
            w.log.info(`Target group of ${w.service}: ${healthy.length} of ${targets.length} targets healthy.`);
            return;
        }
        const bad = targets.find((t) => t.TargetHealth?.State !== 'healthy');
        const state = bad
            ? `${bad.Target?.Id}:${bad.Target?.Port} is ${bad.TargetHealth?.State}${bad.TargetHealth?.Description ? ` (${bad.TargetHealth.Description})` : ''}`
            : 'no targets registered yet';
        if (w.clock.now() >= deadline) {
            throw new src/* DeployError */.sH(`Waited ${(0,src/* formatDuration */.a3)(w.timeoutMs)} (wait-timeout) for the targets of ${w.service} to be healthy: ${state}. No traffic was moved.`);
        }
        w.log.info(`Target group of ${w.service}: ${healthy.length} of ${targets.length} healthy, ${state}; next check in ${(0,src/* formatDuration */.a3)(POLL_MS)}.`);
        await w.clock.sleep(POLL_MS, w.signal);
    }
}

// EXTERNAL MODULE: ./packages/targets/ecs/src/taskdef.ts
var taskdef = __webpack_require__(4500);
// EXTERNAL MODULE: ./packages/targets/ecs/src/forward.ts
var forward = __webpack_require__(2029);
;// CONCATENATED MODULE: ./packages/targets/ecs/src/test-listener.ts
// The test listener, pointed at green alone before deploy-green returns, so that probes and tests reach it.


async function pointTestListener(elb, arn, targetGroup, log, opts = {}) {
    const r = await elb.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeListenersCommand */.AKE({ ListenerArns: [arn] }));
    const listener = r.Listeners?.[0];
    const actions = listener?.DefaultActions ?? [];
    const groups = (0,forward/* forwardGroups */.G9)(actions, 'The test listener');
    // Green's group takes all; a group the action does not name yet is added.
    const weights = new Map(groups.map((g) => [g.arn, 0]));
    weights.set(targetGroup, 1);
    const named = actions.map((a) => a.Type === 'forward' && !groups.some((g) => g.arn === targetGroup)
        ? {
            ...a,
            TargetGroupArn: undefined,
            ForwardConfig: {
                ...a.ForwardConfig,
                TargetGroups: [
                    ...(a.ForwardConfig?.TargetGroups ??
                        groups.map((g) => ({ TargetGroupArn: g.arn, Weight: g.weight }))),
                    { TargetGroupArn: targetGroup, Weight: 1 },
                ],
            },
        }
        : a);
    await elb.send(new client_elastic_load_balancing_v2_dist_cjs/* ModifyListenerCommand */.ugc({ ListenerArn: arn, DefaultActions: (0,forward/* withWeights */.cY)(named, weights) }));
    log.info(`Test listener ${arn.slice(arn.indexOf('/') + 1)} now forwards to green alone.`);
    if (!opts.url || !listener?.LoadBalancerArn)
        return undefined;
    // What pre-traffic tests call: the load balancer's DNS name on the test listener's port.
    const lb = await elb.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeLoadBalancersCommand */.AZi({ LoadBalancerArns: [listener.LoadBalancerArn] }));
    const dns = lb.LoadBalancers?.[0]?.DNSName;
    if (!dns)
        return undefined;
    const scheme = listener.Protocol === 'HTTPS' ? 'https' : 'http';
    return `${scheme}://${dns}${listener.Port ? `:${listener.Port}` : ''}/`;
}

;// CONCATENATED MODULE: ./packages/targets/ecs/src/deploy.ts
// deploy-green for ECS: the new task definition on the idle service of the pair, with no traffic.
// The production listener is never changed here.








async function deployEcs(c, cfg, d, o) {
    // Pre-flight: everything that can refuse the deploy, before the first write.
    const router = (0,src_router/* listenerRouter */.M)(c, cfg);
    const pair = await router.pair();
    if (!pair)
        throw new src/* DeployError */.sH(`${router.missing}.`);
    const r = pair.routing;
    if (r.green) {
        throw new src/* DeployError */.sH(`${router.name} is split (${(0,routing/* describeRouting */.ww)(r, names/* label */.Pf)}): a deployment is in progress. Finish it with shift-traffic or undo it with rollback before deploying again.`);
    }
    const blueSide = pair.sides.find((s) => s.weight > 0);
    const idle = pair.sides.find((s) => s !== blueSide);
    if (idle.weight !== 0)
        throw new src/* DeployError */.sH(`${idle.service} still gets traffic (weight ${idle.weight}); it must be idle (weight 0) to deploy to.`);
    checkControllers(pair.services, cfg);
    const base = d.file?.input ?? (await blueDefinition(c, blueSide.taskDefinition, o.log));
    if (d.file?.dropped.length)
        o.log.info(`${d.file.path}: left out the read-only keys ${d.file.dropped.join(', ')}.`);
    const next = d.container ? (0,taskdef/* withImage */.Mo)(base, d.container.name, d.container.image) : base;
    const blueBase = d.file ? await blueDefinition(c, blueSide.taskDefinition) : base;
    const changed = !(0,taskdef/* sameDefinition */.uD)(next, blueBase);
    const registered = await c.ecs.send(new dist_cjs/* RegisterTaskDefinitionCommand */.$Hl(next));
    const green = registered.taskDefinition?.taskDefinitionArn ?? '';
    o.log.info(`Registered ${(0,names/* label */.Pf)(green)}${changed ? '' : ' (the same definition as blue)'}; updating the idle service ${idle.service}.`);
    const desiredCount = d.desiredCount ?? blueSide.desiredCount;
    await c.ecs.send(new dist_cjs/* UpdateServiceCommand */.kZr({
        cluster: cfg.cluster,
        service: idle.service,
        taskDefinition: green,
        desiredCount,
    }));
    const wait = {
        ...c,
        cluster: cfg.cluster,
        service: idle.service,
        targetGroup: idle.targetGroup,
        taskDefinition: green,
        desiredCount,
        timeoutMs: o.waitTimeoutMs,
        clock: o.clock,
        log: o.log,
    };
    await waitForRollout(wait);
    await waitForHealthyTargets(wait);
    const testUrl = d.testListener
        ? await pointTestListener(c.elb, d.testListener, idle.targetGroup, o.log, { url: !!o.testUrl })
        : undefined;
    return {
        ...(testUrl && { testUrl }),
        green,
        blue: blueSide.taskDefinition,
        greenSide: { ...idle, taskDefinition: green },
        blueSide,
        changed,
    };
}
/** UpdateService works only with the ECS deployment controller. */
function checkControllers(services, cfg) {
    for (const s of services) {
        const type = s.deploymentController?.type ?? 'ECS';
        if (type !== 'ECS') {
            throw new src/* DeployError */.sH(`Service ${s.serviceName} uses the ${type} deployment controller, which refuses UpdateService; the services of ${cfg.name} need the ECS (rolling update) controller.`);
        }
    }
}
async function blueDefinition(c, arn, log) {
    const r = await c.ecs.send(new dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({ taskDefinition: arn, include: ['TAGS'] }));
    if (!r.taskDefinition)
        throw new src/* DeployError */.sH(`task definition ${arn} could not be read`);
    log?.info(`Starting from blue's task definition ${(0,names/* label */.Pf)(arn)}.`);
    const { input } = (0,taskdef/* registerable */.S6)(r.taskDefinition);
    return { ...input, ...(r.tags?.length && { tags: r.tags }) };
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

/***/ 171:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ listenerRouter)
/* harmony export */ });
/* unused harmony export routingOf */
/* harmony import */ var _aws_sdk_client_elastic_load_balancing_v2__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(586);
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(212);
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(239);
/* harmony import */ var _forward__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2029);
/* harmony import */ var _names__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8420);
// The listener (or rule) that splits traffic between two ECS services' target groups, as the engine's
// router. ALB has no revision lock: read the whole forward action just before each write, compare it with
// what this run last read, write, and read it back.






function listenerRouter(c, cfg) {
    const what = `${cfg.router.kind === 'rule' ? 'listener rule' : 'listener'} ${shortArn(cfg.router.arn)}`;
    const describe = (r) => (0,_deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_3__/* .describeRouting */ .ww)(r, _names__WEBPACK_IMPORTED_MODULE_2__/* .label */ .Pf);
    let last;
    const pair = async () => (last = await readPair(c, cfg, what));
    return {
        name: what,
        noun: cfg.router.kind === 'rule' ? 'listener rule' : 'listener',
        missing: `${capitalised(what)} does not exist: create it with weights 100/0 to blue's target group first (see the ECS page)`,
        label: _names__WEBPACK_IMPORTED_MODULE_2__/* .label */ .Pf,
        pair,
        lastPair: () => last,
        read: async () => (await pair())?.routing,
        write: async (to, from) => {
            const now = await pair();
            if (!now || now.routing.revision !== from.revision) {
                throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConcurrentChangeError */ .wy(`${capitalised(what)} was changed by someone else since this run read it (now ${now ? describe(now.routing) : 'gone'}); this run changed nothing more.`);
            }
            const actions = (0,_forward__WEBPACK_IMPORTED_MODULE_1__/* .withWeights */ .cY)(now.actions, weightsFor(now.sides, to));
            if (cfg.router.kind === 'rule') {
                await c.elb.send(new _aws_sdk_client_elastic_load_balancing_v2__WEBPACK_IMPORTED_MODULE_4__/* .ModifyRuleCommand */ .y5P({ RuleArn: cfg.router.arn, Actions: actions }));
            }
            else {
                await c.elb.send(new _aws_sdk_client_elastic_load_balancing_v2__WEBPACK_IMPORTED_MODULE_4__/* .ModifyListenerCommand */ .ugc({ ListenerArn: cfg.router.arn, DefaultActions: actions }));
            }
            const after = await pair();
            if (!after || !(0,_deploy_actions_release_routing__WEBPACK_IMPORTED_MODULE_3__/* .sameRouting */ .Hm)(after.routing, to)) {
                throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`${capitalised(what)} was written to ${describe(to)} but reading it back shows ${after ? describe(after.routing) : 'nothing'}.`);
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
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`${empty.service}, which runs ${(0,_names__WEBPACK_IMPORTED_MODULE_2__/* .label */ .Pf)(version)}, is scaled to 0 tasks: traffic sent there would find no task. Scale it up first (aws ecs update-service --desired-count), then run this again.`);
    }
    if (on.length === 0) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, version, `runs on neither ${cfg.services.join(' nor ')}: traffic can only go to a task definition a service runs (deploy it with deploy-green first)`);
    }
    if (on.length === 2) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, version, `runs on both ${cfg.services.join(' and ')}: one of them must run the other version to split traffic`);
    }
}
async function readPair(c, cfg, what) {
    const [actions, services] = await Promise.all([readActions(c.elb, cfg), readServices(c.ecs, cfg)]);
    if (!actions)
        return undefined;
    const groups = (0,_forward__WEBPACK_IMPORTED_MODULE_1__/* .forwardGroups */ .G9)(actions, capitalised(what));
    const sides = services.map((s) => side(s, groups, what));
    const stray = groups.filter((g) => g.weight > 0 && !sides.some((s) => s.targetGroup === g.arn));
    if (stray.length) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`${capitalised(what)} also sends traffic to target group ${stray[0].arn}, which neither ${cfg.services.join(' nor ')} is registered to; give it weight 0 first`);
    }
    const routing = routingOf(sides);
    return {
        actions,
        services,
        sides,
        routing: {
            ...routing,
            revision: `${(0,_forward__WEBPACK_IMPORTED_MODULE_1__/* .fingerprint */ .Rj)(actions)}|${sides.map((s) => s.taskDefinition).join('|')}`,
        },
    };
}
/** Where traffic goes: the weighted side alone, or blue and green of a split (green is the newer deployment). */
function routingOf(sides) {
    const [a, b] = sides;
    const total = a.weight + b.weight;
    if (total === 0)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`neither ${a.service} nor ${b.service} gets any traffic (both weights are 0)`);
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
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`service ${s.serviceName} must be registered to exactly one of the target groups ${what} forwards to (it is to ${matched.length})`);
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
            const r = await elb.send(new _aws_sdk_client_elastic_load_balancing_v2__WEBPACK_IMPORTED_MODULE_4__/* .DescribeRulesCommand */ .Ggo({ RuleArns: [cfg.router.arn] }));
            return r.Rules?.[0]?.Actions ?? undefined;
        }
        const l = await elb.send(new _aws_sdk_client_elastic_load_balancing_v2__WEBPACK_IMPORTED_MODULE_4__/* .DescribeListenersCommand */ .AKE({ ListenerArns: [cfg.router.arn] }));
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
    const r = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_5__/* .DescribeServicesCommand */ .H7c({ cluster: cfg.cluster, services: [...cfg.services] }));
    return cfg.services.map((name) => {
        const s = r.services?.find((x) => x.serviceName === name && x.status !== 'INACTIVE');
        if (!s)
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`service ${name} does not exist (or is inactive) in cluster ${cfg.cluster}`);
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
