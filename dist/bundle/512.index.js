export const id = 512;
export const ids = [512];
export const modules = {

/***/ 6512:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployWithStack: () => (/* binding */ deployWithStack),
  recoverWithRollback: () => (/* binding */ recoverWithRollback)
});

// EXTERNAL MODULE: ./packages/core/src/index.ts + 7 modules
var src = __webpack_require__(1398);
;// CONCATENATED MODULE: ./packages/targets/cloudformation/src/clients.ts

/**
 * The SDKs load only here, after every input was checked, so a Lambda-only run never pays for them. Tests
 * give their own by name (cloudformation, cloudwatch, lambda, s3).
 */
async function openStackClients(aws, given = {}) {
    const pick = (name, fallback) => given[name] ?? fallback;
    const once = (make) => {
        let made;
        return () => (made ??= make(aws));
    };
    const cfn = await pick('cloudformation', async (o) => {
        const { CloudFormationClient } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
        return new CloudFormationClient((0,src/* clientConfig */.yO)(o));
    })(aws);
    return {
        cfn,
        cloudwatch: once(pick('cloudwatch', async (o) => {
            const { CloudWatchClient } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19));
            return new CloudWatchClient((0,src/* clientConfig */.yO)(o));
        })),
        lambda: once(pick('lambda', async (o) => {
            const { LambdaClient } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 1696, 19));
            return new LambdaClient((0,src/* clientConfig */.yO)(o));
        })),
        s3: once(pick('s3', async (o) => {
            const { S3Client } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19));
            return new S3Client((0,src/* clientConfig */.yO)(o));
        })),
    };
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudformation/dist-cjs/index.js
var dist_cjs = __webpack_require__(3805);
;// CONCATENATED MODULE: ./packages/targets/cloudformation/src/stack.ts
// Reading a stack, waiting on it with the SDK's waiters while its events stream into the log, and saying why it
// failed: the first failed resource with its reason, and the stack's final status.


/** The stack, or undefined when none of that name exists (DescribeStacks answers ValidationError). */
async function describeStack(cfn, stack) {
    try {
        const out = await cfn.send(new dist_cjs/* DescribeStacksCommand */.Y47({ StackName: stack }));
        return out.Stacks?.[0];
    }
    catch (err) {
        if ((0,src/* awsErrorName */.ZH)(err) === 'ValidationError' && /does not exist/i.test((0,src/* errorMessage */.gJ)(err)))
            return undefined;
        throw err;
    }
}
/** The newest event's id: events after it belong to the operation about to start. */
async function lastEventId(cfn, stack) {
    const out = await cfn.send(new dist_cjs/* DescribeStackEventsCommand */.Ie9({ StackName: stack }));
    return out.StackEvents?.[0]?.EventId;
}
/** Events newer than `since`, oldest first (DescribeStackEvents lists newest first, a page at a time). */
async function eventsSince(cfn, stack, since) {
    const found = [];
    let token;
    do {
        const out = await cfn.send(new dist_cjs/* DescribeStackEventsCommand */.Ie9({ StackName: stack, NextToken: token }));
        for (const e of out.StackEvents ?? []) {
            if (since && e.EventId === since)
                return found.reverse();
            found.push(e);
        }
        token = out.NextToken;
    } while (token && found.length < 1000);
    return found.reverse();
}
function eventLine(e) {
    const reason = e.ResourceStatusReason ? `: ${e.ResourceStatusReason}` : '';
    return `  ${e.LogicalResourceId} (${e.ResourceType}) ${e.ResourceStatus}${reason}`;
}
const WAITERS = {
    create: dist_cjs/* waitForStackCreateComplete */.UYz,
    update: dist_cjs/* waitForStackUpdateComplete */.Fzu,
    delete: dist_cjs/* waitForStackDeleteComplete */.pKU,
    // Waits for UPDATE_ROLLBACK_COMPLETE after a cancel or a continued rollback.
    rollback: dist_cjs/* waitForStackRollbackComplete */._rV,
};
/**
 * Waits with the SDK's waiter under `timeoutMs` while printing the stack's new events; a stack that ends
 * anywhere but the wanted status is a DeployError naming the first failed resource and the final status.
 */
async function waitStack(o, kind, since) {
    const seen = [];
    let last = since;
    const flush = async () => {
        const fresh = await eventsSince(o.cfn, o.stack, last).catch(() => []);
        for (const e of fresh)
            o.log.info(eventLine(e));
        if (fresh.length)
            last = fresh[fresh.length - 1].EventId;
        seen.push(...fresh);
    };
    const delays = o.delays ?? { min: 5, max: 30 };
    let done = false;
    const streaming = (async () => {
        while (!done) {
            await flush();
            await sleepUnless(() => done, delays.min * 1000);
        }
    })();
    let result;
    try {
        result = await WAITERS[kind]({
            client: o.cfn,
            maxWaitTime: Math.max(2, Math.ceil(o.timeoutMs / 1000)),
            minDelay: delays.min,
            maxDelay: delays.max,
        }, { StackName: o.stack });
    }
    finally {
        done = true;
        await streaming;
    }
    await flush();
    if (result.state === 'SUCCESS')
        return seen;
    const now = kind === 'delete' ? undefined : await describeStack(o.cfn, o.stack).catch(() => undefined);
    if (result.state === 'TIMEOUT')
        throw new src/* DeployError */.sH(`Waited ${(0,src/* formatDuration */.a3)(o.timeoutMs)} (stack-timeout) for stack ${o.stack}; it is still ${now?.StackStatus ?? 'in progress'}. It goes on in CloudFormation: run rollback with stack-name ${o.stack} to cancel it.`);
    throw failure(o.stack, kind, seen, now);
}
/** The first resource that failed, with CloudFormation's reason, and where the stack ended. */
function failure(stack, kind, events, now) {
    const first = events.find((e) => /FAILED$/.test(e.ResourceStatus ?? '') && e.LogicalResourceId !== stack);
    const cause = first
        ? `${first.LogicalResourceId} (${first.ResourceType}) ${first.ResourceStatus}: ${first.ResourceStatusReason ?? 'no reason given'}`
        : 'no failed resource was reported';
    const status = now
        ? `${now.StackStatus}${now.StackStatusReason ? ` (${now.StackStatusReason})` : ''}`
        : 'unknown';
    return new src/* DeployError */.sH(`Stack ${stack} ${kind} failed: ${cause}. The stack is now ${status}.`);
}
function sleepUnless(stop, ms) {
    return new Promise((resolve) => {
        const started = Date.now();
        const tick = () => (stop() || Date.now() - started >= ms ? resolve() : setTimeout(tick, 50));
        tick();
    });
}

;// CONCATENATED MODULE: ./packages/targets/cloudformation/src/changeset.ts
// One change set: created, waited on, listed (action, logical id, type, replacement), and deleted again when it is
// empty or refused, so that nothing is left behind.



// An empty change set FAILS with "The submitted information didn't contain changes. Submit different information
// to create a change set." (https://github.com/aws-cloudformation/rain/issues/94); UpdateStack, and moto's
// CreateChangeSet, say "No updates are to be performed.".
const EMPTY = /didn't contain changes|No updates are to be performed/i;
/** Creates the change set and waits for it; an empty one is deleted again (and its REVIEW stack on a create). */
async function createChangeSet(o, input, log) {
    let id;
    try {
        id = (await o.cfn.send(new dist_cjs/* CreateChangeSetCommand */.YDU(input))).Id ?? '';
    }
    catch (err) {
        if ((0,src/* awsErrorName */.ZH)(err) === 'ValidationError' && EMPTY.test((0,src/* errorMessage */.gJ)(err)))
            return { kind: 'empty', reason: (0,src/* errorMessage */.gJ)(err) };
        throw err;
    }
    log.info(`Change set ${input.ChangeSetName} created (${input.ChangeSetType}); waiting for CloudFormation to list its changes.`);
    const waited = await (0,dist_cjs/* waitForChangeSetCreateComplete */.YGm)({
        client: o.cfn,
        maxWaitTime: Math.max(2, Math.ceil(o.timeoutMs / 1000)),
        minDelay: o.delays?.min ?? 2,
        maxDelay: o.delays?.max ?? 10,
    }, { ChangeSetName: id, StackName: o.stack });
    const described = await describeAll(o.cfn, id, o.stack);
    if (described.Status === 'FAILED') {
        const reason = described.StatusReason ?? 'no reason given';
        await discard(o, id, input.ChangeSetType === 'CREATE');
        if (EMPTY.test(reason))
            return { kind: 'empty', id, reason };
        throw new src/* DeployError */.sH(`Change set for stack ${o.stack} failed: ${reason}. It was deleted; nothing was executed.`);
    }
    if (waited.state !== 'SUCCESS') {
        await discard(o, id, input.ChangeSetType === 'CREATE');
        throw new src/* DeployError */.sH(`Change set for stack ${o.stack} was not ready in time (${described.Status ?? waited.state}); it was deleted and nothing was executed.`);
    }
    return { kind: 'ready', id, changes: (described.Changes ?? []).map((c) => toChange(c.ResourceChange)) };
}
/** Every page of the change set's changes (DescribeChangeSet lists them a page at a time). */
async function describeAll(cfn, id, stack) {
    let first;
    let token;
    do {
        const page = await cfn.send(new dist_cjs/* DescribeChangeSetCommand */.TTT({ ChangeSetName: id, StackName: stack, NextToken: token }));
        if (!first)
            first = page;
        else
            first.Changes = [...(first.Changes ?? []), ...(page.Changes ?? [])];
        token = page.NextToken;
    } while (token);
    return first;
}
function toChange(r) {
    return {
        action: r?.Action ?? '',
        logicalId: r?.LogicalResourceId ?? '',
        type: r?.ResourceType ?? '',
        // Replacement is given for Modify only: True, False or Conditional.
        replacement: r?.Action === 'Modify' ? (r.Replacement ?? 'unknown') : '',
    };
}
/**
 * Deletes an unexecuted change set; a create's leaves its stack in REVIEW_IN_PROGRESS, which is deleted too
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-changesets-delete.html).
 */
async function discard(o, id, create) {
    await o.cfn.send(new dist_cjs/* DeleteChangeSetCommand */.$GE({ ChangeSetName: id, StackName: o.stack }));
    if (create) {
        await o.cfn.send(new dist_cjs/* DeleteStackCommand */.fAr({ StackName: o.stack }));
        await waitStack({ ...o, timeoutMs: Math.min(o.timeoutMs, 600_000) }, 'delete', undefined).catch((err) => {
            o.log.warning(`Stack ${o.stack} (REVIEW_IN_PROGRESS) may not be deleted yet: ${(0,src/* errorMessage */.gJ)(err)}`);
        });
    }
}
/** The changes as log lines. */
function changeLines(changes) {
    if (!changes.length)
        return ['  (CloudFormation lists no resource changes)'];
    return changes.map((c) => `  ${c.action.padEnd(7)} ${c.logicalId} (${c.type})${c.replacement ? ` replacement: ${c.replacement}` : ''}`);
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch/dist-cjs/index.js
var client_cloudwatch_dist_cjs = __webpack_require__(4085);
;// CONCATENATED MODULE: ./packages/targets/cloudformation/src/alarms.ts


/**
 * rollback-alarms as ARNs, as RollbackTrigger wants them; a name that matches no alarm is the input's error,
 * found by a read before any write.
 */
async function resolveAlarmArns(clients, alarms) {
    const names = alarms.filter((a) => !a.startsWith('arn:'));
    if (!names.length)
        return alarms;
    const cw = await clients.cloudwatch();
    const found = new Map();
    let token;
    do {
        const out = await cw.send(new client_cloudwatch_dist_cjs.DescribeAlarmsCommand({
            AlarmNames: names,
            AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
            NextToken: token,
        }));
        for (const a of [...(out.MetricAlarms ?? []), ...(out.CompositeAlarms ?? [])])
            if (a.AlarmName && a.AlarmArn)
                found.set(a.AlarmName, a.AlarmArn);
        token = out.NextToken;
    } while (token);
    const missing = names.filter((n) => !found.has(n));
    if (missing.length)
        throw new src/* InputError */.dz('rollback-alarms', missing.join(', '), 'names no CloudWatch alarm in this account and region');
    return alarms.map((a) => found.get(a) ?? a);
}

// EXTERNAL MODULE: ./packages/targets/cloudformation/src/template.ts
var template = __webpack_require__(5283);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var client_s3_dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./packages/targets/cloudformation/src/inputs.ts + 1 modules
var inputs = __webpack_require__(509);
;// CONCATENATED MODULE: ./packages/targets/cloudformation/src/upload.ts



/**
 * TemplateBody, or over 51,200 bytes the template uploaded to template-bucket and its TemplateURL (the limit:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateChangeSet.html).
 */
async function templateSource(clients, i, clock) {
    if (Buffer.byteLength(i.body, 'utf8') <= inputs/* MAX_BODY_BYTES */.YK || !i.templateBucket)
        return { TemplateBody: i.body };
    const sha = (0,external_node_crypto_.createHash)('sha256').update(i.body).digest('hex').slice(0, 16);
    const key = `deploy-green/${i.stackName}/${clock.now()}-${sha}.template`;
    const s3 = await clients.s3();
    await s3.send(new client_s3_dist_cjs/* PutObjectCommand */.wKZ({ Bucket: i.templateBucket, Key: key, Body: i.body }));
    const region = await s3.config.region();
    return { TemplateURL: `https://${i.templateBucket}.s3.${region}.amazonaws.com/${key}` };
}

;// CONCATENATED MODULE: ./packages/targets/cloudformation/src/deploy.ts
// A stack created or updated through one change set, its changes printed before it executes.







async function deployStack(o) {
    const { inputs: i, log } = o;
    const w = {
        cfn: o.clients.cfn,
        stack: i.stackName,
        log,
        timeoutMs: i.timeoutMs,
        ...(o.delays && { delays: o.delays }),
    };
    const existing = await prepare(w, i.recreateFailed);
    const type = existing ? 'UPDATE' : 'CREATE';
    const parameters = await parametersFor(o, existing);
    const triggers = await resolveAlarmArns(o.clients, i.rollbackAlarms);
    const source = await templateSource(o.clients, i, o.clock);
    const name = `deploy-green-${o.clock.now()}`;
    const created = await createChangeSet(w, { ...changeSetInput(o, name, type, parameters, triggers), ...source }, log);
    if (created.kind === 'empty') {
        log.info(`Stack ${i.stackName}: no changes (${created.reason}); nothing executed.`);
        return {
            changed: false,
            changeSetId: '',
            changes: [],
            outputs: outputsOf(existing),
            status: existing?.StackStatus ?? '',
        };
    }
    log.info(`Change set ${name} for stack ${i.stackName}:`);
    for (const line of changeLines(created.changes))
        log.info(line);
    const moved = created.changes.find((c) => c.type === 'AWS::Lambda::Alias' && !i.plan.heldAliases.includes(c.logicalId));
    if (moved) {
        await discard(w, created.id, type === 'CREATE');
        throw (0,template/* aliasRefusal */.tO)(i.stackName, moved.logicalId, i.plan);
    }
    const since = await lastEventId(w.cfn, i.stackName);
    await w.cfn.send(new dist_cjs/* ExecuteChangeSetCommand */.PB_({ ChangeSetName: created.id, StackName: i.stackName }));
    log.info(`Executing change set ${name}; waiting at most ${Math.round(i.timeoutMs / 60_000)}m (stack-timeout).`);
    await waitStack(w, type === 'CREATE' ? 'create' : 'update', since);
    const after = await describeStack(w.cfn, i.stackName);
    log.info(`Stack ${i.stackName} is ${after?.StackStatus}.`);
    return {
        changed: true,
        changeSetId: created.id,
        changes: created.changes,
        outputs: outputsOf(after),
        status: after?.StackStatus ?? '',
    };
}
function changeSetInput(o, name, type, parameters, triggers) {
    const { inputs: i } = o;
    return {
        StackName: i.stackName,
        ChangeSetName: name,
        ChangeSetType: type,
        Parameters: parameters,
        Capabilities: i.capabilities.length ? i.capabilities : undefined,
        Tags: i.tags.length ? i.tags : undefined,
        RoleARN: i.roleArn,
        Description: o.description.slice(0, 1024) || undefined,
        // Native rollback triggers: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-rollback-triggers.html
        ...((triggers.length || i.monitoringMinutes !== undefined) && {
            RollbackConfiguration: {
                RollbackTriggers: triggers.map((Arn) => ({ Arn, Type: 'AWS::CloudWatch::Alarm' })),
                MonitoringTimeInMinutes: i.monitoringMinutes,
            },
        }),
    };
}
// Stack status codes: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/view-stack-events.html#cfn-console-view-stack-data-resources-status-codes
const UPDATABLE = /^(CREATE_COMPLETE|UPDATE_COMPLETE|UPDATE_ROLLBACK_COMPLETE|IMPORT_COMPLETE|IMPORT_ROLLBACK_COMPLETE)$/;
/**
 * The stack to update, or undefined to create one. An unexecuted create (REVIEW_IN_PROGRESS) is deleted and made
 * again; a failed create (ROLLBACK_COMPLETE) can only be deleted, which recreate-failed allows.
 */
async function prepare(w, recreateFailed) {
    const stack = await describeStack(w.cfn, w.stack);
    const status = stack?.StackStatus ?? '';
    if (!stack || status === 'DELETE_COMPLETE')
        return undefined;
    if (UPDATABLE.test(status))
        return stack;
    if (status === 'REVIEW_IN_PROGRESS') {
        w.log.info(`Stack ${w.stack} is REVIEW_IN_PROGRESS: a create change set was never executed. Deleting it to create the stack again.`);
        return recreate(w);
    }
    if (status === 'ROLLBACK_COMPLETE') {
        if (!recreateFailed)
            throw new src/* DeployError */.sH(`Stack ${w.stack} is ROLLBACK_COMPLETE: its creation failed and CloudFormation cannot update it, only delete it. Set recreate-failed: true to delete and create it again, or delete it yourself. Nothing was changed.`);
        w.log.info(`Stack ${w.stack} is ROLLBACK_COMPLETE (its creation failed); recreate-failed: deleting it to create it again.`);
        return recreate(w);
    }
    if (status === 'UPDATE_ROLLBACK_FAILED')
        throw new src/* DeployError */.sH(`Stack ${w.stack} is UPDATE_ROLLBACK_FAILED: run rollback with stack-name ${w.stack} (and resources-to-skip if needed) to finish its rollback first. Nothing was changed.`);
    throw new src/* DeployError */.sH(`Stack ${w.stack} is ${status}${stack.StackStatusReason ? ` (${stack.StackStatusReason})` : ''}: another operation is in progress or the stack needs attention. Nothing was changed.`);
}
async function recreate(w) {
    const since = await lastEventId(w.cfn, w.stack);
    await w.cfn.send(new dist_cjs/* DeleteStackCommand */.fAr({ StackName: w.stack }));
    await waitStack(w, 'delete', since);
    return undefined;
}
/**
 * The parameters given; on an update, the stack's others keep their values (as `aws cloudformation deploy`
 * does). Those holding an alias's FunctionVersion get the live version.
 */
async function parametersFor(o, existing) {
    const { inputs: i } = o;
    const values = new Map(i.parameters);
    if (i.plan.versionParameters.length) {
        const live = await o.liveVersion(existing);
        for (const p of i.plan.versionParameters) {
            if (live === undefined)
                continue;
            o.log.info(`Parameter ${p} holds the alias's FunctionVersion: set to the live version ${live}.`);
            values.set(p, live);
        }
    }
    const before = new Set((existing?.Parameters ?? []).map((p) => p.ParameterKey));
    const out = [];
    for (const [key, { hasDefault }] of i.template.parameters) {
        if (values.has(key))
            out.push({ ParameterKey: key, ParameterValue: values.get(key) });
        else if (before.has(key))
            out.push({ ParameterKey: key, UsePreviousValue: true });
        else if (!hasDefault)
            throw new src/* DeployError */.sH(`Stack ${i.stackName}: template parameter ${key} has no Default and is not given in parameters. Nothing was changed.`);
    }
    return out.length ? out : undefined;
}
function outputsOf(stack) {
    return Object.fromEntries((stack?.Outputs ?? []).map((x) => [x.OutputKey ?? '', x.OutputValue ?? '']));
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-lambda/dist-cjs/index.js
var client_lambda_dist_cjs = __webpack_require__(1696);
;// CONCATENATED MODULE: ./packages/targets/cloudformation/src/green.ts
// After the stack: the function it holds, found by function-name or a stack output, and the version to release,
// published by the Lambda deployer or (version-output) already published by the stack.


const FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:([A-Za-z0-9_-]+)(?::([^:]+))?$/;
/** The output's value, or a DeployError listing the outputs the stack has. */
function output(stack, outputs, key, input) {
    const value = outputs[key];
    if (value)
        return value;
    const has = Object.keys(outputs).join(', ') || 'none';
    throw new src/* DeployError */.sH(`Stack ${stack} has no output ${key} (${input}); its outputs: ${has}. Add the output to the template, or give function-name.`);
}
/** A function name from a name or a function ARN (an output of !GetAtt Fn.Arn or !Ref Fn). */
function functionFrom(value) {
    return FUNCTION_ARN.exec(value)?.[1] ?? value;
}
/** version-output: a version number, or a version ARN as !Ref of an AWS::Lambda::Version gives it. */
function versionFrom(stack, key, value) {
    const version = FUNCTION_ARN.exec(value)?.[2] ?? value;
    if (!/^\d+$/.test(version))
        throw new src/* DeployError */.sH(`Stack ${stack} output ${key} (version-output) is "${value}", not a published version number or version ARN.`);
    return version;
}
async function readAlias(lambda, fn, alias) {
    try {
        return await lambda.send(new client_lambda_dist_cjs/* GetAliasCommand */.MES({ FunctionName: fn, Name: alias }));
    }
    catch (err) {
        if ((0,src/* awsErrorName */.ZH)(err) === 'ResourceNotFoundException')
            return undefined;
        throw err;
    }
}
/**
 * The version the alias serves, for parameters that hold an alias's FunctionVersion. A split is refused: the
 * stack would write one version and drop the other's weight.
 */
async function liveVersion(clients, fn, alias) {
    const a = await readAlias(await clients.lambda(), fn, alias);
    if (a && Object.keys(a.RoutingConfig?.AdditionalVersionWeights ?? {}).length)
        throw new src/* DeployError */.sH(`Alias "${alias}" of ${fn} is split between versions: a deployment is in progress. Finish it with shift-traffic or undo it with rollback first. Nothing was changed.`);
    return a?.FunctionVersion;
}
/** version-output: green is the stack's version; blue what the alias serves, or green on a first deploy. */
async function releaseStackVersion(clients, fn, alias, green, log) {
    const lambda = await clients.lambda();
    const live = await readAlias(lambda, fn, alias);
    if (live) {
        log.info(`The stack published v${green} of ${fn}; alias "${alias}" serves v${live.FunctionVersion}.`);
        return { green, blue: live.FunctionVersion ?? '', aliasCreated: false };
    }
    await lambda.send(new client_lambda_dist_cjs/* CreateAliasCommand */.W_e({ FunctionName: fn, Name: alias, FunctionVersion: green }));
    log.info(`Created alias "${alias}" on v${green} (first deploy).`);
    return { green, blue: '', aliasCreated: true };
}

;// CONCATENATED MODULE: ./packages/targets/cloudformation/src/recover.ts
// rollback with stack-name: an update in progress is cancelled, a rollback that failed is continued; either way the
// stack ends UPDATE_ROLLBACK_COMPLETE, on its previous template.



// States a stack rests in: nothing to roll back.
const AT_REST = /^(CREATE_COMPLETE|UPDATE_COMPLETE|UPDATE_ROLLBACK_COMPLETE|IMPORT_COMPLETE|IMPORT_ROLLBACK_COMPLETE)$/;
async function recoverStack(o) {
    const w = {
        cfn: o.cfn,
        stack: o.stack,
        log: o.log,
        timeoutMs: o.timeoutMs,
        ...(o.delays && { delays: o.delays }),
    };
    const stack = await describeStack(o.cfn, o.stack);
    if (!stack)
        throw new src/* DeployError */.sH(`Stack ${o.stack} does not exist in this account and region. Nothing was changed.`);
    const before = stack.StackStatus ?? '';
    if (o.resourcesToSkip.length && before !== 'UPDATE_ROLLBACK_FAILED')
        throw new src/* DeployError */.sH(`resources-to-skip applies to a stack in UPDATE_ROLLBACK_FAILED; stack ${o.stack} is ${before}. Nothing was changed.`);
    const since = await lastEventId(o.cfn, o.stack);
    let action;
    if (before === 'UPDATE_IN_PROGRESS') {
        // https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CancelUpdateStack.html
        await o.cfn.send(new dist_cjs/* CancelUpdateStackCommand */.v6j({ StackName: o.stack }));
        o.log.info(`Stack ${o.stack} was UPDATE_IN_PROGRESS: update cancelled; waiting for its rollback.`);
        action = 'cancelled';
    }
    else if (before === 'UPDATE_ROLLBACK_FAILED') {
        // https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ContinueUpdateRollback.html
        await o.cfn.send(new dist_cjs/* ContinueUpdateRollbackCommand */.cAj({
            StackName: o.stack,
            ...(o.resourcesToSkip.length && { ResourcesToSkip: o.resourcesToSkip }),
        }));
        const skipped = o.resourcesToSkip.length ? `, skipping ${o.resourcesToSkip.join(', ')}` : '';
        o.log.info(`Stack ${o.stack} was UPDATE_ROLLBACK_FAILED: rollback continued${skipped}; waiting for it.`);
        action = 'continued';
    }
    else if (/^UPDATE_ROLLBACK_(COMPLETE_CLEANUP_)?IN_PROGRESS$/.test(before)) {
        o.log.info(`Stack ${o.stack} is already ${before}; waiting for its rollback.`);
        action = 'waited';
    }
    else if (AT_REST.test(before)) {
        o.log.info(`Stack ${o.stack} is ${before}: no update in progress and no failed rollback, nothing to roll back.`);
        return { before, after: before, action: 'nothing' };
    }
    else {
        throw new src/* DeployError */.sH(`Stack ${o.stack} is ${before}: rollback cancels an update in progress or continues a failed rollback, neither applies. Nothing was changed.`);
    }
    await waitStack(w, 'rollback', since);
    const after = (await describeStack(o.cfn, o.stack))?.StackStatus ?? '';
    o.log.info(`Stack ${o.stack} is ${after}.`);
    return { before, after, action };
}

;// CONCATENATED MODULE: ./packages/targets/cloudformation/src/run.ts
// Loaded only when stack-name is given: the stack, then the function it holds; rollback's stack recovery.





async function deployWithStack(lambda, cfg, d, ctx) {
    const i = d.stack;
    const clients = await openStackClients(cfg.aws, ctx.clients);
    const alias = cfg.alias ?? 'live';
    const stack = await deployStack({
        clients,
        inputs: i,
        log: ctx.log,
        clock: ctx.clock,
        description: ctx.description,
        liveVersion: async (existing) => {
            // Before an update the function may be known only from the stack's outputs as they are.
            const fn = cfg.functionName || (i.functionOutput && outputsOf(existing)[i.functionOutput]);
            return fn ? liveVersion(clients, functionFrom(fn), alias) : undefined;
        },
    });
    if (!cfg.functionName && !i.functionOutput)
        return { stack };
    const fn = cfg.functionName ||
        functionFrom(output(i.stackName, stack.outputs, i.functionOutput, 'function-output'));
    if (i.versionOutput) {
        const green = versionFrom(i.stackName, i.versionOutput, output(i.stackName, stack.outputs, i.versionOutput, 'version-output'));
        return { stack, version: { fn, ...(await releaseStackVersion(clients, fn, alias, green, ctx.log)) } };
    }
    const fnCfg = cfg.functionName ? cfg : d.configFor(fn);
    ctx.log.info(`Publishing a version of ${fn}, the function of stack ${i.stackName}.`);
    return { stack, fn: await lambda.deploy.run(fnCfg, d.lambda, ctx) };
}
/** rollback with stack-name: the stack first; traffic moves only when function-name is given too. */
async function recoverWithRollback(cfg, x, ctx) {
    const clients = await openStackClients(cfg.aws, ctx.clients);
    const r = await recoverStack({
        cfn: clients.cfn,
        stack: cfg.stack,
        resourcesToSkip: x.resourcesToSkip,
        timeoutMs: x.timeoutMs,
        log: ctx.log,
    });
    const changed = r.action !== 'nothing';
    return {
        traffic: !!cfg.functionName,
        outputs: { 'stack-status': r.after, 'stack-changed': String(changed) },
        summary: [
            `#### Stack ${cfg.stack}`,
            '',
            (0,src/* table */.tp)(['before', 'action', 'after'], [[r.before, r.action, r.after]]),
            '',
        ],
        record: { fromVersion: r.before, toVersion: r.after, changed },
    };
}


/***/ })

};
