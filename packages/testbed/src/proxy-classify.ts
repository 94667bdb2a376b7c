// Which AWS operation a request is, from its signature, target header, query action or REST route, and whether
// that operation writes.
// Lambda's REST routes as the API reference lists them
// (https://docs.aws.amazon.com/lambda/latest/api/API_Operations.html); checked against the SDK's model.
const LAMBDA_ROUTES = `
POST /2014-11-13/functions/{FunctionName}/invoke-async InvokeAsync
POST /2015-03-31/event-source-mappings CreateEventSourceMapping
GET /2015-03-31/event-source-mappings ListEventSourceMappings
DELETE /2015-03-31/event-source-mappings/{UUID} DeleteEventSourceMapping
GET /2015-03-31/event-source-mappings/{UUID} GetEventSourceMapping
PUT /2015-03-31/event-source-mappings/{UUID} UpdateEventSourceMapping
POST /2015-03-31/functions CreateFunction
GET /2015-03-31/functions ListFunctions
DELETE /2015-03-31/functions/{FunctionName} DeleteFunction
GET /2015-03-31/functions/{FunctionName} GetFunction
POST /2015-03-31/functions/{FunctionName}/aliases CreateAlias
GET /2015-03-31/functions/{FunctionName}/aliases ListAliases
DELETE /2015-03-31/functions/{FunctionName}/aliases/{Name} DeleteAlias
GET /2015-03-31/functions/{FunctionName}/aliases/{Name} GetAlias
PUT /2015-03-31/functions/{FunctionName}/aliases/{Name} UpdateAlias
PUT /2015-03-31/functions/{FunctionName}/code UpdateFunctionCode
GET /2015-03-31/functions/{FunctionName}/configuration GetFunctionConfiguration
PUT /2015-03-31/functions/{FunctionName}/configuration UpdateFunctionConfiguration
POST /2015-03-31/functions/{FunctionName}/invocations Invoke
POST /2015-03-31/functions/{FunctionName}/policy AddPermission
GET /2015-03-31/functions/{FunctionName}/policy GetPolicy
DELETE /2015-03-31/functions/{FunctionName}/policy/{StatementId} RemovePermission
GET /2015-03-31/functions/{FunctionName}/versions ListVersionsByFunction
POST /2015-03-31/functions/{FunctionName}/versions PublishVersion
GET /2016-08-19/account-settings GetAccountSettings
GET /2017-03-31/tags/{Resource} ListTags
POST /2017-03-31/tags/{Resource} TagResource
DELETE /2017-03-31/tags/{Resource} UntagResource
DELETE /2017-10-31/functions/{FunctionName}/concurrency DeleteFunctionConcurrency
PUT /2017-10-31/functions/{FunctionName}/concurrency PutFunctionConcurrency
GET /2018-10-31/layers?find=LayerVersion GetLayerVersionByArn
GET /2018-10-31/layers ListLayers
GET /2018-10-31/layers/{LayerName}/versions ListLayerVersions
POST /2018-10-31/layers/{LayerName}/versions PublishLayerVersion
DELETE /2018-10-31/layers/{LayerName}/versions/{VersionNumber} DeleteLayerVersion
GET /2018-10-31/layers/{LayerName}/versions/{VersionNumber} GetLayerVersion
POST /2018-10-31/layers/{LayerName}/versions/{VersionNumber}/policy AddLayerVersionPermission
GET /2018-10-31/layers/{LayerName}/versions/{VersionNumber}/policy GetLayerVersionPolicy
DELETE /2018-10-31/layers/{LayerName}/versions/{VersionNumber}/policy/{StatementId} RemoveLayerVersionPermission
DELETE /2019-09-25/functions/{FunctionName}/event-invoke-config DeleteFunctionEventInvokeConfig
GET /2019-09-25/functions/{FunctionName}/event-invoke-config GetFunctionEventInvokeConfig
PUT /2019-09-25/functions/{FunctionName}/event-invoke-config PutFunctionEventInvokeConfig
POST /2019-09-25/functions/{FunctionName}/event-invoke-config UpdateFunctionEventInvokeConfig
GET /2019-09-25/functions/{FunctionName}/event-invoke-config/list ListFunctionEventInvokeConfigs
GET /2019-09-30/functions/{FunctionName}/concurrency GetFunctionConcurrency
DELETE /2019-09-30/functions/{FunctionName}/provisioned-concurrency DeleteProvisionedConcurrencyConfig
GET /2019-09-30/functions/{FunctionName}/provisioned-concurrency?List=ALL ListProvisionedConcurrencyConfigs
GET /2019-09-30/functions/{FunctionName}/provisioned-concurrency GetProvisionedConcurrencyConfig
PUT /2019-09-30/functions/{FunctionName}/provisioned-concurrency PutProvisionedConcurrencyConfig
POST /2020-04-22/code-signing-configs CreateCodeSigningConfig
GET /2020-04-22/code-signing-configs ListCodeSigningConfigs
DELETE /2020-04-22/code-signing-configs/{CodeSigningConfigArn} DeleteCodeSigningConfig
GET /2020-04-22/code-signing-configs/{CodeSigningConfigArn} GetCodeSigningConfig
PUT /2020-04-22/code-signing-configs/{CodeSigningConfigArn} UpdateCodeSigningConfig
GET /2020-04-22/code-signing-configs/{CodeSigningConfigArn}/functions ListFunctionsByCodeSigningConfig
DELETE /2020-06-30/functions/{FunctionName}/code-signing-config DeleteFunctionCodeSigningConfig
GET /2020-06-30/functions/{FunctionName}/code-signing-config GetFunctionCodeSigningConfig
PUT /2020-06-30/functions/{FunctionName}/code-signing-config PutFunctionCodeSigningConfig
GET /2021-07-20/functions/{FunctionName}/runtime-management-config GetRuntimeManagementConfig
PUT /2021-07-20/functions/{FunctionName}/runtime-management-config PutRuntimeManagementConfig
POST /2021-10-31/functions/{FunctionName}/url CreateFunctionUrlConfig
DELETE /2021-10-31/functions/{FunctionName}/url DeleteFunctionUrlConfig
GET /2021-10-31/functions/{FunctionName}/url GetFunctionUrlConfig
PUT /2021-10-31/functions/{FunctionName}/url UpdateFunctionUrlConfig
GET /2021-10-31/functions/{FunctionName}/urls ListFunctionUrlConfigs
POST /2021-11-15/functions/{FunctionName}/response-streaming-invocations InvokeWithResponseStream
GET /2024-08-31/functions/{FunctionName}/recursion-config GetFunctionRecursionConfig
PUT /2024-08-31/functions/{FunctionName}/recursion-config PutFunctionRecursionConfig
`;

interface Route {
  method: string;
  pattern: RegExp;
  query: [string, string][];
  op: string;
  params: string[];
}

function compileRoutes(table: string): Route[] {
  return table
    .trim()
    .split('\n')
    .map((line) => {
      const [method, target, op] = line.trim().split(/\s+/) as [string, string, string];
      const [path, query = ''] = target.split('?') as [string, string?];
      const params: string[] = [];
      const source = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
        params.push(name);
        return '([^/]+)';
      });
      const pairs = query ? [...new URLSearchParams(query)] : [];
      return { method, pattern: new RegExp(`^${source}/?$`), query: pairs, op, params };
    });
}

const ROUTES = compileRoutes(LAMBDA_ROUTES);

// Minimal S3 REST names, enough to tell the deploy's object reads and writes apart.
function s3Op(method: string, path: string, query: URLSearchParams): string {
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return method === 'GET' ? 'ListBuckets' : `Unknown:${method} ${path}`;
  if (parts.length === 1) {
    if (method === 'PUT') return query.has('versioning') ? 'PutBucketVersioning' : 'CreateBucket';
    if (method === 'DELETE') return 'DeleteBucket';
    if (method === 'HEAD') return 'HeadBucket';
    if (method === 'GET') return query.has('versions') ? 'ListObjectVersions' : 'ListObjectsV2';
    if (method === 'POST' && query.has('delete')) return 'DeleteObjects';
  } else {
    if (method === 'PUT') return query.has('uploadId') ? 'UploadPart' : 'PutObject';
    if (method === 'GET') return 'GetObject';
    if (method === 'HEAD') return 'HeadObject';
    if (method === 'DELETE') return 'DeleteObject';
    if (method === 'POST') return query.has('uploads') ? 'CreateMultipartUpload' : 'CompleteMultipartUpload';
  }
  return `Unknown:${method} ${path}`;
}

export type Protocol = 'rest-json' | 'json' | 'query' | 'cbor';

export interface Classified {
  service: string;
  op: string;
  protocol: Protocol;
  qualifier?: string;
  functionName?: string;
}

export function classify(
  method: string,
  rawUrl: string,
  headers: Record<string, string | string[] | undefined>,
  body: Buffer,
): Classified {
  const url = new URL(rawUrl, 'http://proxy.invalid');
  const path = url.pathname;
  const auth = String(headers['authorization'] ?? '');
  const service = /Credential=[^/]+\/\d+\/[^/]+\/([^/]+)\/aws4_request/.exec(auth)?.[1] ?? 'unknown';
  const qualifier = url.searchParams.get('Qualifier') ?? undefined;

  const target = headers['x-amz-target'];
  if (typeof target === 'string' && target) {
    return { service, op: target.slice(target.lastIndexOf('.') + 1), protocol: 'json', qualifier };
  }
  const cbor = /^\/service\/[^/]+\/operation\/([^/]+)$/.exec(path);
  if (cbor) return { service, op: cbor[1]!, protocol: 'cbor', qualifier };
  const contentType = String(headers['content-type'] ?? '');
  if (method === 'POST' && contentType.startsWith('application/x-www-form-urlencoded')) {
    const action = new URLSearchParams(body.toString('utf8')).get('Action');
    if (action) return { service, op: action, protocol: 'query', qualifier };
  }
  if (service === 's3') return { service, op: s3Op(method, path, url.searchParams), protocol: 'rest-json' };

  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const m = route.pattern.exec(path);
    if (!m) continue;
    if (!route.query.every(([k, v]) => url.searchParams.get(k) === v)) continue;
    const i = route.params.indexOf('FunctionName');
    const functionName = i >= 0 ? decodeURIComponent(m[i + 1]!) : undefined;
    return { service, op: route.op, protocol: 'rest-json', qualifier, functionName };
  }
  return { service, op: `Unknown:${method} ${path}`, protocol: 'rest-json', qualifier };
}

/**
 * Reads start with Get, List, Describe, Head or Invoke (Invoke runs code but changes no resource), or are
 * CloudWatch Logs' FilterLogEvents and DynamoDB's Query, Scan and batch or transaction gets.
 */
export function isWrite(op: string): boolean {
  if (op.startsWith('Unknown:')) return !/^Unknown:(GET|HEAD) /.test(op);
  return !/^(Get|List|Describe|Head|Invoke|FilterLogEvents$|Query$|Scan$|BatchGetItem$|TransactGetItems$)/.test(
    op,
  );
}
