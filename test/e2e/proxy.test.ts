// A self-hosted runner behind a proxy, through the bundles: with HTTP_PROXY set (the test bed's endpoints are
// plain http on 127.0.0.1), every AWS call (moto behind the fault proxy) and every GitHub call (the OIDC token,
// the environment check, Deployments) goes through a local forward proxy, and so do the Slack webhook and the
// HTTP probe; a host that NO_PROXY lists is reached directly; with AWS and GitHub on https, HTTPS_PROXY carries
// them in CONNECT tunnels. The runner emulation starts each step from a fixed environment, not this
// process's, so the proxy variables are exactly the ones each test gives.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTableInput } from '@deploy-actions/history/dynamodb';
import { ForwardProxy } from '@deploy-actions/testbed/forward-proxy';
import { startGitHub, type GitHubServer } from '@deploy-actions/testbed/github';
import { clientConfig } from '@deploy-actions/testbed/moto';
import { nodeBinaries } from '@deploy-actions/testbed/node24';
import { startOidc, type OidcServer } from '@deploy-actions/testbed/oidc';
import { startSlack, type SlackReceiver } from '@deploy-actions/testbed/slack';
import { selfSignedCertificate, startTlsFront, type Certificate } from '@deploy-actions/testbed/tls-front';
import { ok, useBed } from './bed';

const TABLE = 'deployments';
const TOKEN = 'ghs_proxy_job_token';
const RUN_ID = 1000;
const bed = useBed();
let forward: ForwardProxy;
let gh: GitHubServer;
let oidc: OidcServer;
let slack: SlackReceiver;
let site: Server;
let siteUrl: string;
let probes = 0;
let certificate: Certificate;

const hostOf = (url: string) => new URL(url).host;

beforeAll(async () => {
  forward = await ForwardProxy.start();
  gh = await startGitHub({ owner: 'octo-org', repo: 'orders-service', token: TOKEN });
  oidc = await startOidc();
  slack = await startSlack();
  certificate = selfSignedCertificate();
  // What the health gate probes: the deployment's API.
  site = createServer((_req, res) => {
    probes++;
    res.end('ok');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/health`;
});
afterAll(async () => {
  await forward?.stop();
  await gh?.stop();
  await oidc?.stop();
  await slack?.stop();
  await new Promise((resolve) => site?.close(resolve));
});
beforeEach(async () => {
  forward.clear();
  forward.refuse = false;
  gh.calls.length = 0;
  oidc.requests.length = 0;
  slack.clear();
  probes = 0;
  gh.setEnvironment('production', { reviewers: ['alice'] });
  gh.setApprovals(RUN_ID, [{ login: 'alice', environments: ['production'], comment: 'Ship it!' }]);
  const ddb = new DynamoDBClient(clientConfig(bed.moto.url));
  await ddb.send(new CreateTableCommand(createTableInput(TABLE)));
  ddb.destroy();
});

/** A production job on the runner, with these proxy variables (and endpoints, when given). */
const job = (env: Record<string, string>) => ({
  githubToken: TOKEN,
  env: { GITHUB_API_URL: gh.url, ...env },
  idToken: oidc.forJob({ environment: 'production', repository: 'octo-org/orders-service' }),
});

/**
 * Deploy under the production guard, record it in both histories with a Slack notice, then probe it; returns
 * how many AWS calls reached moto (the fault proxy counts each step's calls).
 */
async function release(node: string, env: Record<string, string>): Promise<number> {
  const ctx = job(env);
  let awsCalls = 0;
  const step = async (action: string, inputs: Record<string, string>) => {
    const r = await bed.run(action, node, inputs, ctx);
    ok(r);
    awsCalls += bed.proxy.calls.length;
    return r.outputs;
  };
  const deployed = await step('deploy-green', { 'zip-file': bed.zip(), 'require-environment': 'production' });
  expect(deployed['approved-by']).toBe('alice');
  await step('record-history', {
    backend: 'github,dynamodb',
    environment: 'production',
    status: 'started',
    'dynamodb-table': TABLE,
    'green-version': deployed['green-version']!,
    'slack-webhook-url': slack.url,
    'notify-on': 'all',
  });
  const gate = await step('health-gate', { 'http-url': siteUrl, 'on-inconclusive': 'pass' });
  expect(gate.healthy).toBe('true');
  return awsCalls;
}

/** How many requests went to each host:port through the forward proxy. */
function throughProxy(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of forward.requests) out[r.target] = (out[r.target] ?? 0) + 1;
  return out;
}

describe.each(nodeBinaries())('behind a proxy on $name', ({ path: node }) => {
  it('sends every AWS and GitHub call through HTTP_PROXY, and the release goes on as without it', async () => {
    const aws = await release(node, { HTTP_PROXY: forward.url });

    const github = gh.calls.length;
    expect(aws).toBeGreaterThan(0);
    expect(github).toBeGreaterThan(0);
    expect(oidc.requests).toHaveLength(1);
    expect(slack.posts).toHaveLength(1);
    expect(probes).toBe(3);
    // Each call that reached a server came through the proxy: one proxied request per call.
    expect(throughProxy()).toEqual({
      [hostOf(bed.proxy.url)]: aws,
      [hostOf(gh.url)]: github,
      [hostOf(oidc.url)]: 1,
      [hostOf(slack.url)]: 1,
      [hostOf(siteUrl)]: 3,
    });
    expect(forward.requests.every((r) => !r.refused)).toBe(true);
  });

  it('reaches a host that NO_PROXY lists directly, and the others still through the proxy', async () => {
    const github = hostOf(gh.url);
    await release(node, { http_proxy: forward.url, no_proxy: `localhost,${github}` });

    expect(gh.calls.length).toBeGreaterThan(0);
    expect(Object.keys(throughProxy()).sort()).toEqual(
      [hostOf(bed.proxy.url), hostOf(oidc.url), hostOf(slack.url), hostOf(siteUrl)].sort(),
    );
  });

  it('never touches a proxy that refuses everything when NO_PROXY covers the hosts', async () => {
    forward.refuse = true;
    const aws = await release(node, { HTTP_PROXY: forward.url, NO_PROXY: '127.0.0.1' });

    expect(aws).toBeGreaterThan(0);
    expect(gh.calls.length).toBeGreaterThan(0);
    expect(forward.requests).toEqual([]);
  });

  it('sends https calls to AWS and GitHub through HTTPS_PROXY in CONNECT tunnels', async () => {
    const aws = await startTlsFront(bed.proxy.url, certificate);
    const github = await startTlsFront(gh.url, certificate);
    try {
      const calls = await release(node, {
        AWS_ENDPOINT_URL: aws.url,
        GITHUB_API_URL: github.url,
        NODE_EXTRA_CA_CERTS: certificate.certFile,
        HTTPS_PROXY: forward.url,
      });

      expect(calls).toBeGreaterThan(0);
      expect(gh.calls.length).toBeGreaterThan(0);
      // Tunnels to the two https hosts only: the http ones (OIDC, Slack, the probe) have no HTTP_PROXY.
      expect(forward.requests.every((r) => r.method === 'CONNECT')).toBe(true);
      expect(forward.targets().sort()).toEqual([hostOf(aws.url), hostOf(github.url)].sort());
    } finally {
      await aws.stop();
      await github.stop();
    }
  });
});
