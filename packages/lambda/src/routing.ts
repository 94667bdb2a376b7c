import type { AliasConfiguration } from '@aws-sdk/client-lambda';

/** Where an alias sends traffic: `version` takes the rest of what `green` does not get. */
export interface AliasState {
  version: string;
  green?: string;
  /** Fraction of traffic on green, 0..1. */
  greenWeight: number;
  revisionId?: string;
}

export type AliasTarget = Omit<AliasState, 'revisionId'>;

export function aliasState(a: AliasConfiguration): AliasState {
  const weights = Object.entries(a.RoutingConfig?.AdditionalVersionWeights ?? {});
  const [green, weight] = weights[0] ?? [];
  return {
    version: a.FunctionVersion ?? '',
    ...(green !== undefined && { green }),
    greenWeight: green !== undefined ? (weight ?? 0) : 0,
    revisionId: a.RevisionId,
  };
}

export function percentOf(weight: number): number {
  return Math.round(weight * 10_000) / 100;
}

export function describeAlias(s: AliasTarget): string {
  if (!s.green) return `100% on v${s.version}`;
  return `v${s.version} ${percentOf(1 - s.greenWeight)}% / v${s.green} ${percentOf(s.greenWeight)}%`;
}

export function sameRouting(a: AliasTarget, b: AliasTarget): boolean {
  return (
    a.version === b.version &&
    (a.green ?? '') === (b.green ?? '') &&
    Math.abs(a.greenWeight - b.greenWeight) < 1e-9
  );
}

/** Green's share of traffic in percent, for a routing that may already be fully on green or back on blue. */
export function greenPercent(r: AliasTarget, green: string): number {
  if (r.green === green) return percentOf(r.greenWeight);
  return r.version === green ? 100 : 0;
}
