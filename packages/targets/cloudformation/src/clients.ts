import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { S3Client } from '@aws-sdk/client-s3';
import { clientConfig, type AwsOptions } from '@deploy-actions/core';
import type { OpenOptions } from '@deploy-actions/release/target';

export interface StackClients {
  cfn: CloudFormationClient;
  /** Opened on first use: only rollback-alarms, held alias versions and version-output need them. */
  cloudwatch(): Promise<CloudWatchClient>;
  lambda(): Promise<LambdaClient>;
  s3(): Promise<S3Client>;
}

type Make<T> = (opts: AwsOptions) => Promise<T>;

/**
 * The SDKs load only here, after every input was checked, so a Lambda-only run never pays for them. Tests
 * give their own by name (cloudformation, cloudwatch, lambda, s3).
 */
export async function openStackClients(
  aws: AwsOptions,
  given: OpenOptions['clients'] = {},
): Promise<StackClients> {
  const pick = <T>(name: string, fallback: Make<T>): Make<T> => (given[name] as Make<T>) ?? fallback;
  const once = <T>(make: Make<T>) => {
    let made: Promise<T> | undefined;
    return () => (made ??= make(aws));
  };
  const cfn = await pick<CloudFormationClient>('cloudformation', async (o) => {
    const { CloudFormationClient } = await import('@aws-sdk/client-cloudformation');
    return new CloudFormationClient(clientConfig(o));
  })(aws);
  return {
    cfn,
    cloudwatch: once(
      pick<CloudWatchClient>('cloudwatch', async (o) => {
        const { CloudWatchClient } = await import('@aws-sdk/client-cloudwatch');
        return new CloudWatchClient(clientConfig(o));
      }),
    ),
    lambda: once(
      pick<LambdaClient>('lambda', async (o) => {
        const { LambdaClient } = await import('@aws-sdk/client-lambda');
        return new LambdaClient(clientConfig(o));
      }),
    ),
    s3: once(
      pick<S3Client>('s3', async (o) => {
        const { S3Client } = await import('@aws-sdk/client-s3');
        return new S3Client(clientConfig(o));
      }),
    ),
  };
}
