import {
  CreateClusterCommand,
  CreateServiceCommand,
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type DeploymentConfiguration,
} from '@aws-sdk/client-ecs';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
  type Action,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { clientConfig, TEST_REGION } from './moto';

/** moto's environment for services of desiredCount tasks to start steady (see the notes in ecs.ts). */
export function ecsMotoEnv(desiredCount: number): Record<string, string> {
  return { MOTO_ECS_SERVICE_RUNNING: String(desiredCount) };
}

export interface EcsStackOptions {
  /** Prefix of every name; short, as target group names take 32 characters at most. Default 'app'. */
  name?: string;
  /** Blue's tasks; default 2. Start moto with ecsMotoEnv(desiredCount) for blue's deployment to be steady. */
  desiredCount?: number;
  /** Green's tasks: 0 (idle, the default) or as many as blue. */
  greenDesiredCount?: number;
  launchType?: 'FARGATE' | 'EC2';
  containerPort?: number;
  image?: string;
  /** Stickiness of the forward actions, in seconds; default 3600. */
  stickinessSeconds?: number;
  /** Both services'; default a circuit breaker with rollback, 200% / 100%. */
  deploymentConfiguration?: DeploymentConfiguration;
  /**
   * A rule on the production listener: a path-pattern condition, then authenticate-oidc (Order 1) and the
   * same weighted forward (Order 2).
   */
  rule?: boolean | { priority?: number; pathPattern?: string };
  /** A second listener forwarding 0/100 (all to green), to try green before production traffic. */
  testListener?: boolean | { port?: number };
}

export interface EcsSide {
  serviceName: string;
  serviceArn: string;
  targetGroupName: string;
  targetGroupArn: string;
  desiredCount: number;
}

export interface EcsStack {
  vpcId: string;
  subnetIds: string[];
  securityGroupId: string;
  loadBalancerArn: string;
  loadBalancerDnsName: string;
  clusterName: string;
  clusterArn: string;
  family: string;
  /** Revision 1, which both services run. */
  taskDefinitionArn: string;
  containerName: string;
  containerPort: number;
  launchType: 'FARGATE' | 'EC2';
  stickinessSeconds: number;
  blue: EcsSide;
  green: EcsSide;
  /** Port 80, forwarding 100/0 with stickiness. */
  productionListenerArn: string;
  ruleArn?: string;
  rulePriority?: number;
  testListenerArn?: string;
}

export const OIDC_CONFIG = {
  Issuer: 'https://idp.example.com',
  AuthorizationEndpoint: 'https://idp.example.com/authorize',
  TokenEndpoint: 'https://idp.example.com/token',
  UserInfoEndpoint: 'https://idp.example.com/userinfo',
  ClientId: 'testbed-client',
  ClientSecret: 'testbed-secret',
  OnUnauthenticatedRequest: 'authenticate' as const,
  Scope: 'openid',
  SessionCookieName: 'AWSELBAuthSessionCookie',
  SessionTimeout: 604800,
};

/** The weighted forward action of the stack's two target groups, with its stickiness. */
export function weightedForward(
  stack: Pick<EcsStack, 'blue' | 'green' | 'stickinessSeconds'>,
  blueWeight: number,
  greenWeight: number,
  order?: number,
): Action {
  return {
    Type: 'forward',
    ...(order === undefined ? {} : { Order: order }),
    ForwardConfig: {
      TargetGroups: [
        { TargetGroupArn: stack.blue.targetGroupArn, Weight: blueWeight },
        { TargetGroupArn: stack.green.targetGroupArn, Weight: greenWeight },
      ],
      TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: stack.stickinessSeconds },
    },
  };
}

// The test bed has no EC2 client: this sends EC2's query protocol by hand. moto routes on the credential
// scope and does not check signatures (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/Query-Requests.html).
async function ec2(endpoint: string, action: string, params: Record<string, string>): Promise<string> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      authorization: `AWS4-HMAC-SHA256 Credential=testing/20260101/${TEST_REGION}/ec2/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: new URLSearchParams({ Action: action, Version: '2016-11-15', ...params }).toString(),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`EC2 ${action} answered ${res.status}: ${text.slice(0, 500)}`);
  return text;
}

function xmlValue(xml: string, tag: string): string {
  const m = new RegExp(`<${tag}>([^<]+)</${tag}>`).exec(xml);
  if (!m) throw new Error(`no <${tag}> in ${xml.slice(0, 300)}`);
  return m[1]!;
}

/**
 * Creates in moto a VPC with two subnets and a security group, an Application Load Balancer, blue's and
 * green's target groups, a cluster, a task definition, the two services and the listeners. endpoint is
 * moto or a proxy in front of it.
 */
export async function createEcsStack(endpoint: string, opts: EcsStackOptions = {}): Promise<EcsStack> {
  const name = opts.name ?? 'app';
  const desiredCount = opts.desiredCount ?? 2;
  const greenDesiredCount = opts.greenDesiredCount ?? 0;
  const launchType = opts.launchType ?? 'FARGATE';
  const containerPort = opts.containerPort ?? 8080;
  const containerName = 'app';
  const stickinessSeconds = opts.stickinessSeconds ?? 3600;
  const deploymentConfiguration = opts.deploymentConfiguration ?? {
    deploymentCircuitBreaker: { enable: true, rollback: true },
    maximumPercent: 200,
    minimumHealthyPercent: 100,
  };

  const vpcId = xmlValue(await ec2(endpoint, 'CreateVpc', { CidrBlock: '10.0.0.0/16' }), 'vpcId');
  const subnetIds: string[] = [];
  for (const [i, zone] of ['a', 'b'].entries()) {
    const xml = await ec2(endpoint, 'CreateSubnet', {
      VpcId: vpcId,
      CidrBlock: `10.0.${i + 1}.0/24`,
      AvailabilityZone: `${TEST_REGION}${zone}`,
    });
    subnetIds.push(xmlValue(xml, 'subnetId'));
  }
  const securityGroupId = xmlValue(
    await ec2(endpoint, 'CreateSecurityGroup', {
      VpcId: vpcId,
      GroupName: `${name}-tasks`,
      GroupDescription: `${name} tasks and load balancer`,
    }),
    'groupId',
  );

  const elb = new ElasticLoadBalancingV2Client(clientConfig(endpoint));
  const ecs = new ECSClient(clientConfig(endpoint));
  try {
    const lb = (
      await elb.send(
        new CreateLoadBalancerCommand({
          Name: `${name}-alb`,
          Type: 'application',
          Subnets: subnetIds,
          SecurityGroups: [securityGroupId],
        }),
      )
    ).LoadBalancers![0]!;
    const targetGroup = async (color: string) => {
      const tg = (
        await elb.send(
          new CreateTargetGroupCommand({
            Name: `${name}-${color}`,
            Protocol: 'HTTP',
            Port: containerPort,
            VpcId: vpcId,
            TargetType: 'ip',
            HealthCheckPath: '/health',
          }),
        )
      ).TargetGroups![0]!;
      return { targetGroupName: tg.TargetGroupName!, targetGroupArn: tg.TargetGroupArn! };
    };
    const blueTg = await targetGroup('blue');
    const greenTg = await targetGroup('green');

    const cluster = (await ecs.send(new CreateClusterCommand({ clusterName: name }))).cluster!;
    const taskDefinition = (
      await ecs.send(
        new RegisterTaskDefinitionCommand({
          family: name,
          networkMode: 'awsvpc',
          requiresCompatibilities: [launchType],
          cpu: '256',
          memory: '512',
          containerDefinitions: [
            {
              name: containerName,
              image: opts.image ?? 'public.ecr.aws/nginx/nginx:1.27',
              essential: true,
              portMappings: [{ containerPort, protocol: 'tcp' }],
            },
          ],
        }),
      )
    ).taskDefinition!;

    const service = async (color: string, tg: { targetGroupArn: string }, count: number) => {
      const serviceName = `${name}-${color}`;
      const created = (
        await ecs.send(
          new CreateServiceCommand({
            cluster: name,
            serviceName,
            taskDefinition: taskDefinition.taskDefinitionArn,
            desiredCount: count,
            launchType,
            loadBalancers: [{ targetGroupArn: tg.targetGroupArn, containerName, containerPort }],
            networkConfiguration: {
              awsvpcConfiguration: {
                subnets: subnetIds,
                securityGroups: [securityGroupId],
                assignPublicIp: 'DISABLED',
              },
            },
            deploymentController: { type: 'ECS' },
            deploymentConfiguration,
          }),
        )
      ).service!;
      // moto drops deploymentConfiguration at CreateService but keeps it from UpdateService, and only
      // UpdateService's desiredCount puts runningCount right whatever MOTO_ECS_SERVICE_RUNNING says.
      await ecs.send(
        new UpdateServiceCommand({
          cluster: name,
          service: serviceName,
          desiredCount: count,
          deploymentConfiguration,
        }),
      );
      return { serviceName, serviceArn: created.serviceArn!, desiredCount: count };
    };
    const blue: EcsSide = { ...(await service('blue', blueTg, desiredCount)), ...blueTg };
    const green: EcsSide = { ...(await service('green', greenTg, greenDesiredCount)), ...greenTg };
    const sides = { blue, green, stickinessSeconds };

    const production = (
      await elb.send(
        new CreateListenerCommand({
          LoadBalancerArn: lb.LoadBalancerArn,
          Protocol: 'HTTP',
          Port: 80,
          DefaultActions: [weightedForward(sides, 100, 0)],
        }),
      )
    ).Listeners![0]!;

    let ruleArn: string | undefined;
    let rulePriority: number | undefined;
    if (opts.rule) {
      const rule = opts.rule === true ? {} : opts.rule;
      rulePriority = rule.priority ?? 10;
      ruleArn = (
        await elb.send(
          new CreateRuleCommand({
            ListenerArn: production.ListenerArn,
            Priority: rulePriority,
            Conditions: [
              { Field: 'path-pattern', PathPatternConfig: { Values: [rule.pathPattern ?? '/api/*'] } },
            ],
            Actions: [
              { Type: 'authenticate-oidc', Order: 1, AuthenticateOidcConfig: OIDC_CONFIG },
              weightedForward(sides, 100, 0, 2),
            ],
          }),
        )
      ).Rules![0]!.RuleArn!;
    }

    let testListenerArn: string | undefined;
    if (opts.testListener) {
      const port = (opts.testListener === true ? undefined : opts.testListener.port) ?? 8080;
      testListenerArn = (
        await elb.send(
          new CreateListenerCommand({
            LoadBalancerArn: lb.LoadBalancerArn,
            Protocol: 'HTTP',
            Port: port,
            DefaultActions: [weightedForward(sides, 0, 100)],
          }),
        )
      ).Listeners![0]!.ListenerArn!;
    }

    return {
      vpcId,
      subnetIds,
      securityGroupId,
      loadBalancerArn: lb.LoadBalancerArn!,
      loadBalancerDnsName: lb.DNSName!,
      clusterName: cluster.clusterName!,
      clusterArn: cluster.clusterArn!,
      family: name,
      taskDefinitionArn: taskDefinition.taskDefinitionArn!,
      containerName,
      containerPort,
      launchType,
      stickinessSeconds,
      blue,
      green,
      productionListenerArn: production.ListenerArn!,
      ...(ruleArn === undefined ? {} : { ruleArn, rulePriority }),
      ...(testListenerArn === undefined ? {} : { testListenerArn }),
    };
  } finally {
    elb.destroy();
    ecs.destroy();
  }
}

/** Registers the next revision of the stack's task definition, with another image; returns its ARN. */
export async function registerRevision(endpoint: string, stack: EcsStack, image: string): Promise<string> {
  const ecs = new ECSClient(clientConfig(endpoint));
  try {
    const out = await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: stack.family,
        networkMode: 'awsvpc',
        requiresCompatibilities: [stack.launchType],
        cpu: '256',
        memory: '512',
        containerDefinitions: [
          {
            name: stack.containerName,
            image,
            essential: true,
            portMappings: [{ containerPort: stack.containerPort, protocol: 'tcp' }],
          },
        ],
      }),
    );
    return out.taskDefinition!.taskDefinitionArn!;
  } finally {
    ecs.destroy();
  }
}
