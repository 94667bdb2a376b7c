import { InputError } from './errors';
import { proxyConfigured, type Env } from './proxy';
import { ProxyRequestHandler } from './proxy-sdk';

export const SUITE_VERSION = '1.0.0';

export interface AwsOptions {
  region: string;
  maxAttempts: number;
  retryMode?: 'standard' | 'adaptive';
}

/** Region from the input, else AWS_REGION / AWS_DEFAULT_REGION as configure-aws-credentials sets them. */
export function resolveRegion(input: string, env: Record<string, string | undefined>): string {
  const region = input || env.AWS_REGION || env.AWS_DEFAULT_REGION || '';
  if (region === '') {
    throw new InputError('aws-region', '', 'is required when AWS_REGION is not set (for example us-east-1)');
  }
  if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region)) {
    throw new InputError('aws-region', region, 'must be an AWS region such as us-east-1 or eu-west-2');
  }
  return region;
}

/** Every SDK client is built here: one place for region, retries, the user agent and the runner's proxy. */
export function clientConfig(opts: AwsOptions, env: Env = process.env) {
  return {
    region: opts.region,
    maxAttempts: opts.maxAttempts,
    retryMode: opts.retryMode ?? 'standard',
    customUserAgent: [['deploy-actions', SUITE_VERSION]] as [string, string][],
    // Only the agents change behind a proxy; the SDK's retries stay the one retry layer.
    ...(proxyConfigured(env) && { requestHandler: new ProxyRequestHandler(env) }),
  };
}
