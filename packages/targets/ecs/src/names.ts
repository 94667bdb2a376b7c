import { InputError } from '@deploy-actions/core';

// Formats from https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html (names)
// and https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_Listener.html (ARNs).
const REGION = '([a-z]{2}(?:-gov)?-[a-z]+-\\d)';
const ACCOUNT = '(\\d{12})';
const NAME = /^[a-zA-Z0-9_-]{1,255}$/;
const CLUSTER_ARN = new RegExp(`^arn:aws[a-zA-Z-]*:ecs:${REGION}:${ACCOUNT}:cluster/([a-zA-Z0-9_-]{1,255})$`);
const LISTENER_ARN = new RegExp(
  `^arn:aws[a-zA-Z-]*:elasticloadbalancing:${REGION}:${ACCOUNT}:listener/app/[a-zA-Z0-9-]{1,32}/[0-9a-f]{16}/[0-9a-f]{16}$`,
);
const RULE_ARN = new RegExp(
  `^arn:aws[a-zA-Z-]*:elasticloadbalancing:${REGION}:${ACCOUNT}:listener-rule/app/[a-zA-Z0-9-]{1,32}/[0-9a-f]{16}/[0-9a-f]{16}/[0-9a-f]{16}$`,
);
const TASK_DEFINITION_ARN = new RegExp(
  `^arn:aws[a-zA-Z-]*:ecs:${REGION}:${ACCOUNT}:task-definition/([a-zA-Z0-9_-]{1,255}):([1-9]\\d{0,9})$`,
);

export interface Located {
  value: string;
  /** The region an ARN names, if any. */
  region?: string;
}

export function parseCluster(value: string): Located {
  const expected = 'must be an ECS cluster name (letters, digits, - and _) or its ARN';
  if (value === '') throw new InputError('cluster', value, `is required with target ecs: ${expected}`);
  const arn = CLUSTER_ARN.exec(value);
  if (arn) return { value, region: arn[1] };
  if (NAME.test(value)) return { value };
  throw new InputError('cluster', value, expected);
}

/** "orders-a,orders-b": the two services of the pair, by name. */
export function parseServices(value: string): [string, string] {
  const expected =
    'must name the two services of the blue/green pair, comma separated: orders-a,orders-b (names of letters, digits, - and _)';
  if (value === '') throw new InputError('services', value, `is required with target ecs: ${expected}`);
  const names = value.split(',').map((s) => s.trim());
  if (names.length !== 2 || !names.every((n) => NAME.test(n)))
    throw new InputError('services', value, expected);
  if (names[0] === names[1]) throw new InputError('services', value, 'must name two different services');
  return [names[0]!, names[1]!];
}

export function parseListenerArn(input: string, value: string, rule: boolean): Located {
  const m = (rule ? RULE_ARN : LISTENER_ARN).exec(value);
  if (!m) {
    throw new InputError(
      input,
      value,
      rule
        ? 'must be an Application Load Balancer listener rule ARN: arn:aws:elasticloadbalancing:REGION:ACCOUNT:listener-rule/app/NAME/ID/ID/ID'
        : 'must be an Application Load Balancer listener ARN: arn:aws:elasticloadbalancing:REGION:ACCOUNT:listener/app/NAME/ID/ID',
    );
  }
  return { value, region: m[1] };
}

/** A task definition ARN: the version of an ECS release. */
export function parseTaskDefinitionArn(input: string, value: string): string {
  if (!TASK_DEFINITION_ARN.test(value)) {
    throw new InputError(
      input,
      value,
      'must be a task definition ARN: arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION (the green-version output of deploy-green)',
    );
  }
  return value;
}

export function isTaskDefinitionArn(value: string): boolean {
  return TASK_DEFINITION_ARN.test(value);
}

export function arnRegion(value: string): string | undefined {
  return /^arn:aws[a-zA-Z-]*:[a-z0-9-]+:([a-z0-9-]+):/.exec(value)?.[1];
}

/** `family:revision`: how versions read in messages. */
export function label(taskDefinitionArn: string): string {
  return taskDefinitionArn.slice(taskDefinitionArn.lastIndexOf('/') + 1);
}

/** The plain name of a cluster given by name or ARN. */
export function clusterName(cluster: string): string {
  return cluster.slice(cluster.lastIndexOf('/') + 1);
}
