// The REST calls of the Admin API v2 and Cloud Monitoring v3: JSON over fetch with a bearer token, retried
// with exponential backoff on 429 and 503 as Google advises (https://cloud.google.com/apis/design/errors#retrying_errors).
import { proxyFetch, type Clock } from '@deploy-actions/core';
import type { TokenSource } from './auth';

/** An error status of a Google API, as its JSON error body names it (https://cloud.google.com/apis/design/errors). */
export class GoogleApiError extends Error {
  constructor(
    readonly status: number,
    /** The canonical code, e.g. NOT_FOUND, FAILED_PRECONDITION. */
    readonly code: string,
    message: string,
    readonly what: string,
  ) {
    super(`${what}: ${status} ${code}: ${message}`);
    this.name = 'GoogleApiError';
  }
}

export interface Http {
  /** One call; `query` values repeat a parameter when given as a list. */
  call<T>(method: string, url: string, opts?: { query?: Query; body?: unknown; what?: string }): Promise<T>;
}

export type Query = Record<string, string | string[] | undefined>;

const RETRIED = new Set([429, 503]);
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 16_000;
const USER_AGENT = 'deploy-actions/1 (cloud-run)';

export function httpClient(
  token: TokenSource,
  maxAttempts: number,
  clock: Clock,
  signal?: AbortSignal,
): Http {
  return {
    async call<T>(method: string, url: string, opts: { query?: Query; body?: unknown; what?: string } = {}) {
      const target = withQuery(url, opts.query);
      const what = opts.what ?? `${method} ${new URL(url).pathname}`;
      for (let attempt = 1; ; attempt++) {
        const res = await proxyFetch(target, {
          method,
          headers: {
            authorization: `Bearer ${await token()}`,
            'user-agent': USER_AGENT,
            ...(opts.body !== undefined && { 'content-type': 'application/json' }),
          },
          ...(opts.body !== undefined && { body: JSON.stringify(opts.body) }),
          ...(signal && { signal }),
        });
        const text = await res.text();
        if (res.ok) return (text ? JSON.parse(text) : {}) as T;
        if (RETRIED.has(res.status) && attempt < maxAttempts) {
          await clock.sleep(backoff(attempt, res.headers.get('retry-after')), signal);
          continue;
        }
        throw apiError(res.status, text, what);
      }
    },
  };
}

/** Full jitter over an exponential ceiling; a Retry-After in seconds is honoured when longer. */
function backoff(attempt: number, retryAfter: string | null): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  const after = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : 0;
  return Math.max(after, Math.round(Math.random() * ceiling));
}

function apiError(status: number, text: string, what: string): GoogleApiError {
  let body: { error?: { status?: string; message?: string } } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // not JSON (a proxy's page): the status says enough
  }
  const message = (body.error?.message ?? text.slice(0, 200)).replace(/\s+/g, ' ').trim();
  return new GoogleApiError(status, body.error?.status ?? String(status), message, what);
}

export function withQuery(url: string, query: Query = {}): string {
  const u = new URL(url);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) u.searchParams.append(key, v);
  }
  return u.toString();
}

export function isNotFound(err: unknown): boolean {
  return err instanceof GoogleApiError && err.status === 404;
}
