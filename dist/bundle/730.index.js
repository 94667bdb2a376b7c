export const id = 730;
export const ids = [730];
export const modules = {

/***/ 2730:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DynamoDbHistory: () => (/* binding */ DynamoDbHistory),
/* harmony export */   dynamodbClient: () => (/* binding */ dynamodbClient)
/* harmony export */ });
/* unused harmony exports LATEST_SUCCESS_INDEX, TTL_ATTRIBUTE, createTableInput, timeToLiveInput, toItem, itemsFor, fromItem */
/* harmony import */ var _aws_sdk_lib_dynamodb__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8907);
/* harmony import */ var _deploy_actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1398);
/* harmony import */ var _record__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8691);
/* harmony import */ var _config__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9488);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9713);
/* harmony import */ var _format__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8629);
/**
 * Deployment history in one DynamoDB table.
 *
 * Items
 *   record   pk = targetKey: `${environment}#${functionName}:${alias}` for Lambda, as ever, and
 *            `${environment}#${targetKind}:${resource}` for other targets (one target in one environment)
 *            sk = `${startedAt ISO}#${id}` (time order; the id keeps two starts in one ms apart)
 *            successPk = pk, only while status is succeeded (makes the index below sparse)
 *            expiresAt = epoch seconds, startedAt + ttl-days (the table's TTL attribute)
 *   pointer  pk = `deployment#${id}`, sk = `deployment`, recordPk, recordSk, expiresAt
 *            The id lookup. A pointer rather than a GSI on id because GSI reads are only eventually
 *            consistent (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.Reads),
 *            and a start written by one job must be found by the finish in the next; writing the pointer
 *            with attribute_not_exists also makes the id unique, which a GSI cannot.
 *            Record sort keys start with a digit and `deployment` does not, so target queries that bound
 *            sk to times never meet a pointer even if a pointer's pk equals some target's pk.
 *
 * Index `latest-success`: successPk (HASH), endedAt (RANGE), all attributes projected. "The last
 * successful deployment of a target before T" is one Query: successPk = :t AND endedAt < :T, newest first,
 * Limit 1. Only succeeded records carry successPk, so the index holds nothing else.
 */







const LATEST_SUCCESS_INDEX = 'latest-success';
const TTL_ATTRIBUTE = 'expiresAt';
const POINTER_SK = 'deployment';
// Above every `${ISO time}#${id}` sort key ('~' sorts after '#'), below `deployment`.
const TIMES_END = '9999-12-31T23:59:59.999Z~';
const KEY_ATTRIBUTES = ['pk', 'sk', 'successPk', TTL_ATTRIBUTE];
function pointerKey(id) {
    return { pk: `deployment#${id}`, sk: POINTER_SK };
}
/** The table as CreateTable wants it: on-demand, keyed as described above. */
function createTableInput(name) {
    return {
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
            { AttributeName: 'successPk', AttributeType: 'S' },
            { AttributeName: 'endedAt', AttributeType: 'S' },
        ],
        KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
            {
                IndexName: LATEST_SUCCESS_INDEX,
                KeySchema: [
                    { AttributeName: 'successPk', KeyType: 'HASH' },
                    { AttributeName: 'endedAt', KeyType: 'RANGE' },
                ],
                Projection: { ProjectionType: 'ALL' },
            },
        ],
    };
}
/** TTL is switched on by its own call after the table is active. */
function timeToLiveInput(name) {
    return { TableName: name, TimeToLiveSpecification: { Enabled: true, AttributeName: TTL_ATTRIBUTE } };
}
/** The stored item: the record plus its keys, its index key when succeeded, and its expiry. */
function toItem(record, ttlDays = _config__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_TTL_DAYS */ .vh) {
    const pk = (0,_record__WEBPACK_IMPORTED_MODULE_2__/* .targetKey */ .hD)(record);
    const { targetKind, resource, ...rest } = record;
    const item = {
        ...withoutUndefined(rest),
        ...(0,_format__WEBPACK_IMPORTED_MODULE_5__/* .storedTarget */ .P)({ targetKind, resource }),
        pk,
        sk: `${record.startedAt}#${record.id}`,
        [TTL_ATTRIBUTE]: expiresAt(record.startedAt, ttlDays),
    };
    if (record.status === 'succeeded' && record.endedAt !== undefined)
        item.successPk = pk;
    return item;
}
/** Both items of a record, the record and its id pointer: what a bulk import (BatchWriteItem) writes. */
function itemsFor(record, ttlDays = _config__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_TTL_DAYS */ .vh) {
    const item = toItem(record, ttlDays);
    const pointer = {
        ...pointerKey(record.id),
        recordPk: item.pk,
        recordSk: item.sk,
        [TTL_ATTRIBUTE]: item[TTL_ATTRIBUTE],
    };
    return [item, pointer];
}
// DynamoDB TTL wants a Number of epoch seconds
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-before-you-start.html).
function expiresAt(startedAt, ttlDays) {
    return Math.floor(Date.parse(startedAt) / 1000) + ttlDays * 86_400;
}
function fromItem(item) {
    const out = { ...item };
    for (const k of [...KEY_ATTRIBUTES, 'functionName', 'alias', 'targetKind', 'resource'])
        delete out[k];
    const target = (0,_format__WEBPACK_IMPORTED_MODULE_5__/* .readTarget */ ._)(item);
    if (!target)
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .DeployError */ .sH(`the history item ${String(item.pk)} names no target`);
    return { ...out, ...target };
}
function withoutUndefined(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
class DynamoDbHistory {
    client;
    table;
    ttlDays;
    constructor(client, table, opts = {}) {
        this.client = client;
        this.table = table;
        this.ttlDays = opts.ttlDays ?? _config__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_TTL_DAYS */ .vh;
    }
    /**
     * Writes a new `started` record and its id pointer in one transaction. A retried or re-run step finds
     * the pointer taken and gets the existing record back (`created: false`); nothing is written twice.
     */
    async putStarted(input) {
        (0,_record__WEBPACK_IMPORTED_MODULE_2__/* .checkDeploymentId */ .dM)(input.id);
        if (input.status !== 'started')
            throw new Error(`putStarted needs status "started", not "${input.status}"`);
        const record = { ...input, startedAt: (0,_record__WEBPACK_IMPORTED_MODULE_2__/* .isoTime */ .Ly)(input.startedAt, 'startedAt') };
        const [item, pointer] = itemsFor(record, this.ttlDays);
        try {
            await this.call(() => this.client.send(new _aws_sdk_lib_dynamodb__WEBPACK_IMPORTED_MODULE_0__.TransactWriteCommand({
                TransactItems: [
                    {
                        Put: {
                            TableName: this.table,
                            Item: pointer,
                            ConditionExpression: 'attribute_not_exists(pk)',
                        },
                    },
                    { Put: { TableName: this.table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
                ],
            })));
            return { record, created: true };
        }
        catch (err) {
            if (!isConditionCancel(err))
                throw err;
        }
        const existing = await this.get(record.id);
        if (!existing) {
            throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .DeployError */ .sH(`deployment ${record.id} is taken in table ${this.table}, but its record is gone (expired by TTL?); use a new deployment-id`);
        }
        if ((0,_record__WEBPACK_IMPORTED_MODULE_2__/* .targetKey */ .hD)(existing) !== (0,_record__WEBPACK_IMPORTED_MODULE_2__/* .targetKey */ .hD)(record)) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_4__/* .RecordError */ .W(record.id, `already names a deployment of ${(0,_record__WEBPACK_IMPORTED_MODULE_2__/* .targetKey */ .hD)(existing)}, not of ${(0,_record__WEBPACK_IMPORTED_MODULE_2__/* .targetKey */ .hD)(record)}`);
        }
        return { record: existing, created: false };
    }
    /**
     * Ends a started deployment. Only started → final is written; the same final status again returns the
     * record unchanged (`changed: false`); any other change is refused with the statuses named.
     */
    async finish(id, status, fields) {
        (0,_record__WEBPACK_IMPORTED_MODULE_2__/* .checkDeploymentId */ .dM)(id);
        const key = await this.recordKey(id);
        if (!key)
            throw notFound(id, this.table);
        const values = {
            ':status': status,
            ':endedAt': (0,_record__WEBPACK_IMPORTED_MODULE_2__/* .isoTime */ .Ly)(fields.endedAt, 'endedAt'),
        };
        const sets = ['#status = :status', 'endedAt = :endedAt'];
        if (fields.reason !== undefined) {
            sets.push('reason = :reason');
            values[':reason'] = fields.reason;
        }
        if (fields.restoredVersion !== undefined) {
            sets.push('restoredVersion = :restoredVersion');
            values[':restoredVersion'] = fields.restoredVersion;
        }
        if (status === 'succeeded') {
            sets.push('successPk = :pk');
            values[':pk'] = key.pk;
        }
        const updated = await this.updateWhileStarted(key, sets, values);
        if (updated)
            return { record: updated, changed: true };
        // A final status never changes again, so this read sees the status that made the condition fail.
        const current = await this.getByKey(key);
        if (!current)
            throw notFound(id, this.table);
        if ((0,_record__WEBPACK_IMPORTED_MODULE_2__/* .transition */ .kY)(current.status, status) === 'noop')
            return { record: current, changed: false };
        throw new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .DeployError */ .sH(`deployment ${id} already ended "${current.status}"${current.endedAt ? ` at ${current.endedAt}` : ''}; ` +
            `it cannot become "${status}" (only a started deployment can end, once)`);
    }
    /**
     * Sets where a started rollout stands: one UpdateItem of its `progress` field. A record that has ended is
     * left as it is (`changed: false`): a late progress never reopens it.
     */
    async progress(id, progress) {
        (0,_record__WEBPACK_IMPORTED_MODULE_2__/* .checkDeploymentId */ .dM)(id);
        const key = await this.recordKey(id);
        if (!key)
            throw notFound(id, this.table);
        const updated = await this.updateWhileStarted(key, ['progress = :progress'], {
            ':progress': { ...progress, at: (0,_record__WEBPACK_IMPORTED_MODULE_2__/* .isoTime */ .Ly)(progress.at, 'progress.at') },
        });
        if (updated)
            return { record: updated, changed: true };
        const current = await this.getByKey(key);
        if (!current)
            throw notFound(id, this.table);
        return { record: current, changed: false };
    }
    /** One UpdateItem of a record still started; undefined when it has ended (the condition failed). */
    async updateWhileStarted(key, sets, values) {
        try {
            const out = await this.call(() => this.client.send(new _aws_sdk_lib_dynamodb__WEBPACK_IMPORTED_MODULE_0__.UpdateCommand({
                TableName: this.table,
                Key: key,
                UpdateExpression: `SET ${sets.join(', ')}`,
                ConditionExpression: 'attribute_exists(pk) AND #status = :started',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ...values, ':started': 'started' },
                ReturnValues: 'ALL_NEW',
            })));
            return fromItem(out.Attributes);
        }
        catch (err) {
            if ((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorName */ .ZH)(err) !== 'ConditionalCheckFailedException')
                throw err;
            return undefined;
        }
    }
    async get(id) {
        (0,_record__WEBPACK_IMPORTED_MODULE_2__/* .checkDeploymentId */ .dM)(id);
        const key = await this.recordKey(id);
        return key ? this.getByKey(key) : undefined;
    }
    /**
     * The newest succeeded deployment that ended before `before` (a time, or the start of a given
     * deployment); without it, the newest of all. One Query, plus one GetItem to place a deployment id.
     * The index is eventually consistent: a success finished in the last second may not be seen yet.
     */
    async lastSuccessful(target, before) {
        let until;
        if (before && 'at' in before)
            until = (0,_record__WEBPACK_IMPORTED_MODULE_2__/* .isoTime */ .Ly)(before.at, 'before');
        if (before && 'deploymentId' in before) {
            (0,_record__WEBPACK_IMPORTED_MODULE_2__/* .checkDeploymentId */ .dM)(before.deploymentId);
            const key = await this.recordKey(before.deploymentId);
            if (!key)
                throw notFound(before.deploymentId, this.table);
            until = key.sk.slice(0, key.sk.indexOf('#'));
        }
        const out = await this.call(() => this.client.send(new _aws_sdk_lib_dynamodb__WEBPACK_IMPORTED_MODULE_0__.QueryCommand({
            TableName: this.table,
            IndexName: LATEST_SUCCESS_INDEX,
            KeyConditionExpression: until === undefined ? 'successPk = :t' : 'successPk = :t AND endedAt < :before',
            ExpressionAttributeValues: {
                ':t': (0,_record__WEBPACK_IMPORTED_MODULE_2__/* .targetKey */ .hD)(target),
                ...(until === undefined ? {} : { ':before': until }),
            },
            ScanIndexForward: false,
            Limit: 1,
        })));
        const item = out.Items?.[0];
        return item ? fromItem(item) : undefined;
    }
    /**
     * The newest release of a target that has not ended and whose green is `greenVersion`, among the target's
     * OPEN_RELEASE_SCAN newest records: one Query.
     */
    async openRelease(target, greenVersion) {
        return (await this.recent(target, _record__WEBPACK_IMPORTED_MODULE_2__/* .OPEN_RELEASE_SCAN */ .zb)).find((r) => (0,_record__WEBPACK_IMPORTED_MODULE_2__/* .isOpenRelease */ .q1)(r, greenVersion));
    }
    /** The newest `limit` deployments of a target, newest first. */
    async recent(target, limit) {
        if (!(Number.isInteger(limit) && limit >= 1))
            throw new Error(`limit must be a whole number ≥ 1, not ${limit}`);
        return this.query({
            KeyConditionExpression: 'pk = :pk AND sk < :end',
            ExpressionAttributeValues: { ':pk': (0,_record__WEBPACK_IMPORTED_MODULE_2__/* .targetKey */ .hD)(target), ':end': TIMES_END },
            ScanIndexForward: false,
        }, limit);
    }
    /** Deployments of a target started in [from, to), oldest first, every page read. */
    async between(target, from, to) {
        return this.query({
            // sk is `${startedAt}#${id}`: `${from}#…` sorts after from, `${to}#…` after to, so BETWEEN is [from, to).
            KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
            ExpressionAttributeValues: {
                ':pk': (0,_record__WEBPACK_IMPORTED_MODULE_2__/* .targetKey */ .hD)(target),
                ':from': (0,_record__WEBPACK_IMPORTED_MODULE_2__/* .isoTime */ .Ly)(from, 'from'),
                ':to': (0,_record__WEBPACK_IMPORTED_MODULE_2__/* .isoTime */ .Ly)(to, 'to'),
            },
            ScanIndexForward: true,
        });
    }
    async query(input, limit = Infinity) {
        const out = [];
        let start;
        do {
            const page = await this.call(() => this.client.send(new _aws_sdk_lib_dynamodb__WEBPACK_IMPORTED_MODULE_0__.QueryCommand({
                ...input,
                TableName: this.table,
                ExclusiveStartKey: start,
                Limit: Number.isFinite(limit) ? limit - out.length : undefined,
            })));
            for (const item of page.Items ?? [])
                out.push(fromItem(item));
            start = page.LastEvaluatedKey;
        } while (start && out.length < limit);
        return out;
    }
    async recordKey(id) {
        const out = await this.call(() => this.client.send(new _aws_sdk_lib_dynamodb__WEBPACK_IMPORTED_MODULE_0__.GetCommand({ TableName: this.table, Key: pointerKey(id), ConsistentRead: true })));
        if (!out.Item)
            return undefined;
        return { pk: String(out.Item.recordPk), sk: String(out.Item.recordSk) };
    }
    async getByKey(key) {
        const out = await this.call(() => this.client.send(new _aws_sdk_lib_dynamodb__WEBPACK_IMPORTED_MODULE_0__.GetCommand({ TableName: this.table, Key: key, ConsistentRead: true })));
        return out.Item ? fromItem(out.Item) : undefined;
    }
    // One place for the errors a person must act on; everything else (throttling, 5xx) the SDK has retried.
    async call(request) {
        try {
            return await request();
        }
        catch (err) {
            throw mapError(err, this.table);
        }
    }
}
function mapError(err, table) {
    const name = (0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorName */ .ZH)(err);
    if (name === 'ResourceNotFoundException') {
        return new _errors__WEBPACK_IMPORTED_MODULE_4__/* .StoreMissingError */ .g(table, 'names no DynamoDB table in this account and region; create it first (see the record-history README)');
    }
    if (name === 'AccessDeniedException') {
        return new _deploy_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .DeployError */ .sH(`access to DynamoDB table ${table} was denied: ${err.message}`);
    }
    return err;
}
function notFound(id, table) {
    return new _errors__WEBPACK_IMPORTED_MODULE_4__/* .RecordError */ .W(id, `names no deployment in DynamoDB table ${table}`);
}
// A transaction refused only by conditions: some item already exists.
// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html#API_TransactWriteItems_Errors
function isConditionCancel(err) {
    if ((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .awsErrorName */ .ZH)(err) !== 'TransactionCanceledException')
        return false;
    const reasons = err.CancellationReasons ?? [];
    return (reasons.some((r) => r.Code === 'ConditionalCheckFailed') &&
        reasons.every((r) => r.Code !== undefined && ['None', 'ConditionalCheckFailed'].includes(r.Code)));
}
/** A document client for the table, loaded only when needed, built from the suite's one client config. */
async function dynamodbClient(opts) {
    const [{ DynamoDBClient }, { DynamoDBDocumentClient }] = await Promise.all([
        Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4305, 19)),
        Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 8907, 19)),
    ]);
    return DynamoDBDocumentClient.from(new DynamoDBClient((0,_deploy_actions_core__WEBPACK_IMPORTED_MODULE_1__/* .clientConfig */ .yO)(opts)), {
        marshallOptions: { removeUndefinedValues: true },
    });
}


/***/ })

};
