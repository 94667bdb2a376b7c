export const id = 231;
export const ids = [231];
export const modules = {

/***/ 1231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sendNotices: () => (/* binding */ sendNotices)
/* harmony export */ });
/* unused harmony exports buildMessage, plainText, slackPayload, snsPublishInput, snsClient */
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1398);
// Notifications of recorded statuses: a Slack incoming webhook and an SNS topic (whose email, chat or paging
// subscribers get it). The messages are built by pure functions; sending never throws: each channel's
// failure comes back as a result for the runner to warn about, after the record is written.

const VERB = {
    started: 'started',
    succeeded: 'succeeded',
    failed: 'FAILED',
    'rolled-back': 'ROLLED BACK',
};
/** The message of a notice, the same on every channel. */
function buildMessage(n) {
    const target = n.resource ? `${n.resource}${n.targetKind ? ` (${n.targetKind})` : ''}` : '';
    const versions = n.greenVersion !== undefined && n.greenVersion !== ''
        ? `${n.blueVersion || '(none)'} → ${n.greenVersion}`
        : '';
    const fields = [
        ['Deployment', n.id],
        ['Status', n.status],
        ['Environment', n.environment],
        ['Target', target],
        ['Blue → green', versions],
        ['Restored', n.restoredVersion ?? ''],
        ['Strategy', n.strategy ?? ''],
        ['Commit', n.commit ? n.commit.slice(0, 12) : ''],
        ['Actor', n.actor ?? ''],
        ['Approver', n.approver ?? n.approvedBy ?? ''],
    ];
    return {
        title: `Deployment ${VERB[n.status]}: ${n.resource ?? n.id} in ${n.environment}`,
        fields: fields.filter(([, v]) => v !== ''),
        ...(n.reason && { reason: n.reason }),
        ...(n.runUrl && { runUrl: n.runUrl }),
    };
}
/** Slack's mrkdwn needs &, < and > escaped: https://api.slack.com/reference/surfaces/formatting#escaping */
function mrkdwn(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
const clip = (s, max) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
/** Plain text, one field a line: the SNS message and Slack's fallback text. */
function plainText(m) {
    return [
        m.title,
        '',
        ...m.fields.map(([k, v]) => `${k}: ${v}`),
        ...(m.reason ? [`Reason: ${m.reason}`] : []),
        ...(m.runUrl ? [`Run: ${m.runUrl}`] : []),
    ].join('\n');
}
/** The webhook's JSON body, `text` plus blocks: https://api.slack.com/messaging/webhooks */
function slackPayload(m) {
    const blocks = [{ type: 'header', text: { type: 'plain_text', text: clip(m.title, 150) } }];
    // A section holds at most 10 fields of at most 2000 characters.
    for (let i = 0; i < m.fields.length; i += 10) {
        blocks.push({
            type: 'section',
            fields: m.fields
                .slice(i, i + 10)
                .map(([k, v]) => ({ type: 'mrkdwn', text: clip(`*${k}*\n${mrkdwn(v)}`, 2000) })),
        });
    }
    if (m.reason) {
        blocks.push({
            type: 'section',
            text: { type: 'mrkdwn', text: clip(`*Reason*\n${mrkdwn(m.reason)}`, 3000) },
        });
    }
    if (m.runUrl) {
        blocks.push({
            type: 'context',
            elements: [
                { type: 'mrkdwn', text: `<${m.runUrl.replace(/[|<>]/g, encodeURIComponent)}|View the run>` },
            ],
        });
    }
    return { text: plainText(m), blocks };
}
/**
 * SNS Publish's input: a subject of at most 100 ASCII characters without line breaks, the plain text, and the
 * status and environment as attributes for subscription filters: https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
 */
function snsPublishInput(m, n, topicArn) {
    // SNS takes printable ASCII only in a subject.
    const ascii = m.title.replace(/→/g, '->').replace(/[^\x20-\x7e]/g, '?');
    const subject = ascii.length > 100 ? `${ascii.slice(0, 97)}...` : ascii;
    const fifo = topicArn.endsWith('.fifo');
    return {
        TopicArn: topicArn,
        Subject: subject,
        Message: plainText(m),
        MessageAttributes: {
            status: { DataType: 'String', StringValue: n.status },
            environment: { DataType: 'String', StringValue: n.environment },
        },
        // A FIFO topic orders per group and drops duplicates by id: one group per environment.
        ...(fifo && {
            MessageGroupId: clip(n.environment, 128),
            MessageDeduplicationId: clip(`${n.id}.${n.status}`.replace(/[^A-Za-z0-9.:_-]/g, '_'), 128),
        }),
    };
}
async function snsClient(opts) {
    const { SNSClient } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(861), __webpack_require__.e(797)]).then(__webpack_require__.t.bind(__webpack_require__, 8797, 19));
    return new SNSClient((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .clientConfig */ .yO)(opts));
}
const SLACK_TIMEOUT_MS = 10_000;
/** Each notice whose status `cfg.on` names, to each channel; results in order, failures included. */
async function sendNotices(cfg, notices, aws, deps = {}) {
    const wanted = notices.filter((n) => cfg.on.includes(n.status));
    const out = [];
    if (wanted.length === 0)
        return out;
    const secrets = cfg.slackWebhookUrl ? secretForms(cfg.slackWebhookUrl) : [];
    const scrub = (text) => secrets.reduce((t, s) => t.split(s).join('***'), text);
    let sns;
    try {
        for (const n of wanted) {
            const m = buildMessage(n);
            if (cfg.slackWebhookUrl) {
                const r = await postSlack(cfg.slackWebhookUrl, slackPayload(m), deps.fetch ?? _deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .proxyFetch */ .Z6);
                out.push({ channel: 'Slack', id: n.id, status: n.status, ok: !r, ...(r && { error: scrub(r) }) });
            }
            if (cfg.snsTopicArn) {
                try {
                    if (!aws)
                        throw new Error('no AWS region is known for the topic');
                    sns ??= await (deps.sns ?? snsClient)(aws);
                    const { PublishCommand } = await Promise.all(/* import() */[__webpack_require__.e(279), __webpack_require__.e(861), __webpack_require__.e(797)]).then(__webpack_require__.t.bind(__webpack_require__, 8797, 19));
                    await sns.send(new PublishCommand(snsPublishInput(m, n, cfg.snsTopicArn)));
                    out.push({ channel: 'SNS', id: n.id, status: n.status, ok: true });
                }
                catch (err) {
                    const name = err instanceof Error && '$metadata' in err ? `${err.name}: ` : '';
                    out.push({
                        channel: 'SNS',
                        id: n.id,
                        status: n.status,
                        ok: false,
                        error: scrub(`Publish to ${cfg.snsTopicArn} failed: ${name}${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)}`),
                    });
                }
            }
        }
    }
    finally {
        sns?.destroy();
    }
    return out;
}
/** The URL as given and as URL prints it, and its path (the secret part), for scrubbing messages. */
function secretForms(url) {
    const forms = new Set([url]);
    try {
        const u = new URL(url);
        forms.add(u.href);
        if (u.pathname.length > 1)
            forms.add(u.pathname);
    }
    catch {
        // parsed before; nothing more to add
    }
    return [...forms].sort((a, b) => b.length - a.length);
}
/** Posts the payload; undefined when Slack took it, else why not. */
async function postSlack(url, payload, doFetch) {
    try {
        const res = await doFetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(payload),
            signal: AbortSignal.timeout(SLACK_TIMEOUT_MS),
            redirect: 'error',
        });
        const body = await res.text().catch(() => '');
        if (res.ok)
            return undefined;
        const detail = body.trim() ? `: ${clip(body.trim().replace(/\s+/g, ' '), 200)}` : '';
        return `the webhook answered HTTP ${res.status}${detail}`;
    }
    catch (err) {
        const cause = err.cause;
        return `the webhook could not be reached: ${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)}${cause ? ` (${(0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(cause)})` : ''}`;
    }
}


/***/ })

};
