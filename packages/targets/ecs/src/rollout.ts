// Waiting for the idle service to run the new task definition, and for its targets to be healthy.
// "Stable" is not enough: a deployment the circuit breaker rolled back also ends stable, on the old
// task definition (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html).
import {
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  type Deployment,
  type ECSClient,
} from '@aws-sdk/client-ecs';
import {
  DescribeTargetHealthCommand,
  type ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { DeployError, formatDuration, type Clock, type Log } from '@deploy-actions/core';
import { label } from './names';

const POLL_MS = 10_000;

export interface RolloutWait {
  ecs: ECSClient;
  elb: ElasticLoadBalancingV2Client;
  cluster: string;
  service: string;
  targetGroup: string;
  taskDefinition: string;
  desiredCount: number;
  timeoutMs: number;
  clock: Clock;
  log: Log;
  signal?: AbortSignal;
}

/** Until the service's PRIMARY deployment of the task definition is COMPLETED; FAILED names the stopped tasks' reasons. */
export async function waitForRollout(w: RolloutWait): Promise<void> {
  const deadline = w.clock.now() + w.timeoutMs;
  let wasPrimary = false;
  for (;;) {
    const r = await w.ecs.send(new DescribeServicesCommand({ cluster: w.cluster, services: [w.service] }));
    const deployments = r.services?.[0]?.deployments ?? [];
    const ours = deployments.find((d) => d.taskDefinition === w.taskDefinition);
    const primary = deployments.find((d) => d.status === 'PRIMARY');
    // The circuit breaker marks ours FAILED and makes a deployment of the old task definition PRIMARY.
    const replaced = wasPrimary && primary?.taskDefinition !== w.taskDefinition;
    if (ours?.rolloutState === 'FAILED' || replaced) throw new DeployError(await failure(w, ours));
    wasPrimary ||= primary?.taskDefinition === w.taskDefinition;
    if (primary?.taskDefinition === w.taskDefinition && primary.rolloutState === 'COMPLETED') {
      w.log.info(
        `${w.service} runs ${label(w.taskDefinition)}: ${primary.runningCount ?? 0} of ${primary.desiredCount ?? 0} tasks, rollout COMPLETED.`,
      );
      return;
    }
    if (w.clock.now() >= deadline) {
      throw new DeployError(
        `Waited ${formatDuration(w.timeoutMs)} (wait-timeout) for ${w.service} to run ${label(w.taskDefinition)}; its deployment is ${primary?.taskDefinition === w.taskDefinition ? (primary.rolloutState ?? 'in progress') : 'not primary yet'}. No traffic was moved.`,
      );
    }
    w.log.info(
      `${w.service}: rollout of ${label(w.taskDefinition)} ${ours?.rolloutState ?? 'pending'} (${ours?.runningCount ?? 0}/${ours?.desiredCount ?? w.desiredCount} running); next check in ${formatDuration(POLL_MS)}.`,
    );
    await w.clock.sleep(POLL_MS, w.signal);
  }
}

async function failure(w: RolloutWait, d: Deployment | undefined): Promise<string> {
  const reasons = await stoppedReasons(w).catch(() => []);
  const why = d?.rolloutStateReason ? `: ${d.rolloutStateReason.replace(/\.+$/, '')}` : '';
  const tasks = reasons.length ? ` Stopped tasks: ${reasons.join('; ')}.` : '';
  return `The deployment of ${label(w.taskDefinition)} to ${w.service} failed${why}.${tasks} No traffic was moved.`;
}

/** The reasons ECS gives for the service's stopped tasks of this task definition, newest first, at most 3. */
async function stoppedReasons(w: RolloutWait): Promise<string[]> {
  const list = await w.ecs.send(
    new ListTasksCommand({ cluster: w.cluster, serviceName: w.service, desiredStatus: 'STOPPED' }),
  );
  if (!list.taskArns?.length) return [];
  const tasks = await w.ecs.send(
    new DescribeTasksCommand({ cluster: w.cluster, tasks: list.taskArns.slice(0, 100) }),
  );
  return (tasks.tasks ?? [])
    .filter((t) => t.taskDefinitionArn === w.taskDefinition)
    .sort((a, b) => (b.stoppedAt?.getTime() ?? 0) - (a.stoppedAt?.getTime() ?? 0))
    .slice(0, 3)
    .map((t) => {
      const container = t.containers?.find((c) => c.reason || (c.exitCode ?? 0) !== 0);
      const detail = container
        ? ` (container ${container.name}: ${container.reason ?? `exit code ${container.exitCode}`})`
        : '';
      return `${t.stoppedReason ?? 'stopped'}${detail}`;
    });
}

/** Until every target of the group is healthy and there are as many as the service wants. */
export async function waitForHealthyTargets(w: RolloutWait): Promise<void> {
  const deadline = w.clock.now() + w.timeoutMs;
  for (;;) {
    const r = await w.elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: w.targetGroup }));
    const targets = r.TargetHealthDescriptions ?? [];
    const healthy = targets.filter((t) => t.TargetHealth?.State === 'healthy');
    if (healthy.length === targets.length && healthy.length >= Math.min(w.desiredCount, 1)) {
      w.log.info(`Target group of ${w.service}: ${healthy.length} of ${targets.length} targets healthy.`);
      return;
    }
    const bad = targets.find((t) => t.TargetHealth?.State !== 'healthy');
    const state = bad
      ? `${bad.Target?.Id}:${bad.Target?.Port} is ${bad.TargetHealth?.State}${bad.TargetHealth?.Description ? ` (${bad.TargetHealth.Description})` : ''}`
      : 'no targets registered yet';
    if (w.clock.now() >= deadline) {
      throw new DeployError(
        `Waited ${formatDuration(w.timeoutMs)} (wait-timeout) for the targets of ${w.service} to be healthy: ${state}. No traffic was moved.`,
      );
    }
    w.log.info(
      `Target group of ${w.service}: ${healthy.length} of ${targets.length} healthy, ${state}; next check in ${formatDuration(POLL_MS)}.`,
    );
    await w.clock.sleep(POLL_MS, w.signal);
  }
}
