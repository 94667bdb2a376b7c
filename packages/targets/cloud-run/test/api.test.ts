import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeClock } from '@deploy-actions/testbed/clock';
import { GoogleApiError, httpClient } from '../src/api';
import { tokenSource } from '../src/auth';
import { CFG } from './fake-run';

/** A loopback server answering each request with the next scripted reply (the last repeats). */
let server: Server;
let base: string;
let replies: { status: number; body: unknown; headers?: Record<string, string> }[] = [];
let seen: { url: string; authorization?: string; body: string }[] = [];

const body = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => resolve(text));
  });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const text = await body(req);
    seen.push({ url: req.url!, authorization: req.headers.authorization, body: text });
    const reply = replies.length > 1 ? replies.shift()! : replies[0]!;
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const reset = (r: typeof replies) => {
  replies = r;
  seen = [];
};
const unavailable = {
  status: 503,
  body: { error: { code: 503, status: 'UNAVAILABLE', message: 'try later' } },
};

describe('the REST client', () => {
  it('retries 429 and 503 with backoff, honouring Retry-After, and sends the bearer token', async () => {
    reset([
      {
        status: 429,
        body: { error: { status: 'RESOURCE_EXHAUSTED', message: 'quota' } },
        headers: { 'retry-after': '2' },
      },
      unavailable,
      { status: 200, body: { name: 'ok' } },
    ]);
    const clock = fakeClock(0);
    const http = httpClient(async () => 'tok-1', 5, clock);
    expect(await http.call('GET', `${base}/v2/x`, { query: { a: ['1', '2'] } })).toEqual({ name: 'ok' });
    expect(seen.map((s) => [s.url, s.authorization])).toEqual([
      ['/v2/x?a=1&a=2', 'Bearer tok-1'],
      ['/v2/x?a=1&a=2', 'Bearer tok-1'],
      ['/v2/x?a=1&a=2', 'Bearer tok-1'],
    ]);
    expect(clock.slept[0]).toBeGreaterThanOrEqual(2000);
  });

  it('gives up after max-attempts with Google’s status and message', async () => {
    reset([unavailable]);
    const http = httpClient(async () => 't', 3, fakeClock(0));
    const err = await http
      .call('PATCH', `${base}/v2/s`, { body: {}, what: 'update service orders' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GoogleApiError);
    expect((err as Error).message).toBe('update service orders: 503 UNAVAILABLE: try later');
    expect(seen).toHaveLength(3);
  });

  it('does not retry other errors', async () => {
    reset([
      {
        status: 403,
        body: { error: { status: 'PERMISSION_DENIED', message: "Permission 'run.services.update' denied" } },
      },
    ]);
    const http = httpClient(async () => 't', 5, fakeClock(0));
    await expect(http.call('GET', `${base}/v2/s`)).rejects.toThrow(
      /403 PERMISSION_DENIED: Permission 'run.services.update' denied/,
    );
    expect(seen).toHaveLength(1);
  });
});

describe('Application Default Credentials', () => {
  it('exchanges the GitHub OIDC token of an external_account file (as google-github-actions/auth writes it) for an access token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'adc-'));
    writeFileSync(join(dir, 'oidc.txt'), 'github-oidc-token');
    const file = join(dir, 'gha-creds.json');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'external_account',
        audience: '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/gh',
        subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
        token_url: `${base}/v1/token`,
        credential_source: { file: join(dir, 'oidc.txt') },
      }),
    );
    reset([
      {
        status: 200,
        body: {
          access_token: 'federated-token',
          issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
          token_type: 'Bearer',
          expires_in: 3600,
        },
      },
    ]);
    const saved = process.env.GOOGLE_APPLICATION_CREDENTIALS;
    process.env.GOOGLE_APPLICATION_CREDENTIALS = file;
    try {
      expect(await tokenSource({ ...CFG, auth: 'adc' })()).toBe('federated-token');
    } finally {
      if (saved === undefined) delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
      else process.env.GOOGLE_APPLICATION_CREDENTIALS = saved;
    }
    expect(seen[0]!.url).toBe('/v1/token');
    expect(new URLSearchParams(seen[0]!.body).get('subject_token')).toBe('github-oidc-token');
  });
});
