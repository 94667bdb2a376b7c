import type { Clock } from '@deploy-actions/core';
import type { OpenOptions, Session } from '@deploy-actions/release/target';
import { httpClient, type Http } from './api';
import { tokenSource } from './auth';
import { idTokenSource } from './id-token';
import type { CloudRunConfig } from './inputs';
import { readRevisionMetrics } from './metrics';
import { serviceRouter } from './router';
import { runApi, type RunApi } from './run-api';

/** The REST client, or the test double given as `clients.google`. */
export async function googleHttp(
  cfg: CloudRunConfig,
  opts: Pick<OpenOptions, 'clients' | 'clock'>,
): Promise<Http> {
  const make = opts.clients?.google as ((o: unknown) => Promise<Http>) | undefined;
  if (make) return make(cfg);
  return httpClient(tokenSource(cfg), cfg.maxAttempts, opts.clock);
}

export async function openRunApi(
  cfg: CloudRunConfig,
  opts: Pick<OpenOptions, 'clients' | 'clock'>,
): Promise<{ http: Http; api: RunApi }> {
  const http = await googleHttp(cfg, opts);
  return { http, api: runApi(http, cfg, opts.clock as Clock) };
}

export async function openCloudRun(cfg: CloudRunConfig, opts: OpenOptions): Promise<Session> {
  const { http, api } = await openRunApi(cfg, opts);
  const idToken = cfg.idToken && opts.health?.http && idTokenSource(cfg, api, http, opts.clock);
  return {
    router: serviceRouter(api, cfg),
    signals: {
      ...(opts.health?.metrics && {
        metrics: (s, windowMs, percentiles, now) =>
          readRevisionMetrics(http, cfg, s, windowMs, percentiles, now),
      }),
      ...(idToken && { httpHeaders: async () => ({ Authorization: `Bearer ${await idToken()}` }) }),
    },
  };
}
