export const id = 662;
export const ids = [662,976];
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

/***/ 5059:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openEcs: () => (/* binding */ openEcs)
});

// EXTERNAL MODULE: ./packages/targets/ecs/src/clients.ts
var clients = __webpack_require__(8976);
// EXTERNAL MODULE: ./packages/health/src/index.ts + 10 modules
var src = __webpack_require__(9890);
;// CONCATENATED MODULE: ./packages/targets/ecs/src/metrics.ts

const NAMESPACE = 'AWS/ApplicationELB';
/** `app/NAME/ID` of a listener or rule ARN: the LoadBalancer dimension. */
function loadBalancerDimension(listenerArn) {
    return /:(?:listener|listener-rule)\/(app\/[^/]+\/[^/]+)/.exec(listenerArn)?.[1] ?? '';
}
/** `targetgroup/NAME/ID` of a target group ARN: the TargetGroup dimension. */
function targetGroupDimension(arn) {
    return arn.slice(arn.indexOf(':targetgroup/') + 1);
}
/**
 * Failure rate = (HTTPCode_Target_5XX_Count + TargetConnectionErrorCount) / RequestCount per target group;
 * latency from TargetResponseTime (seconds, reported in ms); UnHealthyHostCount above 0 is unhealthy.
 * HTTPCode_ELB_5XX_Count exists only per load balancer: reported beside, never blamed on a version.
 */
async function readTargetGroupMetrics(cw, listenerArn, pair, t, windowMs, percentiles, now) {
    const LoadBalancer = loadBalancerDimension(listenerArn);
    const versions = { g: t.version, ...(t.baseline && { b: t.baseline }) };
    const queries = [
        (0,src.minuteQuery)('elb5xx', { namespace: NAMESPACE, name: 'HTTPCode_ELB_5XX_Count', dimensions: { LoadBalancer } }, 'Sum'),
    ];
    for (const [key, version] of Object.entries(versions)) {
        const side = pair.sides.find((s) => s.taskDefinition === version);
        if (!side)
            throw new Error(`${version} runs on neither service, so no target group measures it`);
        const dimensions = { LoadBalancer, TargetGroup: targetGroupDimension(side.targetGroup) };
        const metric = (id, name, stat) => (0,src.minuteQuery)(`${key}${id}`, { namespace: NAMESPACE, name, dimensions }, stat);
        queries.push(metric('req', 'RequestCount', 'Sum'), metric('t5xx', 'HTTPCode_Target_5XX_Count', 'Sum'), metric('conn', 'TargetConnectionErrorCount', 'Sum'), metric('unh', 'UnHealthyHostCount', 'Maximum'), ...percentiles.map((stat) => metric(stat, 'TargetResponseTime', stat)));
    }
    const { values, until } = await (0,src.readWindow)(cw, queries, windowMs, now);
    const read = (k) => {
        const requests = (0,src.sumOf)(values, `${k}req`);
        const target5xx = (0,src.sumOf)(values, `${k}t5xx`);
        const connectionErrors = (0,src.sumOf)(values, `${k}conn`);
        const unhealthyHosts = (0,src.worstOf)(values, `${k}unh`) ?? 0;
        return {
            requests,
            failures: target5xx + connectionErrors,
            latency: Object.fromEntries(percentiles.map((stat) => {
                const seconds = (0,src.worstOf)(values, `${k}${stat}`);
                return [stat, seconds === undefined ? undefined : Math.round(seconds * 1000)];
            })),
            counts: {
                requests,
                target5xx,
                connectionErrors,
                unhealthyHosts,
                ...(k === 'g' && { elb5xx: (0,src.sumOf)(values, 'elb5xx') }),
            },
            ...(unhealthyHosts > 0 && { problems: [`${unhealthyHosts} unhealthy target(s) in its target group`] }),
        };
    };
    return { green: read('g'), ...(t.baseline && { blue: read('b') }), ...(until !== undefined && { until }) };
}

// EXTERNAL MODULE: ./packages/targets/ecs/src/router.ts
var src_router = __webpack_require__(171);
;// CONCATENATED MODULE: ./packages/targets/ecs/src/session.ts



async function openEcs(cfg, opts) {
    const router = (0,src_router/* listenerRouter */.M)(await (0,clients.ecsClients)(cfg.aws, opts), cfg);
    const cw = opts.cloudwatch;
    return {
        router,
        signals: {
            ...(cw && {
                // Which service runs which version is read once; a change to it is a concurrent change the shift stops on.
                metrics: async (s, windowMs, percentiles, now) => {
                    const pair = router.lastPair() ?? (await router.pair());
                    if (!pair)
                        throw new Error(`${router.missing}`);
                    return readTargetGroupMetrics(cw, cfg.router.arn, pair, s, windowMs, percentiles, now);
                },
            }),
        },
    };
}


/***/ })

};
