export const id = 143;
export const ids = [143,976];
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

/***/ 8976:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ecsClients: () => (/* binding */ ecsClients)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);

/** Loaded only after inputs are checked, so a bad-input run never pays for the SDK. */
async function ecsClients(aws, opts) {
    const ecs = opts.clients?.ecs ??
        (async (o) => {
            const { ECSClient } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(861), __webpack_require__.e(212)]).then(__webpack_require__.t.bind(__webpack_require__, 212, 19));
            return new ECSClient((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .clientConfig */ .yO)(o));
        });
    const elb = opts.clients?.elb ??
        (async (o) => {
            const { ElasticLoadBalancingV2Client } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(861), __webpack_require__.e(586)]).then(__webpack_require__.t.bind(__webpack_require__, 586, 19));
            return new ElasticLoadBalancingV2Client((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .clientConfig */ .yO)(o));
        });
    return { ecs: await ecs(aws), elb: await elb(aws) };
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


/***/ }),

/***/ 9143:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   scaleDownGreen: () => (/* binding */ scaleDownGreen)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(212);
/* harmony import */ var _clients__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8976);
/* harmony import */ var _names__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8420);
/* harmony import */ var _router__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(171);
// rollback's `scale-down: true`: once traffic is back on blue, green's service stops its tasks.




async function scaleDownGreen(cfg, done, ctx) {
    const clients = await (0,_clients__WEBPACK_IMPORTED_MODULE_0__.ecsClients)(cfg.aws, ctx);
    const pair = await (0,_router__WEBPACK_IMPORTED_MODULE_2__/* .listenerRouter */ .M)(clients, cfg).pair();
    const green = pair?.sides.find((s) => s.taskDefinition === done.fromVersion && s.weight === 0);
    if (!green) {
        ctx.log.warning(`scale-down: no idle service runs ${(0,_names__WEBPACK_IMPORTED_MODULE_1__/* .label */ .Pf)(done.fromVersion)}; nothing was scaled down.`);
        return {};
    }
    await clients.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .UpdateServiceCommand */ .kZr({ cluster: cfg.cluster, service: green.service, desiredCount: 0 }));
    ctx.log.info(`scale-down: ${green.service} (${(0,_names__WEBPACK_IMPORTED_MODULE_1__/* .label */ .Pf)(done.fromVersion)}) set to 0 tasks; it gets no traffic.`);
    return { 'scaled-down-service': green.service };
}


/***/ })

};
