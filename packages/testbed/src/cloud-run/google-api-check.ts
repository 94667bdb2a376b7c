// Checks a JSON value as a type of the description under the proto3 JSON mapping
// (https://protobuf.dev/programming-guides/json/). Field names are the lowerCamelCase JSON names; Google also
// accepts the proto names in bodies, this checker does not, so the suite keeps to the names the REST reference
// documents.
import type { FieldDesc, MessageDesc, Types } from './google-api-description';

/** A request as Google parses it, or a response in the stricter form Google writes. */
export type CheckMode = 'request' | 'response';
type Bad = (label: string) => void;

export const INT32 = new Set(['int32', 'sint32', 'sfixed32', 'uint32', 'fixed32']);
const INT64 = new Set(['int64', 'sint64', 'sfixed64', 'uint64', 'fixed64']);
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const DURATION = /^-?\d+(\.\d{1,9})?s$/;
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const show = (v: unknown) => JSON.stringify(v)?.slice(0, 80) ?? String(v);

/** Problems of a JSON value as the given type, in Google's words where Google has them. */
export function checkValue(
  types: Types,
  type: string,
  value: unknown,
  at: string,
  mode: CheckMode,
): string[] {
  const out: string[] = [];
  const bad = (label: string) => out.push(`Invalid value at '${at}' (${label}), ${show(value)}`);
  if (value === null) {
    // Null means "the default" to a parser; Google never writes it.
    if (mode === 'response' && type !== 'google.protobuf.Value') out.push(`null at '${at}'`);
    return out;
  }
  if (checkScalar(type, value, mode, bad)) return out;
  const wkt = checkWellKnown(types, type, value, at, mode, bad);
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
  return checkMessage(types, type, desc, value as Record<string, unknown>, at, mode);
}

/** Whether the type is a scalar one (its problems then reported through `bad`). */
function checkScalar(type: string, value: unknown, mode: CheckMode, bad: Bad): boolean {
  if (INT32.has(type) || INT64.has(type)) {
    // 64-bit integers are strings in what Google writes; a parser takes either form.
    const wire = INT64.has(type) && mode === 'response' ? 'string' : 'number';
    const ok =
      (typeof value === 'number' && Number.isInteger(value)) ||
      (typeof value === 'string' && /^-?\d+$/.test(value));
    if (!ok || (mode === 'response' && typeof value !== wire)) bad(`TYPE_${type.toUpperCase()}`);
    return true;
  }
  if (type === 'double' || type === 'float') {
    const ok =
      typeof value === 'number' ||
      (typeof value === 'string' && /^(NaN|-?Infinity|-?\d+(\.\d+)?([eE][-+]?\d+)?)$/.test(value));
    if (!ok || (mode === 'response' && typeof value === 'string' && !/[NI]/.test(value)))
      bad(`TYPE_${type.toUpperCase()}`);
    return true;
  }
  if (type === 'bool') {
    if (typeof value !== 'boolean') bad('TYPE_BOOL');
    return true;
  }
  if (type === 'string') {
    if (typeof value !== 'string') bad('TYPE_STRING');
    return true;
  }
  if (type === 'bytes') {
    if (typeof value !== 'string' || !/^[A-Za-z0-9+/_-]*=*$/.test(value)) bad('TYPE_BYTES');
    return true;
  }
  return false;
}

/** Problems of a well-known type's JSON form, or undefined when the type is not one. */
function checkWellKnown(
  types: Types,
  type: string,
  value: unknown,
  at: string,
  mode: CheckMode,
  bad: Bad,
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
      return checkValue(types, inner, rest, at, mode);
    }
  }
  return undefined;
}

function checkMessage(
  types: Types,
  type: string,
  desc: MessageDesc,
  value: Record<string, unknown>,
  at: string,
  mode: CheckMode,
): string[] {
  const out: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const f = desc.fields[key];
    if (!f)
      out.push(
        `Invalid JSON payload received. Unknown name ${JSON.stringify(key)}${at ? ` at '${at}'` : ''}: Cannot find field.`,
      );
    else out.push(...checkField(types, f, v, at ? `${at}.${snake(key)}` : snake(key), mode));
  }
  for (const group of desc.oneofs) {
    const set = group.filter((k) => value[k] !== undefined && value[k] !== null);
    if (set.length > 1)
      out.push(`Invalid value at '${at}': oneof fields ${set.join(', ')} both set (${type})`);
  }
  return out;
}

/** A field's value: a map, a list, or one value of its type. */
function checkField(types: Types, f: FieldDesc, v: unknown, where: string, mode: CheckMode): string[] {
  if (f.keyType) {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return [`Invalid value at '${where}', ${show(v)}`];
    return Object.entries(v).flatMap(([k, item]) => checkValue(types, f.type, item, `${where}[${k}]`, mode));
  }
  if (f.repeated) {
    if (!Array.isArray(v)) return [`Invalid value at '${where}' (repeated), ${show(v)}`];
    return v.flatMap((item, i) => checkValue(types, f.type, item, `${where}[${i}]`, mode));
  }
  return checkValue(types, f.type, v, where, mode);
}
