// The AWS side of the release bed (release-bed.ts): what it creates in moto, and what it reads back from moto
// directly (never through the fault proxy, so the actions' calls are all that proxy sees).
import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import {
  CreateAliasCommand,
  GetAliasCommand,
  LambdaClient,
  paginateListVersionsByFunction,
} from '@aws-sdk/client-lambda';
import { DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { createTableInput, timeToLiveInput } from '@deploy-actions/history/dynamodb';
import { clientConfig, createLambdaFunction } from './moto';

export interface SnsMessage {
  subject?: string;
  message: string;
}

export interface MotoState {
  /** Creates fn with version 1 published and `alias` on it, as if released before. */
  releasedFunction(fn: string, code: Buffer, alias?: string): Promise<void>;
  historyTable(table: string): Promise<void>;
  /** A topic with an SQS queue subscribed to it; returns the topic's ARN. */
  topicWithQueue(topic: string, queue: string): Promise<string>;
  /** Everything the queue holds, deleted as read: SNS's envelopes, parsed. */
  drainQueue(): Promise<SnsMessage[]>;
  /** The highest version number published, 0 for none. */
  lastVersion(fn: string): Promise<number>;
  /** "1", or "2 + 3@0.25" for a split. */
  alias(fn: string, alias: string): Promise<string>;
  /** History records (pointers left out), newest first. */
  records(table: string): Promise<Record<string, unknown>[]>;
  destroy(): void;
}

export function motoState(motoUrl: string): MotoState {
  const config = clientConfig(motoUrl);
  const lambda = new LambdaClient(config);
  const ddb = new DynamoDBClient(config);
  const doc = DynamoDBDocumentClient.from(ddb);
  const sns = new SNSClient(config);
  const sqs = new SQSClient(config);
  let queueUrl: string | undefined;

  return {
    async releasedFunction(fn, code, alias = 'live') {
      await createLambdaFunction(motoUrl, { name: fn, code, runtime: 'nodejs22.x', publish: true });
      await lambda.send(new CreateAliasCommand({ FunctionName: fn, Name: alias, FunctionVersion: '1' }));
    },
    async historyTable(table) {
      await ddb.send(new CreateTableCommand(createTableInput(table)));
      await ddb.send(new UpdateTimeToLiveCommand(timeToLiveInput(table)));
    },
    async topicWithQueue(topic, queue) {
      const topicArn = (await sns.send(new CreateTopicCommand({ Name: topic }))).TopicArn!;
      queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: queue }))).QueueUrl!;
      const attrs = await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
      );
      await sns.send(
        new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: attrs.Attributes!.QueueArn! }),
      );
      return topicArn;
    },
    async drainQueue() {
      if (!queueUrl) throw new Error('no queue subscribed yet');
      const out: SnsMessage[] = [];
      for (;;) {
        const got = await sqs.send(
          new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }),
        );
        const messages = got.Messages ?? [];
        if (messages.length === 0) return out;
        for (const m of messages) {
          const envelope = JSON.parse(m.Body!) as { Subject?: string; Message: string };
          out.push({ ...(envelope.Subject && { subject: envelope.Subject }), message: envelope.Message });
        }
        await sqs.send(
          new DeleteMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
          }),
        );
      }
    },
    async lastVersion(fn) {
      let last = 0;
      for await (const page of paginateListVersionsByFunction({ client: lambda }, { FunctionName: fn })) {
        for (const v of page.Versions ?? []) {
          if (/^\d+$/.test(v.Version ?? '')) last = Math.max(last, Number(v.Version));
        }
      }
      return last;
    },
    async alias(fn, alias) {
      const a = await lambda.send(new GetAliasCommand({ FunctionName: fn, Name: alias }));
      const weights = Object.entries(a.RoutingConfig?.AdditionalVersionWeights ?? {});
      return weights.length
        ? `${a.FunctionVersion} + ${weights.map(([v, w]) => `${v}@${w}`).join(',')}`
        : `${a.FunctionVersion}`;
    },
    async records(table) {
      const items: Record<string, unknown>[] = [];
      for await (const page of paginateScan({ client: doc }, { TableName: table, ConsistentRead: true })) {
        items.push(...(page.Items ?? []));
      }
      // Pointers (deployment#<id>) only look records up; a record's sk starts with its ISO start time.
      return items
        .filter((i) => !String(i.pk).startsWith('deployment#'))
        .sort((a, b) => (String(a.sk) < String(b.sk) ? 1 : String(a.sk) > String(b.sk) ? -1 : 0));
    },
    destroy() {
      for (const client of [lambda, doc, ddb, sns, sqs]) client.destroy();
    },
  };
}
