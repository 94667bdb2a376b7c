import {
  GetFunctionConfigurationCommand,
  type FunctionConfiguration,
  type LambdaClient,
} from '@aws-sdk/client-lambda';
import { awsErrorName, DeployError, InputError } from '@deploy-actions/core';

/**
 * $LATEST or one version's configuration. A missing version named by an input is that input's error;
 * a missing function says so plainly.
 */
export async function getConfig(
  lambda: LambdaClient,
  fn: string,
  qualifier?: string,
  input?: string,
): Promise<FunctionConfiguration> {
  try {
    return await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: fn, Qualifier: qualifier }));
  } catch (err) {
    if (awsErrorName(err) !== 'ResourceNotFoundException') throw err;
    if (!qualifier) {
      throw new DeployError(
        `Function ${fn} does not exist in this account and region: create it first (deploy-green updates an existing function).`,
      );
    }
    if (input)
      throw new InputError(
        input,
        qualifier,
        `must be a published version of ${fn}; version ${qualifier} does not exist`,
      );
    throw new DeployError(`Version ${qualifier} of ${fn}, which the alias serves, does not exist.`);
  }
}

/**
 * Both versions of a weighted alias must share the execution role and dead-letter queue:
 * https://docs.aws.amazon.com/lambda/latest/dg/configuring-alias-routing.html
 */
export function compatibility(blue: FunctionConfiguration, green: FunctionConfiguration): string | undefined {
  if (blue.Role !== green.Role) return `execution role ${blue.Role} ≠ ${green.Role}`;
  const dlq = (c: FunctionConfiguration) => c.DeadLetterConfig?.TargetArn ?? 'none';
  if (dlq(blue) !== dlq(green)) return `dead-letter queue ${dlq(blue)} ≠ ${dlq(green)}`;
  return undefined;
}

export async function checkPair(
  lambda: LambdaClient,
  fn: string,
  blue: string,
  green: string,
): Promise<void> {
  const [b, g] = await Promise.all([
    getConfig(lambda, fn, blue),
    getConfig(lambda, fn, green, 'green-version'),
  ]);
  const mismatch = compatibility(b, g);
  if (mismatch) {
    throw new DeployError(
      `v${blue} and v${green} cannot share a weighted alias: ${mismatch} (AWS requires the same execution role and dead-letter queue).`,
    );
  }
}
