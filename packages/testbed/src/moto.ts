// The moto server (an AWS emulator) on a free loopback port, plus helpers to point SDK clients at it.
//
// What moto 5.2.1 does not do for deploy-green's configuration and stacks, as observed here (the unit tests cover
// these with AWS's shapes): it finds no layer version by its ARN (so `layers` fails), ignores EphemeralStorage and
// TracingConfig updates; with Docker off, functions a stack creates are invisible to the Lambda API, a change
// set's update does not apply property changes, `!Sub` with a parameter inside ZipFile fails, an unchanged update
// comes back as an empty change set only when the template has no parameters, and stack outputs stay empty.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { devNull } from 'node:os';
import { CreateRoleCommand, GetRoleCommand, IAMClient, NoSuchEntityException } from '@aws-sdk/client-iam';
import {
  CreateFunctionCommand,
  LambdaClient,
  type CreateFunctionCommandOutput,
  type Runtime,
} from '@aws-sdk/client-lambda';

export interface Moto {
  url: string;
  port: number;
  /** Forgets every resource, then switches Lambda to the no-Docker mode. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export const TEST_REGION = 'us-east-1';
export const TEST_ACCOUNT = '123456789012';
const CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };

// Runs moto.server as `python3 -m moto.server` would, and exits when stdin closes so that a test process
// killed without running its exit handlers still takes moto down with it.
const LAUNCHER = `
import os, runpy, sys, threading
def watch():
    try:
        while sys.stdin.buffer.read(4096):
            pass
    finally:
        os._exit(0)
threading.Thread(target=watch, daemon=True).start()
if os.environ.get('TESTBED_LOGS_ANY_TIME') == '1':
    import datetime, moto.logs.models as logs
    # PutLogEvents' window (14 days back, 2 hours ahead) is the only use of timedelta there: widen it.
    logs.timedelta = lambda **_: datetime.timedelta(days=36500)
sys.argv = ['moto.server'] + sys.argv[1:]
runpy.run_module('moto.server', run_name='__main__', alter_sys=True)
`;

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function post(url: string, body?: unknown): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`POST ${url} answered ${res.status}`);
}

export interface StartMotoOptions {
  /**
   * Extra environment of the moto process, read by moto as it serves, e.g. MOTO_ECS_SERVICE_RUNNING
   * (see ecs.ts). It holds for the life of the server: reset() does not change it.
   */
  env?: Record<string, string>;
  /**
   * PutLogEvents takes events of any time. AWS (and moto) drop events older than 14 days or over 2 hours ahead
   * of the real clock; a simulation of weeks that runs in seconds writes far outside that window.
   */
  logsAnyTime?: boolean;
}

async function launch(opts: StartMotoOptions = {}): Promise<Moto> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('python3', ['-c', LAUNCHER, '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['pipe', 'ignore', 'pipe'],
    env: {
      ...process.env,
      ...opts.env,
      PYTHONUNBUFFERED: '1',
      ...(opts.logsAnyTime && { TESTBED_LOGS_ANY_TIME: '1' }),
    },
  });
  running.add(child);
  installExitHook();
  // moto logs every request to stderr: keep draining it (a full pipe would block the server) and keep the tail.
  let log = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => {
    log = (log + d).slice(-8000);
  });
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      running.delete(child);
      resolve();
    });
  });
  child.once('error', (err) => {
    log += `\n${err.message}`;
  });

  const stop = async (): Promise<void> => {
    if (exited) return;
    child.ref();
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exitPromise;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`moto exited (${exited.code ?? exited.signal}) before answering:\n${log}`);
    try {
      const res = await fetch(`${url}/moto-api/`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`moto did not answer on ${url} within 30s:\n${log}`);
      }
      await sleep(100);
    }
  }
  // Leave the event loop free: a test that forgets stop() must not hang, and the exit hook still kills moto.
  child.unref();
  child.stdin!.on('error', () => {});
  (child.stdin as unknown as { unref?: () => void }).unref?.();
  (child.stderr as unknown as { unref?: () => void }).unref?.();

  const moto: Moto = {
    url,
    port,
    async reset() {
      await post(`${url}/moto-api/reset`);
      await post(`${url}/moto-api/config`, { lambda: { use_docker: false } });
    },
    stop,
  };
  await moto.reset();
  return moto;
}

export async function startMoto(opts: StartMotoOptions = {}): Promise<Moto> {
  let lastError: unknown;
  // The free port can be taken between the probe and moto's bind; try again on a new one.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await launch(opts);
    } catch (err) {
      lastError = err;
      if (!String(err).includes('Address already in use')) break;
    }
  }
  throw lastError;
}

/**
 * Sets these variables in this process, as in-process runs build their SDK clients from its environment the way
 * the bundles do from theirs; returns what puts the old values back.
 */
export function setProcessEnv(env: Record<string, string>): () => void {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

/** Environment for a process whose SDK clients must reach only the emulator, never ~/.aws or IMDS. */
export function awsTestEnv(endpointUrl: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL: endpointUrl,
    AWS_REGION: TEST_REGION,
    AWS_DEFAULT_REGION: TEST_REGION,
    AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: devNull,
    AWS_SHARED_CREDENTIALS_FILE: devNull,
  };
}

/** Options for SDK clients created inside the test process. */
export function clientConfig(endpoint: string, extra: { maxAttempts?: number } = {}) {
  return { endpoint, region: TEST_REGION, credentials: CREDENTIALS, ...extra };
}

export const DEFAULT_HANDLER_CODE = 'export const handler = async (event) => event;\n';

export interface CreateFunctionOptions {
  name: string;
  /** Role name (created with a Lambda trust policy when missing) or role ARN. Default `lambda-test-role`. */
  role?: string;
  runtime?: string;
  code?: Buffer;
  deadLetterArn?: string;
  description?: string;
  publish?: boolean;
}

const TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

export async function ensureLambdaRole(endpoint: string, roleName = 'lambda-test-role'): Promise<string> {
  const iam = new IAMClient(clientConfig(endpoint));
  try {
    return (await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role!.Arn!;
  } catch (err) {
    if (!(err instanceof NoSuchEntityException)) throw err;
    const out = await iam.send(
      new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: TRUST_POLICY, Path: '/' }),
    );
    return out.Role!.Arn!;
  } finally {
    iam.destroy();
  }
}

export async function createLambdaFunction(
  endpoint: string,
  opts: CreateFunctionOptions,
): Promise<CreateFunctionCommandOutput> {
  const roleArn = opts.role?.startsWith('arn:') ? opts.role : await ensureLambdaRole(endpoint, opts.role);
  const lambda = new LambdaClient(clientConfig(endpoint));
  try {
    return await lambda.send(
      new CreateFunctionCommand({
        FunctionName: opts.name,
        Role: roleArn,
        Runtime: (opts.runtime ?? 'nodejs20.x') as Runtime,
        Handler: 'index.handler',
        Code: { ZipFile: opts.code ?? makeZip({ 'index.mjs': DEFAULT_HANDLER_CODE }) },
        Description: opts.description,
        Publish: opts.publish,
        DeadLetterConfig: opts.deadLetterArn ? { TargetArn: opts.deadLetterArn } : undefined,
      }),
    );
  } finally {
    lambda.destroy();
  }
}

/**
 * Scripts the next results of Invoke in moto's no-Docker mode (consumed in order, then it echoes again).
 * Without a scripted result, Invoke returns 200 with the request payload echoed back and no FunctionError.
 */
export async function queueLambdaResults(motoUrl: string, results: string[], region = TEST_REGION) {
  await post(`${motoUrl}/moto-api/static/lambda-simple/response`, {
    results,
    region,
    account_id: TEST_ACCOUNT,
  });
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A deterministic .zip (stored, no compression) following PKWARE's APPNOTE section 4.3. */
export function makeZip(files: Record<string, string | Uint8Array>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const dosTime = 0; // 00:00:00
  const dosDate = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  for (const [name, content] of Object.entries(files)) {
    const nameBuf = Buffer.from(name, 'utf8');
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const crc = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBuf, data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the mode below is read
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt16LE(0, 30); // extra
    central.writeUInt16LE(0, 32); // comment
    central.writeUInt16LE(0, 34); // disk
    central.writeUInt16LE(0, 36); // internal attrs
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuf);

    offset += local.length + nameBuf.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const count = Object.keys(files).length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...locals, ...centrals, end]);
}
