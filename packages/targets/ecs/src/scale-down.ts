// rollback's `scale-down: true`: once traffic is back on blue, green's service stops its tasks.
import { UpdateServiceCommand } from '@aws-sdk/client-ecs';
import type { Log } from '@deploy-actions/core';
import type { OpenOptions, RolledBack } from '@deploy-actions/release/target';
import { ecsClients } from './clients';
import type { EcsConfig } from './inputs';
import { label } from './names';
import { listenerRouter } from './router';

export async function scaleDownGreen(
  cfg: EcsConfig,
  done: RolledBack,
  ctx: OpenOptions & { log: Log },
): Promise<Record<string, string>> {
  const clients = await ecsClients(cfg.aws, ctx);
  const pair = await listenerRouter(clients, cfg).pair();
  const green = pair?.sides.find((s) => s.taskDefinition === done.fromVersion && s.weight === 0);
  if (!green) {
    ctx.log.warning(`scale-down: no idle service runs ${label(done.fromVersion)}; nothing was scaled down.`);
    return {};
  }
  await clients.ecs.send(
    new UpdateServiceCommand({ cluster: cfg.cluster, service: green.service, desiredCount: 0 }),
  );
  ctx.log.info(
    `scale-down: ${green.service} (${label(done.fromVersion)}) set to 0 tasks; it gets no traffic.`,
  );
  return { 'scaled-down-service': green.service };
}
