// The local GitHub Deployments API driven by a real Octokit client: good calls validate against GitHub's
// OpenAPI description, and calls GitHub would reject are answered 422 and recorded.
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import { startGitHub, type GitHubServer } from '@deploy-actions/testbed/github';

let gh: GitHubServer;
let octokit: Octokit;
let repo: { owner: string; repo: string };

beforeEach(async () => {
  gh = await startGitHub({ owner: 'acme', repo: 'payments' });
  octokit = new Octokit({
    auth: gh.token,
    baseUrl: gh.url,
    log: { debug() {}, info() {}, warn() {}, error() {} },
  });
  repo = { owner: gh.owner, repo: gh.repo };
});

afterEach(async () => {
  await gh.stop();
});

async function deploy(environment: string, ref = 'main'): Promise<number> {
  const res = await octokit.rest.repos.createDeployment({
    ...repo,
    ref,
    environment,
    required_contexts: [],
    auto_merge: false,
    payload: { function: 'payments-api', alias: 'live', green: '7' },
  });
  expect(res.status).toBe(201);
  if (!('id' in res.data)) throw new Error('expected a deployment');
  return res.data.id;
}

async function status(
  deployment_id: number,
  state: 'in_progress' | 'success' | 'failure' | 'inactive' | 'error',
  extra: { auto_inactive?: boolean; description?: string } = {},
) {
  const res = await octokit.rest.repos.createDeploymentStatus({
    ...repo,
    deployment_id,
    state,
    log_url: `https://github.com/acme/payments/actions/runs/${deployment_id}`,
    environment_url: 'https://payments.example.com/',
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.data;
}

// Sends what Octokit's types would not let through.
async function raw(method: string, path: string, body?: unknown, auth: string | null = `token ${gh.token}`) {
  const res = await fetch(`${gh.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('local GitHub Deployments API', () => {
  it('serves the repository to an Octokit client', async () => {
    const res = await octokit.rest.repos.get(repo);
    expect(res.data.full_name).toBe('acme/payments');
    expect(gh.violations).toEqual([]);
    expect(gh.calls).toEqual([
      { method: 'GET', path: '/repos/acme/payments', query: '', status: 200, operationId: 'repos/get' },
    ]);
  });

  it('creates a deployment with required_contexts [] and auto_merge false even while checks are pending', async () => {
    gh.setFailingContexts(['ci']);
    const id = await deploy('production');
    const [d] = gh.deployments();
    expect(d).toMatchObject({
      id,
      environment: 'production',
      production_environment: true,
      task: 'deploy',
      auto_merge: false,
      required_contexts: [],
      state: 'pending',
      payload: { function: 'payments-api', alias: 'live', green: '7' },
    });
    const got = await octokit.rest.repos.getDeployment({ ...repo, deployment_id: id });
    expect(got.data.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(gh.violations).toEqual([]);
  });

  it('answers 409 to a deployment that leaves required_contexts to its default while a check is pending', async () => {
    gh.setFailingContexts(['ci']);
    const err = await octokit.rest.repos
      .createDeployment({ ...repo, ref: 'main', environment: 'staging' })
      .then(
        () => undefined,
        (e: { status: number; message: string }) => e,
      );
    expect(err?.status).toBe(409);
    expect(err?.message).toContain('Conflict: Commit status checks failed for main.');
    // Naming only green contexts passes; GitHub defaults auto_merge to true.
    gh.setFailingContexts(['ci']);
    await octokit.rest.repos.createDeployment({
      ...repo,
      ref: 'main',
      environment: 'staging',
      required_contexts: ['lint'],
    });
    expect(gh.deployments().map((d) => [d.auto_merge, d.required_contexts])).toEqual([[true, ['lint']]]);
    expect(gh.calls.map((c) => c.status)).toEqual([409, 201]);
    expect(gh.violations).toEqual([]);
  });

  it('moves statuses in_progress -> success and marks the previous successful deployment inactive', async () => {
    const first = await deploy('production', 'v1');
    await status(first, 'in_progress');
    await status(first, 'success');
    const other = await deploy('staging', 'v1');
    await status(other, 'success');

    const second = await deploy('production', 'v2');
    const running = await status(second, 'in_progress');
    expect(running).toMatchObject({
      state: 'in_progress',
      log_url: `https://github.com/acme/payments/actions/runs/${second}`,
      target_url: `https://github.com/acme/payments/actions/runs/${second}`,
      environment_url: 'https://payments.example.com/',
      environment: 'production',
    });
    expect(gh.deployments().find((d) => d.id === first)?.state).toBe('success');
    const done = await status(second, 'success');

    expect(gh.statuses(first).map((s) => [s.state, s.auto])).toEqual([
      ['in_progress', false],
      ['success', false],
      ['inactive', true],
    ]);
    expect(gh.deployments().map((d) => [d.id, d.state])).toEqual([
      [first, 'inactive'],
      [other, 'success'],
      [second, 'success'],
    ]);
    // ids increase across deployments and statuses; GitHub lists newest first.
    const listed = await octokit.rest.repos.listDeploymentStatuses({ ...repo, deployment_id: first });
    expect(listed.data.map((s) => s.state)).toEqual(['inactive', 'success', 'in_progress']);
    expect(listed.data[0].id).toBeGreaterThan(done.id);
    const one = await octokit.rest.repos.getDeploymentStatus({
      ...repo,
      deployment_id: second,
      status_id: done.id,
    });
    expect(one.data.state).toBe('success');
    expect(gh.violations).toEqual([]);
  });

  it('keeps earlier deployments live with auto_inactive false, and records failure and error', async () => {
    const a = await deploy('production', 'v1');
    await status(a, 'success');
    const b = await deploy('production', 'v2');
    await status(b, 'success', { auto_inactive: false });
    expect(gh.deployments().map((d) => d.state)).toEqual(['success', 'success']);

    const c = await deploy('production', 'v3');
    await status(c, 'in_progress');
    await status(c, 'failure', { description: 'health gate: error rate 7% > 1%' });
    const d = await deploy('production', 'v4');
    await status(d, 'error', { description: 'shift-traffic: alias update throttled' });
    expect(gh.deployments().map((x) => x.state)).toEqual(['success', 'success', 'failure', 'error']);
    expect(gh.statuses(c).at(-1)?.description).toBe('health gate: error rate 7% > 1%');
    expect(gh.violations).toEqual([]);
  });

  it('lists deployments by environment, newest first, across pages', async () => {
    const prod: number[] = [];
    for (let i = 0; i < 5; i++) {
      prod.push(await deploy('production', `v${i}`));
      await deploy('staging', `v${i}`);
    }
    const all = await octokit.paginate(octokit.rest.repos.listDeployments, {
      ...repo,
      environment: 'production',
      per_page: 2,
    });
    expect(all.map((d) => d.id)).toEqual([...prod].reverse());
    const byRef = await octokit.rest.repos.listDeployments({ ...repo, ref: 'v3', environment: 'staging' });
    expect(byRef.data).toHaveLength(1);
    expect(gh.calls.filter((c) => c.operationId === 'repos/list-deployments')).toHaveLength(4);
    expect(gh.violations).toEqual([]);
  });

  it('deletes only inactive deployments, as GitHub does', async () => {
    const a = await deploy('production', 'v1');
    await status(a, 'success');
    const b = await deploy('production', 'v2');
    await status(b, 'success');
    const refused = await octokit.rest.repos.deleteDeployment({ ...repo, deployment_id: b }).then(
      () => undefined,
      (e: { status: number }) => e,
    );
    expect(refused?.status).toBe(422);
    expect(gh.violations).toEqual([
      expect.objectContaining({ kind: 'request', operationId: 'repos/delete-deployment' }),
    ]);
    const ok = await octokit.rest.repos.deleteDeployment({ ...repo, deployment_id: a });
    expect(ok.status).toBe(204);
    expect(gh.deployments().map((d) => d.id)).toEqual([b]);
    expect(gh.violations.filter((v) => v.kind === 'response')).toEqual([]);
  });

  it('rejects malformed requests with 422 in GitHub error shape and records them', async () => {
    const id = await deploy('production');
    const path = `/repos/${gh.owner}/${gh.repo}/deployments`;

    const bogus = await raw('POST', `${path}/${id}/statuses`, { state: 'bogus' });
    expect(bogus.status).toBe(422);
    expect(bogus.body).toMatchObject({
      message: 'Validation Failed',
      errors: [expect.objectContaining({ resource: 'DeploymentStatus', field: 'state', code: 'invalid' })],
      documentation_url: expect.stringContaining('https://docs.github.com/'),
    });

    const numeric = await raw('POST', path, { ref: 'main', environment: 5, required_contexts: [] });
    expect(numeric.status).toBe(422);
    expect(numeric.body.errors).toEqual([expect.objectContaining({ field: 'environment', code: 'invalid' })]);

    const noRef = await raw('POST', path, { environment: 'production' });
    expect(noRef.body.errors).toEqual([expect.objectContaining({ field: 'ref', code: 'missing_field' })]);

    const badUrl = await raw('POST', `${path}/${id}/statuses`, { state: 'success', log_url: 'runs/1' });
    expect(badUrl.status).toBe(422);
    const long = await raw('POST', `${path}/${id}/statuses`, {
      state: 'failure',
      description: 'x'.repeat(141),
    });
    expect(long.status).toBe(422);
    const badId = await raw('GET', `${path}/latest`);
    expect(badId.status).toBe(422);

    expect(gh.violations.map((v) => [v.kind, v.operationId])).toEqual([
      ['request', 'repos/create-deployment-status'],
      ['request', 'repos/create-deployment'],
      ['request', 'repos/create-deployment'],
      ['request', 'repos/create-deployment-status'],
      ['request', 'repos/create-deployment-status'],
      ['request', 'repos/get-deployment'],
    ]);
    expect(gh.deployments()).toHaveLength(1);
    expect(gh.statuses(id)).toEqual([]);
  });

  it('answers 401 without a valid token, 404 for unknown ids, and records calls it does not serve', async () => {
    const path = `/repos/${gh.owner}/${gh.repo}/deployments`;
    expect((await raw('GET', path, undefined, null)).status).toBe(401);
    expect((await raw('GET', path, undefined, 'Bearer wrong')).status).toBe(401);
    expect((await raw('GET', path, undefined, `Bearer ${gh.token}`)).status).toBe(200);
    expect((await raw('GET', `${path}/999`)).status).toBe(404);
    expect((await raw('GET', `/repos/${gh.owner}/other/deployments`)).status).toBe(404);
    expect((await raw('GET', `/repos/ACME/PAYMENTS/deployments`)).status).toBe(200);
    expect((await raw('GET', `/repos/${gh.owner}/${gh.repo}/environments`)).status).toBe(404);
    expect(gh.violations.map((v) => v.kind)).toEqual(['auth', 'auth', 'unserved']);
  });
});
