// The test bed a workflow run releases into: the functions of octo-org/orders-service in moto (staging and
// production, each released once before), the history table, an SNS topic with a queue to read what it
// announced, Slack, the OIDC token service, the GitHub API with its environments, and users on production,
// all on one scaled clock that the actions share through DEPLOY_ACTIONS_CLOCK.
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scaledClock } from '@deploy-actions/core';
import { startGitHub, type GitHubServer } from './github';
import { makeZip, startMoto, type Moto } from './moto';
import { startOidc, type OidcServer } from './oidc';
import { FaultProxy } from './proxy';
import { motoState, type MotoState, type SnsMessage } from './release-bed-aws';
import { startSlack, type SlackReceiver } from './slack';
import { startTraffic, type Traffic } from './traffic';
import type { HarnessOptions } from './workflow/types';

export type { SnsMessage } from './release-bed-aws';

export interface ReleaseBedOptions {
  /** Clock scale shared by every action (DEPLOY_ACTIONS_CLOCK=epochMs:scale); default 600. */
  scale?: number;
  /** Requests per simulated minute on orders-api:live; default 300. */
  ratePerMinute?: number;
}

export interface ReleaseBed {
  /**
   * Variables every job step gets on top of the runner's own: the AWS endpoint (the fault proxy), no IMDS and
   * no ~/.aws, the SDK's Node-version warning off, DEPLOY_ACTIONS_CLOCK, GITHUB_API_URL. No AWS credentials
   * and no region: the job's configure-aws-credentials step provides them.
   */
  env: Record<string, string>;
  /** moto itself, for STS and reads that must not show among the actions' calls. */
  motoUrl: string;
  /** The actions' AWS endpoint; writes() proves what was written. */
  proxy: FaultProxy;
  /** octo-org/orders-service; environments staging (no reviewers) and production (release-manager). */
  github: GitHubServer;
  /** The job token the GitHub API accepts: what `${{ github.token }}` is. */
  githubToken: string;
  oidc: OidcServer;
  /** Its url is the SLACK_WEBHOOK_URL secret. */
  slack: SlackReceiver;
  snsTopicArn: string;
  /** What the topic delivered since the last call, read off a subscribed SQS queue and deleted. */
  snsMessages(): Promise<SnsMessage[]>;
  /** The DynamoDB history table. */
  table: string;
  /** Users on orders-api:live, on the bed's clock. */
  traffic: Traffic;
  /** Makes the next version Lambda publishes for fn fail `errorRate` of its requests; returns that version. */
  nextVersionIsBad(fn: string, errorRate?: number): Promise<string>;
  /** A fresh checkout of the application at a commit: each sha builds a different zip, the same sha the same. */
  checkout(sha: string): string;
  /** "1", or "2 + 3@0.25" for a split, read from moto directly. */
  alias(fn: string, alias?: string): Promise<string>;
  /** The history records, newest first. */
  records(): Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

export const ORDERS_APP = fileURLToPath(new URL('../fixtures/orders-app', import.meta.url));
export const PRODUCTION_FUNCTION = 'orders-api';
export const STAGING_FUNCTION = 'orders-api-staging';
const ALIAS = 'live';
const TABLE = 'deployments';
const HEALTHY = { p50: 20, p95: 20 };

/** What the bed started, stopped newest first; every stop runs even when one fails. */
class Started {
  private readonly stops: (() => Promise<void> | void)[] = [];
  add<T>(thing: T, stop: (t: T) => Promise<void> | void): T {
    this.stops.push(() => stop(thing));
    return thing;
  }
  async stopAll(): Promise<void> {
    const errors: unknown[] = [];
    for (const stop of this.stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, `stopping the release bed: ${String(errors[0])}`);
  }
}

/** The application's files as committed (no build output, no installed modules), then its commit. */
function checkoutInto(dir: string, sha: string): void {
  cpSync(ORDERS_APP, dir, {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|build)$/.test(src),
  });
  writeFileSync(
    join(dir, 'src', 'build-info.mjs'),
    `// The commit this build comes from.\nexport const commit = ${JSON.stringify(sha)};\n`,
  );
}

/** Production and staging as released before this run: the application at an earlier commit, on live. */
async function seedAws(aws: MotoState): Promise<string> {
  const code = makeZip({
    'build-info.mjs': "export const commit = 'initial';\n",
    'index.mjs': readFileSync(join(ORDERS_APP, 'src', 'index.mjs')),
  });
  for (const fn of [STAGING_FUNCTION, PRODUCTION_FUNCTION]) await aws.releasedFunction(fn, code, ALIAS);
  await aws.historyTable(TABLE);
  return aws.topicWithQueue('deployments', 'deployment-notices');
}

/** The GitHub API of octo-org/orders-service; staging deploys freely, production waits for a reviewer. */
async function startRepository(token: string): Promise<GitHubServer> {
  const github = await startGitHub({ owner: 'octo-org', repo: 'orders-service', token });
  github.setEnvironment('staging');
  github.setEnvironment('production', { reviewers: ['release-manager'] });
  return github;
}

/** Users of production, on the clock the actions share. */
function startUsers(motoUrl: string, epoch: number, scale: number, ratePerMinute: number): Traffic {
  // The simulator writes to moto and logs its values there, so the proxy answers percentiles from them.
  return startTraffic({
    endpoint: motoUrl,
    functionName: PRODUCTION_FUNCTION,
    alias: ALIAS,
    clock: scaledClock(epoch, scale),
    ratePerMinute,
    versions: {},
    seed: 1,
    // The alarm the example's alarms: orders-api-* finds: ALARM while any version fails over 5% of a minute.
    alarms: [
      {
        name: 'orders-api-errors',
        windowMs: 60_000,
        when: (window) =>
          window.some((v) => v.invocations > 0 && v.errors / v.invocations > 0.05) ? 'ALARM' : 'OK',
      },
    ],
    // At least ~50 ms of real time per tick, so a fast clock does not keep moto busy with ticks alone.
    tickMs: Math.max(10_000, Math.ceil((scale * 50) / 10_000) * 10_000),
  });
}

function stepEnv(proxy: FaultProxy, github: GitHubServer, clock: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: proxy.url,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: devNull,
    AWS_SHARED_CREDENTIALS_FILE: devNull,
    // Runners run Node 24, where the SDK says nothing; on Node 20 it would warn in every step.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    DEPLOY_ACTIONS_CLOCK: clock,
    GITHUB_API_URL: github.url,
  };
}

/** Checkouts in fresh temporary directories, all removed by removeAll(). */
function checkouts(): { checkout(sha: string): string; removeAll(): void } {
  const dirs: string[] = [];
  return {
    checkout(sha) {
      const dir = mkdtempSync(join(tmpdir(), `orders-service-${sha.slice(0, 12).replace(/\W/g, '_')}-`));
      dirs.push(dir);
      checkoutInto(dir, sha);
      return dir;
    },
    removeAll() {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function badVersions(aws: MotoState, traffic: Traffic): ReleaseBed['nextVersionIsBad'] {
  return async (fn, errorRate = 0.3) => {
    if (fn !== PRODUCTION_FUNCTION) {
      throw new Error(`${fn} gets no traffic here: only ${PRODUCTION_FUNCTION}:${ALIAS} has users`);
    }
    // Lambda numbers versions in order, one past the last published.
    const next = String((await aws.lastVersion(fn)) + 1);
    traffic.setBehaviour(next, { errorRate, latencyMs: HEALTHY });
    return next;
  };
}

export async function startReleaseBed(opts: ReleaseBedOptions = {}): Promise<ReleaseBed> {
  const scale = opts.scale ?? 600;
  if (!(scale > 0)) throw new Error(`scale must be positive, got ${scale}`);
  const epoch = Date.now();
  const started = new Started();
  const workspaces = started.add(checkouts(), (c) => c.removeAll());
  try {
    const moto = started.add<Moto>(await startMoto(), (m) => m.stop());
    const proxy = started.add(await FaultProxy.start(moto.url), (p) => p.stop());
    const aws = started.add(motoState(moto.url), (a) => a.destroy());
    const snsTopicArn = await seedAws(aws);
    const githubToken = `ghs_${randomBytes(18).toString('hex')}`;
    const github = started.add(await startRepository(githubToken), (g) => g.stop());
    const oidc = started.add(await startOidc(), (o) => o.stop());
    const slack = started.add(await startSlack(), (s) => s.stop());
    const rate = opts.ratePerMinute ?? 300;
    const traffic = started.add(startUsers(moto.url, epoch, scale, rate), (t) => t.stop());
    let stopping: Promise<void> | undefined;
    return {
      env: stepEnv(proxy, github, `${epoch}:${scale}`),
      motoUrl: moto.url,
      proxy,
      github,
      githubToken,
      oidc,
      slack,
      snsTopicArn,
      snsMessages: () => aws.drainQueue(),
      table: TABLE,
      traffic,
      nextVersionIsBad: badVersions(aws, traffic),
      checkout: (sha) => workspaces.checkout(sha),
      alias: (fn, alias = ALIAS) => aws.alias(fn, alias),
      records: () => aws.records(TABLE),
      stop: () => (stopping ??= started.stopAll()),
    };
  } catch (err) {
    await started.stopAll().catch(() => {});
    throw err;
  }
}

/** How a workflow run reaches this bed: the secret the examples use, production approved by `reviewer`. */
export function harnessOptions(bed: ReleaseBed, node: string, reviewer: string): HarnessOptions {
  return {
    repository: `${bed.github.owner}/${bed.github.repo}`,
    env: bed.env,
    secrets: { SLACK_WEBHOOK_URL: bed.slack.url },
    approvals: { production: reviewer },
    oidc: bed.oidc,
    github: bed.github,
    githubToken: bed.githubToken,
    motoUrl: bed.motoUrl,
    checkout: (ref) => bed.checkout(ref),
    node,
  };
}
