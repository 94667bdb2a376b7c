import { beforeEach, describe, it, expect } from '@jest/globals';
import type { Octokit } from '@octokit/rest';
import { DeployError } from '@deploy-actions/core';
import { GitHubHistory, clipDescription, retryDelayMs, finalDescription, parseFinal } from '../src/github';

describe('status descriptions', () => {
  it('keep to GitHub’s 140 characters without splitting a character', () => {
    expect(clipDescription('x'.repeat(140))).toHaveLength(140);
    expect(clipDescription('x'.repeat(141))).toBe(`${'x'.repeat(139)}…`);
    expect(clipDescription(`${'x'.repeat(137)}😀😀`)).toBe(`${'x'.repeat(137)}😀…`);
    expect(clipDescription(`${'x'.repeat(138)}😀😀`)).toBe(`${'x'.repeat(138)}…`);
  });

  it('read back the final status, reason and restored version', () => {
    for (const [status, fields] of [
      ['succeeded', {}],
      ['failed', { reason: 'smoke invoke returned 500' }],
      ['failed', { reason: 'rolled back by hand: no' }],
      ['rolled-back', { reason: 'error rate 4% > 2%', restoredVersion: '6' }],
      ['rolled-back', {}],
    ] as const) {
      const state = status === 'succeeded' ? 'success' : 'failure';
      expect(parseFinal(state, finalDescription(status, fields))).toEqual({ status, ...fields });
    }
    expect(parseFinal('error', 'written by someone else')).toEqual({
      status: 'failed',
      reason: 'written by someone else',
    });
    expect(parseFinal('failure', null)).toEqual({ status: 'failed' });
  });
});

describe('retries', () => {
  const failure = (status: number, headers: Record<string, string> = {}) =>
    Object.assign(new Error(`HTTP ${status}`), { status, response: { headers } });

  it('back off on 429, 5xx and network failures, doubling up to 20 s', () => {
    expect([1, 2, 3, 5, 6, 9].map((n) => retryDelayMs(failure(502), n, 0))).toEqual([
      1000, 2000, 4000, 16000, 20000, 20000,
    ]);
    expect(retryDelayMs(failure(429), 1, 0)).toBe(1000);
    expect(retryDelayMs(failure(500), 1, 0)).toBe(1000);
  });

  it('wait as long as GitHub asks, but not for a rate limit that resets minutes later', () => {
    expect(retryDelayMs(failure(403, { 'retry-after': '7' }), 1, 0)).toBe(7000);
    expect(retryDelayMs(failure(429, { 'retry-after': '0' }), 3, 0)).toBe(4000);
    expect(
      retryDelayMs(failure(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '100' }), 1, 70_000),
    ).toBe(30_000);
    expect(
      retryDelayMs(failure(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '4000' }), 1, 0),
    ).toBeUndefined();
    expect(retryDelayMs(failure(429, { 'retry-after': '3600' }), 1, 0)).toBeUndefined();
  });

  it('never retry what a retry cannot fix', () => {
    for (const status of [400, 401, 403, 404, 409, 422])
      expect(retryDelayMs(failure(status), 1, 0)).toBeUndefined();
    expect(retryDelayMs(new Error('not an HTTP error'), 1, 0)).toBeUndefined();
  });
});

describe('errors', () => {
  let listed = 0;
  const refusing = (status: number, headers: Record<string, string> = {}, message = 'Forbidden') =>
    ({
      paginate: {
        iterator: () => ({
          [Symbol.asyncIterator]: () => ({
            next: () => {
              listed++;
              return Promise.reject(Object.assign(new Error(message), { status, response: { headers } }));
            },
          }),
        }),
      },
      rest: { repos: { listDeployments: () => undefined } },
    }) as unknown as Octokit;
  const slept: number[] = [];
  const clock = { now: () => 0, sleep: async (ms: number) => void slept.push(ms) };
  const history = (octokit: Octokit, retries: string[] = []) =>
    new GitHubHistory(octokit, 'o', 'r', {
      maxAttempts: 4,
      clock,
      onRetry: (what, attempt, delay, reason) => retries.push(`${what} ${attempt} ${delay} ${reason}`),
    });
  beforeEach(() => {
    listed = 0;
    slept.length = 0;
  });
  const record = {
    id: 'run-1-1',
    environment: 'prod',
    targetKind: 'lambda',
    resource: 'orders:live',
    blueVersion: '1',
    greenVersion: '2',
    strategy: 'linear',
    status: 'started' as const,
    startedAt: '2025-03-01T00:00:00.000Z',
    commit: 'a'.repeat(40),
    ref: 'refs/heads/main',
    actor: 'octocat',
    runUrl: 'https://github.com/o/r/actions/runs/1',
  };

  it('name github-token and deployments: write on 403', async () => {
    const err = await history(refusing(403))
      .putStarted(record)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeployError);
    expect((err as Error).message).toContain(
      'input "github-token" needs the permission "deployments: write"',
    );
    expect(listed).toBe(1);
  });

  it('tell a spent rate limit apart from a missing permission', async () => {
    const err = await history(refusing(403, { 'x-ratelimit-remaining': '0' }))
      .putStarted(record)
      .catch((e: unknown) => e);
    expect((err as Error).message).toContain('rate limit');
    expect((err as Error).message).not.toContain('github-token');
  });

  it('try a failing GitHub max-attempts times, then say what was not done', async () => {
    const retries: string[] = [];
    const err = await history(refusing(503, {}, 'Service Unavailable'), retries)
      .putStarted(record)
      .catch((e: unknown) => e);
    expect(listed).toBe(4);
    expect(slept).toEqual([1000, 2000, 4000]);
    expect(retries).toEqual([
      'record the start 1 1000 HTTP 503',
      'record the start 2 2000 HTTP 503',
      'record the start 3 4000 HTTP 503',
    ]);
    expect((err as Error).message).toBe(
      'GitHub failed to list deployments in o/r (HTTP 503: Service Unavailable) after 4 attempts; could not record the start',
    );
  });
});
