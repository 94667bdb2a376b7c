export const id = 845;
export const ids = [845];
export const modules = {

/***/ 1845:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rollback: () => (/* binding */ rollback)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5000);
/* harmony import */ var _routing__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(239);


/** One guarded write putting all traffic on one version, then a read to prove where traffic goes. */
async function rollback(o) {
    const { router, log } = o;
    const L = router.label;
    const describe = (r) => (0,_routing__WEBPACK_IMPORTED_MODULE_1__/* .describeRouting */ .ww)(r, L);
    const now = await router.read();
    if (!now)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`${router.missing}; there is nothing to roll back.`);
    const before = describe(now);
    let to = o.to;
    if (to === 'previous') {
        if (!now.green && o.previousFromHistory) {
            to = await o.previousFromHistory(now.version);
        }
        else if (!now.green) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('to', 'previous', `found no unfinished split to undo: ${router.name} sends 100% to ${L(now.version)}. Give the version to return to${router.example ? `, for example to: ${router.example(now.version)}` : ''}, or environment to find the last good version in the deployment history`);
        }
        else {
            to = now.version;
        }
    }
    const from = now.green ?? now.version;
    const target = (0,_routing__WEBPACK_IMPORTED_MODULE_1__/* .allOn */ .PT)(to);
    if ((0,_routing__WEBPACK_IMPORTED_MODULE_1__/* .sameRouting */ .Hm)(now, target)) {
        log.info(`${(0,_routing__WEBPACK_IMPORTED_MODULE_1__/* .capital */ .Nx)(router.name)} already sends 100% to ${L(to)}: nothing to do.`);
        return { fromVersion: from, toVersion: to, changed: false, before, after: before };
    }
    if (to !== now.version)
        await router.checkVersion(to, 'to');
    await router.write(target, now);
    const after = await router.read();
    if (!after || !(0,_routing__WEBPACK_IMPORTED_MODULE_1__/* .sameRouting */ .Hm)(after, target)) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`Rollback wrote ${router.name} to ${L(to)} but reading it back shows ${after ? describe(after) : 'nothing'}.`);
    }
    log.info(`Rolled back ${router.name}: ${before} → ${describe(after)}.`);
    return { fromVersion: from, toVersion: to, changed: true, before, after: describe(after) };
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


/***/ })

};
