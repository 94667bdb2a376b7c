export const id = 9565;
export const ids = [9565];
export const modules = {

/***/ 9565:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   cloudwatchClient: () => (/* binding */ cloudwatchClient),
/* harmony export */   cloudwatchSdk: () => (/* binding */ cloudwatchSdk)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);

let sdk;
/**
 * The CloudWatch SDK, loaded once and only when a check needs it (actions without alarms or metrics never
 * do); one shared import, as two parallel imports of one module trip jest's ESM loader.
 */
function cloudwatchSdk() {
    return (sdk ??= Promise.all(/* import() */[__webpack_require__.e(1279), __webpack_require__.e(5861), __webpack_require__.e(4085)]).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19)));
}
/** Loaded only after inputs are checked, so a bad-input run never pays for the SDK. */
async function cloudwatchClient(opts) {
    const { CloudWatchClient } = await cloudwatchSdk();
    return new CloudWatchClient((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .clientConfig */ .yO)(opts));
}


/***/ })

};
