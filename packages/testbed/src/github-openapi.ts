// GitHub's published OpenAPI description (@octokit/openapi), compiled to the validators the fake GitHub
// server (github.ts) checks every request and response against.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { Json } from './github-types';

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
export type OperationId = (typeof OPERATIONS)[number];

export const DOCS = 'https://docs.github.com/rest/deployments';
const COMPONENTS_ID = 'github-components';

interface CompiledParam {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  type: string | undefined;
  validate: ValidateFunction;
}

export interface CompiledOperation {
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

export function loadSpec(): Spec {
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

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export function ajvErrors(errors: ErrorObject[] | null | undefined, prefix = ''): FieldError[] {
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

export function coerce(raw: string, type: string | undefined): unknown {
  if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}
