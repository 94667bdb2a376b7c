// env-vars: the shared map parser (a YAML or JSON map, or KEY=value lines; no message shows a value) with
// Lambda's rules for keys and size.
import { InputError } from '@deploy-actions/core';
import { HIDDEN, parseKeyValues } from '@deploy-actions/core/key-values';

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

/** The variables, as the function's whole environment; `name` is the input's. */
export function parseEnvVars(name: string, text: string): Record<string, string> {
  const vars = parseKeyValues(name, text);
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
