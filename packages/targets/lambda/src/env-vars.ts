// env-vars: a YAML or JSON map, or KEY=value lines. Values may be secrets: no message ever shows one.
import { InputError } from '@deploy-actions/core';
import { parse as parseYaml } from 'yaml';

// Key names, reserved keys and the 4 KB limit: https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html
const KEY = /^[a-zA-Z][a-zA-Z0-9_]+$/;
const RESERVED = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
]);
export const MAX_ENV_BYTES = 4 * 1024;
/** What an error shows instead of the input's text, which holds the values. */
const HIDDEN = '***';
const LINE = /^[A-Za-z_][A-Za-z0-9_]*\s*=/;
const FORMS = 'a YAML or JSON map (KEY: value) or KEY=value lines';

/** The variables, as the function's whole environment; `name` is the input's. */
export function parseEnvVars(name: string, text: string): Record<string, string> {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  const vars = lines.every((l) => LINE.test(l.trim())) ? fromLines(name, lines) : fromMap(name, text);
  let bytes = 0;
  for (const [key, value] of Object.entries(vars)) {
    if (!KEY.test(key))
      throw new InputError(
        name,
        HIDDEN,
        `key ${JSON.stringify(key.slice(0, 40))} is not a variable name: a letter, then letters, digits or _ (at least 2 characters)`,
      );
    if (RESERVED.has(key))
      throw new InputError(name, HIDDEN, `key ${key} is reserved: Lambda sets it itself`);
    bytes += Buffer.byteLength(key, 'utf8') + Buffer.byteLength(value, 'utf8');
  }
  if (bytes > MAX_ENV_BYTES)
    throw new InputError(
      name,
      HIDDEN,
      `holds ${bytes} bytes of keys and values; Lambda allows at most 4 KB (${MAX_ENV_BYTES} bytes) in all`,
    );
  return vars;
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
    throw new InputError(name, HIDDEN, `is not valid ${kind}: give ${FORMS}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw new InputError(name, HIDDEN, `must be ${FORMS}`);
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
