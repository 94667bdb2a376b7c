import { describe, it, expect } from '@jest/globals';
import { InputReader } from '@deploy-actions/core';
import { readSource } from '../src/inputs';
import { inputError } from '@deploy-actions/testbed/input-error';

const source = (inputs: Record<string, string>) => readSource(new InputReader((n) => inputs[n] ?? ''), '.');

describe('deploy-green code source', () => {
  it('names the input the user gave when two sources collide', () => {
    expect(inputError(() => source({ 'zip-file': 'a.zip', 's3-key': 'k.zip' })).message).toMatch(
      /^Input "s3-key" has value "k.zip": cannot be combined with zip-file/,
    );
    expect(inputError(() => source({ 'image-uri': 'x', 's3-bucket': 'b-1' })).message).toMatch(
      /^Input "image-uri" has value "x": cannot be combined with s3-bucket/,
    );
  });

  it.each(['my..bucket', '192.168.1.1', 'xn--bucket', 'sthree-bucket', 'data-s3alias', 'Upper', 'ab', 'a_b'])(
    'refuses the bucket name %s, which S3 forbids',
    (bucket) => {
      expect(inputError(() => source({ 's3-bucket': bucket, 's3-key': 'k.zip' })).input).toBe('s3-bucket');
    },
  );

  it('accepts a bucket S3 allows, with key and object version', () => {
    expect(
      source({ 's3-bucket': 'builds.example-1', 's3-key': 'orders/1.zip', 's3-object-version': 'v7' }),
    ).toEqual({
      kind: 's3',
      bucket: 'builds.example-1',
      key: 'orders/1.zip',
      objectVersion: 'v7',
    });
  });

  it('keeps an error message on one line when the value holds a line separator', () => {
    const err = inputError(() => source({ 'image-uri': 'repo\u2028uri' }));
    expect(err.message).not.toMatch(/[\r\n\u2028\u2029]/);
    expect(err.message).toContain('repo\\u2028uri');
  });
});
