// Talking to GitHub: the Octokit client, what a failed call was doing, and when trying again can help.
import type { Octokit } from '@octokit/rest';
import { SUITE_VERSION, proxyFetch } from '@deploy-actions/core';

// One request failed: what was being done, and GitHub's error.
export class CallFailure extends Error {
  constructor(
    readonly what: string,
    readonly error: unknown,
  ) {
    super(`${what}: ${(error as Error)?.message}`);
  }
}

const RETRY_BASE_MS = 1_000;
const RETRY_CAP_MS = 20_000;
// A rate limit that resets later than this is not waited for: the step says so instead.
const RATE_LIMIT_WAIT_MAX_MS = 60_000;

/**
 * How long to wait before trying again after `err`, or undefined when trying again cannot help.
 * Retried: 429, 5xx, network failures (Octokit reports them as 500) and the 403 of a rate limit, after
 * retry-after or x-ratelimit-reset as GitHub asks:
 * https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#handle-rate-limit-errors-appropriately
 */
export function retryDelayMs(err: unknown, attempt: number, nowMs: number): number | undefined {
  const status = statusOf(err);
  const headers = headersOf(err);
  const backoff = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** (attempt - 1));
  const retryAfter = Number(headers['retry-after']);
  const rateLimited =
    status === 429 ||
    (status === 403 && (headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined));
  if (rateLimited) {
    if (Number.isFinite(retryAfter) && retryAfter >= 0) {
      const ms = retryAfter * 1000;
      return ms <= RATE_LIMIT_WAIT_MAX_MS ? Math.max(ms, backoff) : undefined;
    }
    const reset = Number(headers['x-ratelimit-reset']);
    if (Number.isFinite(reset) && reset > 0) {
      const ms = reset * 1000 - nowMs;
      return ms <= RATE_LIMIT_WAIT_MAX_MS ? Math.max(ms, backoff) : undefined;
    }
    return backoff;
  }
  if (status !== undefined && status >= 500) return backoff;
  return undefined;
}

export function headersOf(err: unknown): Record<string, string | undefined> {
  return (
    (err as { response?: { headers?: Record<string, string | undefined> } } | null)?.response?.headers ?? {}
  );
}

export function briefly(err: unknown): string {
  const status = statusOf(err);
  return status === undefined ? ((err as Error)?.message ?? String(err)) : `HTTP ${status}`;
}

export function statusOf(err: unknown): number | undefined {
  const s = (err as { status?: unknown } | null)?.status;
  return typeof s === 'number' ? s : undefined;
}

/**
 * An Octokit client for the history, loaded only when needed; GITHUB_API_URL points it at GHES, and its
 * requests go through the runner's proxy when one is set.
 */
export async function githubClient(opts: {
  token: string;
  baseUrl?: string;
  userAgent?: string;
}): Promise<Octokit> {
  const { Octokit } = await import('@octokit/rest');
  return new Octokit({
    auth: opts.token,
    baseUrl: opts.baseUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
    userAgent: opts.userAgent ?? `deploy-actions/${SUITE_VERSION}`,
    request: { fetch: proxyFetch },
  });
}
