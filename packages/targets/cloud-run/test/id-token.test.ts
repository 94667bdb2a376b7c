import { describe, expect, it } from '@jest/globals';
import { InputError, InputReader } from '@deploy-actions/core';
import { fakeClock } from '@deploy-actions/testbed/clock';
import type { Http } from '../src/api';
import { idTokenSource } from '../src/id-token';
import { readCloudRunConfig, type CloudRunConfig } from '../src/inputs';
import { runApi } from '../src/run-api';
import { CFG, FakeRun } from './fake-run';

const BASE = {
  service: 'orders',
  region: 'us-central1',
  project: 'orders-prod',
  'http-url': 'https://x.run.app/h',
};
const ACCOUNT = 'prober@orders-prod.iam.gserviceaccount.com';
const config = (inputs: Record<string, string>) =>
  readCloudRunConfig(new InputReader((n) => ({ ...BASE, ...inputs })[n] ?? ''), {})!;
const failure = (inputs: Record<string, string>): string => {
  try {
    config(inputs);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('no input error');
};

describe('http-id-token and service-account', () => {
  it('is off by default; with ADC the account comes from the credentials, or service-account', () => {
    expect(config({}).idToken).toBeUndefined();
    expect(config({ 'http-id-token': 'true' }).idToken).toEqual({});
    expect(config({ 'http-id-token': 'true', 'service-account': ACCOUNT }).idToken).toEqual({
      serviceAccount: ACCOUNT,
    });
  });

  it('refuses what cannot work, naming the input', () => {
    expect(failure({ 'http-id-token': 'true', 'access-token': 'ya29.x' })).toMatch(
      /^Input "service-account" is empty: is required with http-id-token and access-token/,
    );
    expect(failure({ 'http-id-token': 'true', 'http-url': '' })).toBe(
      'Input "http-id-token" has value "true": needs http-url: the token goes with the HTTP probe',
    );
    expect(failure({ 'http-id-token': 'true', 'http-headers': 'authorization: Bearer abc' })).toMatch(
      /^Input "http-id-token" has value "true": sends the Authorization header itself/,
    );
    expect(failure({ 'http-id-token': 'true', 'service-account': 'prober' })).toMatch(
      /^Input "service-account" has value "prober": must be a service account email/,
    );
    expect(failure({ 'service-account': ACCOUNT })).toMatch(
      /^Input "service-account" has value .*: is the account of http-id-token: true/,
    );
    expect(failure({ 'http-id-token': 'yes' })).toMatch(/^Input "http-id-token" has value "yes"/);
  });
});

describe('the ID token with access-token', () => {
  it('is minted by generateIdToken for service-account with the service URL as audience, then reused', async () => {
    const run = new FakeRun();
    const minted: { url: string; body: unknown }[] = [];
    const http: Http = {
      call: async <T>(method: string, url: string, opts: { body?: unknown } = {}) => {
        if (url.includes('iamcredentials')) {
          minted.push({ url, body: opts.body });
          return { token: `id-token-${minted.length}` } as T;
        }
        return run.call<T>(method, url, opts as never);
      },
    };
    const clock = fakeClock();
    const cfg: CloudRunConfig = { ...CFG, idToken: { serviceAccount: ACCOUNT } };
    const token = idTokenSource(cfg, runApi(http, cfg, clock), http, clock);
    expect(await token()).toBe('id-token-1');
    expect(await token()).toBe('id-token-1');
    expect(minted).toEqual([
      {
        url: `https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/${ACCOUNT}:generateIdToken`,
        body: { audience: 'https://orders-xyz-uc.a.run.app', includeEmail: true },
      },
    ]);
    // An hour's token is replaced well before it runs out.
    await clock.sleep(46 * 60_000);
    expect(await token()).toBe('id-token-2');
  });
});
