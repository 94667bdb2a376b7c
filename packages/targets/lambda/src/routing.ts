import type { AliasConfiguration } from '@aws-sdk/client-lambda';
import { checkpointOf } from '@deploy-actions/release/checkpoint';
import { describeRouting, type Routing, type RoutingState } from '@deploy-actions/release/routing';

/** Versions as Lambda users know them: v7. */
export function label(version: string): string {
  return `v${version}`;
}

export function aliasState(a: AliasConfiguration): RoutingState {
  const weights = Object.entries(a.RoutingConfig?.AdditionalVersionWeights ?? {});
  const [green, weight] = weights[0] ?? [];
  return {
    version: a.FunctionVersion ?? '',
    ...(green !== undefined && { green }),
    greenWeight: green !== undefined ? (weight ?? 0) : 0,
    revision: a.RevisionId,
    // A checkpointed rollout keeps its checkpoint in the alias's Description, beside the weights.
    ...checkpointOf(a.Description),
  };
}

export function describeAlias(r: Routing): string {
  return describeRouting(r, label);
}
