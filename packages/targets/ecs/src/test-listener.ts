// The test listener, pointed at green alone before deploy-green returns, so that probes and tests reach it.
import {
  DescribeListenersCommand,
  ModifyListenerCommand,
  type ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Log } from '@deploy-actions/core';
import { withWeights, forwardGroups } from './forward';

export async function pointTestListener(
  elb: ElasticLoadBalancingV2Client,
  arn: string,
  targetGroup: string,
  log: Log,
): Promise<void> {
  const r = await elb.send(new DescribeListenersCommand({ ListenerArns: [arn] }));
  const actions = r.Listeners?.[0]?.DefaultActions ?? [];
  const groups = forwardGroups(actions, 'The test listener');
  // Green's group takes all; a group the action does not name yet is added.
  const weights = new Map(groups.map((g) => [g.arn, 0]));
  weights.set(targetGroup, 1);
  const named = actions.map((a) =>
    a.Type === 'forward' && !groups.some((g) => g.arn === targetGroup)
      ? {
          ...a,
          TargetGroupArn: undefined,
          ForwardConfig: {
            ...a.ForwardConfig,
            TargetGroups: [
              ...(a.ForwardConfig?.TargetGroups ??
                groups.map((g) => ({ TargetGroupArn: g.arn, Weight: g.weight }))),
              { TargetGroupArn: targetGroup, Weight: 1 },
            ],
          },
        }
      : a,
  );
  await elb.send(
    new ModifyListenerCommand({ ListenerArn: arn, DefaultActions: withWeights(named, weights) }),
  );
  log.info(`Test listener ${arn.slice(arn.indexOf('/') + 1)} now forwards to green alone.`);
}
