// The test listener, pointed at green alone before deploy-green returns, so that probes and tests reach it.
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
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
  opts: { url?: boolean } = {},
): Promise<string | undefined> {
  const r = await elb.send(new DescribeListenersCommand({ ListenerArns: [arn] }));
  const listener = r.Listeners?.[0];
  const actions = listener?.DefaultActions ?? [];
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
  if (!opts.url || !listener?.LoadBalancerArn) return undefined;
  // What pre-traffic tests call: the load balancer's DNS name on the test listener's port.
  const lb = await elb.send(
    new DescribeLoadBalancersCommand({ LoadBalancerArns: [listener.LoadBalancerArn] }),
  );
  const dns = lb.LoadBalancers?.[0]?.DNSName;
  if (!dns) return undefined;
  const scheme = listener.Protocol === 'HTTPS' ? 'https' : 'http';
  return `${scheme}://${dns}${listener.Port ? `:${listener.Port}` : ''}/`;
}
