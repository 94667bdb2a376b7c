// What the cold-start bench measures with: the actions' first calls, children it always cleans up, a local
// AWS endpoint that notes the first request, and small statistics.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { classify } from '@deploy-actions/testbed/proxy';
import { repoRoot } from '@deploy-actions/testbed/runner';

export const ACTIONS = [
  'deploy-green',
  'shift-traffic',
  'rollback',
  'health-gate',
  'record-history',
] as const;
export type Action = (typeof ACTIONS)[number];
export const RUNS = 21;
export const WARMUP = 2;
/** The refused request fails the action within milliseconds; one still running after this is killed. */
export const EXIT_GRACE_MS = 5_000;
/** A child that has made no request by then is killed, and the bench fails naming it. */
export const NO_REQUEST_MS = 60_000;
export const FN = 'orders';
export const BASE = 'node -e 0';

/** Inputs that pass each action's checks (action.yml, packages/release/src/run/*.ts), and its first AWS call. */
export const FIRST_CALLS: Record<Action, { inputs: Record<string, string>; op: string }> = {
  'deploy-green': { inputs: { 'function-name': FN }, op: 'lambda GetFunctionConfiguration' },
  'shift-traffic': {
    inputs: { 'function-name': FN, 'green-version': '2', strategy: 'all-at-once' },
    op: 'lambda GetAlias',
  },
  rollback: { inputs: { 'function-name': FN }, op: 'lambda GetAlias' },
  'health-gate': {
    inputs: { 'function-name': FN, alarms: 'orders-errors' },
    op: 'monitoring DescribeAlarms',
  },
  'record-history': {
    inputs: {
      'function-name': FN,
      backend: 'dynamodb',
      'dynamodb-table': 'deployments',
      environment: 'production',
      status: 'started',
      'green-version': '2',
    },
    op: 'dynamodb TransactWriteItems',
  },
};

// --- helpers ----------------------------------------------------------------------------------------------

export function table(header: string[], rows: (string | number)[][], right: number[] = []): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (right.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export const ms = (n: number) => n.toFixed(1);
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
export const elapsedMs = (from: bigint, to: bigint) => Number(to - from) / 1e6;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]!;
}

// --- children: every one tracked, so that an error or Ctrl-C leaves none behind ---------------------------

export const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

export function start(node: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(node, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  const keep = (d: string) => (output = (output + d).slice(-4000));
  child.stdout!.setEncoding('utf8').on('data', keep);
  child.stderr!.setEncoding('utf8').on('data', keep);
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', (err) => {
      children.delete(child);
      reject(err);
    });
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    });
  });
  return { child, exited, output: () => output };
}

// --- the local AWS endpoint -------------------------------------------------------------------------------

export interface Arrival {
  at: bigint;
  op: string;
}

/** One subject of the interleaved cold-start rounds: its time in ms, and what it is timed until. */
export interface Subject {
  name: string;
  until: string;
  run(): Promise<number>;
}

/**
 * Notes when a request arrives and refuses it with a 400, which the SDK does not retry, so the action fails
 * at once. One child runs at a time: the first request after next() is that child's first.
 */
export class Endpoint {
  private waiting: ((a: Arrival) => void) | undefined;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<Endpoint> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const endpoint = new Endpoint(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => endpoint.handle(req, res));
    return endpoint;
  }

  next(): Promise<Arrival> {
    return new Promise((resolve) => (this.waiting = resolve));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const at = process.hrtime.bigint();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { service, op } = classify(req.method ?? '', req.url ?? '/', req.headers, Buffer.concat(chunks));
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.({ at, op: `${service} ${op}` });
      res.writeHead(400, {
        'content-type': 'application/x-amz-json-1.0',
        'x-amzn-errortype': 'ValidationException',
        connection: 'close',
      });
      res.end(JSON.stringify({ __type: 'ValidationException', message: 'refused by the cold-start bench' }));
    });
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A clean environment: PATH, fake credentials, the endpoint, the runner's files and the inputs. */
export function cleanEnv(endpoint: Endpoint, files: Record<string, string>, inputs: Record<string, string>) {
  return {
    ...runnerEnv(files, inputs),
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: endpoint.url,
  };
}

/** PATH, the runner's files (emptied) and the inputs: what every step gets. */
export function runnerEnv(
  files: Record<string, string>,
  inputs: Record<string, string>,
): Record<string, string> {
  for (const f of Object.values(files)) writeFileSync(f, '');
  return {
    PATH: process.env.PATH ?? '',
    ...files,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
}

export function runnerFiles(scratch: string): Record<string, string> {
  return Object.fromEntries(
    ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_STEP_SUMMARY'].map((k) => [k, join(scratch, k)]),
  );
}

/** Spawn to the first request; then waits for the child to end (killed after EXIT_GRACE_MS). */
export async function toFirstRequest(
  node: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  endpoint: Pick<Endpoint, 'next'>,
  expected: string,
  onStderr?: (text: string, at: bigint) => void,
): Promise<{ ms: number; at: bigint }> {
  const first = endpoint.next();
  const startAt = process.hrtime.bigint();
  const run = start(node, args, env);
  if (onStderr) run.child.stderr!.on('data', (d: string) => onStderr(d, process.hrtime.bigint()));
  const stuck = setTimeout(() => run.child.kill('SIGKILL'), NO_REQUEST_MS);
  const got = await Promise.race([first, run.exited.then(() => undefined)]);
  clearTimeout(stuck);
  if (!got) throw new Error(`${args.join(' ')} ended before any API request:\n${run.output()}`);
  const timer = setTimeout(() => run.child.kill('SIGKILL'), EXIT_GRACE_MS);
  await run.exited;
  clearTimeout(timer);
  if (got.op !== expected)
    throw new Error(`${args.join(' ')}: the first API request was ${got.op}, not ${expected}`);
  return { ms: elapsedMs(startAt, got.at), at: got.at };
}

export async function toExit(node: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const startAt = process.hrtime.bigint();
  const run = start(node, args, env);
  const code = await run.exited;
  const end = process.hrtime.bigint();
  if (code !== 0) throw new Error(`${node} ${args.join(' ')} exited ${code}:\n${run.output()}`);
  return elapsedMs(startAt, end);
}
