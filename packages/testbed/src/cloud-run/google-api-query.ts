// Binds query parameters onto a request message, as Google's HTTP transcoding does: a parameter names a
// (dotted) non-message field of the request, in camelCase or snake_case.
import { checkValue, INT32 } from './google-api-check';
import type { FieldDesc, Types } from './google-api-description';

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
const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Sets each parameter's value(s) in `into`; the problems, in Google's words. */
export function bindQuery(
  types: Types,
  type: string,
  query: URLSearchParams,
  into: Record<string, unknown>,
): string[] {
  const out: string[] = [];
  for (const name of new Set(query.keys())) {
    if (SYSTEM_PARAMS.has(name)) continue;
    const bound = bindableField(types, type, name, into);
    if (!bound) {
      out.push(
        `Invalid JSON payload received. Unknown name ${JSON.stringify(name)}: Cannot bind query parameter. ` +
          `Field '${name}' could not be found in request message.`,
      );
      continue;
    }
    const { field, target, key } = bound;
    const values = query.getAll(name).map((raw) => fromQuery(field.type, raw));
    target[key] = field.repeated ? values : values[values.length - 1];
    if (field.repeated)
      values.forEach((v, i) => out.push(...checkValue(types, field.type, v, `${name}[${i}]`, 'request')));
    else out.push(...checkValue(types, field.type, target[key], name, 'request'));
  }
  return out;
}

/**
 * The field a dotted parameter name leads to and the object its value goes in, or undefined when it names no
 * field, or a map or message one. Messages along the way are created in `into` even when it is undefined.
 */
function bindableField(
  types: Types,
  type: string,
  name: string,
  into: Record<string, unknown>,
): { field: FieldDesc; target: Record<string, unknown>; key: string } | undefined {
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
  // Well-known types (Timestamp, FieldMask, ...) take a string in a query; other messages don't bind.
  if (!field || field.keyType || (leaf && 'fields' in leaf && !field.type.startsWith('google.protobuf.')))
    return undefined;
  return { field, target, key: parts[parts.length - 1]! };
}

/** A query string value as the JSON the field's type reads: numbers and booleans parsed, the rest as is. */
function fromQuery(type: string, raw: string): unknown {
  if (INT32.has(type) && /^-?\d+$/.test(raw)) return Number(raw);
  if (type === 'bool' && (raw === 'true' || raw === 'false')) return raw === 'true';
  return raw;
}
