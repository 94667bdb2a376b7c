// The runner's OIDC token service, as a job with `permissions: id-token: write` reaches it: GET
// ACTIONS_ID_TOKEN_REQUEST_URL&audience=<aud> with `Authorization: bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN`
// answers {"value": "<jwt>"}. Each request token stands for one job, whose token states its environment
// (https://docs.github.com/en/actions/reference/security/oidc). Tokens are unsigned: nothing here verifies them.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OidcJob {
  /** The job's `environment:`; none when omitted. */
  environment?: string;
  /** owner/name; default octo-org/orders-service, the runner emulation's repository. */
  repository?: string;
  runId?: string;
}

export interface OidcRequest {
  audience: string | null;
  /** The environment the answered token stated, or null when refused or none. */
  environment: string | null;
  status: number;
}

export interface OidcServer {
  url: string;
  requests: OidcRequest[];
  /** The two variables a job with id-token: write gets, for one job: pass to runAction's `idToken`. */
  forJob(job: OidcJob): { url: string; token: string };
  stop(): Promise<void>;
}

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

export async function startOidc(): Promise<OidcServer> {
  const jobs = new Map<string, OidcJob>();
  const requests: OidcRequest[] = [];
  let base = '';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    const url = new URL(req.url ?? '/', base);
    const m = /^bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    const job = m ? jobs.get(m[1]!) : undefined;
    const audience = url.searchParams.get('audience');
    if (req.method !== 'GET' || url.pathname !== '/idtoken' || !job) {
      const status = job ? 404 : 401;
      requests.push({ audience, environment: null, status });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{"message":"refused"}');
      return;
    }
    const repository = job.repository ?? 'octo-org/orders-service';
    const [owner] = repository.split('/');
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      jti: randomUUID(),
      sub: job.environment
        ? `repo:${repository}:environment:${job.environment.replace(/:/g, '%3A')}`
        : `repo:${repository}:ref:refs/heads/main`,
      aud: audience ?? `https://github.com/${owner}`,
      ref: 'refs/heads/main',
      ...(job.environment !== undefined && { environment: job.environment }),
      repository,
      repository_owner: owner,
      run_id: job.runId ?? '1000',
      iss: 'https://token.actions.githubusercontent.com',
      nbf: now - 5,
      iat: now,
      exp: now + 300,
    };
    const jwt = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
    requests.push({ audience, environment: job.environment ?? null, status: 200 });
    // The runner's JWT has a signature; a third part is what matters to a reader of the claims.
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ value: `${jwt}unsigned` }));
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  server.unref();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    forJob: (job) => {
      const token = `oidc-request-${randomUUID()}`;
      jobs.set(token, { ...job });
      // As the runner gives it: already carrying a query, so the audience is appended with `&`.
      return { url: `${base}/idtoken?api-version=2.0`, token };
    },
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
