import { describe, expect, it } from '@jest/globals';
import { DeployError, InputError, InputReader } from '@deploy-actions/core';
import {
  approvalsOf,
  approvedBy,
  checkGuard,
  configureHint,
  decodeJwtPayload,
  guardSummary,
  hasRequiredReviewers,
  idTokenUrl,
  parseApprovedBy,
  parseEnvironmentName,
  readGuardConfig,
  type GuardConfig,
} from '../src/guard';

const jwt = (claims: object) =>
  `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
const reader = (inputs: Record<string, string>) => new InputReader((n) => inputs[n] ?? '');
const CFG: GuardConfig = { environment: 'production', token: 't', owner: 'octo-org', repo: 'orders' };

describe('parseEnvironmentName', () => {
  it('accepts GitHub environment names', () => {
    for (const name of ['production', 'Prod EU', 'prod/eu-west-1', 'x'.repeat(255), 'staging:v1'])
      expect(parseEnvironmentName(name)).toBe(name);
  });
  it.each(['', 'a//b', '/prod', 'prod/', 'a/ /b', 'x'.repeat(256), 'prod\n::error::x', 'a\tb', 'a\u0000'])(
    'refuses %j naming require-environment',
    (bad) => {
      const err = (() => {
        try {
          parseEnvironmentName(bad);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).input).toBe('require-environment');
    },
  );
});

describe('readGuardConfig', () => {
  it('is off without require-environment', () => {
    expect(readGuardConfig(reader({ 'github-token': '' }))).toBeUndefined();
  });
  it('needs a token and owner/name', () => {
    const base = { 'require-environment': 'production', 'github-token': 'ghs_x', repository: 'o/r' };
    expect(readGuardConfig(reader(base))).toEqual({
      environment: 'production',
      token: 'ghs_x',
      owner: 'o',
      repo: 'r',
    });
    expect(() => readGuardConfig(reader({ ...base, 'github-token': '' }))).toThrow(/github-token/);
    expect(() => readGuardConfig(reader({ ...base, repository: 'nope' }))).toThrow(/repository/);
  });
});

describe('pure parts', () => {
  it('decodes a JWT payload (base64url)', () => {
    expect(
      decodeJwtPayload(jwt({ environment: 'prod', sub: 'repo:a/b:environment:prod', x: '~~~???' })),
    ).toEqual({
      environment: 'prod',
      sub: 'repo:a/b:environment:prod',
      x: '~~~???',
    });
    expect(() => decodeJwtPayload('a.b')).toThrow(/JSON Web Token/);
    expect(() => decodeJwtPayload(`a.${Buffer.from('[1]').toString('base64url')}.c`)).toThrow(/object/);
  });
  it('appends the audience to the URL the runner gives', () => {
    expect(idTokenUrl('https://t.example/x?api-version=2.0', 'aud')).toBe(
      'https://t.example/x?api-version=2.0&audience=aud',
    );
  });
  it('finds required reviewers among the protection rules', () => {
    expect(
      hasRequiredReviewers({ protection_rules: [{ type: 'wait_timer' }, { type: 'required_reviewers' }] }),
    ).toBe(true);
    expect(hasRequiredReviewers({ protection_rules: [{ type: 'wait_timer' }] })).toBe(false);
    expect(hasRequiredReviewers({})).toBe(false);
  });
  it('keeps the approvals of the environment only', () => {
    const reviews = [
      {
        state: 'approved',
        user: { login: 'alice' },
        comment: 'Ship it',
        environments: [{ name: 'Production' }],
      },
      { state: 'rejected', user: { login: 'bob' }, comment: 'no', environments: [{ name: 'production' }] },
      { state: 'approved', user: { login: 'carol' }, comment: '', environments: [{ name: 'staging' }] },
      {
        state: 'approved',
        user: { login: 'alice' },
        comment: 'again',
        environments: [{ name: 'production' }],
      },
    ];
    const a = approvalsOf(reviews, 'production');
    expect(a.map((x) => x.login)).toEqual(['alice', 'alice']);
    expect(approvedBy(a)).toBe('alice');
    expect(guardSummary({ environment: 'production', approvals: a })).toContain('@alice');
  });
  it('says where to configure reviewers', () => {
    const hint = configureHint(
      { GITHUB_SERVER_URL: 'https://github.com' },
      { ...CFG, environment: 'prod/eu' },
    );
    expect(hint).toContain('https://github.com/octo-org/orders/settings/environments');
    expect(hint).toContain('gh api --method PUT repos/octo-org/orders/environments/prod%2Feu');
  });
  it('checks approved-by', () => {
    expect(parseApprovedBy('')).toBeUndefined();
    expect(parseApprovedBy('alice, bob-2,alice')).toBe('alice,bob-2');
    for (const bad of ['-alice', 'a b', 'a,,b', 'x'.repeat(40), 'alice\nbob'])
      expect(() => parseApprovedBy(bad)).toThrow(/approved-by/);
  });
});

describe('checkGuard', () => {
  type Route = (url: string, init?: RequestInit) => { status: number; body: unknown };
  const fakeFetch = (route: Route) => {
    const seen: string[] = [];
    const f = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = String(input);
      seen.push(url);
      const r = route(url, init);
      return new Response(JSON.stringify(r.body), { status: r.status });
    }) as typeof fetch;
    return { f, seen };
  };
  const env = {
    ACTIONS_ID_TOKEN_REQUEST_URL: 'http://oidc.local/token?api-version=2.0',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'req',
    GITHUB_API_URL: 'http://api.local',
    GITHUB_RUN_ID: '77',
  };
  const rt = (e: Record<string, string | undefined> = env) => ({
    env: e,
    warnings: [] as string[],
    warning(m: string) {
      this.warnings.push(m);
    },
  });
  const routes =
    (environment: string | undefined, rules: unknown[]): Route =>
    (url, init) => {
      if (url.startsWith('http://oidc.local')) {
        expect((init?.headers as Record<string, string>).authorization).toBe('bearer req');
        return { status: 200, body: { value: jwt(environment ? { environment } : {}) } };
      }
      if (url.endsWith('/environments/production')) return { status: 200, body: { protection_rules: rules } };
      if (url.endsWith('/actions/runs/77/approvals'))
        return {
          status: 200,
          body: [
            {
              state: 'approved',
              user: { login: 'alice' },
              comment: 'ok',
              environments: [{ name: 'production' }],
            },
          ],
        };
      return { status: 404, body: {} };
    };

  it('names who approved when the job runs under a reviewed environment', async () => {
    const { f, seen } = fakeFetch(routes('production', [{ type: 'required_reviewers' }]));
    const r = await checkGuard(rt(), CFG, { fetch: f });
    expect(r.approvals).toEqual([{ login: 'alice', comment: 'ok' }]);
    expect(seen[0]).toContain('audience=');
  });
  it('refuses another environment, before asking GitHub', async () => {
    const { f, seen } = fakeFetch(routes('staging', [{ type: 'required_reviewers' }]));
    await expect(checkGuard(rt(), CFG, { fetch: f })).rejects.toThrow(
      /environment "staging".*not "production"/,
    );
    expect(seen).toHaveLength(1);
  });
  it('refuses an environment without required reviewers, naming the settings page', async () => {
    const { f } = fakeFetch(routes('production', [{ type: 'wait_timer' }]));
    await expect(checkGuard(rt(), CFG, { fetch: f })).rejects.toThrow(
      /no required reviewers.*https:\/\/github.com\/octo-org\/orders\/settings\/environments/,
    );
  });
  it('says id-token: write is missing when the runner gives no token URL', async () => {
    const { f, seen } = fakeFetch(routes('production', []));
    const err = await checkGuard(rt({}), CFG, { fetch: f }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeployError);
    expect(String(err)).toContain('id-token: write');
    expect(seen).toEqual([]);
  });
});
