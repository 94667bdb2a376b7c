import type { LambdaClient } from '@aws-sdk/client-lambda';
import { clientConfig, type AwsOptions } from '@deploy-actions/core';

/** Loaded only after inputs are checked, so a bad-input run never pays for the SDK. */
export async function lambdaClient(opts: AwsOptions): Promise<LambdaClient> {
  const { LambdaClient } = await import('@aws-sdk/client-lambda');
  return new LambdaClient(clientConfig(opts));
}
