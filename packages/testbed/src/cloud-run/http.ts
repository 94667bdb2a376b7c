// The HTTP front of the Cloud Run stand-in: Google's system of auth, routing by the HTTP rules of the
// description, binding of path, query and body into the request message, checks of each request and reply
// against the description (google-api.ts), injected faults, and a record of every call.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '@deploy-actions/core';
import { checkErrorBody, errorReply, GoogleError, type Reply } from './errors';
import { googleApi, type MethodDesc } from './google-api';
import { stsReply, type IdTokens } from './sts';
import type { CloudRunCall, CloudRunFault, CloudRunViolation, Json } from './types';

export interface FrontOptions {
  token: string;
  clock: Clock;
  calls: CloudRunCall[];
  violations: CloudRunViolation[];
  /** The ID tokens generateIdToken minted, which the services' URLs accept. */
  idTokens: IdTokens;
  /** Faults still to inject; the front counts them down. */
  faults(): (CloudRunFault & { left: number })[];
  /** Answers a checked request of a served method; throws GoogleError for Google's refusals. */
  answer(desc: MethodDesc, r: { vars: Record<string, string>; request: Json; body?: Json }): Promise<Json>;
}

// Google's bodies for these (https://cloud.google.com/apis/design/errors#handling_errors).
const FAULTS = {
  429: [
    'RESOURCE_EXHAUSTED',
    "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute' of service 'run.googleapis.com'.",
  ],
  500: ['INTERNAL', 'Internal error encountered.'],
  503: ['UNAVAILABLE', 'The service is currently unavailable.'],
} as const;
const UNAUTHENTICATED =
  'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid ' +
  'authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';

/** Listens on loopback; stops by itself with the process (unref), or with stop(). */
export async function startFront(o: FrontOptions): Promise<{ url: string; stop(): Promise<void> }> {
  const api = googleApi();

  async function dispatch(
    desc: MethodDesc,
    vars: Record<string, string>,
    raw: URL,
    text: string,
  ): Promise<Reply> {
    const request: Json = {};
    for (const [k, v] of Object.entries(vars)) {
      const parts = k.split('.');
      let node = request;
      for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Json;
      node[parts[parts.length - 1]!] = v;
    }
    const problems = api.bindQuery(desc.request, raw.searchParams, request);
    let body: Json | undefined;
    if (desc.body) {
      try {
        body = text ? (JSON.parse(text) as Json) : {};
      } catch {
        problems.push(`Invalid JSON payload received. Unexpected token.\n${text.slice(0, 40)}`);
      }
      const type = desc.body === '*' ? desc.request : api.fieldType(desc.request, desc.body);
      if (body) problems.push(...api.check(type, body, desc.body === '*' ? '' : desc.body, 'request'));
      if (body && desc.body === '*') Object.assign(request, body);
    } else if (text.trim()) problems.push('Invalid JSON payload received. This method takes no body.');
    if (problems.length) {
      o.violations.push({
        method: desc.method,
        path: raw.pathname,
        methodId: desc.id,
        kind: 'request',
        messages: problems,
      });
      return errorReply('INVALID_ARGUMENT', problems.join('\n'));
    }
    return {
      status: 200,
      body: await o.answer(desc, { vars, request, body: desc.body === '*' ? undefined : body }),
    };
  }

  function fault(apiName: CloudRunCall['api'], method: string, path: string): Reply | undefined {
    const f = o
      .faults()
      .find(
        (x) =>
          x.left > 0 &&
          (x.api ? x.api === apiName : apiName === 'run' || apiName === 'monitoring') &&
          (!x.method || x.method === method) &&
          (!x.path || (typeof x.path === 'string' ? path.includes(x.path) : x.path.test(path))),
      );
    if (!f) return undefined;
    f.left--;
    const [status, message] = FAULTS[f.status];
    return { ...errorReply(status, message), headers: f.status === 429 ? { 'retry-after': '1' } : {} };
  }

  async function handle(
    req: IncomingMessage,
    raw: URL,
    text: string,
  ): Promise<{ reply: Reply; desc?: MethodDesc; injected?: boolean }> {
    const method = req.method ?? 'GET';
    const auth = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const sts = stsReply(method, raw.pathname, text, o.token, o.clock.now() + 3_600_000, o.idTokens);
    if (sts)
      return {
        reply:
          raw.pathname === '/v1/token' || auth === o.token
            ? sts
            : errorReply('UNAUTHENTICATED', UNAUTHENTICATED),
      };
    const route = api.route(method, raw.pathname);
    if (!route) {
      o.violations.push({
        method,
        path: raw.pathname,
        kind: 'unserved',
        messages: [`no ${method} ${raw.pathname} here`],
      });
      return { reply: errorReply('NOT_FOUND', `Method not found: ${method} ${raw.pathname}`) };
    }
    const injected = fault(raw.pathname.startsWith('/v3/') ? 'monitoring' : 'run', method, raw.pathname);
    if (injected) return { reply: injected, desc: route.desc, injected: true };
    if (auth !== o.token) {
      o.violations.push({
        method,
        path: raw.pathname,
        methodId: route.desc.id,
        kind: 'auth',
        messages: [auth ? 'unknown token' : 'no Authorization'],
      });
      return { reply: errorReply('UNAUTHENTICATED', UNAUTHENTICATED), desc: route.desc };
    }
    try {
      return { reply: await dispatch(route.desc, route.vars, raw, text), desc: route.desc };
    } catch (e) {
      if (!(e instanceof GoogleError)) throw e;
      // Well-formed but refused by Google's own rules (a sum, a filter): a request Google rejects all the same.
      if (e.status === 'INVALID_ARGUMENT')
        o.violations.push({
          method,
          path: raw.pathname,
          methodId: route.desc.id,
          kind: 'request',
          messages: [e.message],
        });
      return { reply: e.reply, desc: route.desc };
    }
  }

  function checkReply(desc: MethodDesc | undefined, reply: Reply, path: string, method: string): void {
    if (!desc) return;
    const problems =
      reply.status === 200
        ? api.check(desc.response, reply.body, '', 'response')
        : checkErrorBody(reply.body, reply.status);
    if (problems.length)
      o.violations.push({ method, path, methodId: desc.id, kind: 'response', messages: problems });
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const at = o.clock.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const raw = new URL(req.url ?? '/', base);
      const method = req.method ?? 'GET';
      handle(req, raw, text)
        .then(({ reply, desc, injected }) => {
          checkReply(desc, reply, raw.pathname, method);
          let parsed: unknown;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            parsed = text;
          }
          const apiName = raw.pathname.startsWith('/v3/')
            ? 'monitoring'
            : /^\/v1\/(token|projects\/-\/)/.test(raw.pathname)
              ? 'sts'
              : 'run';
          o.calls.push({
            api: apiName,
            method,
            path: raw.pathname,
            query: raw.search.slice(1),
            status: reply.status,
            at,
            ...(parsed !== undefined ? { body: parsed } : {}),
            ...(desc ? { methodId: desc.id } : {}),
            ...(injected ? { injected: true } : {}),
          });
          res
            .writeHead(reply.status, { 'content-type': 'application/json; charset=UTF-8', ...reply.headers })
            .end(JSON.stringify(reply.body ?? {}));
        })
        .catch((e: unknown) => {
          o.violations.push({
            method,
            path: raw.pathname,
            kind: 'response',
            messages: [`stand-in crashed: ${String(e)}`],
          });
          res
            .writeHead(500, { 'content-type': 'application/json' })
            .end(JSON.stringify(errorReply('INTERNAL', 'Internal error encountered.').body));
        });
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  server.unref();
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
