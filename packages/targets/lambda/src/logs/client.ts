import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { clientConfig, type AwsOptions } from '@deploy-actions/core';

let sdk: Promise<typeof import('@aws-sdk/client-cloudwatch-logs')> | undefined;

/**
 * The CloudWatch Logs SDK, loaded once and only when the logs check is configured; one shared import, as two
 * parallel imports of one module trip jest's ESM loader.
 */
export function logsSdk(): Promise<typeof import('@aws-sdk/client-cloudwatch-logs')> {
  return (sdk ??= import('@aws-sdk/client-cloudwatch-logs'));
}

export async function logsClient(opts: AwsOptions): Promise<CloudWatchLogsClient> {
  const { CloudWatchLogsClient } = await logsSdk();
  return new CloudWatchLogsClient(clientConfig(opts));
}
