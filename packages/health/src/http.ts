import { errorMessage, proxyFetch } from '@deploy-actions/core';
import type { HealthConfig } from './config';
import type { CheckResult } from './result';

/**
 * N requests; a wrong status, a failed request or one slower than the limit is unhealthy. Through the runner's
 * proxy when one is set, the only way out of such a runner; NO_PROXY exempts an internal URL.
 */
export async function checkHttp(
  cfg: NonNullable<HealthConfig['http']>,
  signal?: AbortSignal,
): Promise<CheckResult> {
  const latencies: number[] = [];
  const failures: string[] = [];
  const timeout = cfg.maxLatencyMs ? Math.max(cfg.maxLatencyMs * 2, 1000) : 10_000;
  for (let i = 0; i < cfg.samples; i++) {
    const started = performance.now();
    try {
      const res = await proxyFetch(cfg.url, {
        method: cfg.method,
        headers: cfg.headers,
        body: cfg.body,
        redirect: 'manual',
        signal: signal
          ? AbortSignal.any([signal, AbortSignal.timeout(timeout)])
          : AbortSignal.timeout(timeout),
      });
      await res.arrayBuffer();
      const ms = Math.round(performance.now() - started);
      latencies.push(ms);
      if (!cfg.expect.some((r) => res.status >= r.from && res.status <= r.to))
        failures.push(`status ${res.status}`);
      else if (cfg.maxLatencyMs !== undefined && ms > cfg.maxLatencyMs)
        failures.push(`${ms}ms > ${cfg.maxLatencyMs}ms`);
    } catch (err) {
      // fetch says only "fetch failed"; the cause (ECONNREFUSED, a bad port, a timeout) is what helps.
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      failures.push(cause ? `${errorMessage(err)}: ${cause.code ?? cause.message}` : errorMessage(err));
    }
  }
  const observed = {
    samples: cfg.samples,
    failed: failures.length,
    maxLatencyMs: latencies.length ? Math.max(...latencies) : null,
  };
  const threshold = {
    status: cfg.expect.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}-${r.to}`)).join(','),
    maxLatencyMs: cfg.maxLatencyMs ?? null,
  };
  if (failures.length) {
    return {
      check: 'http',
      verdict: 'unhealthy',
      reason: `${failures.length} of ${cfg.samples} requests to ${cfg.url} failed: ${failures[0]}`,
      observed,
      threshold,
    };
  }
  return {
    check: 'http',
    verdict: 'healthy',
    reason: `${cfg.samples} requests to ${cfg.url} answered ${threshold.status}`,
    observed,
    threshold,
  };
}
