import { describe, expect, it } from '@jest/globals';
import { InputError, InputReader } from '@deploy-actions/core';
import { cloudRunTarget } from '../src/index';
import type { CloudRunConfig } from '../src/inputs';

const BASE = { service: 'orders', region: 'us-central1', project: 'orders-prod' };
const ENV = { GITHUB_SHA: 'ABCDEF0123456789abcdef0123456789abcdef01', GITHUB_RUN_ATTEMPT: '2' };
const reader = (inputs: Record<string, string>) => new InputReader((n) => inputs[n] ?? '');
const config = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  cloudRunTarget.readConfig(reader({ ...BASE, ...inputs }), env) as CloudRunConfig;
const deployInputs = (inputs: Record<string, string>) =>
  cloudRunTarget.deploy.readInputs(reader({ ...BASE, ...inputs }), ENV, config(inputs));
const failure = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('no input error');
};

describe('Cloud Run inputs', () => {
  it('takes the project google-github-actions/auth exports, Google’s endpoints by default', () => {
    const cfg = config({ project: '' }, { GOOGLE_CLOUD_PROJECT: 'from-auth-1' });
    expect(cfg).toMatchObject({
      project: 'from-auth-1',
      api: 'https://run.googleapis.com',
      monitoring: 'https://monitoring.googleapis.com',
      auth: 'adc',
      cloudwatch: false,
      history: { targetKind: 'cloud-run', resource: 'from-auth-1/us-central1/orders' },
    });
    expect(config({ project: '' }, { CLOUDSDK_CORE_PROJECT: 'core-project' }).project).toBe('core-project');
    expect(failure(() => config({ project: '' }))).toMatch(
      /^Input "project" is empty: is required when google-github-actions\/auth/,
    );
  });

  it('takes https endpoints and plain http on loopback only', () => {
    expect(config({ 'api-endpoint': 'https://run-psc.p.googleapis.com/' }).api).toBe(
      'https://run-psc.p.googleapis.com',
    );
    expect(config({ 'monitoring-endpoint': 'http://127.0.0.1:8123' }).monitoring).toBe(
      'http://127.0.0.1:8123',
    );
    expect(failure(() => config({ 'api-endpoint': 'http://run.internal.example:80' }))).toBe(
      'Input "api-endpoint" has value "http://run.internal.example:80": is plain http to run.internal.example, not a loopback address: use https',
    );
    expect(failure(() => config({ 'monitoring-endpoint': 'https://m.example/v3' }))).toMatch(
      /^Input "monitoring-endpoint" .*must be an https:\/\/ origin/,
    );
  });

  it('never shows the access token in an error, and keeps it out of the saved config', () => {
    const cfg = config({ 'access-token': 'ya29.secret-token' });
    expect(cfg.auth).toBe('access-token');
    expect(JSON.stringify(cfg)).not.toContain('ya29');
    expect(failure(() => config({ 'access-token': 'ya29 has spaces' }))).toBe(
      'Input "access-token" has value "***": must be an OAuth 2.0 access token: printable characters without spaces',
    );
  });

  it('refuses regions, services and CloudWatch alarms that cannot be', () => {
    expect(failure(() => config({ region: 'us-east-1' }))).toMatch(
      /^Input "region" has value "us-east-1": must be a Google Cloud region/,
    );
    expect(failure(() => config({ service: 'Orders' }))).toMatch(/^Input "service" has value "Orders"/);
    expect(failure(() => config({ alarms: 'orders-5xx' }))).toMatch(
      /^Input "alarms" .*target cloud-run does not read/,
    );
  });

  it('names green {service}-{short commit}-{attempt} by default, checks the suffix and the tag', () => {
    const image = 'us-docker.pkg.dev/p/app/orders:2';
    expect(deployInputs({ image })).toEqual({
      image,
      revision: 'orders-abcdef0-2',
      tag: 'green',
      settings: {},
    });
    expect(deployInputs({ image, 'revision-suffix': 'v2-1' }).revision).toBe('orders-v2-1');
    expect(failure(() => deployInputs({ image, 'revision-suffix': 'V2' }))).toMatch(
      /^Input "revision-suffix" has value "V2"/,
    );
    expect(failure(() => deployInputs({ image, 'revision-suffix': 'a'.repeat(57) }))).toMatch(
      /of 64 characters/,
    );
    expect(failure(() => deployInputs({ image, service: 'orders-api', tag: 'a'.repeat(37) }))).toMatch(
      /^Input "tag" .*and service orders-api have 47 characters together; Cloud Run allows 46/,
    );
  });

  it('takes images by registry path with a tag or digest only', () => {
    for (const image of [
      'gcr.io/p/app:1',
      'europe-docker.pkg.dev/p/r/app@sha256:' + 'a'.repeat(64),
      'localhost:5000/app:dev',
    ])
      expect(deployInputs({ image }).image).toBe(image);
    for (const image of [
      'orders:1',
      'gcr.io/p/app',
      'gcr.io/P/app:1',
      'https://gcr.io/p/app:1',
      'gcr.io/p/app@sha256:12',
    ])
      expect(failure(() => deployInputs({ image }))).toMatch(
        /^Input "image" has value .*must be a container image in a registry/,
      );
  });

  it('checks the container settings and keeps env-vars values out of errors', () => {
    const image = 'gcr.io/p/app:1';
    expect(
      deployInputs({
        image,
        'env-vars': 'MODE: canary\nRETRIES: 007',
        cpu: '500m',
        memory: '1Gi',
        concurrency: '40',
        'min-instances': '0',
      }).settings,
    ).toEqual({
      env: { MODE: 'canary', RETRIES: '007' },
      cpu: '500m',
      memory: '1Gi',
      concurrency: 40,
      minInstances: 0,
    });
    expect(failure(() => deployInputs({ image, 'env-vars': 'PORT=8081' }))).toBe(
      'Input "env-vars" has value "***": key PORT is reserved: Cloud Run sets it itself',
    );
    expect(failure(() => deployInputs({ image, cpu: '3' }))).toMatch(/^Input "cpu" has value "3"/);
    expect(failure(() => deployInputs({ image, memory: '64Mi' }))).toMatch(
      /^Input "memory" has value "64Mi"/,
    );
    expect(failure(() => deployInputs({ image, concurrency: '1001' }))).toMatch(/^Input "concurrency"/);
  });

  it('reads rollback’s to as revision:NAME', () => {
    expect(cloudRunTarget.isVersion('revision:orders-00001-abc')).toBe(true);
    expect(cloudRunTarget.isVersion('orders-00001-abc')).toBe(false);
    expect(cloudRunTarget.parseVersion('to', 'revision:orders-00001-abc')).toBe('orders-00001-abc');
    expect(failure(() => cloudRunTarget.parseVersion('to', 'revision:Orders'))).toMatch(
      /^Input "to" has value "revision:Orders"/,
    );
  });
});
