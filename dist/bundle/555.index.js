export const id = 555;
export const ids = [555];
export const modules = {

/***/ 6555:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readRecordInputs: () => (/* binding */ readRecordInputs),
/* harmony export */   runRecordHistory: () => (/* binding */ runRecordHistory)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
/* harmony import */ var _deploy_actions_history__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4200);
/* harmony import */ var _deploy_actions_history_config__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9488);
/* harmony import */ var _guard__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2284);
/* harmony import */ var _common__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6342);
/* harmony import */ var _history__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(671);






const MAX_REPORT_DAYS = 366;
function readRecordInputs(inputs, env, targets) {
    const history = (0,_deploy_actions_history_config__WEBPACK_IMPORTED_MODULE_2__/* .readHistoryConfig */ .pu)(inputs);
    const statusText = inputs.text('status');
    const reportText = inputs.text('report-days');
    const reportDays = reportText === '' ? undefined : inputs.integer('report-days', 0, 1, MAX_REPORT_DAYS);
    if (statusText === '' && reportDays === undefined) {
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('status', '', 'is required: started, succeeded, failed or rolled-back (or give only report-days for a report)');
    }
    const status = statusText ? (0,_deploy_actions_history__WEBPACK_IMPORTED_MODULE_1__/* .parseStatus */ .i$)(statusText) : undefined;
    const kind = (0,_common__WEBPACK_IMPORTED_MODULE_4__/* .selectTarget */ ._c)(inputs, targets);
    const regionText = inputs.text('aws-region');
    const dynamodb = history.backends.includes('dynamodb');
    const sns = history.notify?.snsTopicArn !== undefined;
    // Checked without DynamoDB too, where it is unused: a typo there should not pass silently.
    const needsRegion = dynamodb || sns || regionText !== '';
    const config = kind.readConfig(inputs, env, { optional: true, region: needsRegion });
    const greenText = inputs.text('green-version');
    const blueText = inputs.text('blue-version');
    const green = greenText ? kind.parseVersion('green-version', greenText) : undefined;
    const blue = blueText ? kind.parseVersion('blue-version', blueText) : undefined;
    const strategy = inputs.text('strategy', { max: 64 });
    const reason = inputs.text('reason', { max: 1000 });
    const idText = inputs.text('deployment-id');
    const approvedBy = (0,_guard__WEBPACK_IMPORTED_MODULE_3__/* .parseApprovedBy */ .Ew)(inputs.text('approved-by'));
    const releaseKind = inputs.oneOf('release-kind', _deploy_actions_history__WEBPACK_IMPORTED_MODULE_1__/* .RELEASE_KINDS */ .ez, 'release');
    // Fields of the release itself: written once, by the step that records its start.
    const startOnly = [
        ['approved-by', approvedBy ?? ''],
        ['release-kind', releaseKind === 'release' ? '' : releaseKind],
    ];
    for (const [name, value] of startOnly) {
        if (value && status !== 'started') {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, 'is recorded with status started only: give it to the step that records the start');
        }
    }
    let id;
    if (status === 'started') {
        if (!config)
            kind.readConfig(inputs, env);
        if (!green)
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('green-version', '', 'is required for status started: the version being released');
        if (blue === green)
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('blue-version', blueText, 'must differ from green-version');
        if (idText)
            id = (0,_deploy_actions_history__WEBPACK_IMPORTED_MODULE_1__/* .checkNewDeploymentId */ .$R)(idText);
    }
    else {
        if (status && idText === '') {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('deployment-id', '', `is required for status ${status}: the deployment-id output of the step that recorded "started"`);
        }
        // Checked on a report too, which does not use it: a malformed id is still a mistake worth naming.
        if (idText)
            id = (0,_deploy_actions_history__WEBPACK_IMPORTED_MODULE_1__/* .checkDeploymentId */ .dM)(idText);
    }
    if (reportDays !== undefined && !config)
        kind.readConfig(inputs, env);
    let aws;
    let notifyAws;
    if (needsRegion) {
        const region = config ? config.aws.region : (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .resolveRegion */ .Zv)(regionText, env);
        if (dynamodb)
            aws = { region, maxAttempts: history.maxAttempts };
        (0,_deploy_actions_history_config__WEBPACK_IMPORTED_MODULE_2__/* .checkTopicRegion */ .MQ)(history.notify, region);
        if (sns)
            notifyAws = { region, maxAttempts: history.maxAttempts };
    }
    const target = config && { environment: history.environment, ...config.history };
    const region = config?.aws.region ?? '';
    return {
        history,
        status,
        id,
        target,
        green,
        blue,
        strategy,
        reason,
        reportDays,
        aws,
        approvedBy,
        releaseKind,
        notifyAws,
        region,
    };
}
/** Records one step of a release in every backend, and reports the history when asked. */
async function runRecordHistory(rt, targets, deps = {}) {
    await (0,_common__WEBPACK_IMPORTED_MODULE_4__/* .runStep */ .eg)(rt, 'Nothing was recorded.', (0,_history__WEBPACK_IMPORTED_MODULE_5__/* .historyInputs */ .ck)(async () => {
        const i = readRecordInputs(new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputReader */ .i_(rt.input), rt.env, targets);
        const run = (0,_deploy_actions_history_config__WEBPACK_IMPORTED_MODULE_2__/* .runContext */ .pO)(rt.env);
        if (i.status === 'started' && i.history.github && !run.commit) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .DeployError */ .sH('GITHUB_SHA is not set: a GitHub deployment needs the commit. record-history runs in a GitHub Actions job.');
        }
        const clock = deps.clock ?? (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .clockFromEnv */ .iQ)(rt.env);
        const history = await (0,_history__WEBPACK_IMPORTED_MODULE_5__/* .openFor */ .qw)(rt, i.history, i.aws, run, clock, deps);
        const now = () => new Date(clock.now()).toISOString();
        const heading = `### record-history: ${i.target ? `${i.target.resource} ` : ''}in ${i.history.environment}`;
        const parts = [];
        let id = i.id;
        let target = i.target;
        if (i.status === 'started') {
            const r = await recordStart(rt, history, i, run, now());
            id = r.id;
            parts.push(`${heading}: started ${id}`, '', (0,_history__WEBPACK_IMPORTED_MODULE_5__/* .outcomesTable */ .ee)(r.rows), '');
            await finishStep(rt, i, history, { at: r.startedAt }, target, parts, clock);
            (0,_history__WEBPACK_IMPORTED_MODULE_5__/* .settle */ .G9)(rt, i.history, r, `The start of deployment ${id} was`);
            await (0,_history__WEBPACK_IMPORTED_MODULE_5__/* .announce */ .iP)(rt, i.history, i.notifyAws, [r.notice], deps);
            return;
        }
        if (i.status) {
            const r = await recordEnd(rt, history, i, i.status, now());
            target ??= r.target;
            parts.push(`${heading}: ${i.status} ${id}`, '', (0,_history__WEBPACK_IMPORTED_MODULE_5__/* .outcomesTable */ .ee)(r.rows), '');
            await finishStep(rt, i, history, { deploymentId: id }, target, parts, clock);
            (0,_history__WEBPACK_IMPORTED_MODULE_5__/* .settle */ .G9)(rt, i.history, r, `The outcome "${i.status}" of deployment ${id} was`);
            await (0,_history__WEBPACK_IMPORTED_MODULE_5__/* .announce */ .iP)(rt, i.history, i.notifyAws, [r.notice], deps);
            return;
        }
        parts.push(`${heading}: report`, '');
        await finishStep(rt, i, history, undefined, target, parts, clock);
    }));
}
async function recordStart(rt, history, i, run, at) {
    const t = i.target;
    const record = {
        id: i.id ?? (0,_deploy_actions_history__WEBPACK_IMPORTED_MODULE_1__/* .defaultDeploymentId */ .SU)(run.runId, `${run.job}/${run.step}`, t, i.region),
        ...t,
        blueVersion: i.blue ?? '',
        greenVersion: i.green,
        strategy: i.strategy || 'unspecified',
        status: 'started',
        startedAt: at,
        commit: run.commit,
        ref: run.ref,
        actor: run.actor,
        runUrl: run.runUrl,
        ...(i.approvedBy && { approvedBy: i.approvedBy }),
        ...(i.releaseKind === 'hotfix' && { releaseKind: 'hotfix' }),
    };
    const started = await history.start(record, run.attempt);
    if (started.newAttempt) {
        rt.info(`Deployment ${record.id} of this run had already ended; job attempt ${run.attempt} is recorded as ${started.id}.`);
    }
    const reported = (0,_history__WEBPACK_IMPORTED_MODULE_5__/* .reportOutcomes */ .sK)(rt, started.outcomes, (v) => ({
        status: v.record.status,
        note: v.created
            ? `recorded deployment ${started.id}${v.record.githubDeploymentId ? ` (GitHub deployment ${v.record.githubDeploymentId})` : ''} as started`
            : `deployment ${started.id} was already recorded (${v.record.status}); nothing added`,
    }));
    rt.setOutput('deployment-id', started.id);
    const recorded = started.outcomes.find((o) => o.ok);
    const notice = recorded?.ok ? recorded.value.record : { ...record, id: started.id };
    return { id: started.id, startedAt: at, notice, ...reported };
}
async function recordEnd(rt, history, i, status, at) {
    const id = i.id;
    let restoredVersion = status === 'rolled-back' ? i.blue : undefined;
    if (status === 'rolled-back' && !restoredVersion) {
        // The version traffic went back to is the blue of the release, unless the step says otherwise.
        restoredVersion = (await history.get(id).catch(() => undefined))?.value?.blueVersion || undefined;
    }
    const outcomes = await history.finish(id, status, {
        endedAt: at,
        ...(i.reason && { reason: i.reason }),
        ...(restoredVersion && { restoredVersion }),
    });
    const reported = (0,_history__WEBPACK_IMPORTED_MODULE_5__/* .reportOutcomes */ .sK)(rt, outcomes, (v) => ({
        status: v.record.status,
        note: v.changed
            ? `recorded deployment ${id} as ${status}`
            : `deployment ${id} was already ${v.record.status}; nothing added`,
    }));
    const known = outcomes.find((o) => o.ok);
    const record = known?.ok ? known.value.record : undefined;
    rt.setOutput('deployment-id', id);
    const target = record && {
        environment: record.environment,
        targetKind: record.targetKind,
        resource: record.resource,
    };
    // What the step knows when no backend could give the record: the notice still goes out.
    const run = (0,_deploy_actions_history_config__WEBPACK_IMPORTED_MODULE_2__/* .runContext */ .pO)(rt.env);
    const notice = record
        ? { ...record, ...(run.runUrl && { runUrl: run.runUrl }) }
        : {
            id,
            status,
            environment: i.history.environment,
            ...i.target,
            ...(i.reason && { reason: i.reason }),
            ...(restoredVersion && { restoredVersion }),
            ...(run.commit && { commit: run.commit }),
            ...(run.actor && { actor: run.actor }),
            ...(run.runUrl && { runUrl: run.runUrl }),
        };
    return { target, notice, ...reported };
}
/** previous-version, and the report when asked; a history that cannot be read only warns here. */
async function finishStep(rt, i, history, before, target, parts, clock) {
    if (target) {
        const what = before && 'deploymentId' in before
            ? ` before ${before.deploymentId}`
            : before
                ? ' before this one'
                : '';
        try {
            const last = await history.lastSuccessful(target, before);
            const version = last.value?.greenVersion ?? '';
            rt.setOutput('previous-version', version);
            rt.info(last.value
                ? `The last successful deployment${what}: ${last.value.id}, version ${version}.`
                : `No successful deployment${what} is recorded.`);
        }
        catch (err) {
            if (err instanceof _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz)
                rt.setOutput('previous-version', '');
            else
                rt.warning(`previous-version is unknown: ${err.message}`);
        }
    }
    if (i.reportDays !== undefined && target) {
        const [{ computeStats, reportPeriod }, { statsMarkdown, recentMarkdown }] = await Promise.all([
            Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 7679)),
            __webpack_require__.e(/* import() */ 836).then(__webpack_require__.bind(__webpack_require__, 7836)),
        ]);
        const period = reportPeriod(clock.now(), i.reportDays);
        const read = await history.between(target, period.from, period.to);
        const stats = computeStats(read.value, period);
        rt.setOutput('stats', JSON.stringify({ ...stats, source: read.backend.name }));
        parts.push(statsMarkdown(stats, read.backend.where), recentMarkdown(read.value));
        rt.info(`${stats.count} deployments in ${i.reportDays} days: success rate ${stats.successRate === null ? '–' : `${(stats.successRate * 100).toFixed(1)}%`}.`);
    }
    await rt.summary(parts.join('\n'));
}


/***/ })

};
