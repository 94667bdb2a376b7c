export const id = 836;
export const ids = [836];
export const modules = {

/***/ 7836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   recentMarkdown: () => (/* binding */ recentMarkdown),
/* harmony export */   statsMarkdown: () => (/* binding */ statsMarkdown)
/* harmony export */ });
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
// The job summary tables of a history: delivery figures and recent deployments.

const percent = (x) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
const duration = (ms) => (ms === null ? '–' : (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(ms));
const perDay = (x) => (x >= 1 ? x.toFixed(1) : x.toFixed(2));
function statsMarkdown(stats, where) {
    const s = stats;
    return [
        `#### Delivery over the last ${Math.round(s.period.days)} days (${where})`,
        '',
        (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['figure', 'value'], [
            [
                'deployments',
                `${s.count} (${s.succeeded} succeeded, ${s.failed} failed, ${s.rolledBack} rolled back, ${s.inProgress} in progress)`,
            ],
            ['success rate', percent(s.successRate)],
            ['change failure rate', percent(s.changeFailureRate)],
            ['duration, median', duration(s.durationMs.median)],
            ['duration, p95', duration(s.durationMs.p95)],
            [
                'time to restore, median',
                `${duration(s.timeToRestoreMs.median)} (${s.timeToRestoreMs.restored} restored, ${s.timeToRestoreMs.unrestored} not yet)`,
            ],
            ['rollbacks', String(s.rollbacks)],
            ['hotfixes (succeeded)', `${s.hotfixes.count} (${s.hotfixes.succeeded})`],
            ['deployments per day', perDay(s.deploymentsPerDay)],
            ['successful deployments per day', perDay(s.successfulPerDay)],
        ]),
        '',
    ].join('\n');
}
/** Newest first, at most `limit` rows. */
function recentMarkdown(records, limit = 10) {
    const rows = [...records]
        .sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1))
        .slice(0, limit)
        .map((r) => [
        r.id,
        r.startedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
        `${r.blueVersion || '–'} → ${r.greenVersion}`,
        r.strategy,
        r.status,
        r.endedAt ? (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(Date.parse(r.endedAt) - Date.parse(r.startedAt)) : '–',
        r.actor || '–',
    ]);
    if (rows.length === 0)
        return '';
    return [
        '#### Recent deployments',
        '',
        (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['deployment', 'started', 'versions', 'strategy', 'status', 'took', 'by'], rows),
        '',
    ].join('\n');
}


/***/ })

};
