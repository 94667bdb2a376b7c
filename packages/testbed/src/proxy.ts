// A fault-injecting HTTP proxy between the AWS SDK and moto: records every call by AWS operation and can
// answer with the exact error shapes AWS returns, delay, or drop connections.
import { randomUUID } from 'node:crypto';
import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { answerPercentiles, type Reply as PercentileReply } from './percentiles';
import { classify, isWrite, type Classified, type Protocol } from './proxy-classify';

export { classify, isWrite, type Protocol } from './proxy-classify';

export type FaultKind =
  'throttle' | '5xx' | '409' | '412' | 'latency' | 'drop' | 'drop-after' | 'function-error';

export interface FaultRule {
  /** Operation name (`UpdateAlias`) or `service:Op` (`lambda:UpdateAlias`); a RegExp is tested on the op. */
  op?: string | RegExp;
  /** Matches the `Qualifier` query parameter (Invoke, GetFunction, PublishVersion...). */
  qualifier?: string;
  kind: FaultKind;
  /** Probability of injecting on a matching call, 0..1; default 1. */
  rate?: number;
  /** Injections at most; the rule is spent after that. */
  times?: number;
  /** Delay before acting; for 'latency' the delay itself (default 1000). */
  latencyMs?: number;
  /** Seed of this rule's PRNG, so a rate below 1 picks the same calls on every run. */
  seed?: number;
  /** HTTP status for '5xx' (500 default; 502, 503, 504 also retried by the SDK). */
  status?: number;
  /** Retry-After seconds sent with 'throttle' (default '1'; the SDK waits at least that long). */
  retryAfterSeconds?: string;
  /** Overrides the error name and message of an error kind. */
  errorType?: string;
  message?: string;
}

export interface ProxyCall {
  service: string;
  op: string;
  method: string;
  path: string;
  status: number;
  injected?: FaultKind;
  qualifier?: string;
  /** Function name from a Lambda route, URL-decoded (may be an ARN). */
  functionName?: string;
  at: number;
}

interface ActiveRule extends FaultRule {
  injected: number;
  random: () => number;
}

/** mulberry32: a small seeded PRNG, good enough to pick reproducible subsets. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ErrorSpec {
  status: number;
  type: string;
  fault: 'User' | 'Service';
  message: string;
  headers?: Record<string, string>;
}

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';

function resourceArn(c: Classified): string {
  const name = c.functionName ?? 'unknown';
  return name.startsWith('arn:') ? name : `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${name}`;
}

function errorFor(rule: FaultRule, c: Classified): ErrorSpec | undefined {
  // Error shapes from the Errors sections of the Lambda API reference,
  // e.g. https://docs.aws.amazon.com/lambda/latest/api/API_UpdateAlias.html#API_UpdateAlias_Errors
  const lambda = c.service === 'lambda';
  switch (rule.kind) {
    case 'throttle':
      return {
        status: 429,
        type: lambda
          ? 'TooManyRequestsException'
          : c.protocol === 'query'
            ? 'Throttling'
            : 'ThrottlingException',
        fault: 'User',
        message: 'Rate exceeded',
        headers: { 'Retry-After': rule.retryAfterSeconds ?? '1' },
      };
    case '5xx':
      return {
        status: rule.status ?? 500,
        type: lambda ? 'ServiceException' : 'InternalFailure',
        fault: 'Service',
        message: 'The request processing has failed because of an unknown error, exception or failure.',
      };
    case '409':
      return {
        status: 409,
        type: 'ResourceConflictException',
        fault: 'User',
        message: `The operation cannot be performed at this time. An update is in progress for resource: ${resourceArn(c)}`,
      };
    case '412':
      return {
        status: 412,
        type: 'PreconditionFailedException',
        fault: 'User',
        message:
          'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
      };
    default:
      return undefined;
  }
}

// A CBOR map of text strings (RFC 8949), enough for an rpc-v2-cbor error body.
function cborText(s: string): Buffer {
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([cborHead(3, b.length), b]);
}
function cborHead(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 256) return Buffer.from([(major << 5) | 24, n]);
  if (n < 65536) return Buffer.from([(major << 5) | 25, n >> 8, n & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(n, 1);
  return b;
}

function errorResponse(
  spec: ErrorSpec,
  protocol: Protocol,
): { headers: Record<string, string>; body: Buffer } {
  const requestId = randomUUID();
  const headers: Record<string, string> = {
    'x-amzn-RequestId': requestId,
    'x-amzn-ErrorType': spec.type,
    ...spec.headers,
  };
  if (protocol === 'query') {
    headers['Content-Type'] = 'text/xml';
    const code = spec.fault === 'User' ? 'Sender' : 'Receiver';
    const xml =
      `<ErrorResponse><Error><Type>${code}</Type><Code>${spec.type}</Code><Message>${spec.message}</Message>` +
      `</Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
    return { headers, body: Buffer.from(xml) };
  }
  if (protocol === 'cbor') {
    headers['Content-Type'] = 'application/cbor';
    headers['smithy-protocol'] = 'rpc-v2-cbor';
    const body = Buffer.concat([
      cborHead(5, 2),
      cborText('__type'),
      cborText(spec.type),
      cborText('message'),
      cborText(spec.message),
    ]);
    return { headers, body };
  }
  headers['Content-Type'] = protocol === 'json' ? 'application/x-amz-json-1.1' : 'application/json';
  const body: Record<string, string> =
    protocol === 'json'
      ? { __type: spec.type, message: spec.message }
      : { Type: spec.fault, message: spec.message };
  if (spec.type === 'TooManyRequestsException') body.Reason = 'CallerRateLimitExceeded';
  return { headers, body: Buffer.from(JSON.stringify(body)) };
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'expect',
]);

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A whole answer, read or made up. */
export interface ModelReply {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** A call no fault answered, as a model sees it. */
export interface ModelCall {
  service: string;
  op: string;
  protocol: Protocol;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /**
   * Sends the call on to moto, or another request to the same endpoint when body or headers are given
   * (headers are merged over the call's), and reads the whole answer. A model that forwards answers.
   */
  forward(body?: Buffer, headers?: Record<string, string>): Promise<ModelReply>;
}

/**
 * What moto does not do, played in front of it: a model answers the calls it wants (reading or changing
 * moto's answer) and lets the others through. Faults are injected first, so a faulted call never
 * reaches the model.
 */
export interface ProxyModel {
  answer(call: ModelCall): Promise<ModelReply | undefined>;
}

function readAll(res: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.once('end', () => resolve(Buffer.concat(chunks)));
    res.once('error', reject);
  });
}

function drain(res: IncomingMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    res.resume();
    res.once('end', resolve);
    res.once('error', reject);
  });
}

export class FaultProxy {
  readonly calls: ProxyCall[] = [];
  /** Answer GetMetricData's percentile queries here, as moto cannot (see percentiles.ts); default true. */
  percentiles = true;
  private rules: ActiveRule[] = [];
  private model: ProxyModel | undefined;
  private readonly agent = new Agent({ keepAlive: true });
  private readonly target: URL;

  private constructor(
    private readonly server: Server,
    targetUrl: string,
    readonly url: string,
  ) {
    this.target = new URL(targetUrl);
  }

  static async start(targetUrl: string): Promise<FaultProxy> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    const proxy = new FaultProxy(server, targetUrl, `http://127.0.0.1:${port}`);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      proxy.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`proxy error: ${String(err)}`);
        } else {
          res.destroy();
        }
      });
    });
    return proxy;
  }

  addRule(rule: FaultRule): void {
    if (rule.rate !== undefined && (rule.rate < 0 || rule.rate > 1))
      throw new Error('rate must be within 0..1');
    this.rules.push({ ...rule, injected: 0, random: mulberry32(rule.seed ?? 1) });
  }

  clearRules(): void {
    this.rules = [];
  }

  /** Puts a model in front of moto (see ProxyModel); undefined takes it away. */
  setModel(model: ProxyModel | undefined): void {
    this.model = model;
  }

  clearCalls(): void {
    this.calls.length = 0;
  }

  /** Calls per `service:Op`. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.calls) {
      const key = `${c.service}:${c.op}`;
      out[key] = (out[key] ?? 0) + 1;
    }
    return out;
  }

  /** Calls that may change state; see isWrite for the rule. */
  writes(): ProxyCall[] {
    return this.calls.filter((c) => isWrite(c.op));
  }

  async stop(): Promise<void> {
    this.clearRules();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    this.agent.destroy();
  }

  private pick(c: Classified): ActiveRule | undefined {
    for (const rule of this.rules) {
      if (rule.times !== undefined && rule.injected >= rule.times) continue;
      if (rule.kind === 'function-error' && c.op !== 'Invoke') continue;
      if (rule.op !== undefined) {
        const ok =
          typeof rule.op === 'string'
            ? rule.op === c.op || rule.op === `${c.service}:${c.op}`
            : rule.op.test(c.op);
        if (!ok) continue;
      }
      if (rule.qualifier !== undefined && rule.qualifier !== c.qualifier) continue;
      const rate = rule.rate ?? 1;
      if (rate < 1 && !(rule.random() < rate)) continue;
      rule.injected++;
      return rule;
    }
    return undefined;
  }

  private forward(
    req: IncomingMessage,
    body: Buffer,
    extraHeaders: Record<string, string> = {},
  ): Promise<IncomingMessage> {
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = v;
    }
    for (const [k, v] of Object.entries(extraHeaders)) headers[k.toLowerCase()] = v;
    headers['content-length'] = String(body.length);
    return new Promise((resolve, reject) => {
      const up = httpRequest(
        {
          host: this.target.hostname,
          port: this.target.port,
          method: req.method,
          path: req.url,
          headers,
          agent: this.agent,
        },
        resolve,
      );
      up.on('error', reject);
      up.end(body);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const rawUrl = req.url ?? '/';
    const c = classify(method, rawUrl, req.headers, body);
    const call: ProxyCall = {
      service: c.service,
      op: c.op,
      method,
      path: new URL(rawUrl, 'http://proxy.invalid').pathname,
      status: 0,
      at,
    };
    if (c.qualifier !== undefined) call.qualifier = c.qualifier;
    if (c.functionName !== undefined) call.functionName = c.functionName;
    this.calls.push(call);

    const rule = this.pick(c);
    if (rule) {
      call.injected = rule.kind;
      const delay = rule.latencyMs ?? (rule.kind === 'latency' ? 1000 : 0);
      if (delay > 0) await sleep(delay);
    }

    if (rule?.kind === 'drop') {
      req.socket.destroy();
      return;
    }

    const spec = rule ? errorFor(rule, c) : undefined;
    if (spec) {
      if (rule!.errorType) spec.type = rule!.errorType;
      if (rule!.message) spec.message = rule!.message;
      const { headers, body: errBody } = errorResponse(spec, c.protocol);
      call.status = spec.status;
      res.writeHead(spec.status, { ...headers, 'Content-Length': String(errBody.length) });
      res.end(errBody);
      return;
    }

    // What the test bed adds because moto lacks it: percentile statistics (percentiles.ts).
    if (this.percentiles && c.op === 'GetMetricData') {
      let own: PercentileReply | undefined;
      try {
        own = await answerPercentiles(this.target, { ...c, headers: req.headers, body });
      } catch (err) {
        call.status = 502;
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`percentiles: ${String(err)}`);
        return;
      }
      if (own) {
        call.status = own.status;
        if (rule?.kind === 'drop-after') {
          req.socket.destroy();
          return;
        }
        res.writeHead(own.status, { ...own.headers, 'content-length': String(own.body.length) });
        res.end(own.body);
        return;
      }
    }

    if (this.model) {
      const model = this.model;
      let reply: ModelReply | undefined;
      try {
        reply = await model.answer({
          service: c.service,
          op: c.op,
          protocol: c.protocol,
          headers: req.headers,
          body,
          forward: async (otherBody, headers) => {
            const up = await this.forward(req, otherBody ?? body, headers);
            const upHeaders: Record<string, string | string[]> = {};
            for (const [k, v] of Object.entries(up.headers)) {
              if (v !== undefined && !HOP_BY_HOP.has(k)) upHeaders[k] = v;
            }
            return { status: up.statusCode ?? 502, headers: upHeaders, body: await readAll(up) };
          },
        });
      } catch (err) {
        call.status = 502;
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`model error: ${String(err)}`);
        return;
      }
      if (reply) {
        call.status = reply.status;
        if (rule?.kind === 'drop-after') {
          req.socket.destroy();
          return;
        }
        const headers: Record<string, string | string[]> = { ...reply.headers };
        for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-length') delete headers[k];
        headers['content-length'] = String(reply.body.length);
        res.writeHead(reply.status, headers);
        res.end(reply.body);
        return;
      }
    }

    let upstream: IncomingMessage;
    try {
      upstream = await this.forward(req, body);
    } catch (err) {
      call.status = 502;
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`upstream error: ${String(err)}`);
      return;
    }
    const status = upstream.statusCode ?? 502;
    call.status = status;

    if (rule?.kind === 'drop-after') {
      await drain(upstream);
      req.socket.destroy();
      return;
    }

    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(upstream.headers)) {
      if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = v;
    }

    if (rule?.kind === 'function-error' && status === 200) {
      await drain(upstream);
      // Lambda's answer for a function that threw: 200 with X-Amz-Function-Error
      // (https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html#API_Invoke_ResponseSyntax)
      const errBody = Buffer.from(JSON.stringify({ errorType: 'Error', errorMessage: 'injected failure' }));
      headers['x-amz-function-error'] = 'Unhandled';
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(errBody.length);
      res.writeHead(200, headers);
      res.end(errBody);
      return;
    }

    res.writeHead(status, headers);
    upstream.pipe(res);
    await new Promise<void>((resolve) => {
      res.once('close', resolve);
      upstream.once('error', () => {
        res.destroy();
        resolve();
      });
    });
  }
}
