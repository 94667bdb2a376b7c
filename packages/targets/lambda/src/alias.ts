import { GetAliasCommand, UpdateAliasCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { awsErrorName, ConcurrentChangeError, systemClock, type Clock } from '@deploy-actions/core';
import { encodeCheckpoint, type Checkpoint } from '@deploy-actions/release/checkpoint';
import {
  holdsCheckpoint,
  sameRouting,
  type Routing,
  type RoutingState,
} from '@deploy-actions/release/routing';
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
 * The alias's Description in the write: the checkpoint when given, '' to clear one `from` holds, and left out
 * otherwise so that a user's own description is never touched. Description takes up to 256 characters, a
 * checkpoint at most 200 (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateAlias.html).
 */
function descriptionFor(from: RoutingState, checkpoint: Checkpoint | undefined): string | undefined {
  if (checkpoint) return encodeCheckpoint(checkpoint);
  return holdsCheckpoint(from) ? '' : undefined;
}

/**
 * One UpdateAlias guarded by the RevisionId read just before it
 * (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateAlias.html): weights and checkpoint change together
 * or not at all. A 412 whose alias already holds what we wrote (routing and Description) is our own write
 * retried after a lost response; any other 412 means someone else changed the alias.
 */
export async function writeAlias(
  lambda: LambdaClient,
  fn: string,
  alias: string,
  target: Routing,
  from: RoutingState,
  checkpoint?: Checkpoint,
  clock: Clock = systemClock,
): Promise<RoutingState> {
  const description = descriptionFor(from, checkpoint);
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
          ...(description !== undefined && { Description: description }),
          RevisionId: from.revision,
        }),
      );
      return aliasState(out);
    } catch (err) {
      const name = awsErrorName(err);
      if (name === 'PreconditionFailedException') {
        const now = await readAlias(lambda, fn, alias);
        if (now && sameRouting(now, target) && holdsWhatWeWrote(now, checkpoint)) return now;
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

/** After a lost response: the checkpoint read back is the one we wrote (same run and step), or none was wanted. */
function holdsWhatWeWrote(now: RoutingState, checkpoint: Checkpoint | undefined): boolean {
  if (!checkpoint) return !holdsCheckpoint(now);
  return now.checkpoint !== undefined && encodeCheckpoint(now.checkpoint) === encodeCheckpoint(checkpoint);
}
