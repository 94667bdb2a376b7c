// An ECS blue/green stack in moto (two services behind one Application Load Balancer listener that forwards
// to their two target groups by weight), and a model, played in the fault proxy, of what ECS does after
// UpdateService and moto does not: deployments that roll out, a circuit breaker that rolls back, tasks
// that stop, targets that turn healthy.
//
// moto 5.2.1's ECS, as observed (ecs/models.py and ecs-testbed.test.ts):
// - DescribeTaskDefinition takes a family (its latest revision), family:revision or an ARN. compatibilities
//   is always [EC2, FARGATE], whatever requiresCompatibilities says.
// - CreateService takes launchType EC2 (the default) or FARGATE (EXTERNAL: ClientException). With an awsvpc
//   networkConfiguration the subnets must exist (InvalidParameterException), and securityGroups must be
//   given: without them moto fails with an HTML 500 (the SDK reports a SyntaxError).
// - CreateService stores loadBalancers as sent and checks nothing (an unknown target group, container name or
//   port is accepted); no target is ever registered with the target group. deploymentConfiguration is
//   dropped. A second CreateService with the same name silently replaces the service (AWS refuses it).
// - A new service has one PRIMARY deployment (none with deploymentController CODE_DEPLOY). Its counts come
//   from MOTO_ECS_SERVICE_RUNNING=N in moto's environment (default 0), read at each CreateService and the
//   same for every service: runningCount N, pendingCount desiredCount - N (negative when N is larger),
//   rolloutState COMPLETED when N >= desiredCount, else IN_PROGRESS for ever. So a service starts steady
//   only when its desiredCount is N (ecsMotoEnv).
// - UpdateService never touches the deployments: a new taskDefinition changes the service's taskDefinition
//   (to the string as sent: `web:2` stays `web:2`, not an ARN) while deployments[0] keeps the old task
//   definition, id and rolloutState, and no deployment is added. desiredCount sets runningCount to it and
//   pendingCount to 0 at once, whatever MOTO_ECS_SERVICE_RUNNING, and leaves the deployment's counts.
//   forceNewDeployment only gives deployments[0] a new id and timestamps (its rolloutStateReason still names
//   the old id). deploymentConfiguration sent to UpdateService IS stored and returned as sent, circuit
//   breaker included (only CreateService drops it). An unknown task definition: ClientException.
// - The services-stable waiter (one deployment and runningCount == desiredCount per service) judges
//   moto's service-level counts: it succeeds at once when MOTO_ECS_SERVICE_RUNNING equals desiredCount, or
//   after any UpdateService with desiredCount, even while the deployment says IN_PROGRESS; else it times out.
// - There are no tasks: ListTasks answers [] (RUNNING or STOPPED), DescribeTasks of an unknown ARN answers
//   no task and no failure (AWS: failure MISSING), DescribeTasks of [] is an InvalidParameterException.
//   DescribeServices of an unknown service answers failures [{arn, reason: MISSING}]; events stay [].
//
// moto 5.2.1's ELBv2, as observed (elbv2/models.py and ecs-testbed.test.ts):
// - In a forward action a Weight left out becomes 1 and a TargetGroupStickinessConfig left out becomes
//   {Enabled: false}; everything else is stored and returned as sent. Order is echoed only when sent (AWS
//   numbers the actions). A forward with only TargetGroupArn is returned without ForwardConfig.
// - ModifyListener and ModifyRule replace the action list whole and keep what is not sent: a rule's
//   conditions when only Actions are sent, its actions when only Conditions are, a listener's actions when
//   only Port is. Weights, Order, stickiness and an authenticate-oidc action round-trip exactly; a modify
//   that does not resend TargetGroupStickinessConfig turns stickiness off, as it does in AWS.
// - Nothing in a forward action is checked: weights 1000, 5000 or -1, every weight 0, seven target groups,
//   one group twice, stickiness DurationSeconds 0, the forward (Order 1) before authenticate-oidc (Order 2),
//   authenticate-oidc on an HTTP listener are all accepted (AWS: weights 0-999, at most 5 groups, 1-604800
//   seconds, authenticate first and on HTTPS only). ModifyListener does not even check that the target
//   groups exist; CreateListener, CreateRule and ModifyRule do (TargetGroupNotFound).
// - authenticate-oidc is stored as sent, with no defaults filled in (AWS adds Scope, SessionCookieName,
//   SessionTimeout, OnUnauthenticatedRequest). DescribeRules returns the ClientSecret (AWS never does); a
//   modify with UseExistingClientSecret and no secret stores just that: the secret is gone and
//   UseExistingClientSecret is echoed.
// - CreateRule checks conditions and refuses a priority in use (PriorityInUse). DescribeRules gives Priority
//   as a string and the default rule as Priority 'default', IsDefault true, with an ARN ending in a decimal
//   number that AddTags refuses (RuleNotFound).
// - AddTags and DescribeTags work on listeners and rules (and Tags at CreateListener/CreateRule). DescribeTags
//   of an unknown ARN answers no tags (AWS: not found). AddTags refuses new keys once a resource has 10 tags
//   (AWS allows 50).
// - DescribeTargetHealth of a target group behind a service answers [] (nothing registers). A target asked
//   for by Id and not registered is unavailable/Target.NotRegistered; RegisterTargets makes a target healthy
//   at once and for ever. CreateLoadBalancer needs existing subnets, one is enough (AWS: two zones).
import { randomUUID } from 'node:crypto';
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
import { clientConfig, TEST_ACCOUNT, TEST_REGION } from './moto';
import { mulberry32, type ModelCall, type ModelReply, type ProxyModel } from './proxy';

/** moto's environment for services of desiredCount tasks to start steady (see the notes above). */
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

// ---- The deployment model ----

type Json = Record<string, unknown>;

export interface EcsModelOptions {
  /**
   * DescribeServices calls naming a service that still see its new deployment IN_PROGRESS; the next one
   * sees it COMPLETED (or the circuit breaker trip). Default 2.
   */
  inProgressCalls?: number;
  /** Seed of the deployment ids, task ids and target addresses. */
  seed?: number;
}

export interface FailOptions {
  /** Tasks that fail before the circuit breaker trips: failedTasks and the stopped tasks. Default 3. */
  failedTasks?: number;
  /** rolloutStateReason of the failed deployment. */
  reason?: string;
  stoppedReason?: string;
  stopCode?: string;
}

export type TargetState = 'healthy' | 'unhealthy';

// Field names and states: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Deployment.html
/** A deployment as DescribeServices gives it. */
export interface ModelDeployment {
  id: string;
  status: 'PRIMARY' | 'ACTIVE';
  taskDefinition: string;
  desiredCount: number;
  pendingCount: number;
  runningCount: number;
  failedTasks: number;
  createdAt: number;
  updatedAt: number;
  launchType?: string;
  platformFamily?: string;
  networkConfiguration?: unknown;
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  rolloutStateReason: string;
}

interface Deployment extends ModelDeployment {
  /** DescribeServices calls that saw it in progress. */
  calls: number;
  fail?: Required<FailOptions>;
  /** Addresses of its tasks' targets, grown as needed. */
  addresses: string[];
}

interface LoadBalancerRef {
  targetGroupArn?: string;
  containerName?: string;
  containerPort?: number;
}

interface ModelService {
  arn: string;
  clusterArn: string;
  clusterName: string;
  name: string;
  desiredCount: number;
  launchType?: string;
  loadBalancers: LoadBalancerRef[];
  deployments: Deployment[];
  /** The task definition to roll back to: the last one that completed. */
  lastCompleted: string;
  stopped: Json[];
}

const MODEL_ONLY = ['calls', 'fail', 'addresses'] as const satisfies readonly Exclude<
  keyof Deployment,
  keyof ModelDeployment
>[];
const ECS_TARGET = 'AmazonEC2ContainerServiceV20141113';
// The reason users see on a tripped circuit breaker; the API reference lists none.
const CIRCUIT_BREAKER_REASON = 'ECS deployment circuit breaker: tasks failed to start.';

const lastSegment = (s: string) => s.slice(s.lastIndexOf('/') + 1);
const nowSeconds = () => Date.now() / 1000;

function xmlEscape(s: string): string {
  return s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * What ECS and ELBv2 do after an UpdateService that moto does not, played by the fault proxy
 * (proxy.setModel(model)). Only services that got a new task definition (or forceNewDeployment) through the
 * proxy are modelled; every other call and service is moto's.
 * - DescribeServices (and UpdateService's answer) list the deployments as ECS does: the new one PRIMARY and
 *   IN_PROGRESS for inProgressCalls DescribeServices calls, the previous ones ACTIVE; then the PRIMARY is
 *   COMPLETED with runningCount = desiredCount and the others are gone.
 * - failNextDeployment: the next deployment's tasks stop (failedTasks counts up, ListTasks with desiredStatus
 *   STOPPED and DescribeTasks show them), then the circuit breaker trips: that deployment is ACTIVE and
 *   FAILED and a new PRIMARY rolls back to the last task definition that completed, for inProgressCalls
 *   calls, after which only the rollback is left, COMPLETED.
 * - DescribeTargetHealth of a modelled service's target group: its running tasks' targets, healthy (or as
 *   setTargetHealth says) once their deployment completed, initial while it is in progress.
 */
export class EcsDeployModel implements ProxyModel {
  private readonly services = new Map<string, ModelService>();
  private readonly failures = new Map<string, Required<FailOptions>>();
  private readonly health = new Map<string, TargetState>();
  private readonly inProgressCalls: number;
  private random: () => number;
  private addressCount = 0;

  constructor(private readonly opts: EcsModelOptions = {}) {
    this.inProgressCalls = opts.inProgressCalls ?? 2;
    if (!(Number.isInteger(this.inProgressCalls) && this.inProgressCalls >= 0)) {
      throw new Error(`inProgressCalls must be a whole number >= 0, got ${this.inProgressCalls}`);
    }
    this.random = mulberry32(opts.seed ?? 1);
  }

  /** Forgets every modelled service, failure and health (as moto's reset does). */
  reset(): void {
    this.services.clear();
    this.failures.clear();
    this.health.clear();
    this.random = mulberry32(this.opts.seed ?? 1);
    this.addressCount = 0;
  }

  /** The next deployment of the service (name or ARN) fails and the circuit breaker rolls it back. */
  failNextDeployment(service: string, opts: FailOptions = {}): void {
    this.failures.set(lastSegment(service), {
      failedTasks: opts.failedTasks ?? 3,
      reason: opts.reason ?? CIRCUIT_BREAKER_REASON,
      stoppedReason: opts.stoppedReason ?? 'Essential container in task exited',
      stopCode: opts.stopCode ?? 'EssentialContainerExited',
    });
  }

  /** What the target group's otherwise healthy targets answer; undefined: healthy again. */
  setTargetHealth(targetGroupArn: string, state: TargetState | undefined): void {
    if (state) this.health.set(targetGroupArn, state);
    else this.health.delete(targetGroupArn);
  }

  /** The modelled deployments of a service (name or ARN), PRIMARY first; undefined when not modelled. */
  deploymentsOf(service: string): ModelDeployment[] | undefined {
    const svc = this.find(service);
    return svc?.deployments.map((d) => this.publicDeployment(d));
  }

  async answer(call: ModelCall): Promise<ModelReply | undefined> {
    if (call.service === 'ecs' && call.protocol === 'json') {
      switch (call.op) {
        case 'UpdateService':
          return this.updateService(call);
        case 'DescribeServices':
          return this.describeServices(call);
        case 'ListTasks':
          return this.listTasks(call);
        case 'DescribeTasks':
          return this.describeTasks(call);
      }
    }
    if (call.service === 'elasticloadbalancing' && call.op === 'DescribeTargetHealth') {
      return this.describeTargetHealth(call);
    }
    return undefined;
  }

  private find(service: string, cluster?: string): ModelService | undefined {
    const name = lastSegment(service);
    const clusterName = cluster === undefined ? undefined : lastSegment(cluster);
    for (const svc of this.services.values()) {
      if (service.startsWith('arn:') ? svc.arn === service : svc.name === name) {
        if (clusterName === undefined || svc.clusterName === clusterName) return svc;
      }
    }
    return undefined;
  }

  private hex(digits: number): string {
    let out = '';
    while (out.length < digits) out += Math.floor(this.random() * 16).toString(16);
    return out;
  }

  private deploymentId(): string {
    let n = '';
    for (let i = 0; i < 19; i++) n += Math.floor(this.random() * 10);
    return `ecs-svc/${n.replace(/^0+/, '') || '0'}`;
  }

  private publicDeployment(d: Deployment): ModelDeployment {
    const out: Record<string, unknown> = { ...d };
    for (const k of MODEL_ONLY) delete out[k];
    return out as unknown as ModelDeployment;
  }

  private static json(base: ModelReply, body: unknown): ModelReply {
    return { status: base.status, headers: base.headers, body: Buffer.from(JSON.stringify(body)) };
  }

  private static ecsCall(call: ModelCall, op: string, body: Json): Promise<ModelReply> {
    return call.forward(Buffer.from(JSON.stringify(body)), { 'x-amz-target': `${ECS_TARGET}.${op}` });
  }

  /** The full ARN of a task definition as UpdateService took it (moto keeps the string as sent). */
  private static async taskDefinitionArn(call: ModelCall, td: string): Promise<string> {
    if (td.startsWith('arn:')) return td;
    const reply = await EcsDeployModel.ecsCall(call, 'DescribeTaskDefinition', { taskDefinition: td });
    const arn = (
      JSON.parse(reply.body.toString('utf8')) as { taskDefinition?: { taskDefinitionArn?: string } }
    ).taskDefinition?.taskDefinitionArn;
    if (reply.status !== 200 || !arn) throw new Error(`cannot resolve task definition ${td}`);
    return arn;
  }

  private newDeployment(
    svc: ModelService,
    taskDefinition: string,
    template: Json | undefined,
    fail?: Required<FailOptions>,
  ): Deployment {
    const id = this.deploymentId();
    const at = nowSeconds();
    return {
      id,
      status: 'PRIMARY',
      taskDefinition,
      desiredCount: svc.desiredCount,
      pendingCount: svc.desiredCount,
      runningCount: 0,
      failedTasks: 0,
      createdAt: at,
      updatedAt: at,
      ...(svc.launchType === undefined ? {} : { launchType: svc.launchType }),
      ...(template?.platformFamily === undefined
        ? {}
        : { platformFamily: template.platformFamily as string }),
      ...(template?.networkConfiguration === undefined
        ? {}
        : { networkConfiguration: template.networkConfiguration }),
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: `ECS deployment ${id} in progress.`,
      calls: 0,
      ...(fail ? { fail } : {}),
      addresses: [],
    };
  }

  private async updateService(call: ModelCall): Promise<ModelReply | undefined> {
    const req = JSON.parse(call.body.toString('utf8')) as {
      cluster?: string;
      service?: string;
      taskDefinition?: string;
      forceNewDeployment?: boolean;
    };
    if (!req.service) return undefined;
    let svc = this.find(req.service, req.cluster ?? 'default');
    // Before moto forgets it: what the service runs now, for the ACTIVE deployment and a rollback.
    let before: Json | undefined;
    if (!svc && (req.taskDefinition !== undefined || req.forceNewDeployment)) {
      const reply = await EcsDeployModel.ecsCall(call, 'DescribeServices', {
        cluster: req.cluster ?? 'default',
        services: [req.service],
      });
      before = (JSON.parse(reply.body.toString('utf8')) as { services?: Json[] }).services?.[0];
    }

    const reply = await call.forward();
    if (reply.status !== 200) return reply;
    const out = JSON.parse(reply.body.toString('utf8')) as { service: Json };
    const moto = out.service;
    const requested =
      req.taskDefinition === undefined
        ? undefined
        : await EcsDeployModel.taskDefinitionArn(call, req.taskDefinition);

    if (!svc) {
      if (!before) return reply;
      const current = await EcsDeployModel.taskDefinitionArn(call, String(before.taskDefinition));
      if (!req.forceNewDeployment && (requested === undefined || requested === current)) return reply;
      const motoDeployment = (before.deployments as Json[] | undefined)?.[0];
      svc = {
        arn: String(moto.serviceArn),
        clusterArn: String(moto.clusterArn),
        clusterName: lastSegment(String(moto.clusterArn)),
        name: String(moto.serviceName),
        desiredCount: Number(moto.desiredCount),
        ...(moto.launchType === undefined ? {} : { launchType: String(moto.launchType) }),
        loadBalancers: (moto.loadBalancers as LoadBalancerRef[] | undefined) ?? [],
        deployments: [],
        lastCompleted: current,
        stopped: [],
      };
      if (motoDeployment) {
        // moto's deployment row, with the service's counts (moto keeps those right, not the row's).
        const running = Number(before.runningCount ?? 0);
        svc.deployments.push({
          ...(motoDeployment as unknown as ModelDeployment),
          status: 'ACTIVE',
          taskDefinition: current,
          desiredCount: Number(before.desiredCount ?? 0),
          runningCount: running,
          pendingCount: 0,
          calls: 0,
          addresses: [],
        });
      }
      this.services.set(svc.arn, svc);
    }

    svc.desiredCount = Number(moto.desiredCount);
    svc.loadBalancers = (moto.loadBalancers as LoadBalancerRef[] | undefined) ?? svc.loadBalancers;
    const primary = svc.deployments.find((d) => d.status === 'PRIMARY');
    const target = requested ?? primary?.taskDefinition ?? svc.lastCompleted;
    if (!primary || target !== primary.taskDefinition || req.forceNewDeployment) {
      for (const d of svc.deployments) d.status = 'ACTIVE';
      const fail = this.failures.get(svc.name);
      this.failures.delete(svc.name);
      const template = (moto.deployments as Json[] | undefined)?.[0];
      svc.deployments.unshift(this.newDeployment(svc, target, template, fail));
    } else {
      // Only the desired count changed: the deployment follows it (ECS starts or stops tasks).
      primary.desiredCount = svc.desiredCount;
      if (primary.rolloutState === 'COMPLETED') {
        primary.runningCount = svc.desiredCount;
        primary.pendingCount = 0;
      } else if (primary.rolloutState === 'IN_PROGRESS') {
        primary.pendingCount = Math.max(0, svc.desiredCount - primary.runningCount);
      }
      primary.updatedAt = nowSeconds();
    }
    return EcsDeployModel.json(reply, { ...out, service: this.rewrite(moto, svc) });
  }

  private async describeServices(call: ModelCall): Promise<ModelReply | undefined> {
    if (this.services.size === 0) return undefined;
    const reply = await call.forward();
    if (reply.status !== 200) return reply;
    const out = JSON.parse(reply.body.toString('utf8')) as { services?: Json[] };
    out.services = (out.services ?? []).map((moto) => {
      const svc = this.services.get(String(moto.serviceArn));
      if (!svc) return moto;
      this.advance(svc);
      return this.rewrite(moto, svc);
    });
    return EcsDeployModel.json(reply, out);
  }

  /** One DescribeServices call's worth of progress. */
  private advance(svc: ModelService): void {
    const primary = svc.deployments[0];
    if (!primary || primary.rolloutState !== 'IN_PROGRESS') return;
    primary.calls++;
    primary.updatedAt = nowSeconds();
    if (primary.fail) {
      const { failedTasks } = primary.fail;
      if (primary.calls <= this.inProgressCalls) {
        this.stopTasks(svc, primary, Math.min(failedTasks, primary.calls));
        return;
      }
      // The circuit breaker trips and rolls back to the last task definition that completed.
      this.stopTasks(svc, primary, failedTasks);
      primary.status = 'ACTIVE';
      primary.rolloutState = 'FAILED';
      primary.rolloutStateReason = primary.fail.reason;
      primary.runningCount = 0;
      primary.pendingCount = 0;
      // The rollback takes over the tasks still running the task definition it goes back to, and completes
      // like any deployment, counting calls from the next one.
      const rollback = this.newDeployment(svc, svc.lastCompleted, primary as unknown as Json);
      const kept = svc.deployments.filter(
        (d) => d.rolloutState !== 'FAILED' && d.taskDefinition === svc.lastCompleted,
      );
      rollback.runningCount = Math.min(
        svc.desiredCount,
        kept.reduce((n, d) => n + d.runningCount, 0),
      );
      rollback.pendingCount = svc.desiredCount - rollback.runningCount;
      rollback.addresses = kept.flatMap((d) => d.addresses);
      svc.deployments = [rollback, ...svc.deployments.filter((d) => !kept.includes(d))];
      return;
    }
    if (primary.calls > this.inProgressCalls) this.complete(svc, primary);
  }

  private complete(svc: ModelService, d: Deployment): void {
    d.rolloutState = 'COMPLETED';
    d.rolloutStateReason = `ECS deployment ${d.id} completed.`;
    d.desiredCount = svc.desiredCount;
    d.runningCount = svc.desiredCount;
    d.pendingCount = 0;
    d.updatedAt = nowSeconds();
    svc.deployments = [d];
    svc.lastCompleted = d.taskDefinition;
  }

  private stopTasks(svc: ModelService, d: Deployment, upTo: number): void {
    d.failedTasks = upTo;
    const mine = svc.stopped.filter((t) => t.startedBy === d.id).length;
    const region = svc.arn.split(':')[3] ?? TEST_REGION;
    const account = svc.arn.split(':')[4] ?? TEST_ACCOUNT;
    const container = svc.loadBalancers[0]?.containerName;
    for (let i = mine; i < upTo; i++) {
      const at = nowSeconds();
      const taskArn = `arn:aws:ecs:${region}:${account}:task/${svc.clusterName}/${this.hex(32)}`;
      // Field names: https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Task.html
      svc.stopped.push({
        taskArn,
        clusterArn: svc.clusterArn,
        taskDefinitionArn: d.taskDefinition,
        group: `service:${svc.name}`,
        startedBy: d.id,
        ...(svc.launchType === undefined ? {} : { launchType: svc.launchType }),
        lastStatus: 'STOPPED',
        desiredStatus: 'STOPPED',
        stopCode: d.fail!.stopCode,
        stoppedReason: d.fail!.stoppedReason,
        createdAt: at,
        stoppingAt: at,
        stoppedAt: at,
        containers: container ? [{ taskArn, name: container, lastStatus: 'STOPPED', exitCode: 1 }] : [],
      });
    }
  }

  /** moto's service with the model's deployments and counts. */
  private rewrite(moto: Json, svc: ModelService): Json {
    const deployments = svc.deployments.map((d) => this.publicDeployment(d));
    return {
      ...moto,
      taskDefinition: svc.deployments[0]?.taskDefinition ?? moto.taskDefinition,
      runningCount: svc.deployments.reduce((n, d) => n + d.runningCount, 0),
      pendingCount: svc.deployments.reduce((n, d) => n + d.pendingCount, 0),
      deployments,
    };
  }

  private async listTasks(call: ModelCall): Promise<ModelReply | undefined> {
    const req = JSON.parse(call.body.toString('utf8')) as {
      cluster?: string;
      serviceName?: string;
      startedBy?: string;
      family?: string;
      desiredStatus?: string;
    };
    if (req.desiredStatus !== 'STOPPED') return undefined;
    const clusterName = lastSegment(req.cluster ?? 'default');
    const ours = [...this.services.values()]
      .filter((s) => s.clusterName === clusterName)
      .filter((s) => !req.serviceName || s.name === lastSegment(req.serviceName))
      .flatMap((s) => s.stopped)
      .filter((t) => !req.startedBy || t.startedBy === req.startedBy)
      .filter((t) => !req.family || lastSegment(String(t.taskDefinitionArn)).split(':')[0] === req.family);
    if (ours.length === 0) return undefined;
    const reply = await call.forward();
    if (reply.status !== 200) return reply;
    const out = JSON.parse(reply.body.toString('utf8')) as { taskArns?: string[] };
    out.taskArns = [...(out.taskArns ?? []), ...ours.map((t) => String(t.taskArn))];
    return EcsDeployModel.json(reply, out);
  }

  private async describeTasks(call: ModelCall): Promise<ModelReply | undefined> {
    const req = JSON.parse(call.body.toString('utf8')) as Json & { tasks?: string[] };
    const all = [...this.services.values()].flatMap((s) => s.stopped);
    const ours: Json[] = [];
    const rest: string[] = [];
    for (const t of req.tasks ?? []) {
      const found = all.find((s) => s.taskArn === t || lastSegment(String(s.taskArn)) === t);
      if (found) ours.push(found);
      else rest.push(t);
    }
    if (ours.length === 0) return undefined;
    if (rest.length === 0) {
      return {
        status: 200,
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() },
        body: Buffer.from(JSON.stringify({ tasks: ours, failures: [] })),
      };
    }
    const reply = await call.forward(Buffer.from(JSON.stringify({ ...req, tasks: rest })));
    if (reply.status !== 200) return reply;
    const out = JSON.parse(reply.body.toString('utf8')) as { tasks?: Json[] };
    out.tasks = [...(out.tasks ?? []), ...ours];
    return EcsDeployModel.json(reply, out);
  }

  private addresses(d: Deployment, n: number): string[] {
    while (d.addresses.length < n) {
      const k = this.addressCount++;
      d.addresses.push(`10.0.${1 + (Math.floor(k / 250) % 2)}.${(k % 250) + 4}`);
    }
    return d.addresses.slice(0, n);
  }

  private async describeTargetHealth(call: ModelCall): Promise<ModelReply | undefined> {
    const form = new URLSearchParams(call.body.toString('utf8'));
    const tgArn = form.get('TargetGroupArn') ?? '';
    const owners = [...this.services.values()].filter((s) =>
      s.loadBalancers.some((lb) => lb.targetGroupArn === tgArn),
    );
    if (owners.length === 0) return undefined;
    const reply = await call.forward();
    if (reply.status !== 200) return reply;

    // TargetHealth states and reasons: https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html
    const override = this.health.get(tgArn);
    const settled: Record<string, string> =
      override === 'unhealthy'
        ? {
            State: 'unhealthy',
            Reason: 'Target.ResponseCodeMismatch',
            Description: 'Health checks failed with these codes: [502]',
          }
        : { State: 'healthy' };
    const initial = {
      State: 'initial',
      Reason: 'Elb.RegistrationInProgress',
      Description: 'Target registration is in progress',
    };
    const targets: { id: string; port: number; health: Record<string, string> }[] = [];
    for (const svc of owners) {
      const port = Number(svc.loadBalancers.find((lb) => lb.targetGroupArn === tgArn)?.containerPort ?? 80);
      for (const d of svc.deployments) {
        if (d.rolloutState === 'FAILED') continue;
        // Running tasks passed their health checks; a rollout's pending ones are still registering.
        const registering = d.status === 'PRIMARY' && d.rolloutState === 'IN_PROGRESS' ? d.pendingCount : 0;
        this.addresses(d, d.runningCount + registering).forEach((id, i) => {
          targets.push({ id, port, health: i < d.runningCount ? settled : initial });
        });
      }
    }

    const asked: { id: string; port?: number }[] = [];
    for (let i = 1; form.has(`Targets.member.${i}.Id`); i++) {
      const port = form.get(`Targets.member.${i}.Port`);
      asked.push({ id: form.get(`Targets.member.${i}.Id`)!, ...(port ? { port: Number(port) } : {}) });
    }
    const answered =
      asked.length === 0
        ? targets
        : asked.map(
            (a) =>
              targets.find((t) => t.id === a.id) ?? {
                id: a.id,
                port: a.port ?? 80,
                health: {
                  State: 'unused',
                  Reason: 'Target.NotRegistered',
                  Description: 'Target is not registered to the target group',
                },
              },
          );

    const members = answered
      .map((t) => {
        const health = Object.entries(t.health)
          .map(([k, v]) => `<${k}>${xmlEscape(v)}</${k}>`)
          .join('');
        return (
          `<member><Target><Id>${xmlEscape(t.id)}</Id><Port>${t.port}</Port></Target>` +
          `<HealthCheckPort>traffic-port</HealthCheckPort><TargetHealth>${health}</TargetHealth></member>`
        );
      })
      .join('');
    const xml =
      `<DescribeTargetHealthResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">` +
      `<DescribeTargetHealthResult><TargetHealthDescriptions>${members}</TargetHealthDescriptions>` +
      `</DescribeTargetHealthResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata>` +
      `</DescribeTargetHealthResponse>`;
    return { status: 200, headers: reply.headers, body: Buffer.from(xml) };
  }
}
