import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { clientConfig, type AwsOptions } from '@deploy-actions/core';

export type CloudWatch = CloudWatchClient;

/** Loaded only after inputs are checked, so a bad-input run never pays for the SDK. */
export async function cloudwatchClient(opts: AwsOptions): Promise<CloudWatch> {
  const { CloudWatchClient } = await import('@aws-sdk/client-cloudwatch');
  return new CloudWatchClient(clientConfig(opts));
}
