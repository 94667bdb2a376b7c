export const id = 834;
export const ids = [834];
export const modules = {

/***/ 2284:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ew: () => (/* binding */ parseApprovedBy),
/* harmony export */   IY: () => (/* binding */ enforceGuard),
/* harmony export */   UF: () => (/* binding */ readGuardConfig),
/* harmony export */   vU: () => (/* binding */ approvedBy)
/* harmony export */ });
/* unused harmony exports GUARD_AUDIENCE, parseEnvironmentName, decodeJwtPayload, idTokenUrl, sameEnvironment, settingsUrl, configureHint, hasRequiredReviewers, approvalsOf, guardSummary, jobEnvironment, checkGuard */
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
// The production guard (`require-environment`): before anything opens an AWS client, the step proves that its
// job runs under the named GitHub environment (the `environment` claim of the job's OIDC token) and that the
// environment makes a person approve the job (a required_reviewers protection rule), and it tells who
// approved. It is a guard rail that explains itself, not the control: the control is the AWS role's trust
// policy on `sub: repo:<owner>/<repo>:environment:<name>` (README, "Production guard").
//
// Plain fetch, not Octokit: the three actions that may use it load no GitHub client unless asked to. The
// proxy-aware one, so that the OIDC token and GitHub requests honour the runner's proxy settings.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** The audience asked for: a token for this check alone, which no cloud provider's trust policy accepts. */
const GUARD_AUDIENCE = 'deploy-actions-require-environment';
const NOTHING_DONE = 'Nothing was changed in AWS.';
/**
 * A GitHub environment name as GitHub accepts one: at most 255 characters
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/deployments-and-environments), one line,
 * no empty part between slashes (`prod//eu`, `/prod`, `prod/`: GitHub would store another name).
 */
function parseEnvironmentName(value, input = 'require-environment') {
    if (value === '')
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'must name a GitHub environment, such as production');
    if (value.length > 255)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, `must be at most 255 characters (got ${value.length})`);
    if (CONTROL.test(value))
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'must be a GitHub environment name: one line, no control characters');
    if (value.split('/').some((part) => part.trim() === '')) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'must be a GitHub environment name: no empty or blank part before, between or after slashes');
    }
    return value;
}
/** The guard's inputs, checked with the step's other inputs; undefined when require-environment is not given. */
function readGuardConfig(inputs) {
    // Read raw (multi-line allowed) so that a control character gets the environment-name message.
    const raw = inputs.text('require-environment', { multiline: true });
    if (raw === '')
        return undefined;
    const environment = parseEnvironmentName(raw);
    const access = (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .readGitHubAccess */ .wX)(inputs, {
        token: 'with require-environment: a token with "actions: read" (the job token by default)',
        repository: 'the repository whose environment require-environment names',
    });
    return { environment, ...access };
}
/** The claims of a JWT, unverified: its middle part, base64url JSON (RFC 7519). */
function decodeJwtPayload(jwt) {
    const parts = jwt.split('.');
    if (parts.length !== 3 || !/^[A-Za-z0-9_-]+$/.test(parts[1]))
        throw new Error('not a JSON Web Token');
    let claims;
    try {
        claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    }
    catch {
        throw new Error('the JSON Web Token payload is not JSON');
    }
    if (!claims || typeof claims !== 'object' || Array.isArray(claims))
        throw new Error('the JSON Web Token payload is not an object');
    return claims;
}
/** The URL the runner gives for an ID token, with the audience set (it already carries api-version). */
function idTokenUrl(requestUrl, audience = GUARD_AUDIENCE) {
    const url = new URL(requestUrl);
    url.searchParams.set('audience', audience);
    return url.toString();
}
/** Environment names are not case sensitive on GitHub. */
function sameEnvironment(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
function settingsUrl(env, owner, repo) {
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    return `${server}/${owner}/${repo}/settings/environments`;
}
/** What to do when the environment lets jobs run unapproved: the settings page, or the API through gh. */
function configureHint(env, cfg) {
    const path = `repos/${cfg.owner}/${cfg.repo}/environments/${encodeURIComponent(cfg.environment)}`;
    return (`Add required reviewers to environment "${cfg.environment}" at ${settingsUrl(env, cfg.owner, cfg.repo)} ` +
        `(Deployment protection rules, Required reviewers), or with the GitHub CLI: ` +
        `echo '{"reviewers":[{"type":"User","id":USER_ID}]}' | gh api --method PUT ${path} --input - ` +
        `(USER_ID from: gh api users/LOGIN --jq .id; type Team with a team id works too).`);
}
/** True when the environment (GET /repos/{owner}/{repo}/environments/{name}) has required reviewers. */
function hasRequiredReviewers(environment) {
    const rules = environment?.protection_rules;
    return Array.isArray(rules) && rules.some((r) => r?.type === 'required_reviewers');
}
/** The approvals of `environment` in a run's review log (GET .../actions/runs/{run_id}/approvals). */
function approvalsOf(reviews, environment) {
    if (!Array.isArray(reviews))
        return [];
    const out = [];
    for (const r of reviews) {
        if (r?.state !== 'approved')
            continue;
        const names = (r.environments ?? []).map((e) => String(e?.name ?? ''));
        if (!names.some((n) => sameEnvironment(n, environment)))
            continue;
        const login = typeof r.user?.login === 'string' ? r.user.login : '';
        if (login)
            out.push({ login, comment: typeof r.comment === 'string' ? r.comment : '' });
    }
    return out;
}
/** The approvers' logins, comma separated, each once: the approved-by output. */
function approvedBy(approvals) {
    return [...new Set(approvals.map((a) => a.login))].join(',');
}
/** The job summary section: the environment and who approved, with their comments. */
function guardSummary(result) {
    const rows = result.approvals.map((a) => [
        `@${a.login}`,
        a.comment.replace(/\s+/g, ' ').trim() || '(none)',
    ]);
    return [
        `### Production guard: environment ${result.environment}`,
        '',
        rows.length
            ? (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['approved by', 'comment'], rows)
            : 'No approval of this environment is recorded for this run.',
        '',
    ].join('\n');
}
/** The `environment` claim of the job's OIDC token, requested as the runner documents it. */
async function jobEnvironment(rt, environment, doFetch) {
    const requestUrl = rt.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const requestToken = rt.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!requestUrl || !requestToken) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`require-environment ${environment}: the job cannot request an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set); give the job "permissions: id-token: write" and "environment: ${environment}". ${NOTHING_DONE}`);
    }
    const res = await doFetch(idTokenUrl(requestUrl), {
        headers: { authorization: `bearer ${requestToken}`, accept: 'application/json; api-version=2.0' },
    }).catch((err) => {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`require-environment ${environment}: the OIDC token request failed (${String(err?.message ?? err)}). ${NOTHING_DONE}`);
    });
    if (!res.ok) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`require-environment ${environment}: the OIDC token request answered ${res.status}; the job needs "permissions: id-token: write". ${NOTHING_DONE}`);
    }
    const body = (await res.json().catch(() => undefined));
    if (typeof body?.value !== 'string') {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`require-environment ${environment}: the OIDC token answer has no value. ${NOTHING_DONE}`);
    }
    rt.setSecret?.(body.value);
    let claims;
    try {
        claims = decodeJwtPayload(body.value);
    }
    catch (err) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`require-environment ${environment}: ${err.message}. ${NOTHING_DONE}`);
    }
    return typeof claims.environment === 'string' && claims.environment !== '' ? claims.environment : undefined;
}
async function githubGet(rt, cfg, path, doFetch) {
    const api = (rt.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
    const res = await doFetch(`${api}${path}`, {
        headers: {
            accept: 'application/vnd.github+json',
            authorization: `Bearer ${cfg.token}`,
            'x-github-api-version': '2022-11-28',
            'user-agent': 'deploy-actions',
        },
    }).catch((err) => {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`require-environment ${cfg.environment}: GET ${path} failed (${String(err?.message ?? err)}). ${NOTHING_DONE}`);
    });
    return { status: res.status, body: await res.json().catch(() => undefined) };
}
/** Both checks and the approvals; throws a DeployError that says what to change when a check fails. */
async function checkGuard(rt, cfg, deps = {}) {
    const doFetch = deps.fetch ?? _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .proxyFetch */ .Z6;
    const name = cfg.environment;
    const claimed = await jobEnvironment(rt, name, doFetch);
    if (claimed === undefined || !sameEnvironment(claimed, name)) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`require-environment ${name}: this job runs ${claimed === undefined ? 'under no environment' : `under environment "${claimed}"`} (the environment claim of its OIDC token), not "${name}"; add "environment: ${name}" to the job. ${NOTHING_DONE}`);
    }
    const repo = `/repos/${cfg.owner}/${cfg.repo}`;
    const env = await githubGet(rt, cfg, `${repo}/environments/${encodeURIComponent(name)}`, doFetch);
    if (env.status === 404) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`require-environment ${name}: ${cfg.owner}/${cfg.repo} has no environment "${name}" that this token can read. ${configureHint(rt.env, cfg)} ${NOTHING_DONE}`);
    }
    if (env.status !== 200) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`require-environment ${name}: reading the environment answered ${env.status}; github-token needs "actions: read". ${NOTHING_DONE}`);
    }
    if (!hasRequiredReviewers(env.body)) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`require-environment ${name}: environment "${name}" has no required reviewers, so nobody approved this job. ${configureHint(rt.env, cfg)} ${NOTHING_DONE}`);
    }
    const runId = rt.env.GITHUB_RUN_ID;
    let approvals = [];
    if (!runId || !/^\d+$/.test(runId)) {
        rt.warning('GITHUB_RUN_ID is not set: who approved this run is unknown.');
    }
    else {
        const reviews = await githubGet(rt, cfg, `${repo}/actions/runs/${runId}/approvals`, doFetch);
        if (reviews.status !== 200) {
            rt.warning(`Reading who approved run ${runId} answered ${reviews.status} (github-token needs "actions: read"); approved-by stays empty.`);
        }
        else {
            approvals = approvalsOf(reviews.body, name);
            if (approvals.length === 0) {
                rt.warning(`No approval of environment "${name}" is recorded for run ${runId} (an administrator may have bypassed the protection rules).`);
            }
        }
    }
    return { environment: claimed, approvals };
}
/**
 * Runs the guard when require-environment is given: the checks, then the approved-by output and the summary
 * section. Call it after the step's inputs are read and before any AWS client is opened.
 */
async function enforceGuard(rt, cfg, deps = {}) {
    if (!cfg)
        return undefined;
    const result = await checkGuard(rt, cfg, deps);
    const who = approvedBy(result.approvals);
    rt.setOutput('approved-by', who);
    rt.info(`require-environment ${cfg.environment}: the job runs under it, with required reviewers${who ? `; approved by ${who}` : ''}.`);
    await rt.summary(guardSummary(result));
    return result;
}
// A GitHub login: letters, digits and single hyphens inside, at most 39 characters (apps end in [bot]).
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/;
/**
 * record-history's `approved-by`: the approved-by output of a guarded step, logins separated by commas;
 * undefined when empty.
 */
function parseApprovedBy(value, input = 'approved-by') {
    if (value === '')
        return undefined;
    const logins = value.split(',').map((s) => s.trim());
    if (value.length > 1000 || logins.some((l) => !LOGIN.test(l))) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'must be GitHub logins separated by commas (the approved-by output of a step with require-environment)');
    }
    return [...new Set(logins)].join(',');
}


/***/ }),

/***/ 6342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OG: () => (/* binding */ cloudwatchFor),
/* harmony export */   Us: () => (/* binding */ nothingChanged),
/* harmony export */   Xg: () => (/* binding */ readConfig),
/* harmony export */   _c: () => (/* binding */ selectTarget),
/* harmony export */   eg: () => (/* binding */ runStep),
/* harmony export */   ie: () => (/* binding */ clockOf),
/* harmony export */   oh: () => (/* binding */ failureMessage),
/* harmony export */   pX: () => (/* binding */ isSecretInput)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _deploy_actions_health_config__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1824);


/**
 * The target the inputs select: `target`, else the first of `targets`. An input only another target reads
 * is an error naming it, so a step never silently ignores what the user wrote.
 */
function selectTarget(inputs, targets) {
    const kinds = Object.keys(targets);
    const kind = inputs.oneOf('target', kinds, kinds[0]);
    const chosen = targets[kind];
    for (const other of Object.values(targets)) {
        if (other === chosen)
            continue;
        for (const name of other.inputs) {
            const value = inputs.text(name, { multiline: true });
            if (value !== '' && !chosen.inputs.includes(name)) {
                throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, `is an input of target ${other.kind}; this step's target is ${kind}`);
            }
        }
    }
    return chosen;
}
/** The selected target's config; required unless `optional`. */
function readConfig(target, inputs, env) {
    return target.readConfig(inputs, env);
}
/** A CloudWatch client only when alarms or metrics are checked, and the target's metrics are CloudWatch's. */
async function cloudwatchFor(health, config, deps) {
    if (config.cloudwatch === false || (!health.metrics && !(0,_deploy_actions_health_config__WEBPACK_IMPORTED_MODULE_1__/* .hasAlarms */ .zZ)(health)))
        return undefined;
    const make = deps.cloudwatch ?? (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9565))).cloudwatchClient;
    return make(config.aws);
}
function clockOf(deps, env) {
    return deps.clock ?? (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .clockFromEnv */ .iQ)(env);
}
/**
 * How an input error ends: nothing was changed where the `target` input sends the release (AWS for Lambda and
 * ECS, and for a `target` that is itself the bad input).
 */
function nothingChanged(rt, targets) {
    const kind = rt.input('target').trim();
    const named = Object.hasOwn(targets, kind) ? targets[kind] : Object.values(targets)[0];
    return `Nothing was changed in ${named?.platform ?? 'AWS'}.`;
}
/** The inputs that are secrets, masked in the log before anything (an input error included) can print them. */
const SECRET_INPUTS = ['slack-webhook-url', 'access-token'];
const isSecretInput = (name) => SECRET_INPUTS.includes(name);
function maskSecrets(rt) {
    for (const name of SECRET_INPUTS) {
        const value = rt.input(name);
        if (!value)
            continue;
        rt.setSecret?.(value);
        try {
            // The path is the secret part; URL may print it normalised.
            const url = new URL(value);
            if (url.href !== value)
                rt.setSecret?.(url.href);
            if (url.pathname.length > 1)
                rt.setSecret?.(url.pathname);
        }
        catch {
            // not a URL: the input check refuses it, showing ***
        }
    }
}
/** Runs one action body, its secrets masked first; every failure becomes one clear failed-step message. */
async function runStep(rt, nothingDone, body) {
    maskSecrets(rt);
    try {
        await body();
    }
    catch (err) {
        rt.setFailed(failureMessage(err, nothingDone));
    }
}
function failureMessage(err, nothingDone = 'Nothing was changed in AWS.') {
    if (err instanceof _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz)
        return `${err.message}. ${nothingDone}`;
    if (err instanceof _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .ConcurrentChangeError */ .wy || err instanceof _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH || err instanceof _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc)
        return err.message;
    const name = (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(err);
    if (name)
        return `AWS ${name}: ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)}`;
    return (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err);
}


/***/ }),

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
            const { runTestCommand } = await __webpack_require__.e(/* import() */ 178).then(__webpack_require__.bind(__webpack_require__, 4178));
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
