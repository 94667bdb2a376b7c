export const id = 4375;
export const ids = [4375];
export const modules = {

/***/ 1824:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C2: () => (/* binding */ parseStatusRanges),
/* harmony export */   EK: () => (/* binding */ hasChecks),
/* harmony export */   Ll: () => (/* binding */ readHealthConfig),
/* harmony export */   Nq: () => (/* binding */ requireChecks),
/* harmony export */   Sx: () => (/* binding */ parseLatencyLimits),
/* harmony export */   ci: () => (/* binding */ parseAlarms),
/* harmony export */   zZ: () => (/* binding */ hasAlarms)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _logs_config__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9316);


const HOUR = 3_600_000;
// eslint-disable-next-line no-control-regex -- alarm names are any printable characters
const ALARM_NAME = /^[^\u0000-\u001f\u007f]{1,255}$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;
/**
 * Every health input, checked; shared by health-gate and shift-traffic so both judge alike. `wait`: whether
 * on-inconclusive may be wait (a shift's step can bake on; a single verdict cannot).
 */
function readHealthConfig(inputs, opts = {}) {
    const alarms = parseAlarms(inputs.text('alarms', { multiline: true }));
    const maxErrorRate = optionalNumber(inputs, 'max-error-rate', {
        min: 0,
        max: 100,
        expected: 'a percentage from 0 to 100, for example 2',
        percent: true,
    });
    const maxLatencyRatio = optionalNumber(inputs, 'max-latency-ratio', {
        min: 1,
        max: 100,
        expected: 'a ratio from 1 to 100 of green p95 over blue p95, for example 1.5',
    });
    const maxLatencyMs = parseLatencyLimits(inputs.text('max-latency-ms'));
    const minInvocations = inputs.integer('min-invocations', 50, 1, 1_000_000_000);
    const windowMs = inputs.duration('window', '5m', { ms: 24 * HOUR, label: '24h' });
    if (windowMs < 60_000 || windowMs % 60_000 !== 0) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('window', inputs.text('window'), 'must be whole minutes, at least 1m: Lambda publishes metrics per minute');
    }
    const metrics = maxErrorRate !== undefined || maxLatencyRatio !== undefined || maxLatencyMs
        ? { maxErrorRate, maxLatencyRatio, ...(maxLatencyMs && { maxLatencyMs }), minInvocations, windowMs }
        : undefined;
    const http = readHttp(inputs);
    const payload = inputs.json('invoke-payload');
    const expect = inputs.matcher('invoke-expect');
    if (expect && !payload)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('invoke-expect', inputs.text('invoke-expect'), 'needs invoke-payload');
    const logs = (0,_logs_config__WEBPACK_IMPORTED_MODULE_1__/* .readLogsConfig */ .m)(inputs, windowMs);
    const durationMs = inputs.duration('duration', '0', { ms: 6 * HOUR, label: '6h' });
    const intervalMs = inputs.duration('interval', '1m', { ms: HOUR, label: '1h' });
    if (intervalMs < 1000)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('interval', inputs.text('interval'), 'must be at least 1s');
    const consecutiveFailures = inputs.integer('consecutive-failures', 1, 1, 100);
    const onInconclusive = inputs.oneOf('on-inconclusive', opts.wait ? ['fail', 'pass', 'wait'] : ['fail', 'pass'], 'fail');
    return {
        alarms,
        ...(metrics && { metrics }),
        ...(http && { http }),
        ...(payload && { invoke: { payload, expect } }),
        ...(logs && { logs }),
        durationMs,
        intervalMs,
        consecutiveFailures,
        onInconclusive,
    };
}
/** A gate with nothing to check would pass anything: fail closed instead. */
function requireChecks(c) {
    if (!hasChecks(c)) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('alarms', '', 'health-gate needs at least one check: alarms, max-error-rate, max-latency-ratio, max-latency-ms, http-url, invoke-payload or a logs rule (max-consecutive-failures, max-timeouts, max-memory-mb, max-duration-ratio, max-init-ratio)');
    }
}
function hasAlarms(c) {
    return c.alarms.names.length + c.alarms.prefixes.length > 0;
}
function hasChecks(c) {
    return hasAlarms(c) || !!c.metrics || !!c.http || !!c.invoke || !!c.logs;
}
/** "orders-errors, orders-latency" or one per line; "orders-*" is every alarm whose name starts "orders-". */
function parseAlarms(text) {
    const names = [];
    const prefixes = [];
    for (const item of text
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean)) {
        if (!ALARM_NAME.test(item))
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('alarms', item, 'must be CloudWatch alarm names of 1 to 255 characters');
        const star = item.indexOf('*');
        if (star === -1)
            names.push(item);
        else if (star === item.length - 1 && star > 0)
            prefixes.push(item.slice(0, -1));
        else
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('alarms', item, 'may use * only at the end of a name, as a prefix: orders-*');
    }
    if (names.length > 100)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('alarms', text, 'may name at most 100 alarms');
    return { names, prefixes };
}
const LATENCY_LIMITS = 'must be latency limits in ms by percentile, such as p95=2000,p99=5000 (a bare number means p99): percentiles p1 to p99.9, each named once, limits whole ms from 1 to 900000';
/** "p95=2000,p99=5000"; a bare "3000" is p99=3000. */
function parseLatencyLimits(text) {
    if (text === '')
        return undefined;
    const limits = {};
    for (const item of text.split(',').map((s) => s.trim())) {
        const m = /^(?:(p\d{1,2}(?:\.\d)?)\s*=\s*)?(\d{1,6})$/.exec(item);
        const stat = m ? (m[1] ?? 'p99') : '';
        const ms = Number(m?.[2]);
        if (!m || Number(stat.slice(1)) < 1 || ms < 1 || ms > 900_000 || stat in limits) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('max-latency-ms', text, LATENCY_LIMITS);
        }
        limits[stat] = ms;
    }
    return limits;
}
/** "200-299", "200,204,300-399": the statuses a healthy endpoint answers with. */
function parseStatusRanges(name, text) {
    return text.split(',').map((part) => {
        const m = /^\s*(\d{3})(?:\s*-\s*(\d{3}))?\s*$/.exec(part);
        const from = Number(m?.[1]);
        const to = Number(m?.[2] ?? m?.[1]);
        if (!m || from < 100 || to > 599 || from > to) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, text, 'must be HTTP statuses or ranges from 100 to 599, for example 200-299 or 200,204,301-302');
        }
        return { from, to };
    });
}
function readHttp(inputs) {
    // Inputs with an action.yml default always arrive, so they are checked whether or not a URL is given.
    const method = inputs.oneOf('http-method', ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], 'GET');
    const expect = parseStatusRanges('http-expect-status', inputs.text('http-expect-status') || '200-299');
    const samples = inputs.integer('http-samples', 3, 1, 100);
    const url = inputs.text('http-url');
    if (!url) {
        const stray = ['http-max-latency-ms', 'http-headers', 'http-body'].find((n) => inputs.text(n, { multiline: true }) !== '');
        if (stray)
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(stray, inputs.text(stray, { multiline: true }), 'needs http-url');
        return undefined;
    }
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('http-url', url, 'must be an absolute http:// or https:// URL');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('http-url', url, 'must be an absolute http:// or https:// URL');
    }
    // Credentials in a URL would be printed in every log line and report that names the probe.
    if (parsed.username || parsed.password) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('http-url', url.replace(/\/\/[^@/]*@/, '//***@'), 'must not hold credentials: send them in http-headers (Authorization: ...)');
    }
    const headers = {};
    for (const line of inputs
        .text('http-headers', { multiline: true })
        .split('\n')
        .filter((l) => l.trim())) {
        const m = /^([^:]+):(.*)$/.exec(line.trim());
        if (!m || !HEADER_NAME.test(m[1].trim()) || !HEADER_VALUE.test(m[2])) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('http-headers', line, 'must be one "Name: value" header per line, in printable ASCII');
        }
        headers[m[1].trim()] = m[2].trim();
    }
    const body = inputs.text('http-body', { multiline: true, max: 64 * 1024 });
    if (body && (method === 'GET' || method === 'HEAD')) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('http-body', body, `cannot go with http-method ${method}: use POST, PUT, PATCH, DELETE or OPTIONS`);
    }
    const maxLatencyMs = inputs.text('http-max-latency-ms')
        ? inputs.integer('http-max-latency-ms', 0, 1, 600_000)
        : undefined;
    return {
        url: parsed.toString(),
        method,
        headers,
        ...(body && { body }),
        expect,
        ...(maxLatencyMs !== undefined && { maxLatencyMs }),
        samples,
    };
}
function optionalNumber(inputs, name, range) {
    const raw = inputs.text(name);
    const text = range.percent ? raw.replace(/%$/, '') : raw;
    if (text === '')
        return undefined;
    if (!/^\d+(\.\d+)?$/.test(text) || Number(text) < range.min || Number(text) > range.max) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, raw, `must be ${range.expected}`);
    }
    return Number(text);
}


/***/ }),

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
/* harmony export */   oh: () => (/* binding */ failureMessage)
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
    const make = deps.cloudwatch ?? (await __webpack_require__.e(/* import() */ 9565).then(__webpack_require__.bind(__webpack_require__, 9565))).cloudwatchClient;
    return make(config.aws);
}
function clockOf(deps, env) {
    return deps.clock ?? (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .clockFromEnv */ .iQ)(env);
}
/** Inputs that are credentials (Cloud Run's access-token), masked before anything can print them. */
const CREDENTIAL_INPUTS = ['access-token'];
/**
 * How an input error ends: nothing was changed where the `target` input sends the release (AWS for Lambda and
 * ECS, and for a `target` that is itself the bad input).
 */
function nothingChanged(rt, targets) {
    const kind = rt.input('target').trim();
    const named = Object.hasOwn(targets, kind) ? targets[kind] : Object.values(targets)[0];
    return `Nothing was changed in ${named?.platform ?? 'AWS'}.`;
}
/** Runs one action body; every failure becomes one clear failed-step message. */
async function runStep(rt, nothingDone, body) {
    for (const name of CREDENTIAL_INPUTS) {
        const value = rt.input(name);
        if (value)
            rt.setSecret?.(value);
    }
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


/***/ })

};
