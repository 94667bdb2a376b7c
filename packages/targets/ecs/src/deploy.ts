// deploy-green for ECS: the new task definition on the idle service of the pair, with no traffic.
// The production listener is never changed here.
import {
  DescribeTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type RegisterTaskDefinitionCommandInput,
  type Service,
} from '@aws-sdk/client-ecs';
import { DeployError, type Clock, type Log } from '@deploy-actions/core';
import { describeRouting } from '@deploy-actions/release/routing';
import type { EcsConfig } from './inputs';
import { label } from './names';
import { listenerRouter, type Clients, type Side } from './router';
import { waitForHealthyTargets, waitForRollout } from './rollout';
import { registerable, sameDefinition, withImage, type TaskDefinitionFile } from './taskdef';
import { pointTestListener } from './test-listener';

export interface EcsDeployInputs {
  file?: TaskDefinitionFile;
  container?: { name: string; image: string };
  desiredCount?: number;
  testListener?: string;
}

export interface EcsDeployResult {
  green: string;
  blue: string;
  greenSide: Side;
  blueSide: Side;
  changed: boolean;
  /** The test listener's URL, when asked for (pre-traffic tests) and a test listener was given. */
  testUrl?: string;
}

export async function deployEcs(
  c: Clients,
  cfg: EcsConfig,
  d: EcsDeployInputs,
  o: { log: Log; clock: Clock; waitTimeoutMs: number; description: string; testUrl?: boolean },
): Promise<EcsDeployResult> {
  // Pre-flight: everything that can refuse the deploy, before the first write.
  const router = listenerRouter(c, cfg);
  const pair = await router.pair();
  if (!pair) throw new DeployError(`${router.missing}.`);
  const r = pair.routing;
  if (r.green) {
    throw new DeployError(
      `${router.name} is split (${describeRouting(r, label)}): a deployment is in progress. Finish it with shift-traffic or undo it with rollback before deploying again.`,
    );
  }
  const blueSide = pair.sides.find((s) => s.weight > 0)!;
  const idle = pair.sides.find((s) => s !== blueSide)!;
  if (idle.weight !== 0)
    throw new DeployError(
      `${idle.service} still gets traffic (weight ${idle.weight}); it must be idle (weight 0) to deploy to.`,
    );
  checkControllers(pair.services, cfg);

  const base = d.file?.input ?? (await blueDefinition(c, blueSide.taskDefinition, o.log));
  if (d.file?.dropped.length)
    o.log.info(`${d.file.path}: left out the read-only keys ${d.file.dropped.join(', ')}.`);
  const next = d.container ? withImage(base, d.container.name, d.container.image) : base;
  const blueBase = d.file ? await blueDefinition(c, blueSide.taskDefinition) : base;
  const changed = !sameDefinition(next, blueBase);

  const registered = await c.ecs.send(new RegisterTaskDefinitionCommand(next));
  const green = registered.taskDefinition?.taskDefinitionArn ?? '';
  o.log.info(
    `Registered ${label(green)}${changed ? '' : ' (the same definition as blue)'}; updating the idle service ${idle.service}.`,
  );
  const desiredCount = d.desiredCount ?? blueSide.desiredCount;
  await c.ecs.send(
    new UpdateServiceCommand({
      cluster: cfg.cluster,
      service: idle.service,
      taskDefinition: green,
      desiredCount,
    }),
  );
  const wait = {
    ...c,
    cluster: cfg.cluster,
    service: idle.service,
    targetGroup: idle.targetGroup,
    taskDefinition: green,
    desiredCount,
    timeoutMs: o.waitTimeoutMs,
    clock: o.clock,
    log: o.log,
  };
  await waitForRollout(wait);
  await waitForHealthyTargets(wait);
  const testUrl = d.testListener
    ? await pointTestListener(c.elb, d.testListener, idle.targetGroup, o.log, { url: !!o.testUrl })
    : undefined;
  return {
    ...(testUrl && { testUrl }),
    green,
    blue: blueSide.taskDefinition,
    greenSide: { ...idle, taskDefinition: green },
    blueSide,
    changed,
  };
}

/** UpdateService works only with the ECS deployment controller. */
function checkControllers(services: Service[], cfg: EcsConfig): void {
  for (const s of services) {
    const type = s.deploymentController?.type ?? 'ECS';
    if (type !== 'ECS') {
      throw new DeployError(
        `Service ${s.serviceName} uses the ${type} deployment controller, which refuses UpdateService; the services of ${cfg.name} need the ECS (rolling update) controller.`,
      );
    }
  }
}

async function blueDefinition(
  c: Clients,
  arn: string,
  log?: Log,
): Promise<RegisterTaskDefinitionCommandInput> {
  const r = await c.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn, include: ['TAGS'] }));
  if (!r.taskDefinition) throw new DeployError(`task definition ${arn} could not be read`);
  log?.info(`Starting from blue's task definition ${label(arn)}.`);
  const { input } = registerable(r.taskDefinition);
  return { ...input, ...(r.tags?.length && { tags: r.tags }) };
}
