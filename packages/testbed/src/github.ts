// A local GitHub Deployments API: every request and every response is checked against GitHub's published
// OpenAPI description (@octokit/openapi), so a call GitHub would reject fails a test here too.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';

type Json = Record<string, unknown>;

export type DeploymentState =
  'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';

export interface GitHubOptions {
  owner?: string;
  repo?: string;
  token?: string;
  /** Commit status contexts that are not green: a deployment that checks them gets 409. */
  failingContexts?: string[];
}

export interface GitHubCall {
  method: string;
  path: string;
  /** Raw query string without '?', '' when none. */
  query: string;
  status: number;
  operationId?: string;
  /** Answered by an injected fault, not served. */
  injected?: boolean;
}

/** An outage or throttling to inject: the next `times` matching requests (all of them when omitted). */
export interface GitHubFault {
  status: 429 | 500 | 502 | 503;
  times?: number;
  /** Only these operations (e.g. repos/create-deployment-status); every one when omitted. */
  operations?: string[];
  /** Sent with the fault, e.g. retry-after. */
  headers?: Record<string, string>;
}

export interface GitHubViolation {
  method: string;
  path: string;
  operationId?: string;
  /** request: GitHub would reject it; response: this fake sent something off-spec (a bug here). */
  kind: 'request' | 'response' | 'auth' | 'unserved';
  messages: string[];
}

export interface FakeDeployment {
  id: number;
  ref: string;
  sha: string;
  task: string;
  environment: string;
  original_environment: string;
  payload: Json | string;
  description: string | null;
  transient_environment: boolean;
  production_environment: boolean;
  created_at: string;
  updated_at: string;
  /** As requested (GitHub's default true when omitted). */
  auto_merge: boolean;
  /** As requested; null when omitted (GitHub then checks every context). */
  required_contexts: string[] | null;
  /** State of the latest status, 'pending' before any. */
  state: DeploymentState;
}

export interface FakeDeploymentStatus {
  id: number;
  deployment_id: number;
  state: DeploymentState;
  description: string;
  environment: string;
  log_url: string;
  target_url: string;
  environment_url: string;
  created_at: string;
  /** True when GitHub added it (auto_inactive), not the client. */
  auto: boolean;
}

export interface FakeEnvironmentSettings {
  /** Users who may approve: a required_reviewers protection rule when any. */
  reviewers?: string[];
  /** Seconds: a wait_timer protection rule. */
  waitTimer?: number;
}

export interface FakeApproval {
  login: string;
  /** The environments reviewed; default the one environment named by the test. */
  environments: string[];
  state?: 'approved' | 'rejected' | 'pending';
  comment?: string;
}

export interface GitHubServer {
  url: string;
  owner: string;
  repo: string;
  token: string;
  calls: GitHubCall[];
  violations: GitHubViolation[];
  /** Oldest first. */
  deployments(): FakeDeployment[];
  /** Oldest first; throws for an unknown deployment. */
  statuses(deploymentId: number): FakeDeploymentStatus[];
  setFailingContexts(contexts: string[], state?: 'pending' | 'failure' | 'error'): void;
  /** Replaces the injected fault; undefined ends it. */
  setFault(fault: GitHubFault | undefined): void;
  /** Creates or replaces an environment (names are not case sensitive); `reviewers` are logins. */
  setEnvironment(name: string, settings?: FakeEnvironmentSettings): void;
  /** The review log of a workflow run (GET .../actions/runs/{run_id}/approvals), oldest first. */
  setApprovals(runId: number, approvals: FakeApproval[]): void;
  stop(): Promise<void>;
}

// The operations served; only these are compiled out of the (large) description.
const OPERATIONS = [
  'repos/get',
  'repos/list-deployments',
  'repos/create-deployment',
  'repos/get-deployment',
  'repos/delete-deployment',
  'repos/list-deployment-statuses',
  'repos/create-deployment-status',
  'repos/get-deployment-status',
  'repos/get-environment',
  'actions/get-reviews-for-run',
] as const;
type OperationId = (typeof OPERATIONS)[number];

const DOCS = 'https://docs.github.com/rest/deployments';
const COMPONENTS_ID = 'github-components';

interface CompiledParam {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  type: string | undefined;
  validate: ValidateFunction;
}

interface CompiledOperation {
  operationId: OperationId;
  method: string;
  template: string;
  pattern: RegExp;
  pathParamNames: string[];
  params: CompiledParam[];
  body?: { required: boolean; validate: ValidateFunction };
  /** Status code -> schema of its JSON body; null when the status has no JSON body. */
  responses: Map<string, ValidateFunction | null>;
  simple422: boolean;
}

interface Spec {
  operations: CompiledOperation[];
  repoExample: Json;
  generic: { basicError: ValidateFunction; validationError: ValidateFunction };
}

let spec: Spec | undefined;

// OpenAPI 3.0 `nullable` is not JSON Schema: turn it into a null type, and point refs at the components doc.
function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === 'nullable' || k === 'example' || k === 'examples') continue;
    out[k] = k === '$ref' && typeof v === 'string' ? v.replace(/^#/, `${COMPONENTS_ID}#`) : convert(v);
  }
  if ((node as Json).nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

// Follows refs through parameters and responses too, collecting the schema names they reach.
function collectSchemaRefs(node: unknown, doc: Json, into: Set<string>): void {
  if (Array.isArray(node)) return node.forEach((n) => collectSchemaRefs(n, doc, into));
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === '$ref' && typeof v === 'string') {
      const name = v.startsWith('#/components/schemas/')
        ? v.slice('#/components/schemas/'.length)
        : undefined;
      if (name === undefined) collectSchemaRefs(resolve(doc, { $ref: v }), doc, into);
      else if (!into.has(name)) {
        into.add(name);
        collectSchemaRefs(resolve(doc, { $ref: v }), doc, into);
      }
    } else if (k !== 'examples' && k !== 'example') collectSchemaRefs(v, doc, into);
  }
}

function resolve(doc: Json, node: unknown): Json {
  let n = node as Json;
  while (typeof n.$ref === 'string') {
    n = n.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<Json>((o, key) => o[key] as Json, doc);
  }
  return n;
}

function loadSpec(): Spec {
  if (spec) return spec;
  const require = createRequire(import.meta.url);
  // api.github.com.json keeps $refs (13 MB); the .deref variant is several times larger.
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Json;
  const components = doc.components as Json;
  const schemas = components.schemas as Json;
  const paths = doc.paths as Record<string, Record<string, Json>>;

  const found: { id: OperationId; method: string; template: string; op: Json }[] = [];
  for (const [template, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (OPERATIONS.includes(op.operationId as OperationId)) {
        found.push({ id: op.operationId as OperationId, method: method.toUpperCase(), template, op });
      }
    }
  }
  const missing = OPERATIONS.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw new Error(`@octokit/openapi lacks operations: ${missing.join(', ')}`);

  const used = new Set<string>(['basic-error', 'validation-error', 'validation-error-simple']);
  for (const f of found) collectSchemaRefs([f.op.parameters, f.op.requestBody, f.op.responses], doc, used);
  for (const name of [...used]) collectSchemaRefs(schemas[name], doc, used);
  // Only the reachable schemas: compiling all of GitHub's would take far longer than the tests.
  const subset: Json = {};
  for (const name of used) subset[name] = convert(schemas[name]);

  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormatsPlugin(ajv);
  // GitHub sends "" for unset URLs while declaring `format: uri` with `default: ""`: accept exactly that.
  ajv.addFormat('uri', (s: string) => s === '' || /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(s));
  ajv.addSchema({ $id: COMPONENTS_ID, components: { schemas: subset } });
  const compile = (schema: unknown) => ajv.compile(convert(schema) as Json);

  const operations = found.map(({ id, method, template, op }): CompiledOperation => {
    const params = ((op.parameters as unknown[]) ?? []).map((p) => {
      const param = resolve(doc, p);
      const schema = param.schema as Json;
      return {
        name: param.name as string,
        in: param.in as 'path' | 'query',
        required: param.required === true,
        type: schema.type as string | undefined,
        validate: compile(schema),
      };
    });
    let body: CompiledOperation['body'];
    if (op.requestBody) {
      const rb = resolve(doc, op.requestBody);
      const content = (rb.content as Json)['application/json'] as Json;
      body = { required: rb.required === true, validate: compile(content.schema) };
    }
    const responses = new Map<string, ValidateFunction | null>();
    let simple422 = false;
    for (const [code, r] of Object.entries(op.responses as Json)) {
      const res = resolve(doc, r);
      const content = (res.content as Json | undefined)?.['application/json'] as Json | undefined;
      responses.set(code, content?.schema ? compile(content.schema) : null);
      if (code === '422') simple422 = JSON.stringify(r).includes('validation_failed_simple');
    }
    const pathParamNames = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, '([^/]+)')}/?$`);
    return { operationId: id, method, template, pattern, pathParamNames, params, body, responses, simple422 };
  });

  const examples = components.examples as Json;
  const repoExample = (examples['full-repository-default-response'] as Json).value as Json;
  spec = {
    operations,
    repoExample,
    generic: {
      basicError: compile({ $ref: '#/components/schemas/basic-error' }),
      validationError: compile({ $ref: '#/components/schemas/validation-error' }),
    },
  };
  return spec;
}

interface FieldError {
  field: string;
  code: string;
  message: string;
}

function ajvErrors(errors: ErrorObject[] | null | undefined, prefix = ''): FieldError[] {
  return (errors ?? []).map((e) => {
    const missing = e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty : '';
    const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const field = prefix + [path, missing].filter(Boolean).join('.');
    return {
      field: field || '(body)',
      code: missing ? 'missing_field' : 'invalid',
      message: missing ? `${field} is missing` : `${field || 'body'} ${e.message ?? 'is invalid'}`,
    };
  });
}

function coerce(raw: string, type: string | undefined): unknown {
  if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function isHttpUrl(s: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

class HttpError extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`);
  }
}

export async function startGitHub(opts: GitHubOptions = {}): Promise<GitHubServer> {
  const { operations, repoExample, generic } = loadSpec();
  const owner = opts.owner ?? 'octo-org';
  const repo = opts.repo ?? 'deploy-target';
  const token = opts.token ?? 'test-token';
  let failing = new Map<string, string>((opts.failingContexts ?? []).map((c) => [c, 'pending']));
  const calls: GitHubCall[] = [];
  const violations: GitHubViolation[] = [];
  const deployments: FakeDeployment[] = [];
  const statuses: FakeDeploymentStatus[] = [];
  let nextDeploymentId = 1;
  const environments = new Map<
    string,
    { id: number; name: string; settings: FakeEnvironmentSettings; at: string }
  >();
  const approvals = new Map<number, FakeApproval[]>();
  let nextEnvironmentId = 1;
  let nextStatusId = 1;
  let base = '';

  const repoUrl = () => `${base}/repos/${owner}/${repo}`;
  const creator = () => ({
    login: 'github-actions[bot]',
    id: 41898282,
    node_id: 'MDM6Qm90NDE4OTgyODI=',
    avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
    gravatar_id: '',
    url: `${base}/users/github-actions%5Bbot%5D`,
    html_url: 'https://github.com/apps/github-actions',
    followers_url: `${base}/users/github-actions%5Bbot%5D/followers`,
    following_url: `${base}/users/github-actions%5Bbot%5D/following{/other_user}`,
    gists_url: `${base}/users/github-actions%5Bbot%5D/gists{/gist_id}`,
    starred_url: `${base}/users/github-actions%5Bbot%5D/starred{/owner}{/repo}`,
    subscriptions_url: `${base}/users/github-actions%5Bbot%5D/subscriptions`,
    organizations_url: `${base}/users/github-actions%5Bbot%5D/orgs`,
    repos_url: `${base}/users/github-actions%5Bbot%5D/repos`,
    events_url: `${base}/users/github-actions%5Bbot%5D/events{/privacy}`,
    received_events_url: `${base}/users/github-actions%5Bbot%5D/received_events`,
    type: 'Bot',
    site_admin: false,
  });
  const userJson = (login: string, id: number) => {
    const u = `${base}/users/${encodeURIComponent(login)}`;
    return {
      login,
      id,
      node_id: Buffer.from(`04:User${id}`).toString('base64'),
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: '',
      url: u,
      html_url: `https://github.com/${login}`,
      followers_url: `${u}/followers`,
      following_url: `${u}/following{/other_user}`,
      gists_url: `${u}/gists{/gist_id}`,
      starred_url: `${u}/starred{/owner}{/repo}`,
      subscriptions_url: `${u}/subscriptions`,
      organizations_url: `${u}/orgs`,
      repos_url: `${u}/repos`,
      events_url: `${u}/events{/privacy}`,
      received_events_url: `${u}/received_events`,
      type: 'User',
      site_admin: false,
    };
  };
  // A stable made-up user id per login.
  const userId = (login: string) =>
    1000 + (createHash('sha1').update(login).digest().readUInt32BE(0) % 1_000_000);
  const environmentJson = (e: {
    id: number;
    name: string;
    settings: FakeEnvironmentSettings;
    at: string;
  }) => {
    const rules: Json[] = [];
    let ruleId = e.id * 10;
    if (e.settings.waitTimer !== undefined) {
      ruleId++;
      rules.push({
        id: ruleId,
        node_id: nodeId('Gate', ruleId),
        type: 'wait_timer',
        wait_timer: e.settings.waitTimer,
      });
    }
    if (e.settings.reviewers?.length) {
      ruleId++;
      rules.push({
        id: ruleId,
        node_id: nodeId('Gate', ruleId),
        prevent_self_review: false,
        type: 'required_reviewers',
        reviewers: e.settings.reviewers.map((login) => ({
          type: 'User',
          reviewer: userJson(login, userId(login)),
        })),
      });
    }
    return {
      id: e.id,
      node_id: nodeId('Environment', e.id),
      name: e.name,
      url: `${repoUrl()}/environments/${encodeURIComponent(e.name)}`,
      html_url: `https://github.com/${owner}/${repo}/deployments/activity_log?environments_filter=${encodeURIComponent(e.name)}`,
      created_at: e.at,
      updated_at: e.at,
      protection_rules: rules,
      deployment_branch_policy: null,
    };
  };
  const nodeId = (kind: string, id: number) => Buffer.from(`0${kind.length}:${kind}${id}`).toString('base64');

  const deploymentJson = (d: FakeDeployment) => ({
    url: `${repoUrl()}/deployments/${d.id}`,
    id: d.id,
    node_id: nodeId('Deployment', d.id),
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.original_environment,
    environment: d.environment,
    description: d.description,
    creator: creator(),
    created_at: d.created_at,
    updated_at: d.updated_at,
    statuses_url: `${repoUrl()}/deployments/${d.id}/statuses`,
    repository_url: repoUrl(),
    transient_environment: d.transient_environment,
    production_environment: d.production_environment,
  });
  const statusJson = (s: FakeDeploymentStatus) => ({
    url: `${repoUrl()}/deployments/${s.deployment_id}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId('DeploymentStatus', s.id),
    state: s.state,
    creator: creator(),
    description: s.description,
    environment: s.environment,
    target_url: s.target_url,
    created_at: s.created_at,
    updated_at: s.created_at,
    deployment_url: `${repoUrl()}/deployments/${s.deployment_id}`,
    repository_url: repoUrl(),
    environment_url: s.environment_url,
    log_url: s.log_url,
  });

  const notFound = (): never => {
    throw new HttpError({
      status: 404,
      body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
    });
  };
  const findDeployment = (id: number) => deployments.find((d) => d.id === id) ?? notFound();

  // GitHub lists newest first and pages with a Link header, which Octokit's paginate follows.
  const page = <T>(
    items: T[],
    query: Record<string, unknown>,
    path: string,
    extra: URLSearchParams,
  ): Reply => {
    const perPage = Math.min(Math.max(Number(query.per_page ?? 30), 1), 100);
    const pageNo = Math.max(Number(query.page ?? 1), 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (p: number, rel: string) => {
      const q = new URLSearchParams(extra);
      q.set('per_page', String(perPage));
      q.set('page', String(p));
      return `<${base}${path}?${q}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (pageNo < last) links.push(link(pageNo + 1, 'next'), link(last, 'last'));
    if (pageNo > 1) links.push(link(1, 'first'), link(pageNo - 1, 'prev'));
    return {
      status: 200,
      body: items.slice((pageNo - 1) * perPage, pageNo * perPage),
      headers: links.length ? { link: links.join(', ') } : {},
    };
  };

  const validationFailed = (op: CompiledOperation, resource: string, errors: FieldError[]): Reply => ({
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: op.simple422 ? errors.map((e) => e.message) : errors.map((e) => ({ resource, ...e })),
      documentation_url: DOCS,
      status: '422',
    },
  });

  const handlers: Record<
    OperationId,
    (
      p: Record<string, unknown>,
      q: Record<string, unknown>,
      body: Json,
      op: CompiledOperation,
      raw: URL,
    ) => Reply
  > = {
    'repos/get': () => {
      const text = JSON.stringify(repoExample)
        .replaceAll('https://api.github.com', base)
        .replaceAll('octocat/Hello-World', `${owner}/${repo}`);
      // The published example omits the required `language` and describes a fork; this repo is no fork.
      const r = JSON.parse(text) as Json;
      for (const key of ['parent', 'source', 'template_repository', 'organization']) delete r[key];
      return {
        status: 200,
        body: {
          ...r,
          name: repo,
          full_name: `${owner}/${repo}`,
          owner: { ...(r.owner as Json), login: owner },
          language: 'TypeScript',
          fork: false,
        },
      };
    },
    'repos/list-deployments': (_p, q, _b, _op, raw) => {
      const items = deployments
        .filter((d) =>
          (['sha', 'ref', 'task', 'environment'] as const).every((k) => q[k] == null || d[k] === q[k]),
        )
        .reverse()
        .map(deploymentJson);
      const keep = new URLSearchParams(
        [...raw.searchParams].filter(([k]) => k !== 'page' && k !== 'per_page'),
      );
      return page(items, q, raw.pathname, keep);
    },
    'repos/create-deployment': (_p, _q, b) => {
      const ref = b.ref as string;
      const required = (b.required_contexts as string[] | undefined) ?? null;
      // Omitted required_contexts means "all contexts", so any non-green check blocks the deployment.
      const blocking = [...failing].filter(([c]) => required === null || required.includes(c));
      if (blocking.length) {
        return {
          status: 409,
          body: {
            message: `Conflict: Commit status checks failed for ${ref}.`,
            errors: [
              {
                contexts: blocking.map(([context, state]) => ({ context, state })),
                resource: 'Deployment',
                field: 'required_contexts',
              },
            ],
            documentation_url: `${DOCS}/deployments#create-a-deployment`,
            status: '409',
          },
        };
      }
      const environment = (b.environment as string | undefined) ?? 'production';
      const at = now();
      const d: FakeDeployment = {
        id: nextDeploymentId++,
        ref,
        sha: /^[0-9a-f]{40}$/.test(ref) ? ref : createHash('sha1').update(ref).digest('hex'),
        task: (b.task as string | undefined) ?? 'deploy',
        environment,
        original_environment: environment,
        payload: (b.payload as Json | string | undefined) ?? {},
        description: b.description === undefined ? '' : (b.description as string | null),
        transient_environment: (b.transient_environment as boolean | undefined) ?? false,
        production_environment:
          (b.production_environment as boolean | undefined) ?? environment === 'production',
        created_at: at,
        updated_at: at,
        auto_merge: (b.auto_merge as boolean | undefined) ?? true,
        required_contexts: required,
        state: 'pending',
      };
      deployments.push(d);
      return { status: 201, body: deploymentJson(d) };
    },
    'repos/get-deployment': (p) => ({
      status: 200,
      body: deploymentJson(findDeployment(p.deployment_id as number)),
    }),
    'repos/delete-deployment': (p, _q, _b, op) => {
      const d = findDeployment(p.deployment_id as number);
      // GitHub deletes only inactive deployments, unless it is the repository's only one.
      if (deployments.length > 1 && !['inactive', 'failure', 'error'].includes(d.state)) {
        return {
          status: 422,
          body: {
            message:
              'We cannot delete an active deployment unless it is the only deployment in a given environment.',
            documentation_url: `${DOCS}/deployments#delete-a-deployment`,
            ...(op.simple422 ? {} : { errors: [] }),
          },
        };
      }
      deployments.splice(deployments.indexOf(d), 1);
      return { status: 204 };
    },
    'repos/list-deployment-statuses': (p, q, _b, _op, raw) => {
      const id = findDeployment(p.deployment_id as number).id;
      const items = statuses
        .filter((s) => s.deployment_id === id)
        .reverse()
        .map(statusJson);
      return page(items, q, raw.pathname, new URLSearchParams());
    },
    'repos/create-deployment-status': (p, _q, b, op) => {
      const d = findDeployment(p.deployment_id as number);
      const errors: FieldError[] = [];
      const description = (b.description as string | undefined) ?? '';
      if (description.length > 140) {
        errors.push({
          field: 'description',
          code: 'custom',
          message: 'description is too long (maximum is 140 characters)',
        });
      }
      for (const field of ['log_url', 'target_url', 'environment_url']) {
        const v = b[field] as string | undefined;
        if (v && !isHttpUrl(v))
          errors.push({ field, code: 'custom', message: `${field} must use http(s) scheme` });
      }
      if (errors.length) throw new HttpError(validationFailed(op, 'DeploymentStatus', errors));
      const logUrl = (b.log_url as string | undefined) ?? (b.target_url as string | undefined) ?? '';
      // A status may move the deployment to another environment; later statuses inherit it.
      d.environment = (b.environment as string | undefined) ?? d.environment;
      const at = now();
      const add = (
        dep: FakeDeployment,
        state: DeploymentState,
        fields: Partial<FakeDeploymentStatus>,
        auto: boolean,
      ) => {
        const s: FakeDeploymentStatus = {
          id: nextStatusId++,
          deployment_id: dep.id,
          state,
          description: '',
          environment: dep.environment,
          log_url: '',
          target_url: '',
          environment_url: '',
          created_at: at,
          auto,
          ...fields,
        };
        statuses.push(s);
        dep.state = state;
        dep.updated_at = at;
        return s;
      };
      const s = add(
        d,
        b.state as DeploymentState,
        {
          description,
          log_url: logUrl,
          target_url: (b.target_url as string | undefined) ?? logUrl,
          environment_url: (b.environment_url as string | undefined) ?? '',
        },
        false,
      );
      if (s.state === 'success' && b.auto_inactive !== false) {
        for (const other of deployments) {
          if (other !== d && other.environment === d.environment && other.state === 'success') {
            add(other, 'inactive', {}, true);
          }
        }
      }
      return { status: 201, body: statusJson(s) };
    },
    'repos/get-environment': (p) => {
      const e = environments.get(String(p.environment_name).toLowerCase()) ?? notFound();
      return { status: 200, body: environmentJson(e) };
    },
    'actions/get-reviews-for-run': (p) => {
      const reviews = approvals.get(p.run_id as number) ?? [];
      return {
        status: 200,
        body: reviews.map((a) => ({
          environments: a.environments.map((name) => {
            const e = environments.get(name.toLowerCase());
            const at = e?.at ?? now();
            return {
              id: e?.id ?? 0,
              node_id: nodeId('Environment', e?.id ?? 0),
              name: e?.name ?? name,
              url: `${repoUrl()}/environments/${encodeURIComponent(name)}`,
              html_url: `https://github.com/${owner}/${repo}/deployments/activity_log?environments_filter=${encodeURIComponent(name)}`,
              created_at: at,
              updated_at: at,
            };
          }),
          state: a.state ?? 'approved',
          user: userJson(a.login, userId(a.login)),
          comment: a.comment ?? '',
        })),
      };
    },
    'repos/get-deployment-status': (p) => {
      const d = findDeployment(p.deployment_id as number);
      const s = statuses.find((x) => x.id === p.status_id && x.deployment_id === d.id) ?? notFound();
      return { status: 200, body: statusJson(s) };
    },
  };

  const resourceOf = (op: CompiledOperation) =>
    op.operationId.includes('status') ? 'DeploymentStatus' : 'Deployment';

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((done, fail) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
      req.on('error', fail);
    });

  const handle = async (req: IncomingMessage): Promise<{ reply: Reply; op?: CompiledOperation }> => {
    const raw = new URL(req.url ?? '/', base);
    const method = req.method ?? 'GET';
    const violation = (v: Omit<GitHubViolation, 'method' | 'path'>) =>
      violations.push({ method, path: raw.pathname, ...v });
    const text = await readBody(req);

    let match: RegExpMatchArray | null = null;
    const op = operations.find((o) => o.method === method && (match = raw.pathname.match(o.pattern)));
    if (!op || !match) {
      violation({ kind: 'unserved', messages: [`no ${method} ${raw.pathname} in this fake`] });
      return {
        reply: {
          status: 404,
          body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
        },
      };
    }
    const auth = req.headers.authorization ?? '';
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(auth);
    if (!m || m[1] !== token) {
      violation({
        kind: 'auth',
        operationId: op.operationId,
        messages: [auth ? 'bad credentials' : 'no Authorization'],
      });
      return {
        op,
        reply: {
          status: 401,
          body: {
            message: 'Bad credentials',
            documentation_url: 'https://docs.github.com/rest',
            status: '401',
          },
        },
      };
    }

    const pathValues = Object.fromEntries(
      op.pathParamNames.map((n, i) => [n, decodeURIComponent((match as RegExpMatchArray)[i + 1])]),
    );
    const errors: FieldError[] = [];
    const params: Record<string, unknown> = {};
    const query: Record<string, unknown> = {};
    for (const p of op.params) {
      const rawValue = p.in === 'path' ? pathValues[p.name] : raw.searchParams.get(p.name);
      if (rawValue == null) {
        if (p.required)
          errors.push({ field: p.name, code: 'missing_field', message: `${p.name} is required` });
        continue;
      }
      const value = coerce(rawValue, p.type);
      if (!p.validate(value)) errors.push(...ajvErrors(p.validate.errors, p.name));
      (p.in === 'path' ? params : query)[p.name] = value;
    }
    let body: Json = {};
    if (op.body) {
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        violation({ kind: 'request', operationId: op.operationId, messages: ['body is not JSON'] });
        return {
          op,
          reply: {
            status: 400,
            body: { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' },
          },
        };
      }
      if (parsed === undefined) {
        if (op.body.required)
          errors.push({ field: '(body)', code: 'missing_field', message: 'a JSON body is required' });
      } else if (!op.body.validate(parsed)) {
        errors.push(...ajvErrors(op.body.validate.errors));
      } else body = parsed as Json;
    }
    if (errors.length) {
      violation({ kind: 'request', operationId: op.operationId, messages: errors.map((e) => e.message) });
      return { op, reply: validationFailed(op, resourceOf(op), errors) };
    }
    try {
      // The owner and repo are not case sensitive; any other repository does not exist here.
      if (String(params.owner).toLowerCase() !== owner.toLowerCase()) notFound();
      if (String(params.repo).toLowerCase() !== repo.toLowerCase()) notFound();
      const reply = handlers[op.operationId](params, query, body, op, raw);
      if (reply.status === 422) {
        violation({ kind: 'request', operationId: op.operationId, messages: [JSON.stringify(reply.body)] });
      }
      return { op, reply };
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      if (e.reply.status === 422) {
        violation({ kind: 'request', operationId: op.operationId, messages: [JSON.stringify(e.reply.body)] });
      }
      return { op, reply: e.reply };
    }
  };

  // A reply off the description is this fake's bug, recorded like a bad request so tests notice.
  const checkReply = (op: CompiledOperation, reply: Reply): string[] => {
    const code = String(reply.status);
    let validate = op.responses.get(code);
    if (validate === undefined) {
      // GitHub's description leaves out the errors every endpoint can return.
      if (reply.status === 401 || reply.status === 404 || reply.status === 400) validate = generic.basicError;
      else if (reply.status === 422) validate = generic.validationError;
      else return [`status ${code} is not documented for ${op.operationId}`];
    }
    if (validate === null) return reply.body === undefined || reply.status !== 204 ? [] : ['204 with a body'];
    if (validate(reply.body)) return [];
    return ajvErrors(validate.errors).map((e) => `response ${code}: ${e.message}`);
  };

  let fault: (GitHubFault & { left: number }) | undefined;
  const injected = (req: IncomingMessage): GitHubFault | undefined => {
    if (!fault || fault.left <= 0) return undefined;
    const path = new URL(req.url ?? '/', base).pathname;
    const op = operations.find((o) => o.method === (req.method ?? 'GET') && o.pattern.test(path));
    if (fault.operations && !(op && fault.operations.includes(op.operationId))) return undefined;
    fault.left--;
    return fault;
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const f = injected(req);
    if (f) {
      const raw = new URL(req.url ?? '/', base);
      calls.push({
        method: req.method ?? 'GET',
        path: raw.pathname,
        query: raw.search.replace(/^\?/, ''),
        status: f.status,
        injected: true,
      });
      req.resume();
      res
        .writeHead(f.status, { 'content-type': 'application/json; charset=utf-8', ...f.headers })
        .end(
          JSON.stringify({ message: f.status === 429 ? 'API rate limit exceeded' : 'Service Unavailable' }),
        );
      return;
    }
    handle(req)
      .then(({ reply, op }) => {
        const raw = new URL(req.url ?? '/', base);
        if (op) {
          const problems = checkReply(op, reply);
          if (problems.length) {
            violations.push({
              method: req.method ?? 'GET',
              path: raw.pathname,
              operationId: op.operationId,
              kind: 'response',
              messages: problems,
            });
          }
        }
        calls.push({
          method: req.method ?? 'GET',
          path: raw.pathname,
          query: raw.search.replace(/^\?/, ''),
          status: reply.status,
          operationId: op?.operationId,
        });
        const headers: Record<string, string> = {
          'x-github-media-type': 'github.v3; format=json',
          ...reply.headers,
        };
        if (reply.body === undefined) {
          res.writeHead(reply.status, headers).end();
        } else {
          headers['content-type'] = 'application/json; charset=utf-8';
          res.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
        }
      })
      .catch((e: unknown) => {
        violations.push({
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          kind: 'response',
          messages: [`fake crashed: ${String(e)}`],
        });
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"Server Error"}');
      });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  // Never keeps the test process alive on its own.
  server.unref();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    owner,
    repo,
    token,
    calls,
    violations,
    deployments: () => deployments.map((d) => ({ ...d })),
    statuses: (deploymentId: number) => {
      if (!deployments.some((d) => d.id === deploymentId)) throw new Error(`no deployment ${deploymentId}`);
      return statuses.filter((s) => s.deployment_id === deploymentId).map((s) => ({ ...s }));
    },
    setFailingContexts: (contexts, state = 'pending') => {
      failing = new Map(contexts.map((c) => [c, state]));
    },
    setFault: (f) => {
      fault = f && { ...f, left: f.times ?? Infinity };
    },
    setEnvironment: (name, settings = {}) => {
      const existing = environments.get(name.toLowerCase());
      environments.set(name.toLowerCase(), {
        id: existing?.id ?? nextEnvironmentId++,
        name,
        settings: { ...settings },
        at: existing?.at ?? now(),
      });
    },
    setApprovals: (runId, list) => {
      approvals.set(
        runId,
        list.map((a) => ({ ...a })),
      );
    },
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
