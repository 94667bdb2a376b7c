import { GetAliasCommand, UpdateAliasCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { awsErrorName, ConcurrentChangeError, systemClock, type Clock } from '@deploy-actions/core';
import { sameRouting, type Routing, type RoutingState } from '@deploy-actions/release/routing';
import { aliasState, describeAlias } from './routing';

/** The alias, or undefined when it does not exist. */
export async function readAlias(
  lambda: LambdaClient,
  fn: string,
  alias: string,
): Promise<RoutingState | undefined> {
  try {
    return aliasState(await lambda.send(new GetAliasCommand({ FunctionName: fn, Name: alias })));
  } catch (err) {
    if (awsErrorName(err) === 'ResourceNotFoundException') return undefined;
    throw err;
  }
}

const CONFLICT_RETRIES = 5;

/**
 * One UpdateAlias guarded by the RevisionId read just before it
 * (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateAlias.html).
 * A 412 whose alias already matches the target is our own write retried after a lost response;
 * any other 412 means someone else changed the alias.
 */
export async function writeAlias(
  lambda: LambdaClient,
  fn: string,
  alias: string,
  target: Routing,
  revisionId: string | undefined,
  clock: Clock = systemClock,
): Promise<RoutingState> {
  for (let attempt = 1; ; attempt++) {
    try {
      const out = await lambda.send(
        new UpdateAliasCommand({
          FunctionName: fn,
          Name: alias,
          FunctionVersion: target.version,
          RoutingConfig: {
            AdditionalVersionWeights: target.green ? { [target.green]: target.greenWeight } : {},
          },
          RevisionId: revisionId,
        }),
      );
      return aliasState(out);
    } catch (err) {
      const name = awsErrorName(err);
      if (name === 'PreconditionFailedException') {
        const now = await readAlias(lambda, fn, alias);
        if (now && sameRouting(now, target)) return now;
        throw new ConcurrentChangeError(
          `Alias "${alias}" was changed by someone else (its RevisionId no longer matches): it is now ${now ? describeAlias(now) : 'deleted'}. Another deployment is probably in progress; this run changed nothing more.`,
        );
      }
      // 409: an update of the function is still being applied; the alias itself is unchanged, so retry as is.
      if (name === 'ResourceConflictException' && attempt < CONFLICT_RETRIES) {
        await clock.sleep(1000 * 2 ** (attempt - 1));
        continue;
      }
      throw err;
    }
  }
}
