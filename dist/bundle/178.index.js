export const id = 178;
export const ids = [178];
export const modules = {

/***/ 4178:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runTestCommand: () => (/* binding */ runTestCommand)
/* harmony export */ });
/* unused harmony export testEnv */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_readline__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(481);
/* harmony import */ var node_readline__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_readline__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1398);
// deploy-green's pre-traffic tests: test-command run with bash once green exists and is healthy, before any
// traffic reaches it. Loaded only when test-command is given.



/** Lines of output the failure message repeats. */
const TAIL = 20;
/** How long the command's processes get after SIGTERM before SIGKILL. */
const KILL_GRACE_MS = 5_000;
/** The variables the command gets besides the job's. */
function testEnv(ready, url) {
    return {
        ...ready.env,
        GREEN_VERSION: ready.green,
        BLUE_VERSION: ready.blue,
        ...(url && { GREEN_TEST_URL: url }),
    };
}
/**
 * Runs the command, its output streamed to the log line by line; resolves when it passed, else throws a
 * DeployError (or CancelledError) saying how it ended, with its last lines.
 */
async function runTestCommand(rt, test, ready, what) {
    const url = test.url || ready.testUrl;
    const env = testEnv(ready, url);
    rt.info(`Running test-command against ${what} (GREEN_VERSION=${ready.green}${url ? `, GREEN_TEST_URL=${url}` : ''}), timeout ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(test.timeoutMs)}.`);
    const started = Date.now();
    const tail = [];
    const ended = await run(rt, test, { ...rt.env, ...env }, (line) => {
        rt.info(line);
        tail.push(line);
        if (tail.length > TAIL)
            tail.shift();
    });
    const took = (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(Date.now() - started);
    if (ended.how === 'exit' && ended.code === 0) {
        rt.info(`test-command passed in ${took}.`);
        return;
    }
    if (ended.how === 'cancelled')
        throw rt.cancelSignal.reason ?? new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .CancelledError */ .cc('cancel');
    const how = ended.how === 'timeout'
        ? `timed out after ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(test.timeoutMs)} and was killed`
        : ended.how === 'signal'
            ? `was killed by signal ${ended.signal}`
            : `failed with exit code ${ended.code}`;
    throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .DeployError */ .sH([
        `test-command ${how} (after ${took}): ${what} exists with no traffic, and nothing was shifted.`,
        tail.length ? `Last ${tail.length} lines of its output:` : 'It printed nothing.',
        ...tail,
    ].join('\n'));
}
function run(rt, test, env, onLine) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('bash', ['-e', '-o', 'pipefail', '-c', test.command], {
            cwd: rt.env.GITHUB_WORKSPACE || process.cwd(),
            env,
            // Its own process group, so that a timeout or cancel kills what it started too.
            detached: true,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stopped;
        let killTimer;
        const killGroup = (signal) => {
            try {
                if (child.pid)
                    process.kill(-child.pid, signal);
            }
            catch {
                // Already gone.
            }
        };
        const stop = (why) => {
            if (stopped)
                return;
            stopped = why;
            if (why === 'timeout')
                rt.warning(`test-command did not finish within ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(test.timeoutMs)}: killing its process group.`);
            else
                rt.warning('The run is cancelled: killing test-command and its process group.');
            killGroup('SIGTERM');
            killTimer = setTimeout(() => killGroup('SIGKILL'), KILL_GRACE_MS);
            killTimer.unref();
        };
        const timer = setTimeout(() => stop('timeout'), test.timeoutMs);
        const onAbort = () => stop('cancelled');
        if (rt.cancelSignal.aborted)
            onAbort();
        else
            rt.cancelSignal.addEventListener('abort', onAbort, { once: true });
        let open = 2;
        let exit;
        const finish = () => {
            if (open > 0 || !exit)
                return;
            clearTimeout(timer);
            if (killTimer)
                clearTimeout(killTimer);
            rt.cancelSignal.removeEventListener('abort', onAbort);
            if (stopped)
                resolve({ how: stopped, code: exit.code, signal: exit.signal ?? undefined });
            else if (exit.signal)
                resolve({ how: 'signal', signal: exit.signal });
            else
                resolve({ how: 'exit', code: exit.code ?? 1 });
        };
        for (const stream of [child.stdout, child.stderr]) {
            const lines = (0,node_readline__WEBPACK_IMPORTED_MODULE_1__.createInterface)({ input: stream, crlfDelay: Infinity });
            lines.on('line', onLine);
            lines.on('close', () => {
                open--;
                finish();
            });
        }
        child.on('error', (err) => {
            clearTimeout(timer);
            rt.cancelSignal.removeEventListener('abort', onAbort);
            reject(new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .DeployError */ .sH(`test-command could not be started: ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`));
        });
        child.on('exit', (code, signal) => {
            exit = { code, signal };
            // Whatever it left running in its group goes with it (and lets its output streams end).
            killGroup('SIGKILL');
            finish();
        });
    });
}


/***/ })

};
