// The production guard through the committed bundles: require-environment refuses a job that does not run
// under the environment (its OIDC token says so) or whose environment lets jobs run unapproved, before any
// AWS call; an approved job proceeds and names its approver, and record-history keeps the name.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { startGitHub, type GitHubServer } from '@deploy-actions/testbed/github';
import { nodeBinaries } from '@deploy-actions/testbed/node24';
import { startOidc, type OidcServer } from '@deploy-actions/testbed/oidc';
import { ok, useBed } from './bed';

const bed = useBed();
const TOKEN = 'ghs_guard_job_token';
// The runner emulation's repository and run id.
const REPOSITORY = 'octo-org/orders-service';
const RUN_ID = 1000;
let gh: GitHubServer;
let oidc: OidcServer;

beforeAll(async () => {
  gh = await startGitHub({ owner: 'octo-org', repo: 'orders-service', token: TOKEN });
  oidc = await startOidc();
});
afterAll(async () => {
  await gh?.stop();
  await oidc?.stop();
});
beforeEach(() => {
  gh.calls.length = 0;
  gh.violations.length = 0;
  oidc.requests.length = 0;
});

/** A job of the emulated runner: the job token, the local GitHub, and the job's environment in its OIDC token. */
const job = (environment: string | undefined, idToken = true) => ({
  githubToken: TOKEN,
  env: { GITHUB_API_URL: gh.url },
  ...(idToken && { idToken: oidc.forJob({ environment, repository: REPOSITORY }) }),
});
const guarded = { 'require-environment': 'production' };

describe.each(nodeBinaries())('on $name, through the bundles', ({ path: node }) => {
  it('refuses a step whose job runs under another environment, with zero AWS calls', async () => {
    gh.setEnvironment('production', { reviewers: ['alice'] });
    const r = await bed.run('deploy-green', node, { 'zip-file': bed.zip(), ...guarded }, job('staging'));
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toMatch(
      /under environment "staging".*not "production".*Nothing was changed in AWS/,
    );
    expect(r.writes).toEqual([]);
    expect(bed.proxy.calls).toEqual([]);
    expect(oidc.requests).toMatchObject([{ status: 200, environment: 'staging' }]);
    expect(gh.calls).toEqual([]);
    expect(await bed.alias().catch(() => 'none')).toBe('none');
  });

  it('says id-token: write is missing when the job cannot request an OIDC token', async () => {
    const r = await bed.run(
      'shift-traffic',
      node,
      { 'green-version': '2', ...guarded },
      job('production', false),
    );
    expect(r.code).toBe(1);
    expect(r.errors.join('\n')).toContain('permissions: id-token: write');
    expect(bed.proxy.calls).toEqual([]);
    expect(gh.calls).toEqual([]);
  });

  it('refuses an environment without required reviewers, naming the settings page', async () => {
    gh.setEnvironment('production', { waitTimer: 5 });
    const r = await bed.run('rollback', node, { to: '1', ...guarded }, job('production'));
    expect(r.code).toBe(1);
    const message = r.errors.join('\n');
    expect(message).toContain('has no required reviewers');
    expect(message).toContain(`https://github.com/${REPOSITORY}/settings/environments`);
    expect(message).toContain('gh api --method PUT repos/octo-org/orders-service/environments/production');
    expect(bed.proxy.calls).toEqual([]);
    expect(gh.calls.map((c) => `${c.operationId} ${c.status}`)).toEqual(['repos/get-environment 200']);
    expect(gh.violations).toEqual([]);
  });

  it('lets an approved job proceed, names the approver, and record-history keeps it', async () => {
    gh.setEnvironment('production', { reviewers: ['alice', 'bob'] });
    gh.setApprovals(RUN_ID, [
      { login: 'alice', environments: ['production'], comment: 'Ship it!' },
      { login: 'carol', environments: ['staging'], comment: 'not this one' },
    ]);
    const d1 = await bed.run('deploy-green', node, { 'zip-file': bed.zip(), ...guarded }, job('production'));
    ok(d1);
    expect(d1.outputs['approved-by']).toBe('alice');
    expect(d1.summary).toContain('Production guard: environment production');
    expect(d1.summary).toMatch(/@alice \| Ship it!/);
    expect(d1.writes.length).toBeGreaterThan(0);
    expect(gh.calls.map((c) => `${c.operationId} ${c.status}`)).toEqual([
      'repos/get-environment 200',
      'actions/get-reviews-for-run 200',
    ]);
    expect(oidc.requests[0]!.audience).toBeTruthy();

    ok(await bed.run('deploy-green', node, { 'zip-file': bed.zip() }));
    const shift = await bed.run(
      'shift-traffic',
      node,
      { 'green-version': '2', strategy: 'all-at-once', ...guarded },
      job('Production'),
    );
    ok(shift);
    expect(shift.outputs['approved-by']).toBe('alice');
    expect(await bed.alias()).toBe('2');

    const rec = await bed.run(
      'record-history',
      node,
      {
        status: 'started',
        environment: 'production',
        'green-version': '2',
        'blue-version': '1',
        'approved-by': d1.outputs['approved-by']!,
      },
      job('production'),
    );
    ok(rec);
    const [deployment] = gh.deployments();
    expect(deployment!.payload).toMatchObject({ approvedBy: 'alice', greenVersion: '2' });
    expect(gh.violations).toEqual([]);
  });
});
