// A map input such as env-vars: a YAML or JSON map, or KEY=value lines. Values may be secrets: no message
// ever shows one. Each target checks the keys by its own rules (Lambda's and Cloud Run's differ).
import { parse as parseYaml } from 'yaml';
import { InputError } from './errors';

/** What an error shows instead of the input's text, which holds the values. */
export const HIDDEN = '***';
const LINE = /^[A-Za-z_][A-Za-z0-9_]*\s*=/;
export const KEY_VALUE_FORMS = 'a YAML or JSON map (KEY: value) or KEY=value lines';

/** The pairs in the order written; `name` is the input's. */
export function parseKeyValues(name: string, text: string): Record<string, string> {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  return lines.every((l) => LINE.test(l.trim())) ? fromLines(name, lines) : fromMap(name, text);
}

function fromLines(name: string, lines: string[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf('=');
    const key = line.slice(0, at).trim();
    if (key in vars) throw new InputError(name, HIDDEN, `sets ${key} twice`);
    vars[key] = line.slice(at + 1);
  }
  return vars;
}

function fromMap(name: string, text: string): Record<string, string> {
  let doc: unknown;
  try {
    // failsafe: every scalar stays the text written (007 stays 007, yes stays yes).
    doc = text.trimStart().startsWith('{') ? JSON.parse(text) : parseYaml(text, { schema: 'failsafe' });
  } catch (err) {
    // The parser's message may quote the text, values included: only its kind is shown.
    const kind = err instanceof SyntaxError ? 'JSON' : 'YAML';
    throw new InputError(name, HIDDEN, `is not valid ${kind}: give ${KEY_VALUE_FORMS}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw new InputError(name, HIDDEN, `must be ${KEY_VALUE_FORMS}`);
  const vars: Record<string, string> = {};
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    if (typeof value === 'string') vars[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') vars[key] = String(value);
    else
      throw new InputError(
        name,
        HIDDEN,
        `the value of ${JSON.stringify(key.slice(0, 40))} must be text, not a list, map or null`,
      );
  }
  return vars;
}
