// The third-party actions the shipped workflows use, done locally: each does the part of its job the release
// depends on (a checkout, Node on PATH, an artifact, OIDC credentials from STS) and refuses inputs it does not
// know. A ref that is not listed here is refused by the step runner.
import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { node24Path } from '../node24';

export interface StandInJob {
  workspace: string;
  /** This run's artifact store: one folder per artifact name. */
  artifacts: string;
  sha: string;
  /** The job's OIDC request variables, when it has id-token: write. */
  idToken?: { url: string; token: string };
  motoUrl: string;
  checkout(ref: string): string;
}

export interface StandInResult {
  outputs?: Record<string, string>;
  exportEnv?: Record<string, string>;
  addPath?: string[];
  log: string;
}

type StandIn = {
  inputs: string[];
  run(w: Record<string, string>, job: StandInJob): Promise<StandInResult>;
};

function inside(root: string, rel: string): string {
  const path = resolve(root, rel);
  if (path !== root && !path.startsWith(`${root}/`)) throw new Error(`path ${rel} leaves the workspace`);
  return path;
}

async function assumeRole(w: Record<string, string>, job: StandInJob): Promise<StandInResult> {
  if (!job.idToken) {
    throw new Error('configure-aws-credentials: no OIDC token; the job needs permissions: id-token: write');
  }
  const tokenUrl = `${job.idToken.url}&audience=sts.amazonaws.com`;
  const answer = await fetch(tokenUrl, { headers: { authorization: `bearer ${job.idToken.token}` } });
  if (!answer.ok) throw new Error(`configure-aws-credentials: OIDC token request answered ${answer.status}`);
  const { value } = (await answer.json()) as { value: string };
  // AssumeRoleWithWebIdentity is an unsigned call: the token is the credential.
  const form = new URLSearchParams({
    Action: 'AssumeRoleWithWebIdentity',
    Version: '2011-06-15',
    RoleArn: w['role-to-assume']!,
    RoleSessionName: 'GitHubActions',
    WebIdentityToken: value,
  });
  const res = await fetch(job.motoUrl, { method: 'POST', body: form });
  const xml = await res.text();
  const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? '';
  if (!res.ok || !tag('AccessKeyId'))
    throw new Error(`configure-aws-credentials: STS answered ${res.status}: ${xml}`);
  const region = w['aws-region']!;
  return {
    exportEnv: {
      AWS_ACCESS_KEY_ID: tag('AccessKeyId'),
      AWS_SECRET_ACCESS_KEY: tag('SecretAccessKey'),
      AWS_SESSION_TOKEN: tag('SessionToken'),
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
    },
    outputs: { 'aws-account-id': w['role-to-assume']!.split(':')[4] ?? '' },
    log: `assumed ${w['role-to-assume']} with the job's OIDC token (${region})`,
  };
}

const STAND_INS: Record<string, StandIn> = {
  'actions/checkout@v5': {
    inputs: ['ref', 'persist-credentials'],
    run: async (w, job) => {
      const ref = w.ref || job.sha;
      cpSync(job.checkout(ref), job.workspace, { recursive: true });
      return { log: `checked out ${ref}` };
    },
  },
  'actions/setup-node@v5': {
    inputs: ['node-version'],
    run: async (w) => {
      if (w['node-version'] !== '24')
        throw new Error(`setup-node: only Node 24 is here, not ${w['node-version']}`);
      // Node 24 is the one scripts/ensure-node24.mjs fetches into .cache/; before that, this Node builds.
      try {
        return { addPath: [dirname(node24Path())], log: 'Node 24 on PATH' };
      } catch {
        return {
          addPath: [dirname(process.execPath)],
          log: `Node 24 is not in .cache/: Node ${process.version} on PATH`,
        };
      }
    },
  },
  'actions/upload-artifact@v6': {
    inputs: ['name', 'path', 'if-no-files-found'],
    run: async (w, job) => {
      const from = inside(job.workspace, w.path!);
      if (!existsSync(from)) {
        if (w['if-no-files-found'] === 'error') throw new Error(`upload-artifact: no files at ${w.path}`);
        return { log: `nothing at ${w.path}` };
      }
      const to = join(job.artifacts, w.name!);
      // A single file is stored at the artifact's root, a folder with its contents.
      cpSync(from, statSync(from).isDirectory() ? to : join(to, basename(from)), { recursive: true });
      return { log: `uploaded ${w.path} as ${w.name}` };
    },
  },
  'actions/download-artifact@v6': {
    inputs: ['name', 'path'],
    run: async (w, job) => {
      const from = join(job.artifacts, w.name!);
      if (!existsSync(from)) throw new Error(`download-artifact: no artifact named ${w.name} in this run`);
      const to = inside(job.workspace, w.path || '.');
      mkdirSync(to, { recursive: true });
      cpSync(from, to, { recursive: true });
      return { log: `downloaded ${w.name} (${readdirSync(from).join(', ')}) into ${w.path || '.'}` };
    },
  },
  'aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c': {
    inputs: ['role-to-assume', 'aws-region'],
    run: assumeRole,
  },
};

export function standIn(uses: string): StandIn | undefined {
  return STAND_INS[uses];
}

export async function runStandIn(uses: string, w: Record<string, string>, job: StandInJob) {
  const s = STAND_INS[uses];
  if (!s) throw new Error(`workflow harness: no stand-in for ${uses}`);
  for (const key of Object.keys(w)) {
    if (!s.inputs.includes(key)) throw new Error(`workflow harness: ${uses} stand-in does not take ${key}`);
  }
  return s.run(w, job);
}
