export const id = 710;
export const ids = [710];
export const modules = {

/***/ 4487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B5: () => (/* binding */ greenKey),
/* harmony export */   S$: () => (/* binding */ checkpointOf),
/* harmony export */   SH: () => (/* binding */ planHash),
/* harmony export */   Xn: () => (/* binding */ encodeCheckpoint),
/* harmony export */   gf: () => (/* binding */ isGreen),
/* harmony export */   nO: () => (/* binding */ fitWatch),
/* harmony export */   ng: () => (/* binding */ runOf)
/* harmony export */ });
/* unused harmony exports CHECKPOINT_PREFIX, CHECKPOINT_FORMAT, WATCH_FORMAT, CHECKPOINT_MAX, parseCheckpoint */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// Where a checkpointed rollout stands, kept with the traffic it describes (the Lambda alias's Description, a tag
// of the ALB listener or rule): one line of at most 200 characters, in characters both places take
// (ELB tag values allow letters, digits, spaces and + - = . _ : / @:
// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-rule-tags.html).
//
//   deploy-actions/1 g=7 p=3f2a9c01 s=2 t=1767225600 r=123456789.1
//
// g: green (or @ and a hash of it when long), p: hash of the plan, s: index of the current step in the plan,
// t: when that step began (epoch seconds), r: the run that wrote it (run id.attempt).
//
// Format 2 adds the watch after promotion (watch-after): the routing is 100% green, s is the plan's last step,
// t is when the watch began, w how long it lasts (seconds) and b the version to go back to. A step checkpoint is
// still written in format 1, and both formats are read.
//
//   deploy-actions/2 g=7 p=3f2a9c01 s=5 t=1767225600 r=123456789.1 w=86400 b=6

const CHECKPOINT_PREFIX = 'deploy-actions/';
const CHECKPOINT_FORMAT = 1;
/** The format of a checkpoint in the watch after promotion. */
const WATCH_FORMAT = 2;
const CHECKPOINT_MAX = 200;
const GREEN = /^[A-Za-z0-9_.:/+-]{1,100}$/;
const GREEN_FIELD = /^(?:[A-Za-z0-9_.:/+-]{1,100}|@[0-9a-f]{12})$/;
const RUN = /^[A-Za-z0-9_-]{1,40}\.\d{1,6}$/;
const FIELDS = ['g', 'p', 's', 't', 'r'];
const WATCH_FIELDS = ['w', 'b'];
/** The green as a checkpoint names it: itself, or @ and a hash when it is long or has other characters. */
function greenKey(version) {
    return GREEN.test(version) ? version : `@${sha256(version).slice(0, 12)}`;
}
/** A watch checkpoint that fits: green in full, or as its hash when the line would be too long with it. */
function fitWatch(c, version) {
    try {
        encodeCheckpoint(c);
        return c;
    }
    catch {
        return { ...c, green: `@${sha256(version).slice(0, 12)}` };
    }
}
/** Whether a checkpoint's g names this version, in full or as the hash a long checkpoint falls back to. */
function isGreen(key, version) {
    return key === greenKey(version) || key === `@${sha256(version).slice(0, 12)}`;
}
/** 8 hex digits over the plan's percentages and bakes: a rollout is advanced only by the plan it started with. */
function planHash(plan) {
    return sha256(plan.steps.map((s) => `${s.percent}:${s.bakeMs}`).join(',')).slice(0, 8);
}
/** The run id a checkpoint records, from the runner's GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT. */
function runOf(env) {
    const id = (env.GITHUB_RUN_ID ?? '').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'local';
    const attempt = /^\d{1,6}$/.test(env.GITHUB_RUN_ATTEMPT ?? '') ? env.GITHUB_RUN_ATTEMPT : '1';
    return `${id}.${attempt}`;
}
function encodeCheckpoint(c) {
    const fields = {
        g: c.green,
        p: c.plan,
        s: String(c.step),
        t: String(Math.floor(c.since / 1000)),
        r: c.run,
        ...(c.watch && { w: String(Math.floor(c.watch.ms / 1000)), b: c.watch.blue }),
    };
    const keys = c.watch ? [...FIELDS, ...WATCH_FIELDS] : FIELDS;
    const format = c.watch ? WATCH_FORMAT : CHECKPOINT_FORMAT;
    const text = `${CHECKPOINT_PREFIX}${format} ${keys.map((k) => `${k}=${fields[k]}`).join(' ')}`;
    const problem = invalid(fields);
    if (problem || text.length > CHECKPOINT_MAX) {
        throw new Error(`cannot write checkpoint "${text}": ${problem ?? `over ${CHECKPOINT_MAX} characters`}`);
    }
    return text;
}
/**
 * A checkpoint from the text the router holds: undefined when the text is not one of ours (a user's own alias
 * description); an Error naming what is wrong when it is ours but malformed.
 */
function parseCheckpoint(text) {
    const value = text?.trim() ?? '';
    if (!value.startsWith(CHECKPOINT_PREFIX))
        return undefined;
    const [head, ...parts] = value.split(' ');
    const format = head.slice(CHECKPOINT_PREFIX.length);
    if (format !== String(CHECKPOINT_FORMAT) && format !== String(WATCH_FORMAT)) {
        throw new Error(`checkpoint "${value}" is in format ${format || '(none)'}; this version of deploy-actions reads formats ${CHECKPOINT_FORMAT} and ${WATCH_FORMAT}`);
    }
    const known = format === String(WATCH_FORMAT) ? [...FIELDS, ...WATCH_FIELDS] : FIELDS;
    const fields = {};
    for (const part of parts) {
        const at = part.indexOf('=');
        const key = part.slice(0, at);
        if (at < 1 || !known.includes(key) || key in fields) {
            throw new Error(`checkpoint "${value}" has an unknown or repeated field "${part}"`);
        }
        fields[key] = part.slice(at + 1);
    }
    const missing = known.filter((k) => !(k in fields));
    if (missing.length)
        throw new Error(`checkpoint "${value}" lacks ${missing.join(', ')}`);
    const problem = invalid(fields);
    if (problem)
        throw new Error(`checkpoint "${value}" ${problem}`);
    return {
        green: fields.g,
        plan: fields.p,
        step: Number(fields.s),
        since: Number(fields.t) * 1000,
        run: fields.r,
        ...(fields.w !== undefined && { watch: { ms: Number(fields.w) * 1000, blue: fields.b } }),
    };
}
/** What a router read holds: its checkpoint, or why the text of ours there is not one. */
function checkpointOf(text) {
    try {
        const checkpoint = parseCheckpoint(text);
        return checkpoint ? { checkpoint } : {};
    }
    catch (err) {
        return { checkpointError: err.message };
    }
}
function invalid(f) {
    if (!GREEN_FIELD.test(f.g))
        return `has green "${f.g}", not a version in checkpoint form`;
    if (!/^[0-9a-f]{8}$/.test(f.p))
        return `has plan hash "${f.p}", not 8 hex digits`;
    if (!/^(?:0|[1-9]\d?)$/.test(f.s))
        return `has step "${f.s}", not a step index from 0 to 99`;
    if (!/^[1-9]\d{0,10}$/.test(f.t))
        return `has start "${f.t}", not a time in epoch seconds`;
    if (!RUN.test(f.r))
        return `has run "${f.r}", not RUN_ID.ATTEMPT`;
    if (f.w !== undefined && !/^[1-9]\d{0,8}$/.test(f.w))
        return `has watch "${f.w}", not a length in seconds`;
    if (f.b !== undefined && !GREEN.test(f.b))
        return `has blue "${f.b}", not a version in checkpoint form`;
    return undefined;
}
function sha256(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex');
}


/***/ }),

/***/ 239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hm: () => (/* binding */ sameRouting),
/* harmony export */   Nx: () => (/* binding */ capital),
/* harmony export */   PT: () => (/* binding */ allOn),
/* harmony export */   Uf: () => (/* binding */ routingAt),
/* harmony export */   d1: () => (/* binding */ holdsCheckpoint),
/* harmony export */   jz: () => (/* binding */ greenPercent),
/* harmony export */   pR: () => (/* binding */ percentOf),
/* harmony export */   ww: () => (/* binding */ describeRouting)
/* harmony export */ });
/** Whether the router holds a checkpoint (or a malformed one of ours): a write without one clears it. */
function holdsCheckpoint(r) {
    return r.checkpoint !== undefined || r.checkpointError !== undefined;
}
function percentOf(weight) {
    return Math.round(weight * 10_000) / 100;
}
/** "100% on v1" or "v1 90% / v2 10%", with versions as the target labels them. */
function describeRouting(r, label) {
    if (!r.green)
        return `100% on ${label(r.version)}`;
    return `${label(r.version)} ${percentOf(1 - r.greenWeight)}% / ${label(r.green)} ${percentOf(r.greenWeight)}%`;
}
function sameRouting(a, b) {
    return (a.version === b.version &&
        (a.green ?? '') === (b.green ?? '') &&
        Math.abs(a.greenWeight - b.greenWeight) < 1e-9);
}
/** Green's share of traffic in percent, for a routing that may already be fully on green or back on blue. */
function greenPercent(r, green) {
    if (r.green === green)
        return percentOf(r.greenWeight);
    return r.version === green ? 100 : 0;
}
/** The routing of a step: a split below 100%, all on green at 100%. */
function routingAt(blue, green, percent) {
    return percent >= 100
        ? { version: green, greenWeight: 0 }
        : { version: blue, green, greenWeight: percent / 100 };
}
function allOn(version) {
    return { version, greenWeight: 0 };
}
/** A router's name (`alias "live"`) at the start of a sentence. */
function capital(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}


/***/ }),

/***/ 8112:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GI: () => (/* binding */ GoogleApiError),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   ok: () => (/* binding */ httpClient)
/* harmony export */ });
/* unused harmony export withQuery */
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
// The REST calls of the Admin API v2 and Cloud Monitoring v3: JSON over fetch with a bearer token, retried
// with exponential backoff on 429 and 503 as Google advises (https://cloud.google.com/apis/design/errors#retrying_errors).

/** An error status of a Google API, as its JSON error body names it (https://cloud.google.com/apis/design/errors). */
class GoogleApiError extends Error {
    status;
    code;
    what;
    constructor(status, 
    /** The canonical code, e.g. NOT_FOUND, FAILED_PRECONDITION. */
    code, message, what) {
        super(`${what}: ${status} ${code}: ${message}`);
        this.status = status;
        this.code = code;
        this.what = what;
        this.name = 'GoogleApiError';
    }
}
const RETRIED = new Set([429, 503]);
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 16_000;
const USER_AGENT = 'deploy-actions/1 (cloud-run)';
function httpClient(token, maxAttempts, clock, signal) {
    return {
        async call(method, url, opts = {}) {
            const target = withQuery(url, opts.query);
            const what = opts.what ?? `${method} ${new URL(url).pathname}`;
            for (let attempt = 1;; attempt++) {
                const res = await (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .proxyFetch */ .Z6)(target, {
                    method,
                    headers: {
                        authorization: `Bearer ${await token()}`,
                        'user-agent': USER_AGENT,
                        ...(opts.body !== undefined && { 'content-type': 'application/json' }),
                    },
                    ...(opts.body !== undefined && { body: JSON.stringify(opts.body) }),
                    ...(signal && { signal }),
                });
                const text = await res.text();
                if (res.ok)
                    return (text ? JSON.parse(text) : {});
                if (RETRIED.has(res.status) && attempt < maxAttempts) {
                    await clock.sleep(backoff(attempt, res.headers.get('retry-after')), signal);
                    continue;
                }
                throw apiError(res.status, text, what);
            }
        },
    };
}
/** Full jitter over an exponential ceiling; a Retry-After in seconds is honoured when longer. */
function backoff(attempt, retryAfter) {
    const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
    const after = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : 0;
    return Math.max(after, Math.round(Math.random() * ceiling));
}
function apiError(status, text, what) {
    let body = {};
    try {
        body = JSON.parse(text);
    }
    catch {
        // not JSON (a proxy's page): the status says enough
    }
    const message = (body.error?.message ?? text.slice(0, 200)).replace(/\s+/g, ' ').trim();
    return new GoogleApiError(status, body.error?.status ?? String(status), message, what);
}
function withQuery(url, query = {}) {
    const u = new URL(url);
    for (const [key, value] of Object.entries(query)) {
        if (value === undefined)
            continue;
        for (const v of Array.isArray(value) ? value : [value])
            u.searchParams.append(key, v);
    }
    return u.toString();
}
function isNotFound(err) {
    return err instanceof GoogleApiError && err.status === 404;
}


/***/ }),

/***/ 3080:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EU: () => (/* binding */ shortName),
/* harmony export */   Js: () => (/* binding */ readyOf),
/* harmony export */   ME: () => (/* binding */ runApi),
/* harmony export */   OK: () => (/* binding */ OperationError),
/* harmony export */   QQ: () => (/* binding */ SUCCEEDED),
/* harmony export */   Wk: () => (/* binding */ FAILED),
/* harmony export */   a6: () => (/* binding */ BY_REVISION),
/* harmony export */   k0: () => (/* binding */ LATEST)
/* harmony export */ });
/* unused harmony export servicePath */
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _api__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8112);
// The Admin API v2 resources and calls this target uses:
// https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.services


const LATEST = 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST';
const BY_REVISION = 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION';
function servicePath(cfg) {
    return `projects/${cfg.project}/locations/${cfg.region}/services/${cfg.service}`;
}
/** The short name of a revision from its full resource name. */
function shortName(name) {
    return name.slice(name.lastIndexOf('/') + 1);
}
function runApi(http, cfg, clock) {
    const base = `${cfg.api}/v2`;
    const service = servicePath(cfg);
    const get = async (path, what) => {
        try {
            return await http.call('GET', `${base}/${path}`, { what });
        }
        catch (err) {
            if ((0,_api__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(err))
                return undefined;
            throw err;
        }
    };
    return {
        getService: () => get(service, `read service ${cfg.service}`),
        getRevision: (name) => get(`${service}/revisions/${shortName(name)}`, `read revision ${name}`),
        // https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.services/patch
        patchService: (body, mask) => http.call('PATCH', `${base}/${service}`, {
            query: { updateMask: mask.join(',') },
            body: { ...body, name: service },
            what: `update service ${cfg.service}`,
        }),
        // https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.services/create
        createService: (body) => http.call('POST', `${base}/projects/${cfg.project}/locations/${cfg.region}/services`, {
            query: { serviceId: cfg.service },
            body,
            what: `create service ${cfg.service}`,
        }),
        // https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.operations/get
        wait: async (op, timeoutMs, what) => {
            const until = clock.now() + timeoutMs;
            let current = op;
            for (let delay = 500; !current.done; delay = Math.min(delay * 2, 5000)) {
                if (!current.name)
                    throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`${what}: the operation has no name to wait for`);
                if (clock.now() >= until) {
                    throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`${what}: operation ${shortName(current.name)} had not finished after ${Math.round(timeoutMs / 1000)}s (wait-timeout)`);
                }
                await clock.sleep(delay);
                current = await http.call('GET', `${base}/${current.name}`, { what: `${what}: wait` });
            }
            if (current.error) {
                throw new OperationError(`${what} failed: ${current.error.message ?? `code ${current.error.code}`}`);
            }
            return current;
        },
    };
}
/** A long-running operation that finished with an error. */
class OperationError extends _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH {
    constructor(message) {
        super(message);
        this.name = 'OperationError';
    }
}
/** The Ready condition of a revision or service, from its conditions or its terminal condition. */
function readyOf(x) {
    return x.terminalCondition?.type === 'Ready'
        ? x.terminalCondition
        : x.conditions?.find((c) => c.type === 'Ready');
}
const SUCCEEDED = 'CONDITION_SUCCEEDED';
const FAILED = 'CONDITION_FAILED';


/***/ }),

/***/ 9710:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  googleHttp: () => (/* binding */ googleHttp),
  openCloudRun: () => (/* binding */ openCloudRun),
  openRunApi: () => (/* binding */ openRunApi)
});

// EXTERNAL MODULE: ./packages/targets/cloud-run/src/api.ts
var src_api = __webpack_require__(8112);
// EXTERNAL MODULE: ./packages/targets/cloud-run/src/auth.ts
var auth = __webpack_require__(6492);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./packages/core/src/index.ts + 7 modules
var src = __webpack_require__(1398);
;// CONCATENATED MODULE: ./packages/targets/cloud-run/src/id-token.ts
// The Google-signed ID token of http-id-token, for a probe of a service that requires authentication. Its
// audience is the service's run.app URL, which every URL of the service (tags included) accepts:
// https://cloud.google.com/run/docs/configuring/custom-audiences
// Minted by IAM Credentials generateIdToken for a service account
// (https://cloud.google.com/iam/docs/reference/credentials/rest/v1/projects.serviceAccounts/generateIdToken).


const IAM_CREDENTIALS = 'https://iamcredentials.googleapis.com';
// ID tokens last an hour; a fresh one well before that.
const REUSE_MS = 45 * 60_000;
/** A token source for the service's URL; the token is reused for 45 minutes. */
function idTokenSource(cfg, api, http, clock) {
    let cached;
    let audience;
    return async () => {
        if (cached && clock.now() < cached.until)
            return cached.token;
        audience ??= (await api.getService())?.uri;
        if (!audience)
            throw new src/* DeployError */.sH(`Service ${cfg.service} has no URL yet: no ID token to mint for it`);
        const minter = cfg.auth === 'access-token' ? withAccessToken(cfg, http) : await withAdc(cfg);
        const token = await minter.fetchIdToken(audience);
        cached = { token, until: clock.now() + REUSE_MS };
        return token;
    };
}
/** access-token: the token calls generateIdToken for service-account (required with it at input time). */
function withAccessToken(cfg, http) {
    const account = cfg.idToken.serviceAccount;
    return {
        fetchIdToken: async (audience) => (await http.call('POST', `${IAM_CREDENTIALS}/v1/projects/-/serviceAccounts/${account}:generateIdToken`, { body: { audience, includeEmail: true }, what: `mint an ID token of ${account}` })).token,
    };
}
/**
 * Application Default Credentials. An external_account file (Workload Identity Federation, as
 * google-github-actions/auth writes it) mints with its federated token for the service account it impersonates,
 * as that action's id_token output does; other credentials (a key, the metadata server) mint their own.
 */
async function withAdc(cfg) {
    const { ExternalAccountClient, GoogleAuth, Impersonated } = await __webpack_require__.e(/* import() */ 492).then(__webpack_require__.t.bind(__webpack_require__, 492, 23));
    const file = process.env.GOOGLE_APPLICATION_CREDENTIALS;
    const json = file ? JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8')) : undefined;
    if (json?.type !== 'external_account') {
        const client = await new GoogleAuth({ projectId: cfg.project }).getClient();
        if (!('fetchIdToken' in client))
            throw new src/* DeployError */.sH('http-id-token: these Application Default Credentials cannot mint an ID token');
        return client;
    }
    const { service_account_impersonation_url: impersonation, ...federated } = json;
    const account = cfg.idToken?.serviceAccount ?? accountOf(impersonation);
    if (!account) {
        throw new src/* DeployError */.sH('http-id-token: the Application Default Credentials act as a Workload Identity Federation principal, which has no ID token: give service-account (a service account it may impersonate), or authenticate with service_account in google-github-actions/auth');
    }
    const source = ExternalAccountClient.fromJSON(federated);
    if (!source)
        throw new src/* DeployError */.sH('http-id-token: the external_account credentials could not be read');
    const endpoint = impersonation ? new URL(impersonation).origin : IAM_CREDENTIALS;
    return new Impersonated({ sourceClient: source, targetPrincipal: account, endpoint });
}
/** The email in .../serviceAccounts/EMAIL:generateAccessToken. */
function accountOf(url) {
    return url ? /serviceAccounts\/([^/:]+):generateAccessToken$/.exec(url)?.[1] : undefined;
}

// EXTERNAL MODULE: ./packages/targets/cloud-run/src/metrics.ts
var metrics = __webpack_require__(5517);
// EXTERNAL MODULE: ./packages/release/src/checkpoint.ts
var src_checkpoint = __webpack_require__(4487);
// EXTERNAL MODULE: ./packages/release/src/routing.ts
var routing = __webpack_require__(239);
// EXTERNAL MODULE: ./packages/targets/cloud-run/src/traffic.ts
var traffic = __webpack_require__(7801);
;// CONCATENATED MODULE: ./packages/targets/cloud-run/src/router.ts
// The service's traffic as the engine's router. Service.etag is documented as output-only
// (https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.services#Service), so it is sent but
// not relied on: each write reads the service, compares it with what this run last read or wrote, patches
// traffic alone (and the checkpoint annotation with it), waits for the operation and reads the service back.





/**
 * The checkpoint of a checkpointed rollout, in a service annotation: annotations take free text (labels take
 * only 63 lowercase characters), and the one patch that moves traffic writes it too, so the two never disagree.
 */
const CHECKPOINT_ANNOTATION = 'deploy-actions/checkpoint';
/** How long a traffic patch's operation may take. */
const WRITE_TIMEOUT_MS = 5 * 60_000;
function serviceRouter(api, cfg) {
    const what = `service ${cfg.service}`;
    const created = new Map();
    const createTime = async (revision) => {
        if (!created.has(revision)) {
            const r = await api.getRevision(revision);
            created.set(revision, r?.createTime ? Date.parse(r.createTime) : 0);
        }
        return created.get(revision);
    };
    let last;
    const readService = async () => {
        const service = await api.getService();
        if (!service)
            return (last = undefined);
        const shares = (0,traffic/* percents */.hx)(service.traffic, service.latestReadyRevision);
        const [a, b] = [...shares.keys()];
        const times = a && b ? [await createTime(a), await createTime(b)] : [0, 0];
        const routing = (0,traffic/* routingOf */.CC)(shares, (x) => (x === a ? times[0] > times[1] : times[1] > times[0]));
        const note = service.annotations?.[CHECKPOINT_ANNOTATION];
        return (last = {
            service,
            routing: { ...routing, revision: `${(0,traffic/* fingerprint */.Rj)(service)}|${note ?? ''}`, ...(0,src_checkpoint/* checkpointOf */.S$)(note) },
        });
    };
    const describe = (r) => (0,routing/* describeRouting */.ww)(r, (v) => v);
    return {
        name: what,
        noun: 'service',
        missing: `Service ${cfg.service} does not exist in ${cfg.project}/${cfg.region}: deploy it with deploy-green first`,
        label: (v) => v,
        example: (live) => `revision:${live}`,
        readService,
        last: () => last,
        read: async () => (await readService())?.routing,
        write: async (to, from, checkpoint) => {
            const now = await readService();
            if (!now || now.routing.revision !== from.revision) {
                throw new src/* ConcurrentChangeError */.wy(`Service ${cfg.service} was changed by someone else since this run read it (now ${now ? describe(now.routing) : 'gone'}); this run changed nothing more.`);
            }
            const note = checkpoint ? (0,src_checkpoint/* encodeCheckpoint */.Xn)(checkpoint) : undefined;
            const body = { etag: now.service.etag, traffic: (0,traffic/* trafficFor */.Z2)(to, now.service) };
            const mask = ['traffic'];
            if (note !== undefined || (0,routing/* holdsCheckpoint */.d1)(now.routing)) {
                // The mask replaces the whole map: the user's own annotations go with it unchanged.
                const rest = { ...now.service.annotations };
                delete rest[CHECKPOINT_ANNOTATION];
                body.annotations = note !== undefined ? { ...rest, [CHECKPOINT_ANNOTATION]: note } : rest;
                mask.push('annotations');
            }
            await patchTraffic(api, cfg, body, mask);
            const after = await readService();
            const noted = after?.service.annotations?.[CHECKPOINT_ANNOTATION];
            // No lock to rely on: what reads back otherwise was written by someone else right after this run.
            if (!after || !(0,routing/* sameRouting */.Hm)(after.routing, settled(to)) || noted !== note) {
                throw new src/* ConcurrentChangeError */.wy(`Service ${cfg.service} was changed by someone else right after this run wrote ${describe(to)}: it reads back as ${after ? describe(after.routing) : 'gone'}${noted !== note ? ` with checkpoint "${noted ?? ''}"` : ''}; this run changed nothing more.`);
            }
            checkServing(after.service, cfg);
            return after.routing;
        },
        checkPair: async (_blue, green) => checkRevision(api, cfg, green, 'green-version'),
        checkVersion: (version, input) => checkRevision(api, cfg, version, input),
    };
}
async function patchTraffic(api, cfg, body, mask) {
    let op;
    try {
        op = await api.patchService(body, mask);
    }
    catch (err) {
        // A stale etag, when the API does check it: someone else wrote in between.
        if (err instanceof src_api/* GoogleApiError */.GI && (err.status === 409 || err.status === 412)) {
            throw new src/* ConcurrentChangeError */.wy(`Service ${cfg.service} was changed by someone else while this run wrote it (${err.code}); this run changed nothing more.`);
        }
        throw err;
    }
    await api.wait(op, WRITE_TIMEOUT_MS, `traffic of service ${cfg.service}`);
}
/** A split at 0% or 100% is one revision, as the service reads back. */
function settled(to) {
    if (!to.green || (to.greenWeight > 0 && to.greenWeight < 1))
        return to;
    return { version: to.greenWeight >= 1 ? to.green : to.version, greenWeight: 0 };
}
/** trafficStatuses is what serves: it must show the traffic as written. */
function checkServing(s, cfg) {
    const spec = (0,traffic/* percents */.hx)(s.traffic, s.latestReadyRevision);
    const serving = (0,traffic/* percents */.hx)(s.trafficStatuses, s.latestReadyRevision);
    const text = (m) => [...m]
        .map(([r, p]) => `${r} ${p}%`)
        .sort()
        .join(', ');
    if (text(spec) !== text(serving)) {
        throw new src/* DeployError */.sH(`Service ${cfg.service} holds traffic ${text(spec)} but serves ${text(serving) || 'nothing'} (trafficStatuses).`);
    }
}
async function checkRevision(api, cfg, version, input) {
    const r = await api.getRevision(version);
    if (!r) {
        throw new src/* InputError */.dz(input, version, `is no revision of service ${cfg.service} in ${cfg.project}/${cfg.region} (deploy it with deploy-green first)`);
    }
}

// EXTERNAL MODULE: ./packages/targets/cloud-run/src/run-api.ts
var run_api = __webpack_require__(3080);
;// CONCATENATED MODULE: ./packages/targets/cloud-run/src/session.ts






/** The REST client, or the test double given as `clients.google`. */
async function googleHttp(cfg, opts) {
    const make = opts.clients?.google;
    if (make)
        return make(cfg);
    return (0,src_api/* httpClient */.ok)((0,auth/* tokenSource */.Z)(cfg), cfg.maxAttempts, opts.clock);
}
async function openRunApi(cfg, opts) {
    const http = await googleHttp(cfg, opts);
    return { http, api: (0,run_api/* runApi */.ME)(http, cfg, opts.clock) };
}
async function openCloudRun(cfg, opts) {
    const { http, api } = await openRunApi(cfg, opts);
    const idToken = cfg.idToken && opts.health?.http && idTokenSource(cfg, api, http, opts.clock);
    return {
        router: serviceRouter(api, cfg),
        signals: {
            ...(opts.health?.metrics && {
                metrics: (s, windowMs, percentiles, now) => (0,metrics/* readRevisionMetrics */.h)(http, cfg, s, windowMs, percentiles, now),
            }),
            ...(idToken && { httpHeaders: async () => ({ Authorization: `Bearer ${await idToken()}` }) }),
        },
    };
}


/***/ }),

/***/ 7801:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CC: () => (/* binding */ routingOf),
/* harmony export */   Rj: () => (/* binding */ fingerprint),
/* harmony export */   SG: () => (/* binding */ withTags),
/* harmony export */   Z2: () => (/* binding */ trafficFor),
/* harmony export */   ak: () => (/* binding */ tagUrl),
/* harmony export */   hx: () => (/* binding */ percents),
/* harmony export */   nb: () => (/* binding */ withoutTag)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _run_api__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3080);
// A service's `traffic` as the engine's routing, and back: decisions on data, no call. Traffic targets are
// by revision or "latest ready revision"; a tag names a URL that reaches its revision alone
// (https://cloud.google.com/run/docs/reference/rest/v2/TrafficTarget).


/** Percent per revision, with "latest" resolved to the service's latest ready revision. */
function percents(traffic, latestReady) {
    const out = new Map();
    for (const t of traffic ?? []) {
        const percent = t.percent ?? 0;
        if (percent <= 0)
            continue;
        const revision = revisionOf(t, latestReady);
        if (!revision) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`${percent}% of the traffic follows the latest ready revision, and the service has none yet`);
        }
        out.set(revision, (out.get(revision) ?? 0) + percent);
    }
    return out;
}
function revisionOf(t, latestReady) {
    if (t.type === _run_api__WEBPACK_IMPORTED_MODULE_1__/* .LATEST */ .k0 || (!t.revision && t.type !== _run_api__WEBPACK_IMPORTED_MODULE_1__/* .BY_REVISION */ .a6))
        return latestReady && (0,_run_api__WEBPACK_IMPORTED_MODULE_1__/* .shortName */ .EU)(latestReady);
    return t.revision && (0,_run_api__WEBPACK_IMPORTED_MODULE_1__/* .shortName */ .EU)(t.revision);
}
/**
 * Where traffic goes: one revision, or blue and green of a split of two; `newer(a, b)` tells which of two
 * revisions was created later, which is green.
 */
function routingOf(shares, newer) {
    const entries = [...shares];
    if (entries.length === 0)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('the service sends no traffic to any revision');
    if (entries.length > 2) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH(`the service splits traffic between ${entries.length} revisions (${entries.map(([r, p]) => `${r} ${p}%`).join(', ')}); a release moves traffic between two: put it on one first`);
    }
    if (entries.length === 1)
        return { version: entries[0][0], greenWeight: 0 };
    const [[a, pa], [b, pb]] = entries;
    const [[blue], [green, greenPercent]] = newer(a, b)
        ? [
            [b, pb],
            [a, pa],
        ]
        : [
            [a, pa],
            [b, pb],
        ];
    return { version: blue, green, greenWeight: greenPercent / 100 };
}
/**
 * The explicit traffic that makes `to` true: blue and green by revision name, never "latest" (a revision
 * created later must not take traffic by itself), and every tag kept where it was, at 0% unless it serves.
 */
function trafficFor(to, now) {
    const green = to.green ? Math.round(to.greenWeight * 100) : 0;
    const want = new Map(to.green && green > 0 && green < 100
        ? [
            [to.version, 100 - green],
            [to.green, green],
        ]
        : [[to.green && green >= 100 ? to.green : to.version, 100]]);
    return withTags(want, now);
}
/** `want` as traffic targets by revision, with the tags `now` holds kept on their revisions. */
function withTags(want, now, moveTag) {
    const latest = now.latestReadyRevision && (0,_run_api__WEBPACK_IMPORTED_MODULE_1__/* .shortName */ .EU)(now.latestReadyRevision);
    const tags = new Map();
    for (const t of now.traffic ?? []) {
        if (!t.tag || t.tag === moveTag?.tag)
            continue;
        const revision = revisionOf(t, latest);
        if (revision)
            tags.set(revision, [...(tags.get(revision) ?? []), t.tag]);
    }
    if (moveTag)
        tags.set(moveTag.to, [...(tags.get(moveTag.to) ?? []), moveTag.tag]);
    const out = [];
    for (const [revision, percent] of want) {
        const [first, ...rest] = tags.get(revision) ?? [];
        out.push({ type: _run_api__WEBPACK_IMPORTED_MODULE_1__/* .BY_REVISION */ .a6, revision, percent, ...(first && { tag: first }) });
        for (const tag of rest)
            out.push({ type: _run_api__WEBPACK_IMPORTED_MODULE_1__/* .BY_REVISION */ .a6, revision, percent: 0, tag });
        tags.delete(revision);
    }
    for (const [revision, list] of tags) {
        for (const tag of list)
            out.push({ type: _run_api__WEBPACK_IMPORTED_MODULE_1__/* .BY_REVISION */ .a6, revision, percent: 0, tag });
    }
    return out;
}
/** The traffic with one tag removed (a 0% entry that only carried it goes too). */
function withoutTag(now, tag) {
    return (now.traffic ?? [])
        .map((t) => (t.tag === tag ? { ...t, tag: undefined } : t))
        .filter((t) => (t.percent ?? 0) > 0 || t.tag)
        .map(({ tag: kept, ...rest }) => ({ ...rest, ...(kept && { tag: kept }) }));
}
/** Traffic and what it resolves to, in one comparable text: a change to either is someone else's. */
function fingerprint(s) {
    const entries = (s.traffic ?? [])
        .map((t) => `${t.type ?? ''}:${t.revision ? (0,_run_api__WEBPACK_IMPORTED_MODULE_1__/* .shortName */ .EU)(t.revision) : ''}:${t.percent ?? 0}:${t.tag ?? ''}`)
        .sort();
    const follows = (s.traffic ?? []).some((t) => t.type === _run_api__WEBPACK_IMPORTED_MODULE_1__/* .LATEST */ .k0);
    return `${entries.join(',')}${follows ? `|latest=${(0,_run_api__WEBPACK_IMPORTED_MODULE_1__/* .shortName */ .EU)(s.latestReadyRevision ?? '')}` : ''}`;
}
/** The URL of a tag, as trafficStatuses reports it once it serves. */
function tagUrl(s, tag) {
    return s.trafficStatuses?.find((t) => t.tag === tag)?.uri;
}


/***/ })

};
