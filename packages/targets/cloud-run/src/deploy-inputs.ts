// deploy-green's Cloud Run inputs, checked without any call: the image, the revision's name and tag, and the
// container settings a release changes. A setting left out keeps blue's value.
import { InputError, type InputReader, type Runtime } from '@deploy-actions/core';
import { HIDDEN, parseKeyValues } from '@deploy-actions/core/key-values';
import type { CloudRunConfig } from './inputs';
import { defaultSuffix, parseImage, parseTag, revisionName } from './names';

export interface ContainerSettings {
  /** Plain variables to set; variables from secrets that are not named here are kept. */
  env?: Record<string, string>;
  cpu?: string;
  memory?: string;
  concurrency?: number;
  minInstances?: number;
}

export interface CloudRunDeployInputs {
  image: string;
  /** `{service}-{suffix}`. */
  revision: string;
  tag: string;
  settings: ContainerSettings;
}

export function readDeployInputs(
  inputs: InputReader,
  env: Runtime['env'],
  cfg: CloudRunConfig,
): CloudRunDeployInputs {
  const image = parseImage(inputs.text('image', { max: 1024 }));
  const suffixText = inputs.text('revision-suffix');
  const revision = revisionName(cfg.service, suffixText || defaultSuffix(env));
  const tag = parseTag(inputs.text('tag') || 'green', cfg.service);
  const envText = inputs.text('env-vars', { multiline: true });
  const settings: ContainerSettings = {
    ...(envText !== '' && { env: parseEnvVars(envText) }),
    ...optional('cpu', inputs.text('cpu'), parseCpu),
    ...optional('memory', inputs.text('memory'), parseMemory),
    // https://cloud.google.com/run/docs/about-concurrency: 1 to 1000 requests per instance.
    ...(inputs.text('concurrency') && { concurrency: inputs.integer('concurrency', 80, 1, 1000) }),
    // https://cloud.google.com/run/docs/configuring/min-instances
    ...(inputs.text('min-instances') && { minInstances: inputs.integer('min-instances', 0, 0, 1000) }),
  };
  return { image, revision, tag, settings };
}

function optional<K extends string>(
  key: K,
  text: string,
  parse: (t: string) => string,
): Partial<Record<K, string>> {
  return text === '' ? {} : ({ [key]: parse(text) } as Record<K, string>);
}

// Names are C identifiers here (Cloud Run takes more, shells do not); PORT and the K_ variables are Cloud
// Run's own: https://cloud.google.com/run/docs/container-contract#env-vars
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,255}$/;
const RESERVED = new Set(['PORT', 'K_SERVICE', 'K_REVISION', 'K_CONFIGURATION']);
const MAX_ENV = 1000;
const MAX_VALUE_BYTES = 32 * 1024;

export function parseEnvVars(text: string): Record<string, string> {
  const vars = parseKeyValues('env-vars', text);
  const keys = Object.keys(vars);
  if (keys.length > MAX_ENV)
    throw new InputError(
      'env-vars',
      HIDDEN,
      `sets ${keys.length} variables; Cloud Run takes at most ${MAX_ENV}`,
    );
  for (const key of keys) {
    if (!ENV_KEY.test(key))
      throw new InputError(
        'env-vars',
        HIDDEN,
        `key ${JSON.stringify(key.slice(0, 40))} is not a variable name: a letter or _, then letters, digits or _`,
      );
    if (RESERVED.has(key))
      throw new InputError('env-vars', HIDDEN, `key ${key} is reserved: Cloud Run sets it itself`);
    if (Buffer.byteLength(vars[key]!, 'utf8') > MAX_VALUE_BYTES)
      throw new InputError('env-vars', HIDDEN, `the value of ${key} is over 32 KB`);
  }
  return vars;
}

// https://cloud.google.com/run/docs/configuring/services/cpu: below 1 a fraction (at least 0.08), else 1, 2, 4, 6 or 8.
export function parseCpu(text: string): string {
  const m = /^(\d+(?:\.\d{1,3})?|\d+m)$/.exec(text);
  const cpus = !m ? NaN : text.endsWith('m') ? Number(text.slice(0, -1)) / 1000 : Number(text);
  const whole = [1, 2, 4, 6, 8];
  if (!(cpus >= 0.08 && (cpus < 1 || whole.includes(cpus)))) {
    throw new InputError(
      'cpu',
      text,
      'must be a CPU limit Cloud Run takes: 1, 2, 4, 6 or 8, or a fraction from 0.08 below 1 (such as 0.5 or 500m)',
    );
  }
  return text;
}

// https://cloud.google.com/run/docs/configuring/services/memory-limits: 128 MiB to 32 GiB.
export function parseMemory(text: string): string {
  const m = /^(\d{1,6})(Mi|Gi)$/.exec(text);
  const mib = m ? Number(m[1]) * (m[2] === 'Gi' ? 1024 : 1) : NaN;
  if (!(mib >= 128 && mib <= 32 * 1024)) {
    throw new InputError(
      'memory',
      text,
      'must be a memory limit from 128Mi to 32Gi, in Mi or Gi (such as 512Mi or 2Gi)',
    );
  }
  return text;
}
