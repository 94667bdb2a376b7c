// Proves the ECS test bed against real moto: the stack createEcsStack builds, each moto behaviour an ECS
// target relies on (listed at the top of packages/testbed/src/ecs.ts), and each behaviour the deployment
// model plays in the fault proxy because moto does not.
import { describe, it, expect, beforeAll, beforeEach, afterAll, jest } from '@jest/globals';
import {
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  UpdateServiceCommand,
  waitUntilServicesStable,
  type Service,
} from '@aws-sdk/client-ecs';
import {
  AddTagsCommand,
  CreateTargetGroupCommand,
  DescribeListenersCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  ModifyListenerCommand,
  ModifyRuleCommand,
  type Action,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  createEcsStack,
  ecsMotoEnv,
  EcsDeployModel,
  OIDC_CONFIG,
  registerRevision,
  weightedForward,
  type EcsStack,
} from '@deploy-actions/testbed/ecs';
import { clientConfig, startMoto, type Moto } from '@deploy-actions/testbed/moto';
import { FaultProxy } from '@deploy-actions/testbed/proxy';

jest.setTimeout(120_000);

// moto starts every service with this many running tasks (MOTO_ECS_SERVICE_RUNNING), so blue is steady.
const TASKS = 2;
const K = 2;

let moto: Moto;
let proxy: FaultProxy;
let model: EcsDeployModel;
const destroyers: { destroy(): void }[] = [];

function ecsAt(endpoint: string): ECSClient {
  const c = new ECSClient(clientConfig(endpoint, { maxAttempts: 1 }));
  destroyers.push(c);
  return c;
}

function elbAt(endpoint: string): ElasticLoadBalancingV2Client {
  const c = new ElasticLoadBalancingV2Client(clientConfig(endpoint, { maxAttempts: 1 }));
  destroyers.push(c);
  return c;
}

async function errorOf(p: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await p;
  } catch (err) {
    return err as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail');
}

async function describe1(ecs: ECSClient, stack: EcsStack, service: string): Promise<Service> {
  const out = await ecs.send(
    new DescribeServicesCommand({ cluster: stack.clusterName, services: [service] }),
  );
  return out.services![0]!;
}

const brief = (s: Service) =>
  s.deployments!.map((d) => ({
    status: d.status,
    taskDefinition: d.taskDefinition,
    rolloutState: d.rolloutState,
    desiredCount: d.desiredCount,
    runningCount: d.runningCount,
    pendingCount: d.pendingCount,
    failedTasks: d.failedTasks,
  }));

async function targetHealth(endpoint: string, targetGroupArn: string) {
  const out = await elbAt(endpoint).send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }));
  return out.TargetHealthDescriptions!.map((t) => ({
    port: t.Target!.Port,
    state: t.TargetHealth!.State,
    reason: t.TargetHealth!.Reason,
  }));
}

beforeAll(async () => {
  moto = await startMoto({ env: ecsMotoEnv(TASKS) });
  proxy = await FaultProxy.start(moto.url);
  model = new EcsDeployModel({ inProgressCalls: K });
  proxy.setModel(model);
});

beforeEach(async () => {
  await moto.reset();
  model.reset();
  proxy.clearRules();
  proxy.clearCalls();
});

afterAll(async () => {
  for (const c of destroyers) c.destroy();
  await proxy?.stop();
  await moto?.stop();
});

describe('createEcsStack', () => {
  it('builds blue steady on the blue target group, green idle, and a sticky 100/0 listener', async () => {
    const stack = await createEcsStack(moto.url, { name: 'shop', desiredCount: TASKS });
    const ecs = ecsAt(moto.url);
    const blue = await describe1(ecs, stack, stack.blue.serviceName);
    expect(blue).toMatchObject({
      serviceArn: stack.blue.serviceArn,
      taskDefinition: stack.taskDefinitionArn,
      launchType: 'FARGATE',
      desiredCount: TASKS,
      runningCount: TASKS,
      pendingCount: 0,
      deploymentController: { type: 'ECS' },
      loadBalancers: [
        {
          targetGroupArn: stack.blue.targetGroupArn,
          containerName: 'app',
          containerPort: stack.containerPort,
        },
      ],
      // Kept because createEcsStack sends it again with UpdateService.
      deploymentConfiguration: {
        deploymentCircuitBreaker: { enable: true, rollback: true },
        maximumPercent: 200,
        minimumHealthyPercent: 100,
      },
      networkConfiguration: {
        awsvpcConfiguration: { subnets: stack.subnetIds, securityGroups: [stack.securityGroupId] },
      },
    });
    expect(brief(blue)).toEqual([
      {
        status: 'PRIMARY',
        taskDefinition: stack.taskDefinitionArn,
        rolloutState: 'COMPLETED',
        desiredCount: TASKS,
        runningCount: TASKS,
        pendingCount: 0,
        failedTasks: 0,
      },
    ]);
    const green = await describe1(ecs, stack, stack.green.serviceName);
    expect(green).toMatchObject({ desiredCount: 0, runningCount: 0, pendingCount: 0 });
    expect(green.loadBalancers![0]!.targetGroupArn).toBe(stack.green.targetGroupArn);

    const listener = (
      await elbAt(moto.url).send(
        new DescribeListenersCommand({ ListenerArns: [stack.productionListenerArn] }),
      )
    ).Listeners![0]!;
    expect(listener).toMatchObject({ Port: 80, Protocol: 'HTTP' });
    expect(listener.DefaultActions).toEqual([weightedForward(stack, 100, 0)]);
    expect(listener.DefaultActions![0]!.ForwardConfig!.TargetGroupStickinessConfig).toEqual({
      Enabled: true,
      DurationSeconds: 3600,
    });
    expect(stack.ruleArn).toBeUndefined();
    expect(stack.testListenerArn).toBeUndefined();
  });

  it('adds a rule (condition, authenticate-oidc Order 1, forward Order 2) and a 0/100 test listener', async () => {
    const stack = await createEcsStack(moto.url, {
      name: 'api',
      greenDesiredCount: TASKS,
      launchType: 'EC2',
      rule: { priority: 5, pathPattern: '/v2/*' },
      testListener: { port: 9000 },
    });
    const elb = elbAt(moto.url);
    const rule = (await elb.send(new DescribeRulesCommand({ RuleArns: [stack.ruleArn!] }))).Rules![0]!;
    expect(rule).toMatchObject({
      Priority: '5',
      IsDefault: false,
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/v2/*'] } }],
    });
    expect(rule.Actions).toEqual([
      { Type: 'authenticate-oidc', Order: 1, AuthenticateOidcConfig: OIDC_CONFIG },
      weightedForward(stack, 100, 0, 2),
    ]);
    const test = (await elb.send(new DescribeListenersCommand({ ListenerArns: [stack.testListenerArn!] })))
      .Listeners![0]!;
    expect(test.Port).toBe(9000);
    expect(test.DefaultActions).toEqual([weightedForward(stack, 0, 100)]);

    const green = await describe1(ecsAt(moto.url), stack, stack.green.serviceName);
    expect(green).toMatchObject({ launchType: 'EC2', desiredCount: TASKS, runningCount: TASKS });
    expect(green.deployments![0]!.rolloutState).toBe('COMPLETED');
  });
});

describe('moto, as an ECS target relies on it', () => {
  it('round-trips weights through ModifyListener and ModifyRule, keeping stickiness, Order and OIDC', async () => {
    const stack = await createEcsStack(moto.url, { name: 'rt', rule: true });
    const elb = elbAt(moto.url);
    const listenerActions = async () =>
      (await elb.send(new DescribeListenersCommand({ ListenerArns: [stack.productionListenerArn] })))
        .Listeners![0]!.DefaultActions;
    const ruleOf = async () =>
      (await elb.send(new DescribeRulesCommand({ RuleArns: [stack.ruleArn!] }))).Rules![0]!;

    for (const [b, g] of [
      [90, 10],
      [0, 100],
      [100, 0],
    ] as const) {
      const modified = await elb.send(
        new ModifyListenerCommand({
          ListenerArn: stack.productionListenerArn,
          DefaultActions: [weightedForward(stack, b, g)],
        }),
      );
      expect(modified.Listeners![0]!.DefaultActions).toEqual([weightedForward(stack, b, g)]);
      expect(await listenerActions()).toEqual([weightedForward(stack, b, g)]);
    }

    const before = await ruleOf();
    const actions: Action[] = [before.Actions![0]!, weightedForward(stack, 75, 25, 2)];
    await elb.send(new ModifyRuleCommand({ RuleArn: stack.ruleArn, Actions: actions }));
    const after = await ruleOf();
    expect(after.Actions).toEqual(actions);
    expect(after.Actions![0]).toEqual({
      Type: 'authenticate-oidc',
      Order: 1,
      AuthenticateOidcConfig: OIDC_CONFIG,
    });
    expect(after.Conditions).toEqual(before.Conditions);
    expect(after.Priority).toBe(before.Priority);

    // Conditions alone keep the actions.
    const conditions = [{ Field: 'host-header', HostHeaderConfig: { Values: ['api.example.com'] } }];
    await elb.send(new ModifyRuleCommand({ RuleArn: stack.ruleArn, Conditions: conditions }));
    expect(await ruleOf()).toMatchObject({ Conditions: conditions, Actions: actions });

    // The action list is replaced whole: a forward without its stickiness turns it off, without Order has none.
    const bare: Action = {
      Type: 'forward',
      ForwardConfig: {
        TargetGroups: [
          { TargetGroupArn: stack.blue.targetGroupArn, Weight: 50 },
          { TargetGroupArn: stack.green.targetGroupArn, Weight: 50 },
        ],
      },
    };
    await elb.send(
      new ModifyListenerCommand({ ListenerArn: stack.productionListenerArn, DefaultActions: [bare] }),
    );
    expect((await listenerActions())![0]!.ForwardConfig!.TargetGroupStickinessConfig).toEqual({
      Enabled: false,
    });
    await elb.send(new ModifyRuleCommand({ RuleArn: stack.ruleArn, Actions: [bare] }));
    expect((await ruleOf()).Actions).toEqual([
      { ...bare, ForwardConfig: { ...bare.ForwardConfig, TargetGroupStickinessConfig: { Enabled: false } } },
    ]);
  });

  it('checks nothing in a forward action: weights past 999, more than 5 groups, an unknown group', async () => {
    const stack = await createEcsStack(moto.url, { name: 'nv', rule: true });
    const elb = elbAt(moto.url);
    const extra: string[] = [];
    for (let i = 0; i < 5; i++) {
      const tg = await elb.send(
        new CreateTargetGroupCommand({
          Name: `nv-extra-${i}`,
          Protocol: 'HTTP',
          Port: 80,
          VpcId: stack.vpcId,
          TargetType: 'ip',
        }),
      );
      extra.push(tg.TargetGroups![0]!.TargetGroupArn!);
    }
    const seven: Action = {
      Type: 'forward',
      ForwardConfig: {
        TargetGroups: [stack.blue.targetGroupArn, stack.green.targetGroupArn, ...extra].map((arn, i) => ({
          TargetGroupArn: arn,
          Weight: i === 0 ? 1000 : -1,
        })),
      },
    };
    const listener = await elb.send(
      new ModifyListenerCommand({ ListenerArn: stack.productionListenerArn, DefaultActions: [seven] }),
    );
    expect(listener.Listeners![0]!.DefaultActions![0]!.ForwardConfig!.TargetGroups).toHaveLength(7);
    const rule = await elb.send(
      new ModifyRuleCommand({ RuleArn: stack.ruleArn, Actions: [weightedForward(stack, 5000, 0)] }),
    );
    expect(rule.Rules![0]!.Actions![0]!.ForwardConfig!.TargetGroups![0]!.Weight).toBe(5000);
    const unknown = `${stack.blue.targetGroupArn.slice(0, stack.blue.targetGroupArn.lastIndexOf('/'))}/ffffffffffffffff`;
    const modified = await elb.send(
      new ModifyListenerCommand({
        ListenerArn: stack.productionListenerArn,
        DefaultActions: [
          { Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: unknown, Weight: 1 }] } },
        ],
      }),
    );
    expect(modified.Listeners![0]!.DefaultActions![0]!.ForwardConfig!.TargetGroups![0]!.TargetGroupArn).toBe(
      unknown,
    );
  });

  it('tags listeners and rules', async () => {
    const stack = await createEcsStack(moto.url, { name: 'tags', rule: true });
    const elb = elbAt(moto.url);
    await elb.send(
      new AddTagsCommand({
        ResourceArns: [stack.productionListenerArn, stack.ruleArn!],
        Tags: [{ Key: 'deploy-actions:deployment', Value: 'd-42' }],
      }),
    );
    const tags = await elb.send(
      new DescribeTagsCommand({ ResourceArns: [stack.productionListenerArn, stack.ruleArn!] }),
    );
    expect(tags.TagDescriptions).toEqual([
      {
        ResourceArn: stack.productionListenerArn,
        Tags: [{ Key: 'deploy-actions:deployment', Value: 'd-42' }],
      },
      { ResourceArn: stack.ruleArn, Tags: [{ Key: 'deploy-actions:deployment', Value: 'd-42' }] },
    ]);
  });

  it('keeps the deployments as they were after UpdateService, and registers no targets', async () => {
    const stack = await createEcsStack(moto.url, { name: 'raw' });
    const revision2 = await registerRevision(moto.url, stack, 'nginx:2');
    const ecs = ecsAt(moto.url);
    const before = await describe1(ecs, stack, stack.blue.serviceName);
    const updated = (
      await ecs.send(
        new UpdateServiceCommand({
          cluster: stack.clusterName,
          service: stack.blue.serviceName,
          taskDefinition: `${stack.family}:2`,
          desiredCount: 3,
        }),
      )
    ).service!;
    expect(revision2.endsWith(`:task-definition/${stack.family}:2`)).toBe(true);
    // The task definition as sent, not its ARN; the deployment untouched; the counts set at once.
    expect(updated).toMatchObject({ taskDefinition: `${stack.family}:2`, desiredCount: 3, runningCount: 3 });
    expect(updated.deployments).toEqual(before.deployments);
    expect(updated.deployments![0]).toMatchObject({
      taskDefinition: stack.taskDefinitionArn,
      desiredCount: TASKS,
    });
    expect(updated.deploymentConfiguration).toEqual(before.deploymentConfiguration);

    expect(await targetHealth(moto.url, stack.blue.targetGroupArn)).toEqual([]);
    const tasks = await ecs.send(
      new ListTasksCommand({ cluster: stack.clusterName, serviceName: stack.blue.serviceName }),
    );
    expect(tasks.taskArns).toEqual([]);
  });

  it('applies MOTO_ECS_SERVICE_RUNNING to every new service, and needs securityGroups with awsvpc', async () => {
    const stack = await createEcsStack(moto.url, { name: 'env' });
    const ecs = ecsAt(moto.url);
    const one = (
      await ecs.send(
        new CreateServiceCommand({
          cluster: stack.clusterName,
          serviceName: 'one',
          taskDefinition: stack.taskDefinitionArn,
          desiredCount: 1,
          launchType: 'FARGATE',
          networkConfiguration: {
            awsvpcConfiguration: { subnets: stack.subnetIds, securityGroups: [stack.securityGroupId] },
          },
        }),
      )
    ).service!;
    expect(one).toMatchObject({ desiredCount: 1, runningCount: TASKS, pendingCount: 1 - TASKS });
    expect(one.deployments![0]!.rolloutState).toBe('COMPLETED');
    // The waiter reads the service's counts: running != desired never settles.
    const waited = await errorOf(
      waitUntilServicesStable(
        { client: ecs, maxWaitTime: 2, minDelay: 1, maxDelay: 1 },
        { cluster: stack.clusterName, services: ['one'] },
      ),
    );
    expect(waited.name).toBe('TimeoutError');
    const stable = await waitUntilServicesStable(
      { client: ecs, maxWaitTime: 5, minDelay: 1, maxDelay: 1 },
      { cluster: stack.clusterName, services: [stack.blue.serviceName, stack.green.serviceName] },
    );
    expect(stable.state).toBe('SUCCESS');

    const noGroups = await errorOf(
      ecs.send(
        new CreateServiceCommand({
          cluster: stack.clusterName,
          serviceName: 'no-groups',
          taskDefinition: stack.taskDefinitionArn,
          desiredCount: 1,
          launchType: 'FARGATE',
          networkConfiguration: { awsvpcConfiguration: { subnets: stack.subnetIds } },
        }),
      ),
    );
    expect((noGroups.$metadata as { httpStatusCode?: number }).httpStatusCode).toBe(500);
  });
});

describe('the deployment model, through the proxy', () => {
  it('rolls a new task definition out: IN_PROGRESS for K calls, then COMPLETED with every task running', async () => {
    const stack = await createEcsStack(moto.url, { name: 'roll' });
    const revision2 = await registerRevision(moto.url, stack, 'nginx:2');
    const ecs = ecsAt(proxy.url);
    const updated = (
      await ecs.send(
        new UpdateServiceCommand({
          cluster: stack.clusterName,
          service: stack.green.serviceName,
          taskDefinition: `${stack.family}:2`,
          desiredCount: TASKS,
        }),
      )
    ).service!;
    const rolling = [
      {
        status: 'PRIMARY',
        taskDefinition: revision2,
        rolloutState: 'IN_PROGRESS',
        desiredCount: TASKS,
        runningCount: 0,
        pendingCount: TASKS,
        failedTasks: 0,
      },
      // Green was idle: its previous deployment runs nothing.
      expect.objectContaining({ status: 'ACTIVE', taskDefinition: stack.taskDefinitionArn, runningCount: 0 }),
    ];
    expect(updated.taskDefinition).toBe(revision2);
    expect(brief(updated)).toEqual(rolling);
    const id = updated.deployments![0]!.id!;
    expect(id).toMatch(/^ecs-svc\/\d+$/);
    expect(updated.deployments![0]!.rolloutStateReason).toBe(`ECS deployment ${id} in progress.`);

    for (let i = 0; i < K; i++) {
      expect(brief(await describe1(ecs, stack, stack.green.serviceName))).toEqual(rolling);
      const health = await targetHealth(proxy.url, stack.green.targetGroupArn);
      expect(health).toEqual(
        Array(TASKS).fill({
          port: stack.containerPort,
          state: 'initial',
          reason: 'Elb.RegistrationInProgress',
        }),
      );
    }
    const done = await describe1(ecs, stack, stack.green.serviceName);
    expect(done).toMatchObject({
      taskDefinition: revision2,
      desiredCount: TASKS,
      runningCount: TASKS,
      pendingCount: 0,
    });
    expect(brief(done)).toEqual([
      {
        status: 'PRIMARY',
        taskDefinition: revision2,
        rolloutState: 'COMPLETED',
        desiredCount: TASKS,
        runningCount: TASKS,
        pendingCount: 0,
        failedTasks: 0,
      },
    ]);
    expect(done.deployments![0]).toMatchObject({ id, rolloutStateReason: `ECS deployment ${id} completed.` });
    const stable = await waitUntilServicesStable(
      { client: ecs, maxWaitTime: 5, minDelay: 1, maxDelay: 1 },
      { cluster: stack.clusterName, services: [stack.green.serviceName] },
    );
    expect(stable.state).toBe('SUCCESS');

    expect(await targetHealth(proxy.url, stack.green.targetGroupArn)).toEqual(
      Array(TASKS).fill({ port: stack.containerPort, state: 'healthy', reason: undefined }),
    );
    model.setTargetHealth(stack.green.targetGroupArn, 'unhealthy');
    expect(await targetHealth(proxy.url, stack.green.targetGroupArn)).toEqual(
      Array(TASKS).fill({
        port: stack.containerPort,
        state: 'unhealthy',
        reason: 'Target.ResponseCodeMismatch',
      }),
    );
    model.setTargetHealth(stack.green.targetGroupArn, undefined);
    expect((await targetHealth(proxy.url, stack.green.targetGroupArn)).map((t) => t.state)).toEqual(
      Array(TASKS).fill('healthy'),
    );
    // Blue is not modelled: moto's answers, unchanged.
    expect(await targetHealth(proxy.url, stack.blue.targetGroupArn)).toEqual([]);
    // moto itself never moved.
    const raw = await describe1(ecsAt(moto.url), stack, stack.green.serviceName);
    expect(raw.deployments).toHaveLength(1);
    expect(raw.deployments![0]!.taskDefinition).toBe(stack.taskDefinitionArn);

    // A desired count alone starts no deployment.
    const scaled = (
      await ecs.send(
        new UpdateServiceCommand({
          cluster: stack.clusterName,
          service: stack.green.serviceName,
          desiredCount: 0,
        }),
      )
    ).service!;
    expect(brief(scaled)).toEqual([
      expect.objectContaining({ rolloutState: 'COMPLETED', desiredCount: 0, runningCount: 0 }),
    ]);
    expect(scaled.deployments![0]!.id).toBe(id);
  });

  it("keeps a running service's tasks ACTIVE while the new deployment rolls out", async () => {
    const stack = await createEcsStack(moto.url, { name: 'live' });
    const revision2 = await registerRevision(moto.url, stack, 'nginx:2');
    const ecs = ecsAt(proxy.url);
    await ecs.send(
      new UpdateServiceCommand({
        cluster: stack.clusterName,
        service: stack.blue.serviceArn,
        taskDefinition: revision2,
      }),
    );
    const rolling = await describe1(ecs, stack, stack.blue.serviceName);
    expect(rolling).toMatchObject({ runningCount: TASKS, pendingCount: TASKS });
    expect(brief(rolling)).toEqual([
      expect.objectContaining({ status: 'PRIMARY', taskDefinition: revision2, runningCount: 0 }),
      expect.objectContaining({
        status: 'ACTIVE',
        taskDefinition: stack.taskDefinitionArn,
        runningCount: TASKS,
      }),
    ]);
    const health = await targetHealth(proxy.url, stack.blue.targetGroupArn);
    expect(health.map((t) => t.state).sort()).toEqual([
      ...Array(TASKS).fill('healthy'),
      ...Array(TASKS).fill('initial'),
    ]);
    for (let i = 0; i < K; i++) await describe1(ecs, stack, stack.blue.serviceName);
    expect(model.deploymentsOf(stack.blue.serviceName)).toEqual([
      expect.objectContaining({
        status: 'PRIMARY',
        taskDefinition: revision2,
        rolloutState: 'COMPLETED',
        runningCount: TASKS,
      }),
    ]);
  });

  it('plays a circuit-breaker rollback: FAILED, the previous task definition PRIMARY again, stopped tasks', async () => {
    const stack = await createEcsStack(moto.url, { name: 'cb' });
    const revision2 = await registerRevision(moto.url, stack, 'nginx:broken');
    const ecs = ecsAt(proxy.url);
    model.failNextDeployment(stack.green.serviceName, { failedTasks: 3 });
    const started = (
      await ecs.send(
        new UpdateServiceCommand({
          cluster: stack.clusterName,
          service: stack.green.serviceName,
          taskDefinition: revision2,
          desiredCount: TASKS,
        }),
      )
    ).service!;
    const failedId = started.deployments![0]!.id!;
    const stoppedArns = async () =>
      (
        await ecs.send(
          new ListTasksCommand({
            cluster: stack.clusterName,
            serviceName: stack.green.serviceName,
            desiredStatus: 'STOPPED',
          }),
        )
      ).taskArns!;

    for (let i = 1; i <= K; i++) {
      const s = await describe1(ecs, stack, stack.green.serviceName);
      expect(s.deployments![0]).toMatchObject({ id: failedId, rolloutState: 'IN_PROGRESS', failedTasks: i });
      expect(await stoppedArns()).toHaveLength(i);
    }
    const tripped = await describe1(ecs, stack, stack.green.serviceName);
    expect(tripped.taskDefinition).toBe(stack.taskDefinitionArn);
    expect(brief(tripped)).toEqual([
      expect.objectContaining({
        status: 'PRIMARY',
        taskDefinition: stack.taskDefinitionArn,
        rolloutState: 'IN_PROGRESS',
      }),
      {
        status: 'ACTIVE',
        taskDefinition: revision2,
        rolloutState: 'FAILED',
        desiredCount: TASKS,
        runningCount: 0,
        pendingCount: 0,
        failedTasks: 3,
      },
    ]);
    expect(tripped.deployments![1]).toMatchObject({
      id: failedId,
      rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
    });
    const rollbackId = tripped.deployments![0]!.id!;
    expect(rollbackId).not.toBe(failedId);

    const arns = await stoppedArns();
    expect(arns).toHaveLength(3);
    expect(arns[0]).toMatch(
      new RegExp(`^arn:aws:ecs:us-east-1:123456789012:task/${stack.clusterName}/[0-9a-f]{32}$`),
    );
    const described = await ecs.send(new DescribeTasksCommand({ cluster: stack.clusterName, tasks: arns }));
    expect(described.failures).toEqual([]);
    expect(described.tasks).toHaveLength(3);
    for (const t of described.tasks!) {
      expect(t).toMatchObject({
        clusterArn: stack.clusterArn,
        taskDefinitionArn: revision2,
        group: `service:${stack.green.serviceName}`,
        startedBy: failedId,
        lastStatus: 'STOPPED',
        desiredStatus: 'STOPPED',
        stopCode: 'EssentialContainerExited',
        stoppedReason: 'Essential container in task exited',
      });
      expect(t.stoppedAt).toBeInstanceOf(Date);
      expect(t.containers).toEqual([
        expect.objectContaining({ name: 'app', exitCode: 1, lastStatus: 'STOPPED' }),
      ]);
    }
    // Running tasks are still moto's (none).
    expect(
      (
        await ecs.send(
          new ListTasksCommand({ cluster: stack.clusterName, serviceName: stack.green.serviceName }),
        )
      ).taskArns,
    ).toEqual([]);

    for (let i = 0; i < K; i++) {
      expect((await describe1(ecs, stack, stack.green.serviceName)).deployments).toHaveLength(2);
    }
    const back = await describe1(ecs, stack, stack.green.serviceName);
    expect(back).toMatchObject({
      taskDefinition: stack.taskDefinitionArn,
      runningCount: TASKS,
      pendingCount: 0,
    });
    expect(brief(back)).toEqual([
      {
        status: 'PRIMARY',
        taskDefinition: stack.taskDefinitionArn,
        rolloutState: 'COMPLETED',
        desiredCount: TASKS,
        runningCount: TASKS,
        pendingCount: 0,
        failedTasks: 0,
      },
    ]);
    expect(back.deployments![0]!.id).toBe(rollbackId);
    expect(await targetHealth(proxy.url, stack.green.targetGroupArn)).toEqual(
      Array(TASKS).fill({ port: stack.containerPort, state: 'healthy', reason: undefined }),
    );
  });

  it('lets faults come first: a throttled DescribeServices does not move the deployment', async () => {
    const stack = await createEcsStack(moto.url, { name: 'flt' });
    const revision2 = await registerRevision(moto.url, stack, 'nginx:2');
    const ecs = ecsAt(proxy.url);
    await ecs.send(
      new UpdateServiceCommand({
        cluster: stack.clusterName,
        service: stack.green.serviceName,
        taskDefinition: revision2,
      }),
    );
    proxy.addRule({ op: 'ecs:DescribeServices', kind: 'throttle', times: 3 });
    for (let i = 0; i < 3; i++) {
      const err = await errorOf(describe1(ecs, stack, stack.green.serviceName));
      expect(err.name).toBe('ThrottlingException');
    }
    for (let i = 0; i < K; i++) {
      expect((await describe1(ecs, stack, stack.green.serviceName)).deployments![0]!.rolloutState).toBe(
        'IN_PROGRESS',
      );
    }
    expect((await describe1(ecs, stack, stack.green.serviceName)).deployments![0]!.rolloutState).toBe(
      'COMPLETED',
    );
    expect(proxy.counts()['ecs:DescribeServices']).toBe(3 + K + 1);
  });
});
