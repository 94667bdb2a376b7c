// Writes packages/testbed/fixtures/cloud-run/google-api.json: the part of Google's published protos (as
// @google-cloud/run and @google-cloud/monitoring ship them, build/protos/protos.json) that the test bed's
// Cloud Run stand-in serves, with every type name made fully qualified.
//   npm pack @google-cloud/run@4.2.0 @google-cloud/monitoring@5.4.0, untar each, then:
//   tsx scripts/cloud-run-api-fixture.ts <run package dir> <monitoring package dir>
//   prettier --write packages/testbed/fixtures/cloud-run/google-api.json
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Json = Record<string, unknown>;
interface PNode {
  nested?: Record<string, PNode>;
  fields?: Record<string, { type: string; rule?: string; keyType?: string; options?: Json }>;
  oneofs?: Record<string, { oneof: string[] }>;
  values?: Record<string, number>;
  methods?: Record<string, { requestType: string; responseType: string; parsedOptions?: Json[] }>;
}

// Served methods: [package dir index, service, method, REST override `verb path [body]` or undefined].
const METHODS: [number, string, string, string?][] = [
  [0, 'google.cloud.run.v2.Services', 'GetService'],
  [0, 'google.cloud.run.v2.Services', 'CreateService'],
  [0, 'google.cloud.run.v2.Services', 'UpdateService'],
  [0, 'google.cloud.run.v2.Revisions', 'GetRevision'],
  [0, 'google.cloud.run.v2.Revisions', 'ListRevisions'],
  [0, 'google.cloud.run.v2.Revisions', 'DeleteRevision'],
  // The protos bind the generic /v1/{name=operations/**}; Cloud Run serves its operations under /v2
  // (https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.operations/get).
  [0, 'google.longrunning.Operations', 'GetOperation', 'get /v2/{name=projects/*/locations/*/operations/*}'],
  // https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.operations/wait (body: timeout).
  [
    0,
    'google.longrunning.Operations',
    'WaitOperation',
    'post /v2/{name=projects/*/locations/*/operations/*}:wait *',
  ],
  [1, 'google.monitoring.v3.MetricService', 'ListTimeSeries'],
];
// Carried in Any fields (operation metadata and response).
const EXTRA = ['google.cloud.run.v2.Service', 'google.cloud.run.v2.Revision'];

const [runDir, monDir] = process.argv.slice(2);
if (!runDir || !monDir)
  throw new Error('usage: cloud-run-api-fixture.ts <run package dir> <monitoring package dir>');
const dirs = [runDir, monDir];
const roots = dirs.map((d) => JSON.parse(readFileSync(join(d, 'build/protos/protos.json'), 'utf8')) as PNode);
const versions = dirs.map((d) => (JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')) as Json).version);

function lookup(root: PNode, full: string): PNode | undefined {
  let n: PNode | undefined = root;
  for (const part of full.split('.')) n = n?.nested?.[part];
  return n;
}

// protobufjs resolves a name from the innermost scope outwards.
function resolveName(root: PNode, scope: string, name: string): string {
  const parts = scope.split('.');
  for (let i = parts.length; i >= 0; i--) {
    const full = [...parts.slice(0, i), name].filter(Boolean).join('.');
    if (lookup(root, full)) return full;
  }
  throw new Error(`cannot resolve ${name} from ${scope}`);
}

const SCALARS = new Set(
  'double float int32 int64 uint32 uint64 sint32 sint64 fixed32 fixed64 sfixed32 sfixed64 bool string bytes'.split(
    ' ',
  ),
);
const types: Json = {};

function add(root: PNode, full: string): void {
  if (types[full]) return;
  const node = lookup(root, full);
  if (!node) throw new Error(`no type ${full}`);
  if (node.values) {
    types[full] = { enum: node.values };
    return;
  }
  const fields: Json = {};
  types[full] = { fields, oneofs: Object.values(node.oneofs ?? {}).map((o) => o.oneof) };
  for (const [name, f] of Object.entries(node.fields ?? {})) {
    const type = SCALARS.has(f.type) ? f.type : resolveName(root, full, f.type);
    const behaviour = f.options?.['(google.api.field_behavior)'];
    fields[name] = {
      type,
      ...(f.rule === 'repeated' ? { repeated: true } : {}),
      ...(f.keyType ? { keyType: f.keyType } : {}),
      ...(behaviour ? { behaviour } : {}),
    };
    if (!SCALARS.has(type)) add(root, type);
  }
}

const methods: Json = {};
for (const [i, service, method, override] of METHODS) {
  const root = roots[i]!;
  const m = lookup(root, service)?.methods?.[method];
  if (!m) throw new Error(`no ${service}.${method}`);
  const http = (m.parsedOptions ?? []).find((o) => o['(google.api.http)'])?.['(google.api.http)'] as
    Record<string, string> | undefined;
  const verb = ['get', 'post', 'patch', 'put', 'delete'].find((v) => http?.[v]);
  const [httpMethod, path, overrideBody] = override ? override.split(' ') : [verb!, http![verb!]];
  const request = resolveName(root, service, m.requestType);
  const response = resolveName(root, service, m.responseType);
  add(root, request);
  add(root, response);
  methods[`${service}.${method}`] = {
    method: httpMethod!.toUpperCase(),
    path,
    body: override ? overrideBody : http?.body,
    request,
    response,
  };
}
for (const t of EXTRA) add(roots[0]!, t);
add(roots[1]!, 'google.rpc.Status');

const out = {
  source:
    `Google's protos as published in npm @google-cloud/run@${versions[0]} and @google-cloud/monitoring@${versions[1]} ` +
    '(build/protos/protos.json), reduced to the served methods and the types they reach by scripts/cloud-run-api-fixture.ts.',
  methods,
  types,
};
writeFileSync(
  new URL('../packages/testbed/fixtures/cloud-run/google-api.json', import.meta.url),
  JSON.stringify(out, null, 1) + '\n',
);
console.log(`${Object.keys(methods).length} methods, ${Object.keys(types).length} types`);
