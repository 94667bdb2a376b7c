// The production guard of the reusable deploy workflow, run from a caller as a user would write it: the
// example's production job with its GitHub environment set wrong is refused by deploy-green before any AWS
// write; set right, the same job passes the guard and releases; and a caller that does not grant
// id-token: write never gets as far as a job.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HarnessEvent } from '@deploy-actions/testbed/workflow-types';
import { historyOf, job, newCommit, REVIEWER, step, useWorkflowBed } from './bed';

const FUNCTION = 'orders-api';
const w = useWorkflowBed();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'guard-callers-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  w.bed.proxy.clearCalls();
});

const FULL = ['id-token: write', 'deployments: write', 'contents: read', 'actions: read'];

/**
 * The example's build and production jobs (examples/workflows/deploy.yml), the production job calling the
 * reusable workflow with `environment` as given and the guard requiring production.
 */
function caller(name: string, environment: string, permissions = FULL): string {
  const file = join(dir, `${name}.yml`);
  writeFileSync(
    file,
    `name: release orders-api
on:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v5
        with:
          persist-credentials: false
      - uses: actions/setup-node@v5
        with:
          node-version: 24
      - run: npm ci && npm run package
      - uses: actions/upload-artifact@v6
        with:
          name: orders-zip
          path: build/orders.zip
          if-no-files-found: error
  production:
    needs: build
    permissions:
${permissions.map((p) => `      ${p}`).join('\n')}
    uses: org/deploy-actions/.github/workflows/deploy.yml@v1
    with:
      environment: ${environment}
      require-environment: production
      function-name: ${FUNCTION}
      artifact-name: orders-zip
      artifact-path: build
      zip-file: build/orders.zip
      steps: 10,50,100
      bake-time: 5m
      max-error-rate: '2'
      max-latency-ms: p99=3000
      alarms: orders-api-*
      invoke-payload: '{"path": "/health"}'
      backend: github,dynamodb
      dynamodb-table: deployments
      sns-topic-arn: arn:aws:sns:us-east-1:123456789012:deployments
      aws-role-arn: arn:aws:iam::123456789012:role/deploy-orders-api
      aws-region: us-east-1
    secrets:
      slack-webhook-url: \${{ secrets.SLACK_WEBHOOK_URL }}
`,
  );
  return file;
}

describe('require-environment: production in the reusable deploy workflow', () => {
  it('refuses a job released under staging before any AWS write, saying what to configure', async () => {
    const live = await w.bed.alias(FUNCTION);
    const sha = newCommit();

    const run = await w.run(caller('under-staging', 'staging'), { event: 'push', sha });

    expect(run.status).toBe('failure');
    expect(job(run, 'build').status).toBe('success');
    const deploy = job(run, 'production/deploy');
    expect(deploy).toMatchObject({ status: 'failure', environment: 'staging' });
    const green = step(deploy, 'green');
    expect(green.outcome).toBe('failure');
    expect(green.errors).toEqual([
      'require-environment production: this job runs under environment "staging" (the environment claim of ' +
        'its OIDC token), not "production"; add "environment: production" to the job. Nothing was changed in AWS.',
    ]);
    // Nothing after the guard moved: no record started, no shift, no rollback; the release reads failed.
    expect(['history', 'shift', 'rollback'].map((id) => step(deploy, id).outcome)).toEqual([
      'skipped',
      'skipped',
      'skipped',
    ]);
    expect(deploy.outputs.status).toBe('failed');

    expect(w.bed.proxy.writes()).toEqual([]);
    expect(await w.bed.alias(FUNCTION)).toBe(live);
    expect(await historyOf(w.bed, sha)).toEqual({ records: [], deployments: [] });
  });

  it('lets the same job through under production, approved by the reviewer', async () => {
    const live = await w.bed.alias(FUNCTION);
    const sha = newCommit();

    const run = await w.run(caller('under-production', 'production'), { event: 'push', sha });

    const deploy = job(run, 'production/deploy');
    expect(deploy).toMatchObject({ status: 'success', environment: 'production' });
    const green = step(deploy, 'green');
    expect(green.errors).toEqual([]);
    expect(green.outputs['approved-by']).toBe(REVIEWER);
    expect(green.summary).toContain(`@${REVIEWER}`);
    expect(deploy.outputs.status).toBe('succeeded');
    expect(await w.bed.alias(FUNCTION)).toBe(String(Number(live) + 1));
    const history = await historyOf(w.bed, sha);
    expect(history.records).toEqual([
      expect.objectContaining({ status: 'succeeded', approvedBy: REVIEWER, blueVersion: live }),
    ]);
  });

  it('never starts a job when the caller does not grant id-token: write', async () => {
    const live = await w.bed.alias(FUNCTION);
    const sha = newCommit();
    const events: HarnessEvent[] = [];
    const file = caller(
      'no-id-token',
      'production',
      FULL.filter((p) => !p.startsWith('id-token')),
    );

    await expect(w.run(file, { event: 'push', sha }, { onEvent: (e) => events.push(e) })).rejects.toThrow(
      "The nested job 'deploy' is requesting 'id-token: write', but is only allowed 'id-token: none'.",
    );

    expect(events).toEqual([]);
    expect(w.bed.proxy.writes()).toEqual([]);
    expect(await w.bed.alias(FUNCTION)).toBe(live);
    expect(await historyOf(w.bed, sha)).toEqual({ records: [], deployments: [] });
  });
});
