// The workflow harness itself: the runner's semantics the shipped workflows rely on, each shown on a small
// workflow, and the constructs it refuses by name.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHub, type GitHubServer } from '@deploy-actions/testbed/github';
import { startOidc, type OidcServer } from '@deploy-actions/testbed/oidc';
import { runWorkflow } from '@deploy-actions/testbed/workflow';
import type { HarnessOptions, RunRequest } from '@deploy-actions/testbed/workflow-types';

let gh: GitHubServer;
let oidc: OidcServer;
let dir: string;

beforeAll(async () => {
  gh = await startGitHub({ owner: 'octo-org', repo: 'orders-service' });
  oidc = await startOidc();
  dir = mkdtempSync(join(tmpdir(), 'harness-'));
});
afterAll(async () => {
  await oidc?.stop();
  await gh?.stop();
});

let count = 0;
function workflow(yaml: string): string {
  const file = join(dir, `w${++count}.yml`);
  writeFileSync(file, yaml);
  return file;
}

function options(extra: Partial<HarnessOptions> = {}): HarnessOptions {
  return {
    repository: 'octo-org/orders-service',
    env: { GITHUB_API_URL: gh.url },
    oidc,
    github: gh,
    githubToken: gh.token,
    motoUrl: 'http://127.0.0.1:9',
    checkout: () => dir,
    ...extra,
  };
}

const push: RunRequest = { event: 'push' };

describe('jobs', () => {
  it('run in needs order under if:, a failed need skipping success() jobs and running failure() ones', async () => {
    const file = workflow(`
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: exit 3
  deploy:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - run: echo never
  alert:
    needs: build
    if: failure()
    runs-on: ubuntu-latest
    steps:
      - run: echo "build was \${{ needs.build.result }}"
  always:
    needs: [deploy]
    if: always()
    runs-on: ubuntu-latest
    steps:
      - run: echo "deploy was \${{ needs.deploy.result }}"
`);
    const run = await runWorkflow(file, push, options());
    expect(run.jobs.map((j) => [j.path, j.status])).toEqual([
      ['build', 'failure'],
      ['deploy', 'skipped'],
      ['alert', 'success'],
      ['always', 'success'],
    ]);
    expect(run.jobs[0]!.steps[0]!.log).toContain('Process completed with exit code 3');
    expect(run.jobs[2]!.steps[0]!.log).toBe('build was failure\n');
    expect(run.jobs[3]!.steps[0]!.log).toBe('deploy was skipped\n');
    expect(run.status).toBe('failure');
  });

  it('hand step outputs, exported env and job outputs on; continue-on-error keeps the job green', async () => {
    const file = workflow(`
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    outputs:
      colour: \${{ steps.pick.outputs.colour }}
    env:
      TEAM: orders
    steps:
      - id: pick
        run: |
          echo "colour=green" >> "$GITHUB_OUTPUT"
          echo "EXPORTED=from-env-file" >> "$GITHUB_ENV"
      - id: flaky
        continue-on-error: true
        run: exit 1
      - env:
          COLOUR: \${{ steps.pick.outputs.colour }}
          FLAKY: \${{ steps.flaky.outcome }}/\${{ steps.flaky.conclusion }}
        run: echo "$TEAM $COLOUR $EXPORTED $FLAKY"
  b:
    needs: a
    runs-on: ubuntu-latest
    steps:
      - env:
          COLOUR: \${{ needs.a.outputs.colour }}
        run: echo "b got $COLOUR"
`);
    const run = await runWorkflow(file, push, options());
    expect(run.status).toBe('success');
    expect(run.jobs[0]!.outputs).toEqual({ colour: 'green' });
    expect(run.jobs[0]!.steps[2]!.log).toBe('orders green from-env-file failure/success\n');
    expect(run.jobs[1]!.steps[0]!.log).toBe('b got green\n');
  });

  it('wait without starting when the environment approval is withheld, and so do the jobs that need them', async () => {
    const file = workflow(`
on: push
jobs:
  staging:
    runs-on: ubuntu-latest
    environment: staging
    steps:
      - run: echo staged
  production:
    needs: staging
    runs-on: ubuntu-latest
    environment:
      name: production
    steps:
      - run: echo released
  announce:
    needs: production
    runs-on: ubuntu-latest
    steps:
      - run: echo announced
`);
    const run = await runWorkflow(file, push, options({ approvals: { production: false } }));
    expect(run.jobs.map((j) => [j.path, j.status, j.steps.length])).toEqual([
      ['staging', 'success', 1],
      ['production', 'waiting', 0],
      ['announce', 'waiting', 0],
    ]);
    expect(run.status).toBe('waiting');
  });

  it('give a job with id-token: write a token that states its environment, and record who approved it', async () => {
    const file = workflow(`
on: push
jobs:
  production:
    runs-on: ubuntu-latest
    environment: production
    permissions:
      id-token: write
    steps:
      - run: |
          node -e '
            const r = await fetch(process.env.ACTIONS_ID_TOKEN_REQUEST_URL, { headers: { authorization: "bearer " + process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN } });
            const jwt = (await r.json()).value;
            console.log(JSON.parse(Buffer.from(jwt.split(".")[1], "base64url")).environment);
          ' --input-type=module
  plain:
    runs-on: ubuntu-latest
    steps:
      - run: echo "token url:\${ACTIONS_ID_TOKEN_REQUEST_URL:-none}"
`);
    const run = await runWorkflow(file, push, options({ approvals: { production: 'release-manager' } }));
    expect(run.jobs[0]!.steps[0]!.log).toBe('production\n');
    expect(run.jobs[1]!.steps[0]!.log).toBe('token url:none\n');
    const res = await fetch(`${gh.url}/repos/octo-org/orders-service/actions/runs/${run.runId}/approvals`, {
      headers: { authorization: `token ${gh.token}` },
    });
    const reviews = (await res.json()) as { user: { login: string }; environments: { name: string }[] }[];
    expect(reviews.map((r) => [r.user.login, r.environments.map((e) => e.name)])).toEqual([
      ['release-manager', ['production']],
    ]);
  });
});

describe('logs', () => {
  it('hide the secrets and what a step masks, as the runner does', async () => {
    const file = workflow(`
on: push
jobs:
  j:
    runs-on: ubuntu-latest
    steps:
      - env:
          HOOK: \${{ secrets.SLACK_WEBHOOK_URL }}
        run: |
          echo "::add-mask::tok-123456"
          echo "hook $HOOK token tok-123456"
      - run: echo "later tok-123456"
`);
    const run = await runWorkflow(
      file,
      push,
      options({ secrets: { SLACK_WEBHOOK_URL: 'https://hooks/s3cr3t' } }),
    );
    expect(run.jobs[0]!.steps.map((s) => s.log)).toEqual(['hook *** token ***\n', 'later ***\n']);
  });
});

describe('inputs', () => {
  const dispatch = `
on:
  workflow_dispatch:
    inputs:
      environment:
        type: choice
        options: [staging, production]
        default: production
      dry-run:
        type: boolean
        default: false
jobs:
  show:
    runs-on: ubuntu-latest
    steps:
      - env:
          ENVIRONMENT: \${{ inputs.environment }}
          DRY: \${{ inputs.dry-run && 'dry' || 'wet' }}
        run: echo "$ENVIRONMENT $DRY"
`;
  it('are typed, defaulted and passed through env:', async () => {
    const file = workflow(dispatch);
    const run = await runWorkflow(
      file,
      { event: 'workflow_dispatch', inputs: { 'dry-run': true } },
      options(),
    );
    expect(run.jobs[0]!.steps[0]!.log).toBe('production dry\n');
  });

  it('refuse a choice that is not an option, and an undeclared input, before any job', async () => {
    const file = workflow(dispatch);
    await expect(
      runWorkflow(file, { event: 'workflow_dispatch', inputs: { environment: 'qa' } }, options()),
    ).rejects.toThrow('input environment must be one of staging, production, got qa');
    await expect(
      runWorkflow(file, { event: 'workflow_dispatch', inputs: { colour: 'x' } }, options()),
    ).rejects.toThrow('declares no input colour');
  });
});

describe('scheduled runs', () => {
  const scheduled = `
on:
  schedule:
    - cron: '7,22,37,52 * * * *'
    - cron: '0 3 * * 1'
  workflow_dispatch:
jobs:
  tick:
    runs-on: ubuntu-latest
    steps:
      - env:
          SCHEDULE: \${{ github.event.schedule }}
        run: echo "$GITHUB_EVENT_NAME $GITHUB_REF [$SCHEDULE]"
`;
  it('run on the default branch with no inputs, github.event.schedule naming the cron that fired', async () => {
    const file = workflow(scheduled);
    const first = await runWorkflow(file, { event: 'schedule' }, options());
    expect(first.jobs[0]!.steps[0]!.log).toBe('schedule refs/heads/main [7,22,37,52 * * * *]\n');
    const weekly = await runWorkflow(file, { event: 'schedule', cron: '0 3 * * 1' }, options());
    expect(weekly.jobs[0]!.steps[0]!.log).toBe('schedule refs/heads/main [0 3 * * 1]\n');
  });

  it('are refused for a workflow without that schedule, or with inputs', async () => {
    const file = workflow(scheduled);
    await expect(runWorkflow(file, { event: 'schedule', cron: '*/5 * * * *' }, options())).rejects.toThrow(
      'has no schedule */5 * * * *',
    );
    await expect(
      runWorkflow(file, { event: 'schedule', inputs: { environment: 'production' } }, options()),
    ).rejects.toThrow('a scheduled run takes no inputs');
    await expect(
      runWorkflow(
        workflow(`on: push\njobs:${scheduled.split('jobs:')[1]!}`),
        { event: 'schedule' },
        options(),
      ),
    ).rejects.toThrow('does not run on schedule');
  });
});

describe('what it does not run fails loudly', () => {
  it.each([
    [
      'a matrix',
      `    strategy:\n      matrix:\n        n: [1, 2]\n    steps:\n      - run: echo`,
      'uses strategy:',
    ],
    ['a shell', `    steps:\n      - shell: pwsh\n        run: echo`, 'uses shell:'],
    ['an unknown action', `    steps:\n      - uses: actions/cache@v4`, 'no stand-in for actions/cache@v4'],
    [
      'a stand-in input it does not take',
      `    steps:\n      - uses: actions/checkout@v5\n        with:\n          fetch-depth: 0`,
      'does not take fetch-depth',
    ],
    [
      'an action of the suite at another ref',
      `    steps:\n      - uses: org/deploy-actions/rollback@main`,
      'is not at @v1',
    ],
    [
      'an input the action does not declare',
      `    steps:\n      - uses: org/deploy-actions/rollback@v1\n        with:\n          too: previous`,
      'rollback does not declare too',
    ],
  ])('%s', async (_what, job, message) => {
    const file = workflow(`on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n${job}\n`);
    await expect(runWorkflow(file, push, options())).rejects.toThrow(message);
  });

  it('a called workflow that takes its caller concurrency group (a deadlock on GitHub)', async () => {
    const file = workflow(`
on: push
concurrency:
  group: deploy-actions-production-orders-api-live
jobs:
  production:
    permissions:
      id-token: write
      deployments: write
      contents: read
      actions: read
    uses: org/deploy-actions/.github/workflows/deploy.yml@v1
    with:
      environment: production
      function-name: orders-api
      aws-role-arn: arn:aws:iam::123456789012:role/deploy
      aws-region: us-east-1
`);
    await expect(runWorkflow(file, push, options())).rejects.toThrow(
      'uses the concurrency group of its caller',
    );
  });

  it('an invalid workflow, with the parser message', async () => {
    const file = workflow(
      `on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n        uses: actions/checkout@v5\n`,
    );
    await expect(runWorkflow(file, push, options())).rejects.toThrow('is not a valid workflow');
  });
});
