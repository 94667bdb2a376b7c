// What the ECS bases name, made in the emulator once per suite: an ECS stack (cluster orders, services
// orders-blue and orders-green behind one Application Load Balancer, a production listener forwarding 100/0,
// a rule on it doing the same after a login action, a test listener), with green's service already running
// revision 2 as after a deploy-green; and, in the workspace, the task definition files the cases name.
// The listeners' and target groups' ARNs hold random ids, so the bases name them by placeholders.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DescribeServicesCommand,
  ECSClient,
  ListTaskDefinitionsCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import {
  DescribeListenersCommand,
  DescribeRulesCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { createEcsStack, EcsDeployModel, registerRevision, type EcsStack } from '@deploy-actions/testbed/ecs';
import { clientConfig, TEST_ACCOUNT, TEST_REGION } from '@deploy-actions/testbed/moto';
import type { Inputs } from './generators';
import type { Fixture } from './harness';

export const CLUSTER = 'orders';
export const CLUSTER_ARN = `arn:aws:ecs:${TEST_REGION}:${TEST_ACCOUNT}:cluster/${CLUSTER}`;
export const BLUE_SERVICE = 'orders-blue';
export const GREEN_SERVICE = 'orders-green';
export const SERVICES = `${BLUE_SERVICE},${GREEN_SERVICE}`;
/** The container of every task definition here. */
export const CONTAINER = 'app';
export const ECS_IMAGE = `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/orders:2.0.0`;
/** Blue runs revision 1 and gets all traffic; green runs revision 2 and gets none. */
export const BLUE_TD = `arn:aws:ecs:${TEST_REGION}:${TEST_ACCOUNT}:task-definition/orders:1`;
export const GREEN_TD = `arn:aws:ecs:${TEST_REGION}:${TEST_ACCOUNT}:task-definition/orders:2`;

// Placeholders, replaced by the real ARNs when a case runs.
export const LISTENER = '{production listener ARN}';
export const RULE = '{listener rule ARN}';
export const TEST_LISTENER = '{test listener ARN}';
export const BLUE_TARGET_GROUP = '{blue target group ARN}';

/** The inputs every ECS step takes, with the production listener. */
export const ECS = { target: 'ecs', cluster: CLUSTER, services: SERVICES, 'listener-arn': LISTENER };
/** The same with the rule as router. */
export const ECS_RULE = { target: 'ecs', cluster: CLUSTER, services: SERVICES, 'listener-rule-arn': RULE };

const containerDefinitions = [
  {
    name: CONTAINER,
    image: ECS_IMAGE,
    essential: true,
    portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
  },
];
const taskDefinition = {
  family: 'orders',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  containerDefinitions,
};

/** Task definition files in the workspace, by name: the good ones the bases use, and bad ones. */
export const TASK_DEFINITION_FILES: Record<string, string> = {
  'taskdef.json': JSON.stringify(taskDefinition, null, 2),
  // As describe-task-definition writes it: wrapped, with read-only keys.
  'described.json': JSON.stringify({
    taskDefinition: {
      ...taskDefinition,
      taskDefinitionArn: BLUE_TD,
      revision: 1,
      status: 'ACTIVE',
      compatibilities: ['EC2', 'FARGATE'],
      registeredAt: '2026-01-01T00:00:00.000Z',
    },
  }),
  // JSON, but no task definition with family and containerDefinitions.
  'no-family.json': JSON.stringify({ containerDefinitions }),
  'no-containers.json': JSON.stringify({ family: 'orders' }),
  'empty-containers.json': JSON.stringify({ family: 'orders', containerDefinitions: [] }),
  'containers-object.json': JSON.stringify({
    family: 'orders',
    containerDefinitions: containerDefinitions[0],
  }),
  'family-empty.json': JSON.stringify({ family: '', containerDefinitions }),
  // CloudFormation's property names, not the API's.
  'cloudformation.json': JSON.stringify({ Family: 'orders', ContainerDefinitions: containerDefinitions }),
  'array.json': JSON.stringify([taskDefinition]),
  'null.json': 'null',
  'number.json': '5',
  'string.json': '"orders"',
  'wrapped-null.json': JSON.stringify({ taskDefinition: null }),
  'wrapped-array.json': JSON.stringify({ taskDefinition: [taskDefinition] }),
  'wrapped-empty.json': JSON.stringify({ taskDefinition: {} }),
  // Not JSON at all.
  'empty.json': '',
  'truncated.json': '{"family": "orders", "containerDefinitions": [',
  'single-quotes.json': "{'family': 'orders'}",
  'trailing-comma.json': '{"family": "orders",}',
  'taskdef.yaml': 'family: orders\ncontainerDefinitions:\n  - name: app\n    image: orders:2\n',
  'taskdef.txt': 'not a task definition\n',
};
export const NO_TASK_DEFINITION = [
  'no-family.json',
  'no-containers.json',
  'empty-containers.json',
  'containers-object.json',
  'family-empty.json',
  'cloudformation.json',
  'array.json',
  'null.json',
  'number.json',
  'string.json',
  'wrapped-null.json',
  'wrapped-array.json',
  'wrapped-empty.json',
];
export const NOT_JSON = [
  'empty.json',
  'truncated.json',
  'single-quotes.json',
  'trailing-comma.json',
  'taskdef.yaml',
  'taskdef.txt',
];

export function ecsFixture(): Fixture {
  let stack: EcsStack;
  let moto: string;
  const placeholders = () =>
    new Map([
      [LISTENER, stack.productionListenerArn],
      [RULE, stack.ruleArn!],
      [TEST_LISTENER, stack.testListenerArn!],
      [BLUE_TARGET_GROUP, stack.blue.targetGroupArn],
    ]);

  return {
    async setup({ motoUrl, proxy, workspace }) {
      moto = motoUrl;
      stack = await createEcsStack(motoUrl, { name: 'orders', rule: true, testListener: true });
      const green = await registerRevision(motoUrl, stack, ECS_IMAGE);
      if (green !== GREEN_TD) throw new Error(`revision 2 is ${green}, not ${GREEN_TD}`);
      // Green's service runs revision 2, as a deploy-green leaves it: sent through the proxy, whose model
      // plays the deployment that moto does not (completed at the first read).
      proxy.setModel(new EcsDeployModel({ inProgressCalls: 0 }));
      const ecs = new ECSClient(clientConfig(proxy.url));
      try {
        await ecs.send(
          new UpdateServiceCommand({
            cluster: CLUSTER,
            service: GREEN_SERVICE,
            taskDefinition: GREEN_TD,
            desiredCount: 2,
          }),
        );
        const read = await ecs.send(
          new DescribeServicesCommand({ cluster: CLUSTER, services: [BLUE_SERVICE, GREEN_SERVICE] }),
        );
        const running = (read.services ?? []).map((s) => s.deployments?.[0]?.taskDefinition);
        if (running.join() !== [BLUE_TD, GREEN_TD].join()) throw new Error(`services run ${running.join()}`);
      } finally {
        ecs.destroy();
      }
      for (const [name, text] of Object.entries(TASK_DEFINITION_FILES)) {
        writeFileSync(join(workspace, name), text);
      }
    },

    resolve(inputs: Inputs): Inputs {
      const known = placeholders();
      return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, known.get(v) ?? v]));
    },

    /** The listeners' and rule's actions, what each service runs and wants, and every task definition. */
    async state() {
      const elb = new ElasticLoadBalancingV2Client(clientConfig(moto));
      const ecs = new ECSClient(clientConfig(moto));
      try {
        const listeners = await elb.send(
          new DescribeListenersCommand({
            ListenerArns: [stack.productionListenerArn, stack.testListenerArn!],
          }),
        );
        const rules = await elb.send(new DescribeRulesCommand({ RuleArns: [stack.ruleArn!] }));
        const services = await ecs.send(
          new DescribeServicesCommand({ cluster: CLUSTER, services: [BLUE_SERVICE, GREEN_SERVICE] }),
        );
        const definitions = await ecs.send(new ListTaskDefinitionsCommand({}));
        return {
          listeners: (listeners.Listeners ?? []).map((l) => [l.ListenerArn, l.DefaultActions]),
          rule: rules.Rules?.[0]?.Actions,
          services: (services.services ?? []).map((s) => ({
            name: s.serviceName,
            taskDefinition: s.taskDefinition,
            desiredCount: s.desiredCount,
          })),
          taskDefinitions: definitions.taskDefinitionArns,
        };
      } finally {
        elb.destroy();
        ecs.destroy();
      }
    },
  };
}
