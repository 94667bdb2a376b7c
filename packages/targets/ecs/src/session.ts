import type { OpenOptions, Session } from '@deploy-actions/release/target';
import { ecsClients } from './clients';
import type { EcsConfig } from './inputs';
import { readTargetGroupMetrics } from './metrics';
import { listenerRouter } from './router';

export async function openEcs(cfg: EcsConfig, opts: OpenOptions): Promise<Session> {
  const router = listenerRouter(await ecsClients(cfg.aws, opts), cfg);
  const cw = opts.cloudwatch;
  return {
    router,
    signals: {
      ...(cw && {
        // Which service runs which version is read once; a change to it is a concurrent change the shift stops on.
        metrics: async (s, windowMs, percentiles, now) => {
          const pair = router.lastPair() ?? (await router.pair());
          if (!pair) throw new Error(`${router.missing}`);
          return readTargetGroupMetrics(cw, cfg.router.arn, pair, s, windowMs, percentiles, now);
        },
      }),
    },
  };
}
