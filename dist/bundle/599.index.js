export const id = 599;
export const ids = [599];
export const modules = {

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

/***/ 1599:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployCloudRun: () => (/* binding */ deployCloudRun)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 7 modules
var src = __webpack_require__(1398);
// EXTERNAL MODULE: ./packages/targets/cloud-run/src/run-api.ts
var run_api = __webpack_require__(3080);
;// CONCATENATED MODULE: ./packages/targets/cloud-run/src/template.ts
// The revision template of green: blue's, with the image, the settings given and green's name. Decisions on
// data, no call.

/** The template to send and the update mask paths that name exactly what it changes. */
function greenTemplate(blue, d) {
    const containers = blue?.containers?.length ? blue.containers : [{}];
    const at = ingressIndex(containers);
    const updated = containers.map((c, i) => (i === at ? withSettings(c, d.image, d.settings) : c));
    const s = d.settings;
    const template = {
        revision: d.revision,
        containers: updated,
        ...(s.minInstances !== undefined && { scaling: { ...blue?.scaling, minInstanceCount: s.minInstances } }),
        ...(s.concurrency !== undefined && { maxInstanceRequestConcurrency: s.concurrency }),
    };
    const mask = [
        'template.revision',
        'template.containers',
        ...(s.minInstances !== undefined ? ['template.scaling.minInstanceCount'] : []),
        ...(s.concurrency !== undefined ? ['template.maxInstanceRequestConcurrency'] : []),
    ];
    return { template, mask };
}
/** The container that serves requests: the only one, or the one with a port (the others are sidecars). */
function ingressIndex(containers) {
    if (containers.length === 1)
        return 0;
    const withPorts = containers.flatMap((c, i) => (c.ports?.length ? [i] : []));
    if (withPorts.length !== 1) {
        throw new src/* DeployError */.sH(`the service runs ${containers.length} containers and ${withPorts.length} of them declare a port: the image goes to the one ingress container, which must be the only one with a port`);
    }
    return withPorts[0];
}
function withSettings(c, image, s) {
    const limits = {
        ...c.resources?.limits,
        ...(s.cpu !== undefined && { cpu: s.cpu }),
        ...(s.memory !== undefined && { memory: s.memory }),
    };
    return {
        ...c,
        image,
        ...(s.env && { env: withEnv(c.env ?? [], s.env) }),
        ...((s.cpu !== undefined || s.memory !== undefined) && { resources: { ...c.resources, limits } }),
    };
}
/** The variables given, in their order, then blue's variables from secrets that are not named (kept). */
function withEnv(before, given) {
    const fromSecrets = before.filter((e) => e.valueSource !== undefined && !(e.name in given));
    return [...Object.entries(given).map(([name, value]) => ({ name, value })), ...fromSecrets];
}
/** The image the ingress container of a revision runs. */
function imageOf(containers) {
    if (!containers?.length)
        return undefined;
    try {
        return containers[ingressIndex(containers)].image;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./packages/targets/cloud-run/src/traffic.ts
var src_traffic = __webpack_require__(7801);
;// CONCATENATED MODULE: ./packages/targets/cloud-run/src/deploy.ts
// deploy-green on Cloud Run: green is a new revision, tagged, with 0% of the traffic. One services.patch
// creates it and sets the traffic explicitly, so that a service whose traffic followed the latest revision
// keeps it on blue (an update with empty traffic would send it all to the new revision:
// https://cloud.google.com/run/docs/rollouts-rollbacks-traffic-migration#deploy-with-no-traffic).




async function deployCloudRun(api, cfg, d, o) {
    const before = await api.getService();
    if (!before)
        return createService(api, cfg, d, o);
    const blue = servingRevision(before, cfg);
    const existing = await api.getRevision(d.revision);
    if (existing) {
        const image = imageOf(existing.containers);
        if (image !== d.image) {
            throw new src/* DeployError */.sH(`Revision ${d.revision} already exists with image ${image ?? '(none)'}, not ${d.image}: give another revision-suffix. Nothing was changed.`);
        }
        o.log.info(`Revision ${d.revision} already exists with ${d.image}: reusing it (a re-run).`);
        return reuse(api, d, o, before, blue);
    }
    const { template, mask } = greenTemplate(before.template, d);
    const traffic = (0,src_traffic/* withTags */.SG)(new Map([[blue, 100]]), before, { tag: d.tag, to: d.revision });
    o.log.info(`Creating revision ${d.revision} (${d.image}) with 0% of the traffic, tag ${d.tag}; ${blue} keeps 100%.`);
    const op = await api.patchService({ etag: before.etag, template, traffic }, [...mask, 'traffic']);
    try {
        await api.wait(op, o.waitTimeoutMs, `deploy of revision ${d.revision}`);
        await requireReady(api, d.revision);
    }
    catch (err) {
        await restoreTraffic(api, before, o);
        throw await failure(api, d.revision, blue, err);
    }
    const after = await api.getService();
    const serving = after
        ? (0,src_traffic/* percents */.hx)(after.trafficStatuses ?? after.traffic, after.latestReadyRevision)
        : undefined;
    if (!after || serving?.get(blue) !== 100) {
        throw new src/* DeployError */.sH(`Revision ${d.revision} is Ready, but service ${cfg.service} no longer sends 100% to ${blue}: someone else changed its traffic.`);
    }
    const greenUrl = (0,src_traffic/* tagUrl */.ak)(after, d.tag);
    return { green: d.revision, blue, changed: true, created: false, ...(greenUrl && { greenUrl }) };
}
/** The one revision that takes all the traffic now; a split in progress is someone's release. */
function servingRevision(s, cfg) {
    const shares = (0,src_traffic/* percents */.hx)(s.traffic, s.latestReadyRevision);
    if (shares.size !== 1) {
        const split = [...shares].map(([r, p]) => `${r} ${p}%`).join(', ');
        throw new src/* DeployError */.sH(`Service ${cfg.service} splits its traffic (${split}): finish that release (shift-traffic) or roll it back first. Nothing was changed.`);
    }
    return [...shares.keys()][0];
}
/** A service that does not exist yet: its first revision takes all the traffic, as a first deploy must. */
async function createService(api, cfg, d, o) {
    const { template } = greenTemplate(undefined, d);
    o.log.info(`Service ${cfg.service} does not exist: creating it with revision ${d.revision} taking all traffic.`);
    const op = await api.createService({
        template,
        traffic: [{ type: run_api/* BY_REVISION */.a6, revision: d.revision, percent: 100, tag: d.tag }],
    });
    try {
        await api.wait(op, o.waitTimeoutMs, `creation of service ${cfg.service}`);
        await requireReady(api, d.revision);
    }
    catch (err) {
        throw await failure(api, d.revision, undefined, err);
    }
    const after = await api.getService();
    const greenUrl = after && (0,src_traffic/* tagUrl */.ak)(after, d.tag);
    return { green: d.revision, blue: d.revision, changed: true, created: true, ...(greenUrl && { greenUrl }) };
}
/** A re-run: the revision exists with this image; it gets the tag (only traffic changes) if it lost it. */
async function reuse(api, d, o, before, blue) {
    await requireReady(api, d.revision).catch(async (err) => {
        throw await failure(api, d.revision, blue, err);
    });
    let service = before;
    const tagged = (before.traffic ?? []).some((t) => t.tag === d.tag && t.revision === d.revision);
    if (d.revision !== blue && !tagged) {
        const traffic = (0,src_traffic/* withTags */.SG)(new Map([[blue, 100]]), before, { tag: d.tag, to: d.revision });
        await api.wait(await api.patchService({ etag: before.etag, traffic }, ['traffic']), o.waitTimeoutMs, `tag ${d.tag} of revision ${d.revision}`);
        service = (await api.getService()) ?? before;
    }
    const greenUrl = (0,src_traffic/* tagUrl */.ak)(service, d.tag);
    return { green: d.revision, blue, changed: false, created: false, ...(greenUrl && { greenUrl }) };
}
async function requireReady(api, revision) {
    const r = await api.getRevision(revision);
    const ready = r && (0,run_api/* readyOf */.Js)(r);
    if (ready?.state !== run_api/* SUCCEEDED */.QQ)
        throw new NotReady(revision, ready?.message || ready?.reason);
}
class NotReady extends Error {
    revision;
    reason;
    constructor(revision, reason) {
        super(`revision ${revision} is not Ready${reason ? `: ${reason}` : ''}`);
        this.revision = revision;
        this.reason = reason;
    }
}
/** The failed deploy in one message: the revision's own condition when it has one, and where traffic is. */
async function failure(api, revision, blue, err) {
    const r = await api.getRevision(revision).catch(() => undefined);
    const ready = r && (0,run_api/* readyOf */.Js)(r);
    const condition = ready && (ready.state === run_api/* FAILED */.Wk || ready.message)
        ? ready.message || ready.reason
        : err instanceof NotReady
            ? err.reason
            : undefined;
    const cause = err instanceof run_api/* OperationError */.OK || err instanceof src/* DeployError */.sH
        ? err.message
        : String(err.message ?? err);
    const where = blue ? ` Traffic is as it was: 100% on ${blue}.` : '';
    const reason = (condition ?? cause).trim().replace(/\.$/, '');
    return new src/* DeployError */.sH(`Revision ${revision} did not become Ready: ${reason}.${where}`);
}
/** After a failed deploy, the traffic as it was before (no tag left on a revision that cannot serve). */
async function restoreTraffic(api, before, o) {
    try {
        const now = await api.getService();
        const op = await api.patchService({ etag: now?.etag, traffic: before.traffic ?? [] }, ['traffic']);
        await api.wait(op, o.waitTimeoutMs, 'restore of the traffic');
    }
    catch (err) {
        o.log.warning(`Could not put the traffic back as it was: ${err.message}`);
    }
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
