export const id = 618;
export const ids = [618];
export const modules = {

/***/ 8618:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   invokeGate: () => (/* binding */ invokeGate),
/* harmony export */   invokeVersion: () => (/* binding */ invokeVersion)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1696);
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(286);


/** Invokes one version directly; a FunctionError, an unexpected body or a failed call is unhealthy (fail closed). */
async function invokeVersion(lambda, functionName, version, check) {
    try {
        const out = await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_1__/* .InvokeCommand */ .mdN({
            FunctionName: functionName,
            Qualifier: version,
            Payload: new TextEncoder().encode(check.payload),
        }));
        const body = out.Payload ? new TextDecoder().decode(out.Payload) : '';
        if (out.FunctionError) {
            return {
                verdict: 'unhealthy',
                reason: `v${version} returned a function error (${out.FunctionError}): ${clip(body)}`,
            };
        }
        if (check.expect && !check.expect.test(body)) {
            return {
                verdict: 'unhealthy',
                reason: `v${version} answered ${clip(body)}, which does not match ${check.expect.describe}`,
            };
        }
        return {
            verdict: 'healthy',
            reason: `v${version} answered the invoke${check.expect ? ` matching ${check.expect.describe}` : ''}`,
        };
    }
    catch (err) {
        return { verdict: 'unhealthy', reason: `invoking v${version} failed: ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)}` };
    }
}
function invokeGate(lambda, check) {
    return { name: 'invoke', evaluate: (ctx) => invokeVersion(lambda, ctx.functionName, ctx.green, check) };
}
function clip(text) {
    const one = text.replace(/\s+/g, ' ');
    return one.length > 200 ? `${one.slice(0, 197)}...` : one;
}


/***/ })

};
