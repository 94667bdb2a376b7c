export const id = 5834;
export const ids = [5834];
export const modules = {

/***/ 5834:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readTestInputs: () => (/* binding */ readTestInputs),
/* harmony export */   runDeployGreen: () => (/* binding */ runDeployGreen)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _guard__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2284);
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6342);



/** Makes the new version exist with no traffic, as the selected target deploys. */
async function runDeployGreen(rt, targets, deps = {}) {
    await (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .runStep */ .eg)(rt, (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .nothingChanged */ .Us)(rt, targets), async () => {
        const inputs = new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputReader */ .i_(rt.input);
        const target = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .selectTarget */ ._c)(inputs, targets);
        const config = (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .readConfig */ .Xg)(target, inputs, rt.env);
        const deployInputs = target.deploy.readInputs(inputs, rt.env, config);
        const description = inputs.text('description', { max: 256 }) || defaultDescription(rt.env);
        const waitTimeoutMs = inputs.duration('wait-timeout', '5m', { ms: 3_600_000, label: '1h' });
        const test = readTestInputs(inputs);
        // The production guard, after every input is read and before any AWS client: require-environment.
        await (0,_guard__WEBPACK_IMPORTED_MODULE_1__/* .enforceGuard */ .IY)(rt, (0,_guard__WEBPACK_IMPORTED_MODULE_1__/* .readGuardConfig */ .UF)(inputs));
        // Pre-traffic tests: run once, by the target just before its deploy gives green traffic, else after it.
        let tested = false;
        const beforeTraffic = async (ready) => {
            if (tested || !test)
                return;
            tested = true;
            if (ready.green === ready.blue) {
                rt.info(`test-command not run: ${ready.green} already serves the traffic, nothing new to test.`);
                rt.setOutput('test-result', 'skipped');
                return;
            }
            const { runTestCommand } = await __webpack_require__.e(/* import() */ 4178).then(__webpack_require__.bind(__webpack_require__, 4178));
            try {
                await runTestCommand(rt, test, ready, `the new version ${ready.green}`);
            }
            catch (err) {
                rt.setOutput('test-result', 'failed');
                rt.setOutput('green-version', ready.green);
                rt.setOutput('blue-version', ready.blue);
                throw err;
            }
            rt.setOutput('test-result', 'passed');
        };
        const r = await target.deploy.run(config, deployInputs, {
            description,
            waitTimeoutMs,
            log: rt,
            clock: (0,_common__WEBPACK_IMPORTED_MODULE_2__/* .clockOf */ .ie)(deps, rt.env),
            ...(deps.clients && { clients: deps.clients }),
            ...(test && { beforeTraffic }),
        });
        if (!test)
            rt.setOutput('test-result', 'skipped');
        else
            await beforeTraffic({ green: r.green, blue: r.blue, testUrl: r.testUrl, env: r.env });
        rt.setOutput('green-version', r.green);
        rt.setOutput('blue-version', r.blue);
        for (const [name, value] of Object.entries(r.outputs))
            rt.setOutput(name, value);
        rt.setOutput('changed', String(r.changed));
        await rt.summary([
            `### deploy-green: ${r.summary.title}`,
            '',
            (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(r.summary.header, [r.summary.row]),
            '',
            ...(r.sections ?? []),
        ].join('\n'));
    });
}
const TEST_COMMAND_MAX_BYTES = 64 * 1024;
/** test-command, test-url and test-timeout, checked without any call; undefined when no test-command. */
function readTestInputs(inputs) {
    const command = inputs.text('test-command', { multiline: true });
    if (command.includes('\u0000'))
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('test-command', command, 'must not contain a NUL character');
    const bytes = Buffer.byteLength(command, 'utf8');
    if (bytes > TEST_COMMAND_MAX_BYTES)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('test-command', command, `must be at most 64 KB (got ${bytes} bytes)`);
    const url = inputs.text('test-url', { max: 2048 });
    if (url) {
        let parsed;
        try {
            parsed = new URL(url);
        }
        catch {
            parsed = undefined;
        }
        if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:'))
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('test-url', url, 'must be an absolute http:// or https:// URL');
        // Credentials in a URL would be printed in the log that names it.
        if (parsed.username || parsed.password)
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('test-url', url.replace(/\/\/[^@/]*@/, '//***@'), 'must not hold credentials: give them to test-command through secrets in env');
    }
    const timeoutMs = inputs.duration('test-timeout', '10m', { ms: 3_600_000, label: '1h' });
    if (timeoutMs === 0)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('test-timeout', inputs.text('test-timeout'), 'must be above 0');
    // test-timeout has a default in action.yml, so only test-url alone is a mistake.
    if (!command) {
        if (url)
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('test-url', url, 'needs test-command');
        return undefined;
    }
    return { command, ...(url && { url }), timeoutMs };
}
function defaultDescription(env) {
    if (!env.GITHUB_SHA)
        return '';
    const repo = env.GITHUB_REPOSITORY ?? '';
    return `${repo}@${env.GITHUB_SHA.slice(0, 12)}${env.GITHUB_RUN_ID ? ` run ${env.GITHUB_RUN_ID}` : ''}`.slice(0, 256);
}


/***/ })

};
