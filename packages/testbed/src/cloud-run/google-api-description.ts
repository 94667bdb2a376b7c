// Loads Google's API description (fixtures/cloud-run/google-api.json) and compiles its HTTP rules to routes.
import { readFileSync } from 'node:fs';

export interface FieldDesc {
  type: string;
  repeated?: boolean;
  keyType?: string;
  behaviour?: string;
}
export interface MessageDesc {
  fields: Record<string, FieldDesc>;
  oneofs: string[][];
}
interface EnumDesc {
  enum: Record<string, number>;
}
export type TypeDesc = MessageDesc | EnumDesc;
/** Every message and enum of the description, by full name. */
export type Types = Record<string, TypeDesc>;

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

type MethodRule = Omit<MethodDesc, 'id' | 'pattern' | 'vars'>;

export interface Description {
  source: string;
  methods: MethodDesc[];
  types: Types;
}

export function loadDescription(file: URL): Description {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    source: string;
    methods: Record<string, MethodRule>;
    types: Types;
  };
  const methods = Object.entries(doc.methods).map(([id, m]) => compileMethod(id, m));
  return { source: doc.source, methods, types: doc.types };
}

function compileMethod(id: string, m: MethodRule): MethodDesc {
  const vars: string[] = [];
  // {field=projects/*/x/*} becomes one group matching that many segments; a literal part stays literal.
  const source = m.path.replace(/\{([\w.]+)=([^}]+)\}|([^{]+)/g, (_, v: string, tpl: string, lit: string) => {
    if (lit) return lit.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
    vars.push(v);
    return `(${tpl.replace(/\*\*/g, '.+').replace(/\*/g, '[^/:]+')})`;
  });
  return { ...m, id, pattern: new RegExp(`^${source}$`), vars };
}

/** The first method of that HTTP method whose template matches the path, with its path variables. */
export function route(
  methods: MethodDesc[],
  method: string,
  path: string,
): { desc: MethodDesc; vars: Record<string, string> } | undefined {
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
}

export function fieldType(types: Types, type: string, dotted: string): string {
  let t = type;
  for (const part of dotted.split('.')) t = (types[t] as MessageDesc).fields[part]!.type;
  return t;
}
