export const id = 409;
export const ids = [409];
export const modules = {

/***/ 1409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hm: () => (/* reexport safe */ _routing__WEBPACK_IMPORTED_MODULE_1__.Hm),
/* harmony export */   IN: () => (/* reexport safe */ _routing__WEBPACK_IMPORTED_MODULE_1__.IN),
/* harmony export */   jz: () => (/* reexport safe */ _routing__WEBPACK_IMPORTED_MODULE_1__.jz),
/* harmony export */   pR: () => (/* reexport safe */ _routing__WEBPACK_IMPORTED_MODULE_1__.pR),
/* harmony export */   readAlias: () => (/* binding */ readAlias),
/* harmony export */   writeAlias: () => (/* binding */ writeAlias)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1696);
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(286);
/* harmony import */ var _routing__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4003);




/** The alias, or undefined when it does not exist. */
async function readAlias(lambda, fn, alias) {
    try {
        return (0,_routing__WEBPACK_IMPORTED_MODULE_1__/* .aliasState */ .ae)(await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__/* .GetAliasCommand */ .MES({ FunctionName: fn, Name: alias })));
    }
    catch (err) {
        if ((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err) === 'ResourceNotFoundException')
            return undefined;
        throw err;
    }
}
const CONFLICT_RETRIES = 5;
/**
 * One UpdateAlias guarded by the RevisionId read just before it
 * (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateAlias.html).
 * A 412 whose alias already matches the target is our own write retried after a lost response;
 * any other 412 means someone else changed the alias.
 */
async function writeAlias(lambda, fn, alias, target, revisionId, clock = _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .ml) {
    for (let attempt = 1;; attempt++) {
        try {
            const out = await lambda.send(new _aws_sdk_client_lambda__WEBPACK_IMPORTED_MODULE_2__/* .UpdateAliasCommand */ .lqC({
                FunctionName: fn,
                Name: alias,
                FunctionVersion: target.version,
                RoutingConfig: {
                    AdditionalVersionWeights: target.green ? { [target.green]: target.greenWeight } : {},
                },
                RevisionId: revisionId,
            }));
            return (0,_routing__WEBPACK_IMPORTED_MODULE_1__/* .aliasState */ .ae)(out);
        }
        catch (err) {
            const name = (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err);
            if (name === 'PreconditionFailedException') {
                const now = await readAlias(lambda, fn, alias);
                if (now && (0,_routing__WEBPACK_IMPORTED_MODULE_1__/* .sameRouting */ .Hm)(now, target))
                    return now;
                throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConcurrentChangeError */ .wy(`Alias "${alias}" was changed by someone else (its RevisionId no longer matches): it is now ${now ? (0,_routing__WEBPACK_IMPORTED_MODULE_1__/* .describeAlias */ .IN)(now) : 'deleted'}. Another deployment is probably in progress; this run changed nothing more.`);
            }
            // 409: an update of the function is still being applied; the alias itself is unchanged, so retry as is.
            if (name === 'ResourceConflictException' && attempt < CONFLICT_RETRIES) {
                await clock.sleep(1000 * 2 ** (attempt - 1));
                continue;
            }
            throw err;
        }
    }
}


/***/ })

};
