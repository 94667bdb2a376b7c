// Creates the DynamoDB table of the deployment history (on demand, index latest-success, TTL on expiresAt)
// with the AWS credentials of the environment: npm run create-history-table -- TABLE [REGION]
import {
  CreateTableCommand,
  DynamoDBClient,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { createTableInput, timeToLiveInput } from '@deploy-actions/history/dynamodb';

const [table, regionArg] = process.argv.slice(2);
const region = regionArg || process.env.AWS_REGION || process.env.AWS_DEFAULT_REGION;
if (!table || !region) {
  console.error('usage: npm run create-history-table -- TABLE [REGION]  (REGION defaults to AWS_REGION)');
  process.exit(2);
}
const client = new DynamoDBClient({ region });
try {
  await client.send(new CreateTableCommand(createTableInput(table)));
  await waitUntilTableExists({ client, maxWaitTime: 300 }, { TableName: table });
  await client.send(new UpdateTimeToLiveCommand(timeToLiveInput(table)));
  console.log(`Created table ${table} in ${region}: index latest-success, TTL on expiresAt.`);
} catch (err) {
  console.error(`Could not create table ${table} in ${region}: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  client.destroy();
}
