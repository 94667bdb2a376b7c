// A hotfix recorded as one: releaseKind in both backends, counted apart in the stats.
import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createTableInput } from '@deploy-actions/history/dynamodb';
import { startGitHub, type GitHubServer } from '@deploy-actions/testbed/github';
import { clientConfig } from '@deploy-actions/testbed/moto';
import { ok, useBed } from './bed';

const bed = useBed();
const node = process.execPath;
let gh: GitHubServer;
const history = { backend: 'github,dynamodb', environment: 'production', 'dynamodb-table': 'deployments' };

beforeEach(async () => {
  gh = await startGitHub({ owner: 'octo-org', repo: 'orders-service' });
  const db = new DynamoDBClient(clientConfig(bed.moto.url));
  await db.send(new CreateTableCommand(createTableInput('deployments')));
  db.destroy();
});
afterEach(async () => gh?.stop());

const job = (run: number) => ({
  githubToken: gh.token,
  env: { GITHUB_API_URL: gh.url, GITHUB_RUN_ID: String(run), GITHUB_SHA: String(run).padStart(40, 'c') },
});

async function release(run: number, green: string, kind?: string) {
  const started = await bed.run(
    'record-history',
    node,
    { ...history, status: 'started', 'green-version': green, ...(kind && { 'release-kind': kind }) },
    job(run),
  );
  ok(started);
  const end = { ...history, status: 'succeeded', 'deployment-id': started.outputs['deployment-id']! };
  ok(await bed.run('record-history', node, end, job(run)));
}

describe('release-kind', () => {
  it('stores hotfix in both backends and counts hotfixes apart in the stats', async () => {
    await release(1, '1');
    await release(2, '2', 'hotfix');
    const db = DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig(bed.moto.url)));
    const items = (await db.send(new ScanCommand({ TableName: 'deployments' }))).Items!.filter(
      (i) => i.greenVersion,
    );
    db.destroy();
    expect(items.map((i) => [i.greenVersion, i.releaseKind])).toEqual(
      expect.arrayContaining([
        ['1', undefined],
        ['2', 'hotfix'],
      ]),
    );
    const payloads = gh.deployments().map((d) => d.payload as { greenVersion: string; releaseKind?: string });
    expect(payloads.find((p) => p.greenVersion === '2')!.releaseKind).toBe('hotfix');
    expect(payloads.find((p) => p.greenVersion === '1')!.releaseKind).toBeUndefined();

    for (const backend of ['dynamodb', 'github']) {
      const { 'dynamodb-table': table, ...rest } = { ...history, backend, 'report-days': '7' };
      const report = await bed.run(
        'record-history',
        node,
        backend === 'dynamodb' ? { ...rest, 'dynamodb-table': table } : rest,
        job(3),
      );
      ok(report);
      expect(JSON.parse(report.outputs.stats!)).toMatchObject({
        count: 2,
        succeeded: 2,
        hotfixes: { count: 1, succeeded: 1 },
      });
      expect(report.summary).toContain('| hotfixes (succeeded) | 1 (1) |');
    }
  });
});
