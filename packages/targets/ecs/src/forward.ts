// The weighted forward action of an Application Load Balancer listener or rule. ModifyListener and
// ModifyRule replace the whole action list, so every write keeps every other action and field as read.
import type { Action } from '@aws-sdk/client-elastic-load-balancing-v2';
import { DeployError } from '@deploy-actions/core';

// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetGroupTuple.html
export const MAX_WEIGHT = 999;
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_ForwardActionConfig.html
export const MAX_TARGET_GROUPS = 5;

export interface WeightedGroup {
  arn: string;
  weight: number;
}

/** The one forward action's target groups and weights; a lone TargetGroupArn weighs 1. */
export function forwardGroups(actions: Action[], where: string): WeightedGroup[] {
  const forwards = actions.filter((a) => a.Type === 'forward');
  if (forwards.length !== 1) {
    throw new DeployError(
      `${where} has ${forwards.length} forward actions; it needs exactly one, forwarding to both services' target groups`,
    );
  }
  const f = forwards[0]!;
  const tuples = f.ForwardConfig?.TargetGroups;
  if (tuples?.length) return tuples.map((t) => ({ arn: t.TargetGroupArn ?? '', weight: t.Weight ?? 1 }));
  return f.TargetGroupArn ? [{ arn: f.TargetGroupArn, weight: 1 }] : [];
}

/** The action list with new weights in its forward action; every other action and field as it was. */
export function withWeights(actions: Action[], weights: Map<string, number>): Action[] {
  checkWeights(weights);
  return actions.map((a) => {
    if (
      a.Type === 'authenticate-oidc' &&
      a.AuthenticateOidcConfig &&
      !a.AuthenticateOidcConfig.ClientSecret
    ) {
      // Describe never returns the secret; a modify without it must say to keep the existing one:
      // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_AuthenticateOidcActionConfig.html
      return { ...a, AuthenticateOidcConfig: { ...a.AuthenticateOidcConfig, UseExistingClientSecret: true } };
    }
    if (a.Type !== 'forward') return a;
    const groups = forwardGroups([a], 'the forward action');
    const TargetGroups = groups.map((g) => ({
      TargetGroupArn: g.arn,
      Weight: weights.get(g.arn) ?? g.weight,
    }));
    // With several groups only ForwardConfig may name them.
    const forward: Action = { ...a, ForwardConfig: { ...a.ForwardConfig, TargetGroups } };
    delete forward.TargetGroupArn;
    return forward;
  });
}

/** What AWS would refuse and moto accepts: weights outside 0-999, more than 5 groups, no traffic at all. */
export function checkWeights(weights: Map<string, number>): void {
  if (weights.size > MAX_TARGET_GROUPS) {
    throw new DeployError(
      `a forward action takes at most ${MAX_TARGET_GROUPS} target groups, not ${weights.size}`,
    );
  }
  for (const [arn, w] of weights) {
    if (!Number.isInteger(w) || w < 0 || w > MAX_WEIGHT) {
      throw new DeployError(
        `target group ${arn} would get weight ${w}; weights are whole numbers from 0 to ${MAX_WEIGHT}`,
      );
    }
  }
  if ([...weights.values()].every((w) => w === 0))
    throw new DeployError('every target group would get weight 0');
}

/** A canonical text of an action list: what this run read or wrote, to compare with what is there now. */
export function fingerprint(actions: Action[]): string {
  return JSON.stringify(actions.map((a) => sortKeys(withoutSecrets(a))));
}

function withoutSecrets(a: Action): Action {
  if (!a.AuthenticateOidcConfig) return a;
  const oidc = { ...a.AuthenticateOidcConfig };
  delete oidc.ClientSecret;
  delete oidc.UseExistingClientSecret;
  return { ...a, AuthenticateOidcConfig: oidc };
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, x]) => [k, sortKeys(x)]),
    );
  }
  return v;
}
