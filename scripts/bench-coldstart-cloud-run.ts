// Cloud Run's part of the cold-start bench (bench-coldstart.ts): shift-traffic's bundle with target cloud-run,
// spawn to its first Admin API request, with the access-token input and with Application Default Credentials
// (an external_account file as google-github-actions/auth writes it, whose GitHub token the stand-in's STS
// exchanges first); and the lazy chunks that hold google-auth-library and the Cloud Run target, by content.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startCloudRun } from '@deploy-actions/testbed/cloud-run';
import { describeBundleFile, ourExports } from './bench-profile';
import { type Arrival, runnerEnv, type Subject, toFirstRequest } from './bench-spawn';

const SERVICE = 'orders';
const FIRST = `Admin API GET services/${SERVICE}`;

/**
 * Notes when a Cloud Run API request arrives and refuses it with Google's INVALID_ARGUMENT, which the client
 * does not retry, so the action fails at once. One child at a time, as for the AWS endpoint.
 */
async function googleEndpoint() {
  let waiting: ((a: Arrival) => void) | undefined;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const at = process.hrtime.bigint();
    req.resume().on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!.replace(/^\/v2\/projects\/[^/]+\/locations\/[^/]+\//, '');
      const api = req.url?.startsWith('/v2/') ? 'Admin API' : 'API';
      const w = waiting;
      waiting = undefined;
      w?.({ at, op: `${api} ${req.method} ${path}` });
      res.writeHead(400, { 'content-type': 'application/json; charset=UTF-8', connection: 'close' });
      const message = 'refused by the cold-start bench';
      res.end(JSON.stringify({ error: { code: 400, message, status: 'INVALID_ARGUMENT' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    next: () => new Promise<Arrival>((resolve) => (waiting = resolve)),
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The two Cloud Run subjects on one build's dist/; stop() ends the endpoint and the stand-in. */
export async function cloudRunSubjects(
  node: string,
  dist: string,
  files: Record<string, string>,
  scratch: string,
): Promise<{ subjects: Subject[]; stop(): Promise<void> }> {
  const endpoint = await googleEndpoint();
  const sts = await startCloudRun();
  const oidc = join(scratch, 'github-oidc-token');
  writeFileSync(oidc, 'github-oidc-token');
  const credentials = join(scratch, 'gha-creds.json');
  // As google-github-actions/auth writes it for Direct Workload Identity Federation.
  writeFileSync(
    credentials,
    JSON.stringify({
      type: 'external_account',
      audience: '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/github/providers/gh',
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_url: `${sts.url}/v1/token`,
      credential_source: { file: oidc },
    }),
  );
  const inputs = {
    target: 'cloud-run',
    service: SERVICE,
    region: sts.region,
    project: sts.project,
    'api-endpoint': endpoint.url,
    'monitoring-endpoint': endpoint.url,
    'green-version': `${SERVICE}-abc1234-1`,
    strategy: 'all-at-once',
  };
  const entry = join(dist, 'shift-traffic', 'index.js');
  const subject = (name: string, env: () => Record<string, string>): Subject => ({
    name,
    until: FIRST,
    run: async () => (await toFirstRequest(node, [entry], env(), endpoint, FIRST)).ms,
  });
  return {
    subjects: [
      subject('shift-traffic, cloud-run, access-token', () =>
        runnerEnv(files, { ...inputs, 'access-token': sts.token }),
      ),
      subject('shift-traffic, cloud-run, ADC external_account', () => ({
        ...runnerEnv(files, inputs),
        GOOGLE_APPLICATION_CREDENTIALS: credentials,
      })),
    ],
    stop: async () => {
      await endpoint.stop();
      await sts.stop();
    },
  };
}

export interface Chunk {
  file: string;
  bytes: number;
  holds: string;
}

/** The lazy chunks of dist/bundle/ that hold google-auth-library, and those that hold the Cloud Run target. */
export function googleChunks(dist: string): { auth: Chunk[]; cloudRun: Chunk[] } {
  const dir = join(dist, 'bundle');
  const names = ourExports();
  const chunks = readdirSync(dir)
    .filter((f) => f.endsWith('.js') && f !== 'index.js')
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      return { file, text, bytes: statSync(join(dir, file)).size, holds: describeBundleFile(text, names) };
    });
  const strip = ({ file, bytes, holds }: Chunk): Chunk => ({ file, bytes, holds });
  return {
    // Its minified code keeps its own name and its external-account client.
    auth: chunks
      .filter((c) => /google-auth-library/.test(c.text) && /ExternalAccountClient/.test(c.text))
      .map(strip),
    cloudRun: chunks.filter((c) => /\bcloud-run\//.test(c.holds)).map(strip),
  };
}
