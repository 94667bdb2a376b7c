import {
  InputError,
  resolveRegion,
  type AwsOptions,
  type InputReader,
  type Runtime,
} from '@deploy-actions/core';
import type { TargetConfig } from '@deploy-actions/release/target';
import { clusterName, parseCluster, parseListenerArn, parseServices, type Located } from './names';

export interface EcsConfig extends TargetConfig {
  cluster: string;
  services: [string, string];
  /** The production listener, or one of its rules: whose forward action splits traffic. */
  router: { kind: 'listener' | 'rule'; arn: string };
  aws: AwsOptions;
}

/** The inputs only the ECS target reads. */
export const ECS_INPUTS = [
  'cluster',
  'services',
  'listener-arn',
  'listener-rule-arn',
  'task-definition',
  'container-name',
  'image',
  'desired-count',
  'test-listener-arn',
  'scale-down',
] as const;

/** cluster, services, listener-arn or listener-rule-arn, aws-region (ARNs must agree), max-attempts. */
export function readEcsConfig(
  inputs: InputReader,
  env: Runtime['env'],
  opts: { optional?: boolean; region?: boolean } = {},
): EcsConfig | undefined {
  const clusterText = inputs.text('cluster');
  const servicesText = inputs.text('services');
  if (opts.optional && clusterText === '' && servicesText === '') {
    // Nothing to record a target by; a listener given anyway is still checked, never silently ignored.
    if (inputs.text('listener-arn') || inputs.text('listener-rule-arn')) readRouter(inputs);
    return undefined;
  }
  const cluster = parseCluster(clusterText);
  const services = parseServices(servicesText);
  const router = readRouter(inputs);
  const regionText = inputs.text('aws-region');
  const region =
    opts.region === false && regionText === ''
      ? (cluster.region ?? router.located.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? '')
      : agreeingRegion(regionText, env, [
          ['cluster', cluster],
          [router.input, router.located],
        ]);
  const maxAttempts = inputs.integer('max-attempts', 10, 1, 20);
  const name = `${clusterName(cluster.value)}/${services.join(',')}`;
  return {
    cluster: cluster.value,
    services,
    router: { kind: router.input === 'listener-arn' ? 'listener' : 'rule', arn: router.located.value },
    aws: { region, maxAttempts },
    name,
    // The pair of services is what is released, whichever of them is blue; sorted, so one pair has one history.
    history: {
      targetKind: 'ecs',
      resource: `${clusterName(cluster.value)}/${[...services].sort().join(',')}`,
    },
  };
}

function readRouter(inputs: InputReader): { input: 'listener-arn' | 'listener-rule-arn'; located: Located } {
  const listener = inputs.text('listener-arn');
  const rule = inputs.text('listener-rule-arn');
  if (listener && rule) {
    throw new InputError(
      'listener-rule-arn',
      rule,
      'cannot be combined with listener-arn: give the listener whose default action forwards to both target groups, or the rule that does',
    );
  }
  if (rule) return { input: 'listener-rule-arn', located: parseListenerArn('listener-rule-arn', rule, true) };
  if (!listener) {
    throw new InputError(
      'listener-arn',
      '',
      'is required with target ecs (or listener-rule-arn): the production listener that forwards to both target groups',
    );
  }
  return { input: 'listener-arn', located: parseListenerArn('listener-arn', listener, false) };
}

/** aws-region, else the region of the ARNs given, else AWS_REGION; ARNs of another region are input errors. */
function agreeingRegion(regionText: string, env: Runtime['env'], located: [string, Located][]): string {
  const fromArn = located.find(([, l]) => l.region)?.[1].region;
  const region = regionText === '' && fromArn ? fromArn : resolveRegion(regionText, env);
  for (const [input, l] of located) {
    if (l.region && l.region !== region) {
      throw new InputError(
        input,
        l.value,
        `is in region ${l.region}, not ${region} (aws-region or AWS_REGION)`,
      );
    }
  }
  return region;
}
