import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { parseAliasName, parseFunctionName, parseVersion, regionFor } from '../src/names';
import { inputError } from '@deploy-actions/testbed/input-error';

const ACCOUNT = '123456789012';

describe('parseFunctionName', () => {
  it.each(['orders-api', 'Orders_API_2', 'a', 'f'.repeat(64)])('accepts the name %j', (name) => {
    expect(parseFunctionName('function-name', name)).toEqual({ name });
  });

  it.each([
    ['aws', 'us-east-1'],
    ['aws', 'eu-central-1'],
    ['aws', 'ap-southeast-2'],
    ['aws-cn', 'cn-north-1'],
    ['aws-us-gov', 'us-gov-west-1'],
  ])('accepts a full %s ARN and takes its region %s', (partition, region) => {
    const arn = `arn:${partition}:lambda:${region}:${ACCOUNT}:function:orders-api`;
    // The ARN is passed on whole: the SDK accepts it as FunctionName.
    expect(parseFunctionName('function-name', arn)).toEqual({ name: arn, arnRegion: region });
  });

  it('accepts a partial ARN, which names no region', () => {
    const partial = `${ACCOUNT}:function:orders-api`;
    expect(parseFunctionName('function-name', partial)).toEqual({ name: partial });
  });

  it.each([
    'fn:live',
    'fn:3',
    'fn:$LATEST',
    `arn:aws:lambda:us-east-1:${ACCOUNT}:function:fn:3`,
    `arn:aws:lambda:us-east-1:${ACCOUNT}:function:fn:live`,
    `${ACCOUNT}:function:fn:3`,
  ])('rejects the qualified %j: the action owns the alias', (value) => {
    const err = inputError(() => parseFunctionName('function-name', value));
    expect(err.input).toBe('function-name');
    expect(err.message).toContain(`Input "function-name" has value ${JSON.stringify(value)}`);
    expect(err.message).toContain('without a version or alias');
  });

  it('rejects a 65-character name, bare or inside an ARN', () => {
    const long = 'f'.repeat(65);
    expect(inputError(() => parseFunctionName('function-name', long)).input).toBe('function-name');
    const arn = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${long}`;
    expect(inputError(() => parseFunctionName('function-name', arn)).input).toBe('function-name');
  });

  it.each([
    'a;rm -rf /',
    '$(id)',
    '`id`',
    '../x',
    'a b',
    'a|b',
    'fn\n::error::owned',
    'orders.api',
    `arn:aws:lambda:us-east-1:12345678901:function:fn`,
    `arn:aws:lambda:us-east-1:${ACCOUNT}:layer:fn`,
    `arn:aws:s3:us-east-1:${ACCOUNT}:function:fn`,
  ])('rejects %j, naming the input and the accepted forms', (value) => {
    const err = inputError(() => parseFunctionName('function-name', value));
    expect(err.input).toBe('function-name');
    expect(err.value).toBe(value);
    expect(err.message).toContain(
      'must be a function name (letters, digits, - and _, at most 64) or its ARN',
    );
  });

  it('reports an empty value as required', () => {
    expect(inputError(() => parseFunctionName('function-name', '')).message).toContain(
      'Input "function-name" is empty: is required:',
    );
  });

  it('accepts exactly the names of 1 to 64 letters, digits, - and _', () => {
    const allowed = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'.split('');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...allowed), minLength: 1, maxLength: 64 }), (name) => {
        expect(parseFunctionName('function-name', name)).toEqual({ name });
      }),
    );
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 80 }).filter((s) => !/^[a-zA-Z0-9_-]{1,64}$/.test(s)),
        (value) => {
          // Any other text can only pass as an ARN or partial ARN, which always contain ":function:".
          fc.pre(!value.includes(':function:'));
          expect(inputError(() => parseFunctionName('function-name', value)).input).toBe('function-name');
        },
      ),
    );
  });
});

describe('parseAliasName', () => {
  it.each(['live', 'prod-2', 'v1', 'A_b-C', '1a', 'a'.repeat(128)])('accepts %j', (alias) => {
    expect(parseAliasName('alias', alias)).toBe(alias);
  });

  it.each(['1', '42', '007'])('rejects %j: an alias of only digits would read as a version', (alias) => {
    const err = inputError(() => parseAliasName('alias', alias));
    expect(err.message).toBe(
      `Input "alias" has value "${alias}": must be an alias name: 1 to 128 letters, digits, - or _, not only digits`,
    );
  });

  it.each(['', 'a'.repeat(129), 'live:1', 'my alias', '$LATEST', 'a/b', 'x\n::error::y'])(
    'rejects %j naming the input',
    (alias) => {
      expect(inputError(() => parseAliasName('alias', alias)).input).toBe('alias');
    },
  );
});

describe('parseVersion', () => {
  it.each(['1', '7', '10', '4294967295'])('accepts %j', (v) => {
    expect(parseVersion('green-version', v)).toBe(v);
  });

  it('rejects $LATEST, explaining that an alias cannot weight traffic to it', () => {
    const err = inputError(() => parseVersion('green-version', '$LATEST'));
    expect(err.input).toBe('green-version');
    expect(err.message).toContain('Input "green-version" has value "$LATEST"');
    expect(err.message).toContain('weighted traffic');
  });

  it.each(['0', '01', '-1', '1.0', '', 'v7', '7 ', '1e3', 'live'])('rejects %j naming the input', (v) => {
    const err = inputError(() => parseVersion('green-version', v));
    expect(err.input).toBe('green-version');
    expect(err.message).toContain('must be a published version number such as 7');
  });

  it('accepts every positive whole number written without leading zeros', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (n) => {
        expect(parseVersion('version', String(n))).toBe(String(n));
      }),
    );
  });
});

describe('regionFor', () => {
  const arnIn = (region: string) =>
    parseFunctionName('function-name', `arn:aws:lambda:${region}:${ACCOUNT}:function:fn`);
  const byName = parseFunctionName('function-name', 'fn');

  it("uses the ARN's region when aws-region is empty, over AWS_REGION", () => {
    expect(regionFor(arnIn('eu-west-1'), '', { AWS_REGION: 'us-east-1' })).toBe('eu-west-1');
    expect(regionFor(arnIn('eu-west-1'), '', {})).toBe('eu-west-1');
  });

  it('accepts aws-region when it agrees with the ARN', () => {
    expect(regionFor(arnIn('eu-west-1'), 'eu-west-1', {})).toBe('eu-west-1');
  });

  it('rejects an aws-region that contradicts the ARN, naming aws-region and both regions', () => {
    const err = inputError(() => regionFor(arnIn('eu-west-1'), 'us-east-1', {}));
    expect(err.input).toBe('aws-region');
    expect(err.message).toContain('Input "aws-region" has value "us-east-1"');
    expect(err.message).toContain('eu-west-1');
  });

  it('prefers aws-region over AWS_REGION for a plain name', () => {
    expect(regionFor(byName, 'ap-south-1', { AWS_REGION: 'us-east-1' })).toBe('ap-south-1');
  });

  it('falls back to AWS_REGION, then AWS_DEFAULT_REGION', () => {
    expect(regionFor(byName, '', { AWS_REGION: 'us-east-2', AWS_DEFAULT_REGION: 'us-west-2' })).toBe(
      'us-east-2',
    );
    expect(regionFor(byName, '', { AWS_DEFAULT_REGION: 'us-west-2' })).toBe('us-west-2');
  });

  it('rejects a missing region, naming aws-region and AWS_REGION', () => {
    const err = inputError(() => regionFor(byName, '', {}));
    expect(err.input).toBe('aws-region');
    expect(err.message).toContain('Input "aws-region" is empty: is required when AWS_REGION is not set');
  });

  it('rejects a malformed region naming aws-region', () => {
    expect(inputError(() => regionFor(byName, 'US East', {})).input).toBe('aws-region');
  });
});
