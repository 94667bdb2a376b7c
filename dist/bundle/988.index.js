export const id = 988;
export const ids = [988];
export const modules = {

/***/ 5988:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   proxyHandler: () => (/* binding */ proxyHandler)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1279);
/* harmony import */ var http_proxy_agent__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1970);
/* harmony import */ var http_proxy_agent__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(http_proxy_agent__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var https_proxy_agent__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3669);
/* harmony import */ var https_proxy_agent__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(https_proxy_agent__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _proxy__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(609);
// The SDK's handler behind a proxy, loaded only when a proxy variable is set (see proxy-sdk.ts): each request
// goes through the proxy that proxyFor names (a CONNECT tunnel for https, an absolute-form request for http)
// or, for NO_PROXY's hosts, direct. As the proxy-agent package routes, without its PAC and SOCKS.






// What the SDK gives its own agents.
const OPTIONS = { keepAlive: true, maxSockets: 50 };
class EnvProxyAgent extends node_http__WEBPACK_IMPORTED_MODULE_0__.Agent {
    secure;
    env;
    direct;
    viaProxy = new Map();
    constructor(secure, env) {
        super(OPTIONS);
        this.secure = secure;
        this.env = env;
        this.direct = (secure ? new node_https__WEBPACK_IMPORTED_MODULE_1__.Agent(OPTIONS) : new node_http__WEBPACK_IMPORTED_MODULE_0__.Agent(OPTIONS));
        // https.request refuses an agent whose protocol is not https:.
        if (secure)
            Object.assign(this, { protocol: 'https:', defaultPort: 443 });
    }
    // Node hands each request to its agent here (what every proxy agent hooks). Choosing at once, before the
    // request's header is written, lets the proxy agent put the absolute URL in it on a reused connection too.
    addRequest(req, options) {
        const port = Number(options.port) || (this.secure ? 443 : 80);
        const proxy = (0,_proxy__WEBPACK_IMPORTED_MODULE_4__/* .proxyForHost */ .U3)(this.secure ? 'https:' : 'http:', options.host ?? 'localhost', port, this.env);
        (proxy ? this.proxyAgent(proxy) : this.direct).addRequest(req, options);
    }
    destroy() {
        this.direct.destroy();
        for (const agent of this.viaProxy.values())
            agent.destroy();
        super.destroy();
    }
    proxyAgent(proxy) {
        let agent = this.viaProxy.get(proxy);
        if (!agent) {
            agent = (this.secure ? new https_proxy_agent__WEBPACK_IMPORTED_MODULE_3__.HttpsProxyAgent(proxy, OPTIONS) : new http_proxy_agent__WEBPACK_IMPORTED_MODULE_2__.HttpProxyAgent(proxy, OPTIONS));
            this.viaProxy.set(proxy, agent);
        }
        return agent;
    }
}
/** The SDK's handler with one agent for each protocol, both routed by the same rules as proxyFetch. */
function proxyHandler(env, options) {
    return new _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_5__.NodeHttpHandler({
        ...options,
        httpAgent: new EnvProxyAgent(false, env),
        httpsAgent: new EnvProxyAgent(true, env),
    });
}


/***/ })

};
