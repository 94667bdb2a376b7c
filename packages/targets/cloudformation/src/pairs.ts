// parameters and stack-tags: a YAML or JSON map, a JSON list as the AWS CLI writes it, or Key=Value lines.
import { InputError } from '@deploy-actions/core';
import { parse } from 'yaml';

export type Pairs = Map<string, string>;

const FORMS =
  'must be a YAML or JSON map (Key: value), a JSON list of {"ParameterKey","ParameterValue"} or {"Key","Value"}, or Key=Value lines';

/** The pairs of `text`, '' giving none; a key given twice or a value that is no scalar is refused. */
export function parsePairs(input: string, text: string): Pairs {
  if (text.trim() === '') return new Map();
  const trimmed = text.trim();
  if (/^[A-Za-z0-9_.:/@+-]+=/.test(trimmed) && !/^[[{]/.test(trimmed)) return keyValueLines(input, text);
  let doc: unknown;
  try {
    // uniqueKeys: a key written twice is a mistake, not "the last one wins".
    doc = parse(trimmed, { uniqueKeys: true, maxAliasCount: 0 });
  } catch (err) {
    throw new InputError(input, text, `${FORMS} (${firstLine((err as Error).message)})`);
  }
  if (Array.isArray(doc)) return fromList(input, text, doc);
  if (!doc || typeof doc !== 'object') throw new InputError(input, text, FORMS);
  const out: Pairs = new Map();
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    out.set(key, scalar(input, text, key, value));
  }
  return out;
}

function keyValueLines(input: string, text: string): Pairs {
  const out: Pairs = new Map();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) throw new InputError(input, text, `${FORMS}; line "${line}" has no Key=`);
    const key = line.slice(0, eq).trim();
    if (out.has(key)) throw new InputError(input, text, `gives ${key} twice`);
    out.set(key, line.slice(eq + 1).trim());
  }
  return out;
}

/** The AWS CLI's JSON forms: [{"ParameterKey":"A","ParameterValue":"1"}] and [{"Key":"a","Value":"b"}]. */
function fromList(input: string, text: string, list: unknown[]): Pairs {
  const out: Pairs = new Map();
  for (const item of list) {
    const o = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const key = o.ParameterKey ?? o.Key;
    const value = o.ParameterValue ?? o.Value ?? '';
    if (typeof key !== 'string' || key === '') throw new InputError(input, text, FORMS);
    if (out.has(key)) throw new InputError(input, text, `gives ${key} twice`);
    out.set(key, scalar(input, text, key, value));
  }
  return out;
}

/** Strings, numbers and booleans as text; a list as a CommaDelimitedList value. */
function scalar(input: string, text: string, key: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => ['string', 'number'].includes(typeof v)))
    return value.join(',');
  throw new InputError(input, text, `${key} must have a text, number or list value`);
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
