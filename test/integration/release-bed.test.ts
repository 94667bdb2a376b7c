// The bed the workflow runs release into: what it sets up in moto, the sample application it checks out and
// builds as the build job does, the SNS queue, users on production with readable metrics, and a clean stop.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  LambdaClient,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { scaledClock, type Clock } from '@deploy-actions/core';
import { clientConfig } from '@deploy-actions/testbed/moto';
import { startReleaseBed, type ReleaseBed } from '@deploy-actions/testbed/release-bed';

let bed: ReleaseBed;
let clock: Clock;
let lambda: LambdaClient;

beforeAll(async () => {
  bed = await startReleaseBed();
  const [epoch, scale] = bed.env.DEPLOY_ACTIONS_CLOCK!.split(':').map(Number);
  clock = scaledClock(epoch!, scale!);
  lambda = new LambdaClient(clientConfig(bed.motoUrl));
});
afterAll(async () => {
  lambda?.destroy();
  await bed?.stop();
});

/** The build job's step in a checkout, with none of this process's npm settings leaking in. */
function build(dir: string): { zip: Buffer; ms: number } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const started = Date.now();
  execFileSync('sh', ['-c', 'npm ci && npm run package'], { cwd: dir, env, stdio: 'pipe' });
  return { zip: readFileSync(join(dir, 'build', 'orders.zip')), ms: Date.now() - started };
}

async function publish(fn: string, zip: Buffer) {
  await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: fn, ZipFile: zip }));
  return lambda.send(new PublishVersionCommand({ FunctionName: fn }));
}

/** Sum over the last 15 simulated minutes of a metric of orders-api:live's version, as moto holds it. */
async function readable(metric: 'Invocations' | 'Errors', version: string): Promise<number> {
  const cw = new CloudWatchClient(clientConfig(bed.motoUrl));
  try {
    const now = clock.now();
    const out = await cw.send(
      new GetMetricDataCommand({
        StartTime: new Date(now - 15 * 60_000),
        EndTime: new Date(now + 60_000),
        MetricDataQueries: [
          {
            Id: 'm',
            MetricStat: {
              Metric: {
                Namespace: 'AWS/Lambda',
                MetricName: metric,
                Dimensions: [
                  { Name: 'FunctionName', Value: 'orders-api' },
                  { Name: 'Resource', Value: 'orders-api:live' },
                  { Name: 'ExecutedVersion', Value: version },
                ],
              },
              Period: 60,
              Stat: 'Sum',
            },
          },
        ],
      }),
    );
    return (out.MetricDataResults?.[0]?.Values ?? []).reduce((a, b) => a + b, 0);
  } finally {
    cw.destroy();
  }
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('release bed', () => {
  it('gives the steps an endpoint, a clock and the GitHub API, but no AWS credentials or region', () => {
    expect(bed.env).toMatchObject({
      AWS_ENDPOINT_URL: bed.proxy.url,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      DEPLOY_ACTIONS_CLOCK: expect.stringMatching(/^\d+:600$/),
      GITHUB_API_URL: bed.github.url,
    });
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION', 'AWS_DEFAULT_REGION']) {
      expect(bed.env).not.toHaveProperty(name);
    }
    expect(bed.snsTopicArn).toBe('arn:aws:sns:us-east-1:123456789012:deployments');
    expect(bed.table).toBe('deployments');
  });

  it('has staging and production released once before: version 1 live', async () => {
    expect(await bed.alias('orders-api-staging')).toBe('1');
    expect(await bed.alias('orders-api')).toBe('1');
    expect(await bed.records()).toEqual([]);
  });

  it('protects production with a reviewer, not staging, and accepts the job token', async () => {
    const get = (env: string) =>
      fetch(`${bed.github.url}/repos/octo-org/orders-service/environments/${env}`, {
        headers: { authorization: `Bearer ${bed.githubToken}`, accept: 'application/vnd.github+json' },
      }).then((r) => r.json() as Promise<{ protection_rules: { type: string; reviewers?: unknown[] }[] }>);
    expect((await get('staging')).protection_rules).toEqual([]);
    const production = (await get('production')).protection_rules;
    expect(production).toEqual([expect.objectContaining({ type: 'required_reviewers' })]);
    expect(JSON.stringify(production)).toContain('release-manager');
    expect(bed.github.violations).toEqual([]);
  });

  it('checks out the application, whose build Lambda takes: one zip per commit, the same for the same commit', async () => {
    const abc = build(bed.checkout('abc'));
    expect(abc.ms).toBeLessThan(10_000);
    expect(build(bed.checkout('abc')).zip.equals(abc.zip)).toBe(true);
    const v2 = await publish('orders-api-staging', abc.zip);
    expect(v2.Version).toBe('2');
    expect(v2.CodeSha256).toBe(createHash('sha256').update(abc.zip).digest('base64'));
    const v3 = await publish('orders-api-staging', build(bed.checkout('def')).zip);
    expect(v3.Version).toBe('3');
    expect(v3.CodeSha256).not.toBe(v2.CodeSha256);
    expect(await bed.alias('orders-api-staging')).toBe('1');
  });

  it('delivers what the topic published to snsMessages(), once', async () => {
    const sns = new SNSClient(clientConfig(bed.motoUrl));
    try {
      await sns.send(
        new PublishCommand({ TopicArn: bed.snsTopicArn, Subject: 'released', Message: 'v2 live' }),
      );
      await sns.send(new PublishCommand({ TopicArn: bed.snsTopicArn, Message: 'no subject' }));
    } finally {
      sns.destroy();
    }
    const got = await bed.snsMessages();
    expect(got).toHaveLength(2);
    expect(got).toEqual(
      expect.arrayContaining([{ subject: 'released', message: 'v2 live' }, { message: 'no subject' }]),
    );
    expect(await bed.snsMessages()).toEqual([]);
  });

  it('sends users to orders-api:live, readable on the scaled clock, and a predicted bad version fails', async () => {
    await until('v1 invocations readable', async () => (await readable('Invocations', '1')) > 0);
    await expect(bed.nextVersionIsBad('orders-api-staging')).rejects.toThrow(/gets no traffic/);
    const bad = await bed.nextVersionIsBad('orders-api');
    expect(bad).toBe('2');
    const published = await publish('orders-api', build(bed.checkout('bad')).zip);
    expect(published.Version).toBe(bad);
    await lambda.send(
      new UpdateAliasCommand({
        FunctionName: 'orders-api',
        Name: 'live',
        FunctionVersion: '1',
        RoutingConfig: { AdditionalVersionWeights: { [bad]: 0.5 } },
      }),
    );
    expect(await bed.alias('orders-api')).toBe('1 + 2@0.5');
    await until('v2 errors readable', async () => (await readable('Errors', bad)) >= 20);
    const invocations = await readable('Invocations', bad);
    expect((await readable('Errors', bad)) / invocations).toBeGreaterThan(0.15);
    expect(await readable('Errors', '1')).toBe(0);
  });

  it('answers latency percentiles through the proxy, from what the users were served', async () => {
    const cw = new CloudWatchClient(clientConfig(bed.proxy.url));
    try {
      const now = clock.now();
      const out = await cw.send(
        new GetMetricDataCommand({
          StartTime: new Date(now - 15 * 60_000),
          EndTime: new Date(now + 60_000),
          MetricDataQueries: [
            {
              Id: 'p99',
              MetricStat: {
                Metric: {
                  Namespace: 'AWS/Lambda',
                  MetricName: 'Duration',
                  Dimensions: [
                    { Name: 'FunctionName', Value: 'orders-api' },
                    { Name: 'Resource', Value: 'orders-api:live' },
                    { Name: 'ExecutedVersion', Value: '1' },
                  ],
                },
                Period: 60,
                Stat: 'p99',
              },
            },
          ],
        }),
      );
      const values = out.MetricDataResults?.[0]?.Values ?? [];
      expect(values.length).toBeGreaterThan(0);
      expect(new Set(values)).toEqual(new Set([20]));
    } finally {
      cw.destroy();
    }
  });

  it('stops everything it started: servers closed, checkouts gone', async () => {
    const dir = bed.checkout('gone');
    const urls = [bed.motoUrl, bed.proxy.url, bed.github.url, bed.oidc.url, bed.slack.url];
    await bed.stop();
    await bed.stop();
    expect(existsSync(dir)).toBe(false);
    for (const url of urls) {
      const answer = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
        () => 'answered',
        (err: Error) => String((err.cause as { code?: string } | undefined)?.code ?? err.message),
      );
      expect({ url, answer }).toEqual({ url, answer: 'ECONNREFUSED' });
    }
  });
});
