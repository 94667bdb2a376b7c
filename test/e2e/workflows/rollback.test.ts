// The example rollback workflow (examples/workflows/rollback.yml) dispatched from the Actions tab after
// releases shipped by the example deploy workflow: each kind of `to` puts production back and records the
// rollback in both backends; staging rolls back on its own function without a reviewer; a rollback whose
// approval is withheld, or that gives no reason, changes nothing. Each test starts where the one before left
// production, so the file reads as one repository's history.
import { beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { HarnessOptions } from '@deploy-actions/testbed/workflow-types';
import { caller, deploymentOf, job, recordOf, REVIEWER, step, useWorkflowBed } from './bed';

const WORKFLOW = 'examples/workflows/rollback.yml';
const PRODUCTION = 'orders-api';
const STAGING = 'orders-api-staging';
const w = useWorkflowBed();

/** Dispatches the example rollback with its inputs, as the Run workflow form does. */
const dispatch = (inputs: Record<string, string>, extra: Partial<HarnessOptions> = {}) =>
  w.run(WORKFLOW, { event: 'workflow_dispatch', inputs }, extra);

const record = (id: string) => recordOf(w.bed, id);

const deployment = (id: string) => deploymentOf(w.bed, id);

/** Functions whose alias or code the run's actions wrote. */
const lambdaWritten = () =>
  new Set(
    w.bed.proxy
      .writes()
      .filter((c) => c.service === 'lambda')
      .map((c) => c.functionName),
  );

// The production records of versions 2, 3 and 4, released by three pushes after version 1.
const releases: string[] = [];

beforeAll(async () => {
  for (let i = 0; i < 3; i++) {
    const run = await w.run('examples/workflows/deploy.yml', { event: 'push' });
    expect(run.status).toBe('success');
    releases.push(job(run, 'production/deploy').outputs['deployment-id']!);
  }
  expect(await w.bed.alias(PRODUCTION)).toBe('4');
  expect(await w.bed.alias(STAGING)).toBe('4');
}, 180_000);

beforeEach(() => {
  w.bed.proxy.clearCalls();
});

describe('examples/workflows/rollback.yml', () => {
  it('to: previous puts production back on the release before the live one, recorded', async () => {
    const reason = 'checkout times out since v4';
    const run = await dispatch({ environment: 'production', to: 'previous', reason });

    expect(run.status).toBe('success');
    // The reusable workflow's outputs are the calling job's, for a job that needs it.
    const outputs = caller(run, 'rollback').outputs;
    expect(outputs).toEqual({ 'from-version': '4', 'to-version': '3', 'deployment-id': expect.any(String) });
    expect(await w.bed.alias(PRODUCTION)).toBe('3');
    expect(await w.bed.alias(STAGING)).toBe('4');
    expect(lambdaWritten()).toEqual(new Set([PRODUCTION]));

    const rollback = step(job(run, 'rollback/rollback'), 'rollback');
    expect(rollback.summary).toContain(`| 100% on v4 | 100% on v3 | ${reason} |`);
    // A record of its own in both backends, ended succeeded with the reason (GitHub then shows it inactive:
    // the restored release is the environment's live deployment).
    const own = outputs['deployment-id']!;
    expect(await record(own)).toMatchObject({
      environment: 'production',
      functionName: PRODUCTION,
      strategy: 'rollback',
      blueVersion: '4',
      greenVersion: '3',
      status: 'succeeded',
      reason: `rolled back from 4: ${reason}`,
      // The production guard saw who approved the job; the record keeps it.
      approvedBy: REVIEWER,
    });
    const github = deployment(own);
    expect(github.payload).toMatchObject({
      strategy: 'rollback',
      blueVersion: '4',
      greenVersion: '3',
      approvedBy: REVIEWER,
    });
    expect(github.statuses).toContainEqual(['success', `succeeded: rolled back from 4: ${reason}`]);
    // GitHub shows the release of version 3 live again, and the one of version 4 no longer.
    expect(rollback.outputs['restored-deployment-id']).toBe(releases[1]);
    expect(deployment(releases[1]!)).toMatchObject({
      state: 'success',
      description: 'live again on version 3',
    });
    expect(deployment(releases[2]!).state).toBe('inactive');
  });

  it('to: a version number puts all traffic on that version', async () => {
    const run = await dispatch({ environment: 'production', to: '2', reason: 'v3 double-charges' });

    expect(run.status).toBe('success');
    const outputs = caller(run, 'rollback').outputs;
    expect(outputs).toMatchObject({ 'from-version': '3', 'to-version': '2' });
    expect(await w.bed.alias(PRODUCTION)).toBe('2');
    expect(await record(outputs['deployment-id']!)).toMatchObject({
      strategy: 'rollback',
      blueVersion: '3',
      greenVersion: '2',
      status: 'succeeded',
      reason: 'rolled back from 3: v3 double-charges',
    });
    expect(deployment(outputs['deployment-id']!).state).toBe('success');
  });

  it("to: a deployment id restores that release's version and marks it live again", async () => {
    const run = await dispatch({
      environment: 'production',
      to: releases[2]!,
      reason: 'v4 was fine after all',
    });

    expect(run.status).toBe('success');
    const outputs = caller(run, 'rollback').outputs;
    expect(outputs).toMatchObject({ 'from-version': '2', 'to-version': '4' });
    expect(await w.bed.alias(PRODUCTION)).toBe('4');
    expect(step(job(run, 'rollback/rollback'), 'rollback').outputs['restored-deployment-id']).toBe(
      releases[2],
    );
    expect(deployment(releases[2]!)).toMatchObject({
      state: 'success',
      description: 'live again on version 4',
    });
    expect(await record(outputs['deployment-id']!)).toMatchObject({
      strategy: 'rollback',
      blueVersion: '2',
      greenVersion: '4',
      status: 'succeeded',
    });
  });

  it('in staging rolls back orders-api-staging alone, with no reviewer', async () => {
    // Production's approval withheld: staging does not wait for it.
    const run = await dispatch(
      { environment: 'staging', to: '3', reason: 'staging smoke tests fail on v4' },
      { approvals: { production: false } },
    );

    expect(run.status).toBe('success');
    const rollbackJob = job(run, 'rollback/rollback');
    expect(rollbackJob.environment).toBe('staging');
    expect(step(rollbackJob, 'rollback').outputs['approved-by']).toBeUndefined();
    expect(caller(run, 'rollback').outputs).toMatchObject({ 'from-version': '4', 'to-version': '3' });
    expect(await w.bed.alias(STAGING)).toBe('3');
    expect(await w.bed.alias(PRODUCTION)).toBe('4');
    expect(lambdaWritten()).toEqual(new Set([STAGING]));
    expect(await record(caller(run, 'rollback').outputs['deployment-id']!)).toMatchObject({
      environment: 'staging',
      functionName: STAGING,
      strategy: 'rollback',
      status: 'succeeded',
    });
  });

  it('waits without changing anything while the production approval is withheld', async () => {
    const records = (await w.bed.records()).length;
    const deployments = w.bed.github.deployments().length;

    const run = await dispatch(
      { environment: 'production', to: 'previous', reason: 'not approved yet' },
      { approvals: { production: false } },
    );

    expect(run.status).toBe('waiting');
    expect(job(run, 'rollback/rollback')).toMatchObject({ status: 'waiting', steps: [] });
    expect(caller(run, 'rollback').status).toBe('waiting');
    expect(await w.bed.alias(PRODUCTION)).toBe('4');
    expect(w.bed.proxy.calls).toEqual([]);
    expect((await w.bed.records()).length).toBe(records);
    expect(w.bed.github.deployments().length).toBe(deployments);
  });

  it('is refused before any job when the reason is left empty', async () => {
    const deployments = w.bed.github.deployments().length;

    // The Run workflow form does not start a run with a required input left empty: no job, no AWS call.
    await expect(dispatch({ environment: 'production', to: 'previous', reason: '' })).rejects.toThrow(
      'input reason is required',
    );

    expect(await w.bed.alias(PRODUCTION)).toBe('4');
    expect(w.bed.proxy.calls).toEqual([]);
    expect(w.bed.github.deployments().length).toBe(deployments);
  });
});
