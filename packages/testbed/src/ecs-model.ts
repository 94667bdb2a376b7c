import { randomUUID } from 'node:crypto';
import { TEST_ACCOUNT, TEST_REGION } from './moto';
import { mulberry32, type ModelCall, type ModelReply, type ProxyModel } from './proxy';
import type {
  Deployment,
  EcsModelOptions,
  FailOptions,
  Json,
  LoadBalancerRef,
  ModelDeployment,
  ModelService,
  TargetState,
} from './ecs-model-types';

export type { EcsModelOptions, FailOptions, ModelDeployment, TargetState } from './ecs-model-types';

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
