// Google's published API description of what the Cloud Run stand-in serves (fixtures/cloud-run/google-api.json,
// made from the protos Google's npm client packages ship), compiled to routes and to a checker of JSON bodies
// and query strings under the proto3 JSON mapping (https://protobuf.dev/programming-guides/json/).
// Field names are the lowerCamelCase JSON names; Google also accepts the proto names in bodies, this checker
// does not, so the suite keeps to the names the REST reference documents.
import { readFileSync } from 'node:fs';

export interface FieldDesc {
  type: string;
  repeated?: boolean;
  keyType?: string;
  behaviour?: string;
}
interface MessageDesc {
  fields: Record<string, FieldDesc>;
  oneofs: string[][];
}
interface EnumDesc {
  enum: Record<string, number>;
}
type TypeDesc = MessageDesc | EnumDesc;

export interface MethodDesc {
  id: string;
  method: string;
  /** The HTTP rule's template, e.g. /v2/{service.name=projects/*\/locations/*\/services/*}. */
  path: string;
  body?: string;
  request: string;
  response: string;
  pattern: RegExp;
  /** The request field each path variable sets (dotted), in match-group order. */
  vars: string[];
}

export interface GoogleApi {
  source: string;
  methods: MethodDesc[];
  /** The method and its path variables, or undefined when nothing is served there. */
  route(method: string, path: string): { desc: MethodDesc; vars: Record<string, string> } | undefined;
  /** Problems of a JSON value as the given message type; `response` is the stricter form Google writes. */
  check(type: string, value: unknown, at: string, mode: 'request' | 'response'): string[];
  /** Binds query parameters onto a request message, as Google's HTTP transcoding does; problems listed. */
  bindQuery(type: string, query: URLSearchParams, into: Record<string, unknown>): string[];
  /** The type a dotted field path of a message leads to, e.g. `service` of UpdateServiceRequest. */
  fieldType(type: string, dotted: string): string;
}

// Standard system parameters every Google REST API takes (https://cloud.google.com/apis/docs/system-parameters).
const SYSTEM_PARAMS = new Set([
  '$alt',
  'alt',
  'key',
  'fields',
  '$fields',
  'prettyPrint',
  'quotaUser',
  '$.xgafv',
  'access_token',
  'callback',
  'uploadType',
  'upload_protocol',
  '$callback',
  '$prettyPrint',
]);
const INT32 = new Set(['int32', 'sint32', 'sfixed32', 'uint32', 'fixed32']);
const INT64 = new Set(['int64', 'sint64', 'sfixed64', 'uint64', 'fixed64']);
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const show = (v: unknown) => JSON.stringify(v)?.slice(0, 80) ?? String(v);
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const DURATION = /^-?\d+(\.\d{1,9})?s$/;

let loaded: GoogleApi | undefined;

export function googleApi(): GoogleApi {
  if (loaded) return loaded;
  const file = new URL('../../fixtures/cloud-run/google-api.json', import.meta.url);
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    source: string;
    methods: Record<string, Omit<MethodDesc, 'id' | 'pattern' | 'vars'>>;
    types: Record<string, TypeDesc>;
  };
  const { types } = doc;
  const methods = Object.entries(doc.methods).map(([id, m]): MethodDesc => {
    const vars: string[] = [];
    // {field=projects/*/x/*} becomes one group matching that many segments; a literal part stays literal.
    const source = m.path.replace(
      /\{([\w.]+)=([^}]+)\}|([^{]+)/g,
      (_, v: string, tpl: string, lit: string) => {
        if (lit) return lit.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
        vars.push(v);
        return `(${tpl.replace(/\*\*/g, '.+').replace(/\*/g, '[^/:]+')})`;
      },
    );
    return { ...m, id, pattern: new RegExp(`^${source}$`), vars };
  });

  function check(type: string, value: unknown, at: string, mode: 'request' | 'response'): string[] {
    const out: string[] = [];
    const bad = (label: string) => out.push(`Invalid value at '${at}' (${label}), ${show(value)}`);
    if (value === null) {
      // Null means "the default" to a parser; Google never writes it.
      if (mode === 'response' && type !== 'google.protobuf.Value') out.push(`null at '${at}'`);
      return out;
    }
    if (INT32.has(type) || INT64.has(type)) {
      const wire = INT64.has(type) && mode === 'response' ? 'string' : 'number';
      const ok =
        (typeof value === 'number' && Number.isInteger(value)) ||
        (typeof value === 'string' && /^-?\d+$/.test(value));
      if (!ok || (mode === 'response' && typeof value !== wire)) bad(`TYPE_${type.toUpperCase()}`);
      return out;
    }
    if (type === 'double' || type === 'float') {
      const ok =
        typeof value === 'number' ||
        (typeof value === 'string' && /^(NaN|-?Infinity|-?\d+(\.\d+)?([eE][-+]?\d+)?)$/.test(value));
      if (!ok || (mode === 'response' && typeof value === 'string' && !/[NI]/.test(value)))
        bad(`TYPE_${type.toUpperCase()}`);
      return out;
    }
    if (type === 'bool') return typeof value === 'boolean' ? out : (bad('TYPE_BOOL'), out);
    if (type === 'string') return typeof value === 'string' ? out : (bad('TYPE_STRING'), out);
    if (type === 'bytes')
      return typeof value === 'string' && /^[A-Za-z0-9+/_-]*=*$/.test(value) ? out : (bad('TYPE_BYTES'), out);
    const wkt = checkWellKnown(type, value, at, mode, bad);
    if (wkt) return [...out, ...wkt];
    const desc = types[type];
    if (!desc) return [`no type ${type} in the description (at '${at}')`];
    if ('enum' in desc) {
      const ok =
        (typeof value === 'string' && value in desc.enum) ||
        (mode === 'request' && typeof value === 'number' && Object.values(desc.enum).includes(value));
      if (!ok) bad(`type.googleapis.com/${type}`);
      return out;
    }
    if (typeof value !== 'object' || Array.isArray(value)) return (bad(`type.googleapis.com/${type}`), out);
    return checkMessage(type, desc, value as Record<string, unknown>, at, mode);
  }

  function checkWellKnown(
    type: string,
    value: unknown,
    at: string,
    mode: 'request' | 'response',
    bad: (label: string) => void,
  ): string[] | undefined {
    switch (type) {
      case 'google.protobuf.Timestamp':
        if (typeof value !== 'string' || !TIMESTAMP.test(value) || Number.isNaN(Date.parse(value)))
          bad('type.googleapis.com/google.protobuf.Timestamp');
        return [];
      case 'google.protobuf.Duration':
        if (typeof value !== 'string' || !DURATION.test(value))
          bad('type.googleapis.com/google.protobuf.Duration');
        return [];
      case 'google.protobuf.FieldMask':
        if (typeof value !== 'string' || !/^([a-zA-Z0-9_.`*]+(,[a-zA-Z0-9_.`*]+)*)?$/.test(value))
          bad('type.googleapis.com/google.protobuf.FieldMask');
        return [];
      case 'google.protobuf.Value':
        return [];
      case 'google.protobuf.Struct':
        if (typeof value !== 'object' || Array.isArray(value))
          bad('type.googleapis.com/google.protobuf.Struct');
        return [];
      case 'google.protobuf.Any': {
        const any = value as Record<string, unknown>;
        const url = typeof any === 'object' && !Array.isArray(any) ? any['@type'] : undefined;
        const inner = typeof url === 'string' ? url.replace(/^type\.googleapis\.com\//, '') : '';
        if (!types[inner])
          return [`Invalid value at '${at}' (google.protobuf.Any): unknown @type ${show(url)}`];
        const rest = { ...any };
        delete rest['@type'];
        return check(inner, rest, at, mode);
      }
    }
    return undefined;
  }

  function checkMessage(
    type: string,
    desc: MessageDesc,
    value: Record<string, unknown>,
    at: string,
    mode: 'request' | 'response',
  ): string[] {
    const out: string[] = [];
    for (const [key, v] of Object.entries(value)) {
      const f = desc.fields[key];
      const where = at ? `${at}.${snake(key)}` : snake(key);
      if (!f) {
        out.push(
          `Invalid JSON payload received. Unknown name ${JSON.stringify(key)}${at ? ` at '${at}'` : ''}: Cannot find field.`,
        );
        continue;
      }
      if (f.keyType) {
        if (typeof v !== 'object' || v === null || Array.isArray(v))
          out.push(`Invalid value at '${where}', ${show(v)}`);
        else
          for (const [k, item] of Object.entries(v)) out.push(...check(f.type, item, `${where}[${k}]`, mode));
      } else if (f.repeated) {
        if (!Array.isArray(v)) out.push(`Invalid value at '${where}' (repeated), ${show(v)}`);
        else v.forEach((item, i) => out.push(...check(f.type, item, `${where}[${i}]`, mode)));
      } else out.push(...check(f.type, v, where, mode));
    }
    for (const group of desc.oneofs) {
      const set = group.filter((k) => value[k] !== undefined && value[k] !== null);
      if (set.length > 1)
        out.push(`Invalid value at '${at}': oneof fields ${set.join(', ')} both set (${type})`);
    }
    return out;
  }

  // A query parameter names a (dotted) non-message field of the request, in camelCase or snake_case.
  function bindQuery(type: string, query: URLSearchParams, into: Record<string, unknown>): string[] {
    const out: string[] = [];
    for (const name of new Set(query.keys())) {
      if (SYSTEM_PARAMS.has(name)) continue;
      const unknown = () =>
        out.push(
          `Invalid JSON payload received. Unknown name ${JSON.stringify(name)}: Cannot bind query parameter. ` +
            `Field '${name}' could not be found in request message.`,
        );
      let t = type;
      let target = into;
      let field: FieldDesc | undefined;
      const parts = name.split('.').map(camel);
      for (let i = 0; i < parts.length; i++) {
        const desc = types[t];
        field = desc && 'fields' in desc ? desc.fields[parts[i]!] : undefined;
        if (!field) break;
        if (i < parts.length - 1) {
          target = (target[parts[i]!] ??= {}) as Record<string, unknown>;
          t = field.type;
        }
      }
      const leaf = field && types[field.type];
      if (
        !field ||
        field.keyType ||
        (leaf && 'fields' in leaf && !field.type.startsWith('google.protobuf.'))
      ) {
        unknown();
        continue;
      }
      const ft = field.type;
      const values = query
        .getAll(name)
        .map((raw): unknown =>
          INT32.has(ft) && /^-?\d+$/.test(raw)
            ? Number(raw)
            : ft === 'bool' && (raw === 'true' || raw === 'false')
              ? raw === 'true'
              : raw,
        );
      const last = parts[parts.length - 1]!;
      target[last] = field.repeated ? values : values[values.length - 1];
      if (field.repeated)
        values.forEach((v, i) => out.push(...check(field!.type, v, `${name}[${i}]`, 'request')));
      else out.push(...check(field.type, target[last], name, 'request'));
    }
    return out;
  }

  loaded = {
    source: doc.source,
    methods,
    route(method, path) {
      for (const desc of methods) {
        if (desc.method !== method) continue;
        const m = desc.pattern.exec(path);
        if (m)
          return {
            desc,
            vars: Object.fromEntries(desc.vars.map((v, i) => [v, decodeURIComponent(m[i + 1]!)])),
          };
      }
      return undefined;
    },
    check,
    bindQuery,
    fieldType(type, dotted) {
      let t = type;
      for (const part of dotted.split('.')) t = (types[t] as MessageDesc).fields[part]!.type;
      return t;
    },
  };
  return loaded;
}
