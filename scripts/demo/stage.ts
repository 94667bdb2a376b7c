// The demo's stage: the release bed (moto, GitHub, OIDC, Slack, SNS, users on production), the harness
// options every workflow run gets, and what the scenes read back between runs (aliases, records, notices).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { node24Path } from '@deploy-actions/testbed/node24';
import { harnessOptions, type ReleaseBed } from '@deploy-actions/testbed/release-bed';
import { runAction } from '@deploy-actions/testbed/runner';
import { runWorkflow } from '@deploy-actions/testbed/workflow';
import type { HarnessOptions, RunRequest, WorkflowRun } from '@deploy-actions/testbed/workflow-types';
import type { Checks } from './checks';
import { aliasText, printNotices, progressPrinter } from './print';

export const REPOSITORY = 'octo-org/orders-service';
export const REVIEWER = 'release-manager';
export const PRODUCTION = 'orders-api';
export const STAGING = 'orders-api-staging';
export const TABLE = 'deployments';
export const SNS_TOPIC = 'arn:aws:sns:us-east-1:123456789012:deployments';

/** Runners run actions on Node 24: the one scripts/ensure-node24.mjs fetches into .cache/, else this Node. */
export function actionNode(): { path: string; label: string } {
  try {
    return { path: node24Path(), label: 'Node 24 from .cache/node24, as on the runners' };
  } catch {
    return { path: process.execPath, label: `this Node, ${process.version} (Node 24 is not in .cache/)` };
  }
}

export interface Aliases {
  production: string;
  staging: string;
}

export class Stage {
  constructor(
    readonly bed: ReleaseBed,
    readonly checks: Checks,
    readonly node: string,
  ) {}

  /** Runs a workflow file, printing its progress; production is approved by REVIEWER unless `extra` says. */
  async run(file: string, request: RunRequest, extra: Partial<HarnessOptions> = {}): Promise<WorkflowRun> {
    const started = Date.now();
    const run = await runWorkflow(file, request, {
      ...harnessOptions(this.bed, this.node, REVIEWER),
      onEvent: progressPrinter(),
      ...extra,
    });
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`  run ${run.runId} of ${file}: ${run.status} in ${secs}s`);
    return run;
  }

  /** Both functions' live aliases as the release bed reads them: "2", or "1 + 4@0.25" during a split. */
  async aliases(): Promise<Aliases> {
    return { production: await this.bed.alias(PRODUCTION), staging: await this.bed.alias(STAGING) };
  }

  async printAliases(): Promise<Aliases> {
    const a = await this.aliases();
    console.log(`  live: ${PRODUCTION} ${aliasText(a.production)} · ${STAGING} ${aliasText(a.staging)}`);
    return a;
  }

  /** The DynamoDB history record of a deployment id. */
  async record(id: string | undefined): Promise<Record<string, unknown> | undefined> {
    return (await this.bed.records()).find((r) => r.id === id);
  }

  /** What Slack and SNS received since the last call, printed; both are emptied. */
  async notices() {
    const slack = this.bed.slack.posts.splice(0);
    const sns = await this.bed.snsMessages();
    printNotices(slack, sns);
    return { slack, sns };
  }

  /**
   * A checkout of the commit with build/orders.zip in it, as `npm run package` writes it: for a run of the
   * reusable workflow called directly, which has no build job to hand it the artifact.
   */
  checkoutWithBuild(ref: string): string {
    const dir = this.bed.checkout(ref);
    execFileSync(process.execPath, ['scripts/package.mjs'], { cwd: dir, stdio: 'ignore' });
    return dir;
  }

  /**
   * Production's history before the demo: version 1, which the release bed published before, recorded as
   * the deploy workflow records a release (record-history started, then succeeded), so that a rollback
   * `to: previous` has a good release to go back to.
   */
  async recordEarlierRelease(): Promise<string> {
    const env = {
      ...this.bed.env,
      AWS_ACCESS_KEY_ID: 'demo',
      AWS_SECRET_ACCESS_KEY: 'demo',
      AWS_REGION: 'us-east-1',
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_RUN_ID: '4999',
      GITHUB_SHA: createHash('sha1').update('orders-service initial release').digest('hex'),
    };
    const history = { backend: 'github,dynamodb', 'dynamodb-table': TABLE, environment: 'production' };
    const common = { env, githubToken: this.bed.githubToken, node: this.node };
    const inputs = { ...history, 'function-name': PRODUCTION, 'green-version': '1', strategy: 'all-at-once' };
    const started = await runAction('record-history', {
      ...common,
      inputs: { ...inputs, status: 'started' },
    });
    const id = started.outputs['deployment-id'] ?? '';
    const ended = await runAction('record-history', {
      ...common,
      inputs: { ...history, 'function-name': PRODUCTION, status: 'succeeded', 'deployment-id': id },
    });
    if (started.code !== 0 || ended.code !== 0 || id === '') {
      throw new Error(`recording version 1: ${[...started.errors, ...ended.errors].join(' ') || 'no id'}`);
    }
    return id;
  }
}
