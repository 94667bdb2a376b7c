export const id = 371;
export const ids = [371];
export const modules = {

/***/ 7752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fetchViaProxy: () => (/* binding */ fetchViaProxy)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4371);
/* harmony import */ var _proxy__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(609);
// fetch through the runner's proxy, loaded by proxyFetch only when a proxy variable is set. undici's own fetch
// with its own agents, so that the dispatcher always fits the fetch (Node's built-in fetch is another copy of
// undici, of whatever version that Node ships).


const proxies = new Map();
function proxyAgent(uri) {
    let agent = proxies.get(uri);
    if (!agent) {
        // http URLs as absolute-form requests, as curl sends them: proxies often allow CONNECT to port 443 only.
        agent = new undici__WEBPACK_IMPORTED_MODULE_0__/* .ProxyAgent */ .kT({ uri, proxyTunnel: false });
        proxies.set(uri, agent);
    }
    return agent;
}
// Chosen for each request by its origin, so that a redirect to another host is routed by that host.
const dispatcher = new undici__WEBPACK_IMPORTED_MODULE_0__/* .Agent */ .g6().compose((direct) => (options, handler) => {
    const proxy = (0,_proxy__WEBPACK_IMPORTED_MODULE_1__/* .proxyFor */ .iJ)(String(options.origin));
    return proxy ? proxyAgent(proxy).dispatch(options, handler) : direct(options, handler);
});
async function fetchViaProxy(url, init) {
    const res = await (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .fetch */ .hd)(url, { ...init, dispatcher });
    return res;
}


/***/ })

};
