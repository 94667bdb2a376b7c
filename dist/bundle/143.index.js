export const id = 143;
export const ids = [143,976];
export const modules = {

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

/***/ 9143:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   scaleDownGreen: () => (/* binding */ scaleDownGreen)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(212);
/* harmony import */ var _clients__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8976);
/* harmony import */ var _names__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8420);
/* harmony import */ var _router__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3294);
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
