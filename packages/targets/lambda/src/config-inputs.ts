// deploy-green's function configuration inputs, checked without any call: only the fields given change.
import { InputError, type InputReader } from '@deploy-actions/core';
import type { CodeSource } from './deploy';
import { parseEnvVars } from './env-vars';

export type Architecture = 'x86_64' | 'arm64';

/** The configuration the inputs ask for; a field left out keeps the function's own value. */
export interface FunctionSettings {
  memorySize?: number;
  timeout?: number;
  environment?: Record<string, string>;
  layers?: string[];
  runtime?: string;
  handler?: string;
  ephemeralStorage?: number;
  tracingMode?: 'Active' | 'PassThrough';
  description?: string;
  /** Only for a function deploy-green creates; on an existing one it must equal the function's role. */
  role?: string;
  /** Goes with the code (UpdateFunctionCode, CreateFunction). */
  architecture?: Architecture;
}

export interface ConfigInputs {
  settings: FunctionSettings;
  createIfMissing: boolean;
}

/** The inputs of this file, in the order the target lists them. */
export const CONFIG_INPUTS = [
  'memory-size',
  'timeout',
  'env-vars',
  'layers',
  'runtime',
  'handler',
  'architectures',
  'ephemeral-storage',
  'tracing-mode',
  'function-description',
  'role',
  'create-if-missing',
] as const;

// Runtime identifiers of the API (Runtime in https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html).
export const RUNTIMES = [
  'nodejs26.x',
  'nodejs24.x',
  'nodejs22.x',
  'nodejs20.x',
  'nodejs18.x',
  'python3.15',
  'python3.14',
  'python3.13',
  'python3.12',
  'python3.11',
  'python3.10',
  'python3.9',
  'java25',
  'java21',
  'java17',
  'java17.al2023',
  'java11',
  'java11.al2023',
  'java8.al2',
  'java8.al2023',
  'dotnet10',
  'dotnet8',
  'ruby4.0',
  'ruby3.4',
  'ruby3.3',
  'ruby3.2',
  'provided.al2023',
  'provided.al2',
] as const;
// Runtimes long retired, on which Lambda blocks creating and updating functions: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html
const RETIRED =
  /^(nodejs|nodejs4\.3(-edge)?|nodejs6\.10|nodejs8\.10|nodejs1[0246]\.x|python2\.7|python3\.[678]|java8|dotnetcore[123]\.\d|dotnet6|go1\.x|ruby2\.[57]|provided)$/;
// Role and layer version ARNs, handler: https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html
// Role names (at most 64 characters) under an optional path: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
const ROLE_ARN = /^arn:aws[a-zA-Z-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const LAYER_ARN =
  /^arn:aws[a-zA-Z-]*:lambda:([a-z]{2}(?:-gov)?-[a-z]+-\d):\d{12}:layer:([a-zA-Z0-9_-]+):[0-9]+$/;
const HANDLER = /^[^\s]{1,128}$/;
// At most five layers: https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html
const MAX_LAYERS = 5;

/** Every configuration input, checked against the code source and the function's region. */
export function readConfigInputs(inputs: InputReader, source: CodeSource, region: string): ConfigInputs {
  const settings: FunctionSettings = {
    ...numbers(inputs),
    ...(inputs.text('env-vars', { multiline: true }) !== '' && {
      environment: parseEnvVars('env-vars', inputs.text('env-vars', { multiline: true })),
    }),
    ...runtimeAndHandler(inputs, source),
    ...layers(inputs, region),
    ...architecture(inputs, source),
    ...other(inputs),
  };
  const createIfMissing = inputs.oneOf('create-if-missing', ['true', 'false'] as const, 'false') === 'true';
  if (createIfMissing) checkCreation(inputs, source, settings);
  return { settings, createIfMissing };
}

/** Limits of https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html (memory 128-10,240 MB, timeout 1-900 s, /tmp 512-10,240 MB). */
function numbers(inputs: InputReader): Pick<FunctionSettings, 'memorySize' | 'timeout' | 'ephemeralStorage'> {
  const read = (name: string, min: number, max: number, unit: string) => {
    if (inputs.text(name) === '') return undefined;
    const value = inputs.text(name).replace(new RegExp(`\\s*${unit}$`, 'i'), '');
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
      throw new InputError(
        name,
        inputs.text(name),
        `must be a whole number of ${unit} from ${min} to ${max}`,
      );
    return Number(value);
  };
  const memorySize = read('memory-size', 128, 10_240, 'MB');
  const timeout = read('timeout', 1, 900, 's');
  const ephemeralStorage = read('ephemeral-storage', 512, 10_240, 'MB');
  return {
    ...(memorySize !== undefined && { memorySize }),
    ...(timeout !== undefined && { timeout }),
    ...(ephemeralStorage !== undefined && { ephemeralStorage }),
  };
}

function layers(inputs: InputReader, region: string): Pick<FunctionSettings, 'layers'> {
  const text = inputs.text('layers', { multiline: true });
  if (text === '') return {};
  const arns = text.split(/[\s,]+/).filter(Boolean);
  if (arns.length > MAX_LAYERS)
    throw new InputError(
      'layers',
      text,
      `names ${arns.length} layers; a function can use at most ${MAX_LAYERS}`,
    );
  const seen = new Set<string>();
  for (const arn of arns) {
    const m = LAYER_ARN.exec(arn);
    if (!m || arn.length > 140)
      throw new InputError(
        'layers',
        text,
        `must be layer version ARNs (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION), comma or line separated; "${arn}" is not one`,
      );
    // A function uses layers of its own region only: https://docs.aws.amazon.com/lambda/latest/dg/adding-layers.html
    if (region && m[1] !== region)
      throw new InputError('layers', text, `names a layer in ${m[1]}; the function is in ${region}`);
    const name = arn.slice(0, arn.lastIndexOf(':'));
    if (seen.has(name))
      throw new InputError('layers', text, `names layer ${m[2]} twice; give one version of it`);
    seen.add(name);
  }
  return { layers: arns };
}

function runtimeAndHandler(
  inputs: InputReader,
  source: CodeSource,
): Pick<FunctionSettings, 'runtime' | 'handler'> {
  const runtime = inputs.text('runtime');
  const handler = inputs.text('handler');
  // A container image brings its runtime, handler and dependencies: https://docs.aws.amazon.com/lambda/latest/dg/images-create.html
  for (const name of ['runtime', 'handler', 'layers']) {
    const value = inputs.text(name, { multiline: true });
    if (value && source.kind === 'image')
      throw new InputError(name, value, 'is for .zip packages; a container image (image-uri) brings its own');
  }
  if (runtime && !(RUNTIMES as readonly string[]).includes(runtime)) {
    const retired = RETIRED.test(runtime);
    throw new InputError(
      'runtime',
      runtime,
      retired
        ? 'is a retired runtime: Lambda no longer creates or updates functions on it'
        : `must be a Lambda runtime identifier: ${RUNTIMES.join(', ')}`,
    );
  }
  if (handler && !HANDLER.test(handler))
    throw new InputError(
      'handler',
      handler,
      'must be the handler, at most 128 characters without spaces (index.handler)',
    );
  return { ...(runtime && { runtime }), ...(handler && { handler }) };
}

/** One architecture: https://docs.aws.amazon.com/lambda/latest/dg/foundation-arch.html */
function architecture(inputs: InputReader, source: CodeSource): Pick<FunctionSettings, 'architecture'> {
  const text = inputs.text('architectures');
  if (text === '') return {};
  const arch = inputs.oneOf('architectures', ['x86_64', 'arm64'] as const, 'x86_64');
  if (source.kind === 'none')
    throw new InputError(
      'architectures',
      text,
      'needs a code source (zip-file, s3-bucket/s3-key or image-uri): Lambda changes the architecture only with the code built for it',
    );
  return { architecture: arch };
}

function other(inputs: InputReader): Pick<FunctionSettings, 'tracingMode' | 'description' | 'role'> {
  const tracing = inputs.text('tracing-mode');
  // Function descriptions are at most 256 characters: https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html
  const description = inputs.text('function-description', { max: 256 });
  const role = inputs.text('role');
  if (role && !ROLE_ARN.test(role))
    throw new InputError('role', role, 'must be an IAM role ARN: arn:aws:iam::ACCOUNT:role/NAME');
  return {
    ...(tracing && {
      tracingMode: inputs.oneOf('tracing-mode', ['Active', 'PassThrough'] as const, 'PassThrough'),
    }),
    ...(description && { description }),
    ...(role && { role }),
  };
}

/** CreateFunction needs a role, the code and, for a .zip, runtime and handler: https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html */
function checkCreation(inputs: InputReader, source: CodeSource, s: FunctionSettings): void {
  const value = inputs.text('create-if-missing');
  if (source.kind === 'none')
    throw new InputError(
      'create-if-missing',
      value,
      'needs a code source to create the function from: zip-file, s3-bucket/s3-key or image-uri',
    );
  if (!s.role)
    throw new InputError(
      'role',
      '',
      'is required with create-if-missing: the execution role ARN of the new function',
    );
  if (source.kind !== 'image') {
    if (!s.runtime)
      throw new InputError(
        'runtime',
        '',
        'is required with create-if-missing and a .zip package (nodejs22.x, python3.13...)',
      );
    if (!s.handler)
      throw new InputError(
        'handler',
        '',
        'is required with create-if-missing and a .zip package (index.handler)',
      );
  }
}
