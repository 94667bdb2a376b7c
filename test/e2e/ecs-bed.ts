// One moto (services steady at 2 tasks), the proxy with the model of ECS rollouts, and a fresh stack per test.
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeListenersCommand,
  DescribeRulesCommand,
  DescribeTagsCommand,
  ElasticLoadBalancingV2Client,
  type Action,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { scaledClock, type Clock } from '@deploy-actions/core';
import { createEcsStack, ecsMotoEnv, EcsDeployModel, type EcsStack } from '@deploy-actions/testbed/ecs';
import { awsTestEnv, clientConfig, startMoto, type Moto } from '@deploy-actions/testbed/moto';
import { FaultProxy } from '@deploy-actions/testbed/proxy';
import { runAction, type RunOptions, type RunResult } from '@deploy-actions/testbed/runner';
import { awsWrites } from './bed';

export interface EcsBed {
  moto: Moto;
  proxy: FaultProxy;
  model: EcsDeployModel;
  stack: EcsStack;
  elb: ElasticLoadBalancingV2Client;
  /** The inputs every ECS step takes. */
  target(): Record<string, string>;
  run(
    action: string,
    inputs: Record<string, string>,
    extra?: Partial<RunOptions>,
  ): Promise<RunResult & { writes: string[] }>;
  /** The forward weights [blue, green] of the production listener (or the rule), and the whole action list. */
  weights(rule?: boolean): Promise<{ weights: number[]; actions: Action[] }>;
  testWeights(): Promise<{ weights: number[]; actions: Action[] }>;
  /** The checkpoint tag of the production listener (or the rule), undefined when it has none. */
  checkpointTag(): Promise<string | undefined>;
  /** The test's simulated clock: the one bed.run gives the actions, from the epoch set before each test. */
  clock(): Clock;
}

export function useEcsBed(opts: { rule?: boolean } = {}): EcsBed {
  const bed = {} as EcsBed;
  const workspace = mkdtempSync(join(tmpdir(), 'ecs-workspace-'));
  let epoch = Date.now();
  beforeAll(async () => {
    bed.moto = await startMoto({ env: ecsMotoEnv(2) });
    bed.proxy = await FaultProxy.start(bed.moto.url);
    bed.model = new EcsDeployModel({ inProgressCalls: 1 });
    bed.proxy.setModel(bed.model);
    bed.elb = new ElasticLoadBalancingV2Client(clientConfig(bed.moto.url));
  });
  afterAll(async () => {
    bed.elb?.destroy();
    await bed.proxy?.stop();
    await bed.moto?.stop();
  });
  beforeEach(async () => {
    await bed.moto.reset();
    epoch = Date.now();
    bed.model.reset();
    bed.proxy.clearRules();
    bed.stack = await createEcsStack(bed.moto.url, { rule: !!opts.rule, testListener: true });
    bed.proxy.clearCalls();
  });
  bed.target = () => ({
    target: 'ecs',
    cluster: bed.stack.clusterName,
    services: `${bed.stack.blue.serviceName},${bed.stack.green.serviceName}`,
    ...(opts.rule
      ? { 'listener-rule-arn': bed.stack.ruleArn! }
      : { 'listener-arn': bed.stack.productionListenerArn }),
  });
  bed.run = async (action, inputs, extra = {}) => {
    bed.proxy.clearCalls();
    const r = await runAction(action, {
      inputs: { ...bed.target(), ...inputs },
      workspace,
      ...extra,
      // Polls of 10 s and bakes of minutes at 60 times real speed, on one clock for the whole test.
      env: { ...awsTestEnv(bed.proxy.url), DEPLOY_ACTIONS_CLOCK: `${epoch}:60`, ...extra.env },
    });
    return {
      ...r,
      writes: awsWrites(bed.proxy),
    };
  };
  const listenerActions = async (arn: string) =>
    (await bed.elb.send(new DescribeListenersCommand({ ListenerArns: [arn] }))).Listeners![0]!
      .DefaultActions!;
  const weightsOf = (actions: Action[]) => {
    const forward = actions.find((a) => a.Type === 'forward')!;
    const byGroup = new Map(forward.ForwardConfig!.TargetGroups!.map((t) => [t.TargetGroupArn, t.Weight]));
    const groups = [bed.stack.blue.targetGroupArn, bed.stack.green.targetGroupArn];
    return { weights: groups.map((a) => byGroup.get(a) ?? 0), actions };
  };
  bed.weights = async (rule = !!opts.rule) =>
    weightsOf(
      rule
        ? (await bed.elb.send(new DescribeRulesCommand({ RuleArns: [bed.stack.ruleArn!] }))).Rules![0]!
            .Actions!
        : await listenerActions(bed.stack.productionListenerArn),
    );
  bed.checkpointTag = async () => {
    const arn = opts.rule ? bed.stack.ruleArn! : bed.stack.productionListenerArn;
    const r = await bed.elb.send(new DescribeTagsCommand({ ResourceArns: [arn] }));
    return r.TagDescriptions?.[0]?.Tags?.find((t) => t.Key === 'deploy-actions:checkpoint')?.Value;
  };
  bed.testWeights = async () => weightsOf(await listenerActions(bed.stack.testListenerArn!));
  bed.clock = () => scaledClock(epoch, 60);
  return bed;
}
