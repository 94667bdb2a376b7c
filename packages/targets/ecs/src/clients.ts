import { clientConfig, type AwsOptions } from '@deploy-actions/core';
import type { OpenOptions } from '@deploy-actions/release/target';
import type { Clients } from './router';

type Make<T> = (opts: AwsOptions) => Promise<T>;

/** Loaded only after inputs are checked, so a bad-input run never pays for the SDK. */
export async function ecsClients(aws: AwsOptions, opts: Pick<OpenOptions, 'clients'>): Promise<Clients> {
  const ecs =
    (opts.clients?.ecs as Make<Clients['ecs']> | undefined) ??
    (async (o: AwsOptions) => {
      const { ECSClient } = await import('@aws-sdk/client-ecs');
      return new ECSClient(clientConfig(o));
    });
  const elb =
    (opts.clients?.elb as Make<Clients['elb']> | undefined) ??
    (async (o: AwsOptions) => {
      const { ElasticLoadBalancingV2Client } = await import('@aws-sdk/client-elastic-load-balancing-v2');
      return new ElasticLoadBalancingV2Client(clientConfig(o));
    });
  return { ecs: await ecs(aws), elb: await elb(aws) };
}
