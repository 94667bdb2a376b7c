export const id = 538;
export const ids = [538];
export const modules = {

/***/ 3538:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runStatus: () => (/* binding */ runStatus)
/* harmony export */ });
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6342);

async function runStatus(rt, i, { router, clock }) {
    const { rolloutStatus } = await __webpack_require__.e(/* import() */ 242).then(__webpack_require__.bind(__webpack_require__, 1242));
    let r;
    try {
        r = await rolloutStatus({
            router,
            ...(i.green && { green: i.green }),
            plan: i.plan,
            log: rt,
            clock,
        });
    }
    catch (err) {
        rt.setOutput('reason', (0,_common__WEBPACK_IMPORTED_MODULE_0__/* .failureMessage */ .oh)(err));
        throw err;
    }
    const inProgress = r.status === 'in-progress';
    const watching = r.status === 'watching';
    rt.setOutput('status', r.status);
    rt.setOutput('weight', String(r.percent));
    rt.setOutput('step', inProgress || watching ? String(r.step + 1) : '');
    rt.setOutput('next-percent', inProgress ? String(r.nextPercent) : '');
    rt.setOutput('due', String(r.due));
    rt.setOutput('next-due', r.nextDue !== undefined ? new Date(r.nextDue).toISOString() : '');
    rt.setOutput('blue-version', r.blue);
    rt.setOutput('green-version', r.green);
    const L = router.label;
    const title = watching
        ? `${L(r.green)} promoted, watched until ${new Date(r.watchEnds).toISOString()} (back to ${L(r.blue)} if it turns bad), next mark due ${new Date(r.nextDue).toISOString()}`
        : inProgress
            ? `${L(r.blue)} → ${L(r.green)}: step ${r.step + 1}/${i.plan.steps.length}, ${r.percent}%, next ${r.nextPercent}% ${r.due ? 'due now' : `due ${new Date(r.nextDue).toISOString()}`}`
            : 'no rollout in progress';
    await rt.summary(`### shift-traffic status: ${i.config.name}: ${title}\n\n${r.message}\n`);
}


/***/ })

};
