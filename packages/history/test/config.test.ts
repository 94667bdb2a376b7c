import { describe, it, expect } from '@jest/globals';
import { InputError, InputReader } from '@deploy-actions/core';
import { parseBackends, readHistoryConfig, runContext } from '../src/config';
import { checkNewDeploymentId, defaultDeploymentId } from '../src/record';

const reader = (inputs: Record<string, string>) => new InputReader((n) => inputs[n] ?? '');
const base = { environment: 'production', 'github-token': 't', repository: 'acme/orders' };
const thrown = (f: () => unknown): Error => {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('no error');
};
const inputError = (f: () => unknown) => {
  const e = thrown(f);
  expect(e).toBeInstanceOf(InputError);
  return (e as InputError).input;
};

describe('backend', () => {
  it('is github by default; both in any order and case, written DynamoDB first', () => {
    expect(parseBackends('')).toEqual(['github']);
    expect(parseBackends('GitHub, dynamodb')).toEqual(['dynamodb', 'github']);
    expect(parseBackends('dynamodb,github')).toEqual(['dynamodb', 'github']);
  });

  it('refuses unknown, empty and repeated names', () => {
    for (const bad of ['s3', 'github,s3', ',', 'github,github', 'dynamo']) {
      expect(inputError(() => parseBackends(bad))).toBe('backend');
    }
  });
});

describe('history inputs', () => {
  it('need the table with dynamodb, and the table only with dynamodb', () => {
    expect(inputError(() => readHistoryConfig(reader({ ...base, backend: 'dynamodb' })))).toBe(
      'dynamodb-table',
    );
    expect(inputError(() => readHistoryConfig(reader({ ...base, 'dynamodb-table': 'deployments' })))).toBe(
      'dynamodb-table',
    );
    expect(
      inputError(() => readHistoryConfig(reader({ ...base, backend: 'dynamodb', 'dynamodb-table': 'a b' }))),
    ).toBe('dynamodb-table');
    expect(
      readHistoryConfig(reader({ ...base, backend: 'dynamodb', 'dynamodb-table': 'deployments' })),
    ).toEqual({
      backends: ['dynamodb'],
      environment: 'production',
      table: 'deployments',
      ttlDays: 90,
      maxAttempts: 10,
      onError: 'fail',
    });
  });

  it('need a token and a repository with github, and an environment always', () => {
    expect(inputError(() => readHistoryConfig(reader({ ...base, 'github-token': '' })))).toBe('github-token');
    expect(inputError(() => readHistoryConfig(reader({ ...base, repository: 'acme' })))).toBe('repository');
    expect(inputError(() => readHistoryConfig(reader({ ...base, environment: '' })))).toBe('environment');
    expect(inputError(() => readHistoryConfig(reader({ ...base, 'environment-url': 'ftp://x' })))).toBe(
      'environment-url',
    );
    expect(inputError(() => readHistoryConfig(reader({ ...base, 'ttl-days': '0' })))).toBe('ttl-days');
    expect(inputError(() => readHistoryConfig(reader({ ...base, 'on-error': 'ignore' })))).toBe('on-error');
    expect(readHistoryConfig(reader(base)).github).toEqual({ token: 't', owner: 'acme', repo: 'orders' });
  });

  it('refuse a repository that would change the API path, and a token no header can carry', () => {
    for (const repository of ['acme/.', 'acme/..', 'acme/orders/x']) {
      expect(inputError(() => readHistoryConfig(reader({ ...base, repository })))).toBe('repository');
    }
    expect(readHistoryConfig(reader({ ...base, repository: 'acme/.github' })).github?.repo).toBe('.github');
    for (const token of ['ghs_€', 'ghs_a b', 'ghs_\u2028x', 'ghs_\u200bx']) {
      const err = thrown(() => readHistoryConfig(reader({ ...base, 'github-token': token })));
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).input).toBe('github-token');
      // The token itself never reaches the log.
      expect(err.message).not.toContain(token);
    }
  });
});

describe('run context and ids', () => {
  it('links statuses to the run attempt', () => {
    const env = {
      GITHUB_SERVER_URL: 'https://github.example.com',
      GITHUB_REPOSITORY: 'acme/orders',
      GITHUB_RUN_ID: '42',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_JOB: 'deploy',
      GITHUB_ACTION: 'history',
    };
    expect(runContext(env)).toMatchObject({
      runId: '42',
      attempt: 2,
      step: 'history',
      runUrl: 'https://github.example.com/acme/orders/actions/runs/42/attempts/2',
    });
    expect(runContext({}).runUrl).toBe('');
  });

  it('give one default id per run, step and target', () => {
    const t = { environment: 'prod', targetKind: 'lambda', resource: 'orders:live' };
    const id = defaultDeploymentId('42', 'deploy/history', t);
    expect(id).toMatch(/^run-42-[0-9a-f]{8}$/);
    expect(defaultDeploymentId('42', 'deploy/history', t)).toBe(id);
    expect(defaultDeploymentId('43', 'deploy/history', t)).not.toBe(id);
    expect(defaultDeploymentId('42', 'deploy/history', { ...t, environment: 'staging' })).not.toBe(id);
    expect(defaultDeploymentId('42', 'deploy/other', t)).not.toBe(id);
    // One matrix job releasing the same function in two regions gets two ids.
    const east = defaultDeploymentId('42', 'deploy/history', t, 'us-east-1');
    expect(defaultDeploymentId('42', 'deploy/history', t, 'eu-west-1')).not.toBe(east);
    expect(defaultDeploymentId('42', 'deploy/history', t, 'us-east-1')).toBe(east);
  });

  it('keep all-digit ids for GitHub deployments', () => {
    expect(checkNewDeploymentId('release-7')).toBe('release-7');
    expect(inputError(() => checkNewDeploymentId('1234'))).toBe('deployment-id');
  });
});
