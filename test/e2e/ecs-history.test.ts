// ECS releases in the history: task definition ARNs as versions, and a one-click rollback to the last good one.
import { describe, it, expect, beforeEach } from '@jest/globals';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createTableInput } from '@deploy-actions/history/dynamodb';
import { clientConfig } from '@deploy-actions/testbed/moto';
import { ok } from './bed';
import { useEcsBed } from './ecs-bed';

const bed = useEcsBed();
const history = { backend: 'dynamodb', environment: 'production', 'dynamodb-table': 'deployments' };

beforeEach(async () => {
  const db = new DynamoDBClient(clientConfig(bed.moto.url));
  await db.send(new CreateTableCommand(createTableInput('deployments')));
  db.destroy();
});

/** One release as the workflow runs it, in a run of its own. */
async function release(run: number, image: string) {
  const env = { env: { GITHUB_RUN_ID: String(run) } };
  const green = await bed.run('deploy-green', { 'container-name': bed.stack.containerName, image }, env);
  ok(green);
  const versions = {
    'green-version': green.outputs['green-version']!,
    'blue-version': green.outputs['blue-version']!,
  };
  const started = await bed.run('record-history', { ...history, status: 'started', ...versions }, env);
  ok(started);
  ok(
    await bed.run(
      'shift-traffic',
      { 'green-version': versions['green-version'], strategy: 'all-at-once' },
      env,
    ),
  );
  const id = started.outputs['deployment-id']!;
  ok(await bed.run('record-history', { ...history, status: 'succeeded', 'deployment-id': id }, env));
  return versions['green-version'];
}

describe('ECS history', () => {
  it('records task definitions as versions and rolls back to the last good one still on the idle service', async () => {
    const first = await release(1, 'orders:2.0.0');
    const second = await release(2, 'orders:2.1.0');
    expect((await bed.weights()).weights).toEqual([100, 0]);

    const items = await scan();
    const records = items.filter((i) => i.targetKind === 'ecs');
    expect(records.map((r) => [r.greenVersion, r.status])).toEqual([
      [first, 'succeeded'],
      [second, 'succeeded'],
    ]);
    expect(records[0]).toMatchObject({
      pk: `production#ecs:${bed.stack.clusterName}/${[bed.stack.blue.serviceName, bed.stack.green.serviceName].sort().join(',')}`,
    });
    expect(records[0]!.functionName).toBeUndefined();

    const back = await bed.run(
      'rollback',
      { ...history, reason: 'p99 over 1 s' },
      { env: { GITHUB_RUN_ID: '3' } },
    );
    ok(back);
    expect(back.outputs).toMatchObject({ 'from-version': second, 'to-version': first });
    expect(back.writes).toEqual(expect.arrayContaining(['ModifyListener']));
    expect((await bed.weights()).weights).toEqual([0, 100]);
  });
});

async function scan() {
  const db = DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig(bed.moto.url)));
  const out = await db.send(new ScanCommand({ TableName: 'deployments' }));
  db.destroy();
  return (out.Items ?? [])
    .filter((i) => !String(i.pk).startsWith('deployment#'))
    .sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
}
