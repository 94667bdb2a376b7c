import { InputError, resolveRegion } from '@deploy-actions/core';

// Name formats from https://docs.aws.amazon.com/lambda/latest/api/API_GetFunction.html (no qualifier: we own the alias).
const NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const ARN =
  /^arn:aws[a-zA-Z-]*:lambda:([a-z]{2}(?:-gov)?-[a-z]+-\d):(\d{12}):function:([a-zA-Z0-9_-]{1,64})$/;
const PARTIAL_ARN = /^(\d{12}):function:([a-zA-Z0-9_-]{1,64})$/;
// Alias names: https://docs.aws.amazon.com/lambda/latest/api/API_CreateAlias.html
const ALIAS = /^(?!\d+$)[a-zA-Z0-9_-]{1,128}$/;
const VERSION = /^[1-9]\d{0,9}$/;

export interface FunctionRef {
  /** As given: name, partial ARN or ARN; the SDK accepts all three. */
  name: string;
  /** The region an ARN names, if any. */
  arnRegion?: string;
}

export function parseFunctionName(input: string, value: string): FunctionRef {
  const expected =
    'must be a function name (letters, digits, - and _, at most 64) or its ARN arn:aws:lambda:REGION:ACCOUNT:function:NAME, without a version or alias';
  if (value === '') throw new InputError(input, value, `is required: ${expected}`);
  const arn = ARN.exec(value);
  if (arn) return { name: value, arnRegion: arn[1] };
  if (NAME.test(value) || PARTIAL_ARN.test(value)) return { name: value };
  throw new InputError(input, value, expected);
}

export function parseAliasName(input: string, value: string): string {
  if (!ALIAS.test(value)) {
    throw new InputError(
      input,
      value,
      'must be an alias name: 1 to 128 letters, digits, - or _, not only digits',
    );
  }
  return value;
}

/** A published version number; $LATEST can never carry weighted traffic. */
export function parseVersion(input: string, value: string): string {
  if (value === '$LATEST') {
    throw new InputError(
      input,
      value,
      'must be a published version number: an alias cannot route weighted traffic to $LATEST',
    );
  }
  if (!VERSION.test(value))
    throw new InputError(input, value, 'must be a published version number such as 7');
  return value;
}

/** Region from aws-region / AWS_REGION, or the function ARN's own region; a contradiction is an input error. */
export function regionFor(
  fn: FunctionRef,
  regionInput: string,
  env: Record<string, string | undefined>,
): string {
  if (fn.arnRegion && regionInput === '') return fn.arnRegion;
  const region = resolveRegion(regionInput, env);
  if (fn.arnRegion && fn.arnRegion !== region) {
    throw new InputError(
      'aws-region',
      region,
      `must match the region of function-name's ARN (${fn.arnRegion})`,
    );
  }
  return region;
}

/** The bare function name of a name, partial ARN or ARN: one function has one history however it is named. */
export function plainName(fn: FunctionRef): string {
  return fn.name.slice(fn.name.lastIndexOf(':') + 1);
}
