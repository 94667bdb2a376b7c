// Per-version health from the load balancer's metrics of each service's target group:
// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import {
  minuteQuery,
  readWindow,
  sumOf,
  worstOf,
  type CloudWatch,
  type MetricsReading,
  type Subject,
  type VersionMetrics,
} from '@deploy-actions/health';
import type { Pair } from './router';

const NAMESPACE = 'AWS/ApplicationELB';

/** `app/NAME/ID` of a listener or rule ARN: the LoadBalancer dimension. */
export function loadBalancerDimension(listenerArn: string): string {
  return /:(?:listener|listener-rule)\/(app\/[^/]+\/[^/]+)/.exec(listenerArn)?.[1] ?? '';
}

/** `targetgroup/NAME/ID` of a target group ARN: the TargetGroup dimension. */
export function targetGroupDimension(arn: string): string {
  return arn.slice(arn.indexOf(':targetgroup/') + 1);
}

/**
 * Failure rate = (HTTPCode_Target_5XX_Count + TargetConnectionErrorCount) / RequestCount per target group;
 * latency from TargetResponseTime (seconds, reported in ms); UnHealthyHostCount above 0 is unhealthy.
 * HTTPCode_ELB_5XX_Count exists only per load balancer: reported beside, never blamed on a version.
 */
export async function readTargetGroupMetrics(
  cw: CloudWatch,
  listenerArn: string,
  pair: Pair,
  t: Subject,
  windowMs: number,
  percentiles: string[],
  now: number,
): Promise<MetricsReading> {
  const LoadBalancer = loadBalancerDimension(listenerArn);
  const versions = { g: t.version, ...(t.baseline && { b: t.baseline }) } as Record<string, string>;
  const queries: MetricDataQuery[] = [
    minuteQuery(
      'elb5xx',
      { namespace: NAMESPACE, name: 'HTTPCode_ELB_5XX_Count', dimensions: { LoadBalancer } },
      'Sum',
    ),
  ];
  for (const [key, version] of Object.entries(versions)) {
    const side = pair.sides.find((s) => s.taskDefinition === version);
    if (!side) throw new Error(`${version} runs on neither service, so no target group measures it`);
    const dimensions = { LoadBalancer, TargetGroup: targetGroupDimension(side.targetGroup) };
    const metric = (id: string, name: string, stat: string) =>
      minuteQuery(`${key}${id}`, { namespace: NAMESPACE, name, dimensions }, stat);
    queries.push(
      metric('req', 'RequestCount', 'Sum'),
      metric('t5xx', 'HTTPCode_Target_5XX_Count', 'Sum'),
      metric('conn', 'TargetConnectionErrorCount', 'Sum'),
      metric('unh', 'UnHealthyHostCount', 'Maximum'),
      ...percentiles.map((stat) => metric(stat, 'TargetResponseTime', stat)),
    );
  }
  const { values, until } = await readWindow(cw, queries, windowMs, now, t.since);
  const read = (k: string): VersionMetrics => {
    const requests = sumOf(values, `${k}req`);
    const target5xx = sumOf(values, `${k}t5xx`);
    const connectionErrors = sumOf(values, `${k}conn`);
    const unhealthyHosts = worstOf(values, `${k}unh`) ?? 0;
    return {
      requests,
      failures: target5xx + connectionErrors,
      latency: Object.fromEntries(
        percentiles.map((stat) => {
          const seconds = worstOf(values, `${k}${stat}`);
          return [stat, seconds === undefined ? undefined : Math.round(seconds * 1000)];
        }),
      ),
      counts: {
        requests,
        target5xx,
        connectionErrors,
        unhealthyHosts,
        ...(k === 'g' && { elb5xx: sumOf(values, 'elb5xx') }),
      },
      ...(unhealthyHosts > 0 && { problems: [`${unhealthyHosts} unhealthy target(s) in its target group`] }),
    };
  };
  return { green: read('g'), ...(t.baseline && { blue: read('b') }), ...(until !== undefined && { until }) };
}
