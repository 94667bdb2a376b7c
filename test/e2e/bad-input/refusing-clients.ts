// The clients the in-process runs are given instead of the real ones: the real SDK clients and Octokit, each
// with every call recorded and then refused before anything is sent. A bad input must not even open one; no
// AWS emulator is needed. The Lambda target takes `lambda` (and `logs` for its logs check), the ECS target `ecs`
// and `elb`. CloudWatch may instead answer DescribeAlarms from a fixed list of alarms, for the one bad input only
// a read can find (alarm names that name nothing).
import { CloudWatchClient, type MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Octokit } from '@octokit/rest';
import { clientConfig, type AwsOptions } from '@deploy-actions/core';
import type { HistoryDeps } from '@deploy-actions/history/history';
import type { Deps } from '@deploy-actions/release/run/common';
import { fakeClock } from '@deploy-actions/testbed/clock';

export interface AwsCall {
  service: string;
  op: string;
}

export interface RefusingClients {
  /** What the runners take: every client factory, and a clock that never really sleeps. */
  deps: Deps & HistoryDeps;
  /** Every AWS operation asked of these clients, answered or refused. */
  calls: AwsCall[];
  /** Every GitHub request, as "METHOD /path". */
  github: string[];
  /** The clients the step opened, by name, in order. */
  opened: string[];
}

// Never contacted: the refusal comes before the request is built.
const NOWHERE = 'http://127.0.0.1:9';
const CREDENTIALS = { accessKeyId: 'refused', secretAccessKey: 'refused' };

type Answer = (op: string, input: Record<string, unknown>) => object | undefined;

/** Records each command by name, then answers it (when `answer` does) or throws, in the first middleware step. */
function refuseEveryCall<C extends { middlewareStack: { add: (...args: never[]) => void } }>(
  client: C,
  service: string,
  calls: AwsCall[],
  answer?: Answer,
): C {
  const middleware =
    (_next: unknown, context: { commandName?: string }) =>
    async (args: { input: Record<string, unknown> }) => {
      const op = (context.commandName ?? 'unknown').replace(/Command$/, '');
      calls.push({ service, op });
      const output = answer?.(op, args.input);
      if (output) return { output: { $metadata: {}, ...output }, response: {} };
      throw new Error(`${service}:${op} was called; this test's clients refuse every call`);
    };
  client.middlewareStack.add(
    middleware as never,
    { step: 'initialize', name: 'refuseEveryCall', priority: 'high' } as never,
  );
  return client;
}

const config = (opts: AwsOptions) => ({ ...clientConfig(opts), endpoint: NOWHERE, credentials: CREDENTIALS });

/** DescribeAlarms as CloudWatch answers it, over the alarms `names` (exact names, or by prefix). */
function describeAlarmsFrom(names: string[]): Answer {
  return (op, input) => {
    if (op !== 'DescribeAlarms') return undefined;
    const wanted = input.AlarmNames as string[] | undefined;
    const prefix = input.AlarmNamePrefix as string | undefined;
    const found = names.filter((n) => (wanted ? wanted.includes(n) : n.startsWith(prefix ?? '')));
    const alarms: MetricAlarm[] = found.map((AlarmName) => ({ AlarmName, StateValue: 'OK' }));
    return { MetricAlarms: alarms, CompositeAlarms: [] };
  };
}

/**
 * Fresh clients for one run. With `alarms`, CloudWatch answers DescribeAlarms from that list (and refuses
 * anything else); without it, it refuses everything too.
 */
export function refusingClients(opts: { alarms?: string[] } = {}): RefusingClients {
  const calls: AwsCall[] = [];
  const github: string[] = [];
  const opened: string[] = [];
  const deps: Deps & HistoryDeps = {
    clock: fakeClock(),
    clients: {
      lambda: async (o: AwsOptions) => {
        opened.push('lambda');
        return refuseEveryCall(new LambdaClient(config(o)), 'lambda', calls);
      },
      logs: async (o: AwsOptions) => {
        opened.push('logs');
        return refuseEveryCall(new CloudWatchLogsClient(config(o)), 'logs', calls);
      },
      ecs: async (o: AwsOptions) => {
        opened.push('ecs');
        return refuseEveryCall(new ECSClient(config(o)), 'ecs', calls);
      },
      elb: async (o: AwsOptions) => {
        opened.push('elb');
        return refuseEveryCall(new ElasticLoadBalancingV2Client(config(o)), 'elasticloadbalancing', calls);
      },
    },
    cloudwatch: async (o) => {
      opened.push('cloudwatch');
      const answer = opts.alarms && describeAlarmsFrom(opts.alarms);
      return refuseEveryCall(new CloudWatchClient(config(o)), 'monitoring', calls, answer);
    },
    dynamodb: async (o) => {
      opened.push('dynamodb');
      const client = refuseEveryCall(new DynamoDBClient(config(o)), 'dynamodb', calls);
      return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    },
    octokit: async (o) => {
      opened.push('github');
      return new Octokit({
        auth: o.token,
        ...(o.baseUrl && { baseUrl: o.baseUrl }),
        request: {
          fetch: async (url: string, init?: { method?: string }) => {
            github.push(`${init?.method ?? 'GET'} ${new URL(url).pathname}`);
            throw new Error('a GitHub request was made; this test refuses every one');
          },
        },
      });
    },
  };
  return { deps, calls, github, opened };
}
