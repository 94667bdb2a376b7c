// The GitHub Deployments history backend against the local GitHub API, which checks every call against
// GitHub's OpenAPI description.
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { Octokit } from '@octokit/rest';
import { DeployError, InputError } from '@deploy-actions/core';
import { RecordError } from '@deploy-actions/history';
import { DEPLOYMENT_TASK, GitHubHistory } from '@deploy-actions/history/github';
import type { DeploymentRecord } from '@deploy-actions/history';
import { startGitHub, type GitHubServer } from '@deploy-actions/testbed/github';

const target = { environment: 'production', targetKind: 'lambda', resource: 'orders:live' };
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let gh: GitHubServer;
let history: GitHubHistory;

function client(token = gh.token): Octokit {
  return new Octokit({ auth: token, baseUrl: gh.url, log: quiet });
}

const sha = (n: number) => String(n).repeat(40).slice(0, 40);
const runUrl = (n: number) => `https://github.com/acme/payments/actions/runs/${n}`;

function release(n: number, startedAt = new Date().toISOString()): DeploymentRecord {
  return {
    id: `${1000 + n}-1`,
    ...target,
    blueVersion: String(n - 1),
    greenVersion: String(n),
    strategy: 'linear',
    status: 'started',
    startedAt,
    commit: sha(n),
    ref: 'refs/heads/main',
    actor: 'octocat',
    runUrl: runUrl(1000 + n),
  };
}

const ops = () => gh.calls.map((c) => c.operationId);
/** The GitHub deployment holding a record. */
const ghId = (recordId: string) =>
  gh.deployments().find((d) => (d.payload as { recordId?: string }).recordId === recordId)!.id;

beforeEach(async () => {
  gh = await startGitHub({ owner: 'acme', repo: 'payments' });
  history = new GitHubHistory(client(), gh.owner, gh.repo);
});

afterEach(async () => {
  await gh.stop();
});

describe('GitHubHistory', () => {
  it('records three releases, the third rolled back, and finds and restores the last good one', async () => {
    const envUrl = 'https://orders.example.com/';
    const r1 = release(1);
    const s1 = await history.putStarted(r1, { environmentUrl: envUrl });
    expect(s1.created).toBe(true);
    expect(s1.record).toMatchObject({
      ...r1,
      githubDeploymentId: expect.stringMatching(/^\d+$/),
      status: 'started',
    });
    const id1 = s1.record.id;
    expect((await history.finish(id1, 'succeeded', { endedAt: new Date().toISOString() })).changed).toBe(
      true,
    );
    const r2 = release(2);
    const id2 = (await history.putStarted(r2)).record.id;
    await history.finish(id2, 'succeeded', { endedAt: new Date().toISOString() }, { environmentUrl: envUrl });
    const r3 = release(3);
    const id3 = (await history.putStarted(r3)).record.id;
    const reason = 'health gate: error rate 4.1% > 2% '.repeat(6).trim();
    const ended = await history.finish(id3, 'rolled-back', {
      endedAt: new Date().toISOString(),
      reason,
      restoredVersion: '2',
    });
    expect(ended.record).toMatchObject({ id: id3, status: 'rolled-back', restoredVersion: '2' });
    expect(ended.record.reason).toBe(reason.slice(0, 140 - 1 - 'rolled back to 2: '.length) + '…');

    // As stored by the server: one deployment per release, at the commit, checks and merging off.
    const ds = gh.deployments();
    expect(ds.map((d) => (d.payload as { recordId: string }).recordId)).toEqual([id1, id2, id3]);
    expect(ds[2]).toMatchObject({
      ref: sha(3),
      sha: sha(3),
      environment: 'production',
      task: DEPLOYMENT_TASK,
      required_contexts: [],
      auto_merge: false,
      transient_environment: false,
      payload: {
        recordId: '1003-1',
        function: 'orders',
        alias: 'live',
        blueVersion: '2',
        greenVersion: '3',
        strategy: 'linear',
        commit: sha(3),
        ref: 'refs/heads/main',
        actor: 'octocat',
        runUrl: runUrl(1003),
        startedAt: r3.startedAt,
      },
    });
    // The first success went inactive by itself when the second succeeded.
    expect(ds.map((d) => d.state)).toEqual(['inactive', 'success', 'failure']);
    const st1 = gh.statuses(ghId(id1));
    expect(st1.map((s) => [s.state, s.auto])).toEqual([
      ['in_progress', false],
      ['success', false],
      ['inactive', true],
    ]);
    expect(st1.slice(0, 2).map((s) => [s.log_url, s.environment_url])).toEqual([
      [runUrl(1001), envUrl],
      [runUrl(1001), ''],
    ]);
    const st3 = gh.statuses(ghId(id3));
    expect(st3.map((s) => s.state)).toEqual(['in_progress', 'failure']);
    expect(st3[1].description).toHaveLength(140);
    expect(st3[1].description.startsWith('rolled back to 2: health gate: error rate 4.1% > 2%')).toBe(true);
    expect(st3.every((s) => s.log_url === runUrl(1003))).toBe(true);

    // Records read back: the first still succeeded though no longer live.
    expect(await history.get(id1)).toMatchObject({ status: 'succeeded', greenVersion: '1' });
    expect((await history.get(id3))?.status).toBe('rolled-back');
    expect(await history.get('999')).toBeUndefined();

    // The last good release before the third: one list + one statuses call.
    let before = gh.calls.length;
    const last = await history.lastSuccessful(target, { deploymentId: id3 });
    expect(last).toMatchObject({ id: id2, greenVersion: '2', status: 'succeeded' });
    expect(ops().slice(before)).toEqual(['repos/list-deployments', 'repos/list-deployment-statuses']);
    expect((await history.lastSuccessful(target, { deploymentId: id2 }))?.id).toBe(id1);
    expect((await history.lastSuccessful(target, { at: r2.startedAt }))?.id).toBe(id1);
    expect((await history.lastSuccessful(target))?.id).toBe(id2);
    expect(await history.lastSuccessful({ ...target, resource: 'orders:other' })).toBeUndefined();
    expect(await history.lastSuccessful(target, { deploymentId: id1 })).toBeUndefined();

    // The restored release is live again; twice adds nothing.
    before = gh.calls.length;
    const live = await history.markLive(id2, { environmentUrl: envUrl });
    expect(live).toMatchObject({ changed: true, record: { id: id2, status: 'succeeded' } });
    expect(ops().slice(before)).toEqual([
      'repos/list-deployments',
      'repos/list-deployment-statuses',
      'repos/create-deployment-status',
    ]);
    // By its GitHub id, as the Deployments view shows it: the same record.
    expect(await history.get(String(ghId(id2)))).toMatchObject({
      id: id2,
      githubDeploymentId: String(ghId(id2)),
    });
    expect((await history.markLive(id2)).changed).toBe(false);
    expect(gh.statuses(ghId(id2)).map((s) => [s.state, s.environment_url])).toEqual([
      ['in_progress', ''],
      ['success', envUrl],
      ['success', envUrl],
    ]);
    await expect(history.markLive(id3)).rejects.toThrow(/ended "rolled-back"/);

    // Restoring the first instead takes the live mark from the second.
    await history.markLive(id1);
    expect(gh.deployments().map((d) => d.state)).toEqual(['success', 'inactive', 'failure']);
    expect((await history.get(id2))?.status).toBe('succeeded');

    expect((await history.recent(target, 2)).map((r) => r.id)).toEqual([id3, id2]);
    const all = await history.between(target, r1.startedAt, new Date(Date.now() + 1000).toISOString());
    expect(all.map((r) => [r.id, r.status])).toEqual([
      [id1, 'succeeded'],
      [id2, 'succeeded'],
      [id3, 'rolled-back'],
    ]);
    expect((await history.between(target, r2.startedAt, r3.startedAt)).map((r) => r.id)).toEqual([id2]);
    expect(gh.violations).toEqual([]);
  });

  it('records nothing twice when a step is re-run', async () => {
    const r = release(4);
    const first = await history.putStarted(r);
    const again = await history.putStarted(r);
    expect(again).toEqual({ record: first.record, created: false });
    expect(gh.deployments()).toHaveLength(1);

    const done = await history.finish(first.record.id, 'failed', {
      endedAt: new Date().toISOString(),
      reason: 'smoke invoke returned 500',
    });
    expect(done.record).toMatchObject({ status: 'failed', reason: 'smoke invoke returned 500' });
    const before = gh.calls.length;
    const same = await history.finish(first.record.id, 'failed', { endedAt: new Date().toISOString() });
    expect(same).toEqual({ record: done.record, changed: false });
    expect(ops().slice(before)).not.toContain('repos/create-deployment-status');
    await expect(
      history.finish(first.record.id, 'succeeded', { endedAt: new Date().toISOString() }),
    ).rejects.toThrow(DeployError);
    expect(gh.statuses(ghId(first.record.id)).map((s) => s.state)).toEqual(['in_progress', 'failure']);
    // Started again after ending: still the same deployment, no new status.
    expect((await history.putStarted(r)).record.status).toBe('failed');
    expect(gh.deployments()).toHaveLength(1);
    expect(gh.statuses(ghId(first.record.id))).toHaveLength(2);

    // A first try that stopped between creating the deployment and its status: the re-run adds the status.
    const r5 = release(5);
    const octokit = client();
    await octokit.rest.repos.createDeployment({
      owner: gh.owner,
      repo: gh.repo,
      ref: r5.commit,
      environment: r5.environment,
      task: DEPLOYMENT_TASK,
      required_contexts: [],
      auto_merge: false,
      payload: {
        recordId: r5.id,
        function: 'orders',
        alias: 'live',
        blueVersion: r5.blueVersion,
        greenVersion: r5.greenVersion,
        strategy: r5.strategy,
        commit: r5.commit,
        ref: r5.ref,
        actor: r5.actor,
        runUrl: r5.runUrl,
        startedAt: r5.startedAt,
      },
    });
    const resumed = await history.putStarted(r5);
    expect(resumed.created).toBe(false);
    expect(gh.deployments()).toHaveLength(2);
    expect(gh.statuses(ghId(resumed.record.id)).map((s) => [s.state, s.log_url])).toEqual([
      ['in_progress', r5.runUrl],
    ]);
    // The same record id for another function is an input error, not a second deployment.
    await expect(history.putStarted({ ...r5, resource: 'orders:beta' })).rejects.toThrow(RecordError);
    expect(gh.violations).toEqual([]);
  });

  it("finds the open release of a split's green: started, this target, newest first, no rollback record", async () => {
    const r1 = release(1);
    await history.putStarted(r1);
    await history.finish(r1.id, 'succeeded', { endedAt: new Date().toISOString() });
    const older = { ...release(2), id: 'release-2-older' };
    await history.putStarted(older);
    const open = release(2);
    await history.putStarted(open);
    const failed = release(3);
    await history.putStarted(failed);
    await history.finish(failed.id, 'failed', { endedAt: new Date().toISOString() });
    // Newer, of green 2 too: a rollback record and another alias's release.
    await history.putStarted({ ...release(5), id: 'rollback-9', strategy: 'rollback', greenVersion: '2' });
    await history.putStarted({ ...release(6), id: 'canary-2', resource: 'orders:canary', greenVersion: '2' });

    const before = gh.calls.length;
    expect(await history.openRelease(target, '2')).toMatchObject({ id: open.id, status: 'started' });
    // Statuses are read for the candidate alone.
    expect(ops().slice(before)).toEqual(['repos/list-deployments', 'repos/list-deployment-statuses']);
    expect(await history.openRelease(target, '3')).toBeUndefined();
    expect(await history.openRelease(target, '9')).toBeUndefined();

    // Only the target's 20 newest records are searched.
    for (let n = 10; n < 30; n++) await history.putStarted(release(n));
    expect(await history.openRelease(target, '2')).toBeUndefined();
    expect(await history.openRelease(target, '29')).toMatchObject({ id: release(29).id });
    expect(gh.violations).toEqual([]);
  });

  it('creates deployments while unrelated checks are red or pending', async () => {
    gh.setFailingContexts(['ci']);
    const { record } = await history.putStarted(release(6));
    gh.setFailingContexts(['ci', 'lint'], 'failure');
    await history.finish(record.id, 'succeeded', { endedAt: new Date().toISOString() });
    expect(gh.deployments().map((d) => d.state)).toEqual(['success']);
    expect(gh.calls.every((c) => c.status < 400)).toBe(true);
    expect(gh.violations).toEqual([]);
  });

  it('names github-token and deployments: write when the token is refused', async () => {
    const bad = new GitHubHistory(client('wrong-token'), gh.owner, gh.repo);
    const err = await bad.putStarted(release(7)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeployError);
    expect((err as Error).message).toMatch(/input "github-token".*"deployments: write"/);
    expect(gh.deployments()).toEqual([]);
    // The server records the refused token; nothing else may be off-spec.
    expect(gh.violations.map((v) => v.kind)).toEqual(['auth']);
    expect(gh.violations.filter((v) => v.kind !== 'auth')).toEqual([]);
  });

  it('says so when the repository is not there, and refuses malformed or unknown ids', async () => {
    const elsewhere = new GitHubHistory(client(), gh.owner, 'no-such-repo');
    await expect(elsewhere.putStarted(release(8))).rejects.toThrow(
      /repository acme\/no-such-repo was not found.*"github-token"/,
    );
    await expect(history.get('a#b')).rejects.toThrow(InputError);
    expect(await history.get('abc')).toBeUndefined();
    await expect(history.finish('42', 'failed', { endedAt: new Date().toISOString() })).rejects.toThrow(
      /deployment id "42" names no deployment in acme\/payments/,
    );
    await expect(history.lastSuccessful(target, { deploymentId: '42' })).rejects.toThrow(
      /names no deployment of environment "production"/,
    );
    // A deployment someone else made is not a record.
    const other = await client().rest.repos.createDeployment({
      owner: gh.owner,
      repo: gh.repo,
      ref: 'main',
      environment: 'production',
      required_contexts: [],
    });
    if (!('id' in other.data)) throw new Error('expected a deployment');
    await expect(history.get(String(other.data.id))).rejects.toThrow(/not recorded by record-history/);
    expect(await history.recent(target, 5)).toEqual([]);
    expect(gh.violations).toEqual([]);
  });
});
