import { describe, it, expect } from '@jest/globals';
import type { Octokit } from '@octokit/rest';
import { DeployError, InputError } from '@deploy-actions/core';
import {
  GitHubHistory,
  checkGitHubDeploymentId,
  clipDescription,
  finalDescription,
  parseFinal,
} from '../src/github';

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

describe('deployment ids', () => {
  it('are GitHub’s numbers', () => {
    expect(checkGitHubDeploymentId('12345')).toBe(12345);
    for (const bad of ['', '0', '01', 'run-1-1', '1.5', '99999999999999999']) {
      expect(() => checkGitHubDeploymentId(bad)).toThrow(InputError);
    }
  });
});

describe('errors', () => {
  const refusing = (status: number, headers: Record<string, string> = {}, message = 'Forbidden') =>
    ({
      paginate: {
        iterator: () => ({
          [Symbol.asyncIterator]: () => ({
            next: () => Promise.reject(Object.assign(new Error(message), { status, response: { headers } })),
          }),
        }),
      },
      rest: { repos: { listDeployments: () => undefined } },
    }) as unknown as Octokit;
  const record = {
    id: 'run-1-1',
    environment: 'prod',
    functionName: 'orders',
    alias: 'live',
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
    const err = await new GitHubHistory(refusing(403), 'o', 'r').putStarted(record).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeployError);
    expect((err as Error).message).toContain(
      'input "github-token" needs the permission "deployments: write"',
    );
  });

  it('tell a spent rate limit apart from a missing permission', async () => {
    const err = await new GitHubHistory(refusing(403, { 'x-ratelimit-remaining': '0' }), 'o', 'r')
      .putStarted(record)
      .catch((e: unknown) => e);
    expect((err as Error).message).toContain('rate limit');
    expect((err as Error).message).not.toContain('github-token');
  });
});
