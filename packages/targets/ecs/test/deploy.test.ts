import { describe, it, expect, beforeEach } from '@jest/globals';
import {
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type Deployment,
  type Service,
} from '@aws-sdk/client-ecs';
import {
  DescribeListenersCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  ModifyListenerCommand,
  type TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { DeployError, InputError } from '@deploy-actions/core';
import { fakeClock } from '@deploy-actions/testbed/clock';
import { deployEcs, type EcsDeployInputs } from '../src/deploy';
import { actions, CONFIG, service, TG_A, TG_B, td } from './fixtures';

const ecs = mockClient(ECSClient);
const elb = mockClient(ElasticLoadBalancingV2Client);
const clients = {
  ecs: new ECSClient({ region: 'us-east-1' }),
  elb: new ElasticLoadBalancingV2Client({ region: 'us-east-1' }),
};

let b: Service;
/** The rollout of orders-b as DescribeServices reports it, one answer per call (the last repeats). */
let rollout: Deployment[][];
let health: TargetHealthDescription[][];
let log: string[];

const deployment = (
  taskDefinition: string,
  status: string,
  rolloutState: string,
  extra: Partial<Deployment> = {},
): Deployment => ({
  id: `ecs-svc/${status}`,
  status,
  taskDefinition,
  desiredCount: 2,
  runningCount: rolloutState === 'COMPLETED' ? 2 : 0,
  createdAt: new Date('2026-12-01T00:00:00Z'),
  rolloutState: rolloutState as Deployment['rolloutState'],
  ...extra,
});
const target = (state: string, description?: string): TargetHealthDescription => ({
  Target: { Id: '10.0.1.7', Port: 8080 },
  TargetHealth: { State: state as 'healthy', ...(description && { Description: description }) },
});

beforeEach(() => {
  ecs.reset();
  elb.reset();
  log = [];
  b = service('orders-b', TG_B, td(1), '2026-10-01T00:00:00Z');
  rollout = [[deployment(td(3), 'PRIMARY', 'IN_PROGRESS')], [deployment(td(3), 'PRIMARY', 'COMPLETED')]];
  health = [
    [target('initial')],
    [target('healthy'), { ...target('healthy'), Target: { Id: '10.0.1.8', Port: 8080 } }],
  ];
  let updated = false;
  ecs.on(DescribeServicesCommand).callsFake(async (input) => {
    const a = service('orders-a', TG_A, td(2), '2026-11-01T00:00:00Z');
    if (input.services?.length === 2) return { services: [a, b] };
    const next = updated ? (rollout.length > 1 ? rollout.shift()! : rollout[0]!) : b.deployments!;
    return { services: [{ ...b, deployments: next }] };
  });
  ecs.on(DescribeTaskDefinitionCommand).resolves({
    taskDefinition: {
      taskDefinitionArn: td(2),
      family: 'orders',
      revision: 2,
      status: 'ACTIVE',
      containerDefinitions: [{ name: 'web', image: 'orders:1.0' }],
      registeredAt: new Date(),
    },
  });
  ecs.on(RegisterTaskDefinitionCommand).resolves({ taskDefinition: { taskDefinitionArn: td(3) } });
  ecs.on(UpdateServiceCommand).callsFake(async () => {
    updated = true;
    return {};
  });
  elb.on(DescribeListenersCommand).resolves({ Listeners: [{ DefaultActions: actions(100, 0) }] });
  elb.on(DescribeTargetHealthCommand).callsFake(async () => ({
    TargetHealthDescriptions: health.length > 1 ? health.shift()! : health[0]!,
  }));
});

const run = (d: EcsDeployInputs = { container: { name: 'web', image: 'orders:1.1' } }) =>
  deployEcs(clients, CONFIG, d, {
    log: { info: (m) => log.push(m), warning: (m) => log.push(m) },
    clock: fakeClock(),
    waitTimeoutMs: 600_000,
    description: '',
  });

describe('deploy-green on ECS', () => {
  it('registers blue’s definition with the new image on the idle service and waits for COMPLETED and healthy targets', async () => {
    const r = await run();
    expect(r).toMatchObject({ green: td(3), blue: td(2), changed: true });
    expect(r.greenSide.service).toBe('orders-b');
    const registered = ecs.commandCalls(RegisterTaskDefinitionCommand)[0]!.args[0].input;
    expect(registered.containerDefinitions).toEqual([{ name: 'web', image: 'orders:1.1' }]);
    expect(registered).not.toHaveProperty('taskDefinitionArn');
    expect(ecs.commandCalls(UpdateServiceCommand)[0]!.args[0].input).toEqual({
      cluster: 'prod',
      service: 'orders-b',
      taskDefinition: td(3),
      desiredCount: 2,
    });
    expect(log.join('\n')).toMatch(/rollout COMPLETED[\s\S]*2 of 2 targets healthy/);
    // The production listener is never changed by a deploy.
    expect(elb.commandCalls(ModifyListenerCommand)).toHaveLength(0);
  });

  it('fails on a circuit-breaker rollback, naming the stopped tasks’ reasons, and moves no traffic', async () => {
    rollout = [
      [deployment(td(3), 'PRIMARY', 'IN_PROGRESS')],
      [
        deployment(td(1), 'PRIMARY', 'IN_PROGRESS'),
        deployment(td(3), 'ACTIVE', 'FAILED', {
          rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
        }),
      ],
    ];
    ecs.on(ListTasksCommand).resolves({ taskArns: ['arn:aws:ecs:us-east-1:123456789012:task/prod/abc'] });
    ecs.on(DescribeTasksCommand).resolves({
      tasks: [
        {
          taskDefinitionArn: td(3),
          stoppedReason: 'Essential container in task exited',
          stoppedAt: new Date(),
          containers: [{ name: 'web', exitCode: 1, reason: 'CannotPullContainerError: pull access denied' }],
        },
      ],
    });
    const err = await run().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeployError);
    expect((err as Error).message).toBe(
      'The deployment of orders:3 to orders-b failed: ECS deployment circuit breaker: tasks failed to start. Stopped tasks: Essential container in task exited (container web: CannotPullContainerError: pull access denied). No traffic was moved.',
    );
    expect(elb.commandCalls(ModifyListenerCommand)).toHaveLength(0);
  });

  it('fails when the targets never become healthy within wait-timeout, with the target’s state', async () => {
    health = [[target('unhealthy', 'Health checks failed with these codes: [502]')]];
    await expect(run()).rejects.toThrow(
      /targets of orders-b to be healthy: 10\.0\.1\.7:8080 is unhealthy \(Health checks failed with these codes: \[502\]\)\. No traffic was moved\./,
    );
  });

  it('refuses before any write: a split in progress, a CODE_DEPLOY controller, a container the definition lacks', async () => {
    elb.on(DescribeListenersCommand).resolves({ Listeners: [{ DefaultActions: actions(90, 10) }] });
    b = service('orders-b', TG_B, td(1), '2026-12-01T00:00:00Z');
    await expect(run()).rejects.toThrow(/is split .* a deployment is in progress/);
    elb.on(DescribeListenersCommand).resolves({ Listeners: [{ DefaultActions: actions(100, 0) }] });
    b = { ...b, deploymentController: { type: 'CODE_DEPLOY' } };
    await expect(run()).rejects.toThrow(/orders-b uses the CODE_DEPLOY deployment controller/);
    b = service('orders-b', TG_B, td(1), '2026-10-01T00:00:00Z');
    const err = await run({ container: { name: 'api', image: 'orders:1.1' } }).catch((e: unknown) => e);
    expect((err as InputError).input).toBe('container-name');
    expect(ecs.commandCalls(RegisterTaskDefinitionCommand)).toHaveLength(0);
    expect(ecs.commandCalls(UpdateServiceCommand)).toHaveLength(0);
  });
});
