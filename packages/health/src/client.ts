import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { clientConfig, type AwsOptions } from '@deploy-actions/core';

export type CloudWatch = CloudWatchClient;

let sdk: Promise<typeof import('@aws-sdk/client-cloudwatch')> | undefined;

/**
 * The CloudWatch SDK, loaded once and only when a check needs it (actions without alarms or metrics never
 * do); one shared import, as two parallel imports of one module trip jest's ESM loader.
 */
export function cloudwatchSdk(): Promise<typeof import('@aws-sdk/client-cloudwatch')> {
  return (sdk ??= import('@aws-sdk/client-cloudwatch'));
}

/** Loaded only after inputs are checked, so a bad-input run never pays for the SDK. */
export async function cloudwatchClient(opts: AwsOptions): Promise<CloudWatch> {
  const { CloudWatchClient } = await cloudwatchSdk();
  return new CloudWatchClient(clientConfig(opts));
}
