// The logs check as a probe of the Lambda session: its log group and its reads.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { GetFunctionConfigurationCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { AwsOptions, Clock } from '@deploy-actions/core';
import type { CheckResult, LogsConfig, Subject } from '@deploy-actions/health';
import { plainName } from '../names';
import { checkLogs, type LogsSource } from './check';
import { logsClient } from './client';
import { readEvents } from './read';

export type LogsProbe = (cfg: LogsConfig, s: Subject) => Promise<CheckResult>;

/** The logs client, made by the test double given as `logs` when there is one. */
export async function openLogsClient(
  aws: AwsOptions,
  clients?: Record<string, (opts: AwsOptions) => Promise<unknown>>,
): Promise<CloudWatchLogsClient> {
  const make = (clients?.logs as typeof logsClient | undefined) ?? logsClient;
  return make(aws);
}

export function logsProbe(
  lambda: LambdaClient,
  logs: CloudWatchLogsClient,
  functionName: string,
  clock: Clock,
): LogsProbe {
  const name = plainName({ name: functionName });
  const groups = new Map<string, string>();
  const source: LogsSource = {
    // A function may log to a group of its choosing (LoggingConfig); the default is /aws/lambda/NAME:
    // https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-loggroups.html
    async logGroup(version) {
      let group = groups.get(version);
      if (!group) {
        const out = await lambda.send(
          new GetFunctionConfigurationCommand({ FunctionName: functionName, Qualifier: version }),
        );
        group = out.LoggingConfig?.LogGroup || `/aws/lambda/${name}`;
        groups.set(version, group);
      }
      return group;
    },
    read: (group, since) => readEvents(logs, group, since),
  };
  return (cfg, s) => checkLogs(source, cfg, name, s, clock.now());
}
