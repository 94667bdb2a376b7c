import { describe, it, expect } from '@jest/globals';
import { InputReader } from '@deploy-actions/core';
import { inputError } from '@deploy-actions/testbed/input-error';
import { readConfigInputs } from '../src/config-inputs';
import type { CodeSource } from '../src/deploy';

const ZIP: CodeSource = { kind: 'zip', zip: new Uint8Array([0x50, 0x4b, 3, 4]), path: 'a.zip' };
const read = (inputs: Record<string, string>, source: CodeSource = { kind: 'none' }) =>
  readConfigInputs(new InputReader((n) => inputs[n] ?? ''), source, 'us-east-1');
const layer = (name: string, v = 1, region = 'us-east-1') =>
  `arn:aws:lambda:${region}:123456789012:layer:${name}:${v}`;

describe('deploy-green configuration inputs', () => {
  it('leaves out every field not given, so that only those given change', () => {
    expect(read({})).toEqual({ settings: {}, createIfMissing: false });
    expect(read({ 'memory-size': '256' }).settings).toEqual({ memorySize: 256 });
  });

  it('reads every field, units allowed on the numbers', () => {
    expect(
      read(
        {
          'memory-size': '1769 MB',
          timeout: '30s',
          'ephemeral-storage': '10240',
          'tracing-mode': 'active',
          'function-description': 'orders API',
          runtime: 'python3.13',
          handler: 'app.handler',
          architectures: 'arm64',
          layers: `${layer('a')}, ${layer('b', 7)}\n${layer('c')}`,
        },
        ZIP,
      ).settings,
    ).toEqual({
      memorySize: 1769,
      timeout: 30,
      ephemeralStorage: 10240,
      tracingMode: 'Active',
      description: 'orders API',
      runtime: 'python3.13',
      handler: 'app.handler',
      architecture: 'arm64',
      layers: [layer('a'), layer('b', 7), layer('c')],
    });
  });

  it.each([
    ['memory-size', '127'],
    ['memory-size', '10241'],
    ['timeout', '0'],
    ['timeout', '901'],
    ['ephemeral-storage', '511'],
    ['ephemeral-storage', '10241'],
  ])('refuses %s %s, outside what Lambda accepts', (name, value) => {
    expect(inputError(() => read({ [name]: value })).input).toBe(name);
  });

  it('accepts the limits themselves', () => {
    expect(read({ 'memory-size': '128', timeout: '900', 'ephemeral-storage': '512' }).settings).toEqual({
      memorySize: 128,
      timeout: 900,
      ephemeralStorage: 512,
    });
    expect(read({ 'memory-size': '10240', timeout: '1' }).settings).toEqual({
      memorySize: 10240,
      timeout: 1,
    });
  });

  it('takes env-vars as KEY=value lines, a YAML map or a JSON map, values as written', () => {
    expect(read({ 'env-vars': 'API_URL=https://x.example/a=b\n# comment\n\nMODE=canary' }).settings).toEqual({
      environment: { API_URL: 'https://x.example/a=b', MODE: 'canary' },
    });
    expect(read({ 'env-vars': 'MODE: canary\nRETRIES: 007\nDEBUG: yes' }).settings.environment).toEqual({
      MODE: 'canary',
      RETRIES: '007',
      DEBUG: 'yes',
    });
    expect(
      read({ 'env-vars': '{"MODE": "canary", "RETRIES": 3, "DEBUG": true}' }).settings.environment,
    ).toEqual({
      MODE: 'canary',
      RETRIES: '3',
      DEBUG: 'true',
    });
    expect(read({ 'env-vars': '{}' }).settings.environment).toEqual({});
  });

  it('allows 4 KB of keys and values, and refuses a byte more without showing a value', () => {
    const fill = (n: number) => `BIG=${'v'.repeat(n - 3)}`;
    expect(read({ 'env-vars': fill(4096) }).settings.environment!.BIG).toHaveLength(4093);
    const err = inputError(() => read({ 'env-vars': fill(4097) }));
    expect(err.message).toBe(
      'Input "env-vars" has value "***": holds 4097 bytes of keys and values; Lambda allows at most 4 KB (4096 bytes) in all',
    );
  });

  it.each([
    ['a reserved key', 'AWS_REGION=eu-west-1', /key AWS_REGION is reserved/],
    ['a key that is not a name', '1ABC: secret-1', /key "1ABC" is not a variable name/],
    ['a one-letter key', 'A=secret-1', /key "A" is not a variable name/],
    ['a key given twice', 'MODE=secret-1\nMODE=secret-2', /sets MODE twice/],
    ['malformed YAML', 'MODE: [secret-1', /is not valid YAML/],
    ['malformed JSON', '{"MODE": "secret-1"', /is not valid JSON/],
    ['a list', '- secret-1\n- secret-2', /must be a YAML or JSON map/],
    ['a nested map', 'MODE:\n  inner: secret-1', /value of "MODE" must be text/],
  ])('refuses env-vars with %s, and never shows a value', (_label, text, why) => {
    const err = inputError(() => read({ 'env-vars': text }));
    expect(err.input).toBe('env-vars');
    expect(err.message).toMatch(why);
    expect(err.message).not.toMatch(/secret-|eu-west-1/);
  });

  it.each([
    [
      'six layers',
      [1, 2, 3, 4, 5, 6].map((i) => layer(`l${i}`)).join(','),
      /names 6 layers; a function can use at most 5/,
    ],
    [
      'a layer of another region',
      layer('a', 1, 'eu-west-1'),
      /names a layer in eu-west-1; the function is in us-east-1/,
    ],
    ['one layer twice', `${layer('a', 1)},${layer('a', 2)}`, /names layer a twice/],
    ['a layer without version', 'arn:aws:lambda:us-east-1:123456789012:layer:a', /is not one/],
  ])('refuses layers with %s', (_label, text, why) => {
    const err = inputError(() => read({ layers: text }));
    expect(err.input).toBe('layers');
    expect(err.message).toMatch(why);
  });

  it('refuses an unknown runtime and says when it is a retired one', () => {
    expect(inputError(() => read({ runtime: 'nodejs99.x' })).message).toMatch(
      /must be a Lambda runtime identifier: nodejs26.x/,
    );
    expect(inputError(() => read({ runtime: 'python2.7' })).message).toMatch(/is a retired runtime/);
  });

  it('refuses architectures without a code source, and more than one architecture', () => {
    expect(inputError(() => read({ architectures: 'arm64' })).message).toMatch(
      /^Input "architectures" has value "arm64": needs a code source/,
    );
    expect(inputError(() => read({ architectures: 'x86_64,arm64' }, ZIP)).input).toBe('architectures');
  });

  it('refuses runtime, handler and layers with a container image', () => {
    const image: CodeSource = { kind: 'image', uri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/o:1' };
    expect(inputError(() => read({ runtime: 'nodejs22.x' }, image)).message).toMatch(
      /a container image .* brings its own/,
    );
    expect(inputError(() => read({ handler: 'index.handler' }, image)).input).toBe('handler');
    expect(inputError(() => read({ layers: layer('a') }, image)).input).toBe('layers');
  });

  it('wants an IAM role ARN', () => {
    expect(read({ role: 'arn:aws:iam::123456789012:role/service-role/orders' }).settings.role).toBe(
      'arn:aws:iam::123456789012:role/service-role/orders',
    );
    for (const bad of ['orders', 'arn:aws:iam::123456789012:user/orders', 'arn:aws:iam::1234:role/x'])
      expect(inputError(() => read({ role: bad })).input).toBe('role');
  });

  it('create-if-missing needs a code source, role and, for a .zip, runtime and handler', () => {
    const full = {
      'create-if-missing': 'true',
      role: 'arn:aws:iam::123456789012:role/r',
      runtime: 'nodejs22.x',
      handler: 'index.handler',
    };
    expect(read(full, ZIP).createIfMissing).toBe(true);
    expect(inputError(() => read(full)).input).toBe('create-if-missing');
    expect(inputError(() => read({ ...full, role: '' }, ZIP)).message).toMatch(
      /^Input "role" is empty: is required with create-if-missing/,
    );
    expect(inputError(() => read({ ...full, runtime: '' }, ZIP)).input).toBe('runtime');
    expect(inputError(() => read({ ...full, handler: '' }, ZIP)).input).toBe('handler');
    const image: CodeSource = { kind: 'image', uri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/o:1' };
    expect(read({ 'create-if-missing': 'true', role: full.role }, image).createIfMissing).toBe(true);
    expect(inputError(() => read({ 'create-if-missing': 'yes' })).input).toBe('create-if-missing');
  });
});
