export const id = 755;
export const ids = [755];
export const modules = {

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
// EXTERNAL MODULE: ./packages/targets/ecs/src/router.ts + 1 modules
var src_router = __webpack_require__(3294);
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


/***/ })

};
