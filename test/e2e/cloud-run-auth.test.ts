// A Cloud Run service that requires authentication, probed through the bundles with http-id-token: the probe
// mints a Google-signed ID token for the service URL with the Application Default Credentials that
// google-github-actions/auth writes (Workload Identity Federation impersonating a service account), and the
// tag URL lets it in; without the token the same probe gets 403 and fails the gate.
import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GREEN, GREEN_IMAGE, ok, SERVICE, useCloudRunBed } from './cloud-run-bed';

const bed = useCloudRunBed();
const DEPLOYER = 'deployer@demo-project.iam.gserviceaccount.com';

/** An external_account file as google-github-actions/auth writes it, its URLs on the stand-in. */
function credentials(): Record<string, string> {
  const dir = bed.workspace;
  writeFileSync(join(dir, 'github-oidc.txt'), 'github-oidc-token');
  const file = join(dir, 'gha-creds.json');
  writeFileSync(
    file,
    JSON.stringify({
      type: 'external_account',
      audience:
        '//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/github/providers/repo',
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_url: `${bed.run.url}/v1/token`,
      service_account_impersonation_url: `${bed.run.url}/v1/projects/-/serviceAccounts/${DEPLOYER}:generateAccessToken`,
      credential_source: { file: join(dir, 'github-oidc.txt') },
    }),
  );
  return { GOOGLE_APPLICATION_CREDENTIALS: file };
}

async function privateGreen(): Promise<string> {
  bed.seed({ trafficFollowsLatest: true, requiresAuthentication: true });
  const green = await bed.step('deploy-green', { image: GREEN_IMAGE });
  ok(green);
  return `${green.outputs['green-url']}/health`;
}

const gate = (url: string) => ({ version: GREEN, 'http-url': url, 'http-samples': '2', duration: '0' });

describe('Cloud Run: an HTTP probe of a service that requires authentication', () => {
  it('http-id-token: the probe of the tag URL sends an ID token for the service URL and passes', async () => {
    const url = await privateGreen();
    const r = await bed.step(
      'health-gate',
      { ...gate(url), 'http-id-token': 'true', 'access-token': '' },
      { env: credentials() },
    );
    ok(r);
    expect(r.outputs).toMatchObject({ healthy: 'true', verdict: 'healthy' });
    // Minted once, for the deployer the credentials impersonate, with the service URL as audience.
    expect(bed.run.idTokens()).toEqual([{ audience: bed.run.service(SERVICE)!.uri, email: DEPLOYER }]);
    const served = bed.run.calls.filter((c) => c.api === 'serve').map((c) => `${c.status} ${c.path}`);
    expect(served).toEqual(['200 /health', '200 /health']);
    expect(bed.run.violations()).toEqual([]);
  });

  it('without http-id-token the same probe gets 403 and fails the gate', async () => {
    const url = await privateGreen();
    const r = await bed.step('health-gate', gate(url), { env: credentials() });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ healthy: 'false', verdict: 'unhealthy' });
    expect(r.errors[0]).toMatch(/2 of 2 requests to .*\/health failed: status 403/);
    expect(bed.run.idTokens()).toEqual([]);
  });

  it('shift-traffic probes green with the token after each step and promotes', async () => {
    const url = await privateGreen();
    const r = await bed.step(
      'shift-traffic',
      {
        'green-version': GREEN,
        steps: '50,100',
        'bake-time': '1m',
        'http-url': url,
        'http-id-token': 'true',
        'access-token': '',
      },
      { env: credentials() },
    );
    ok(r);
    expect(r.outputs).toMatchObject({ status: 'promoted', weight: '100' });
    const served = bed.run.calls.filter((c) => c.api === 'serve');
    expect(served.length).toBeGreaterThan(0);
    expect(served.every((c) => c.status === 200)).toBe(true);
  });

  it('with access-token alone there is no service account to mint for: an input error, nothing called', async () => {
    const url = await privateGreen();
    const r = await bed.step('health-gate', { ...gate(url), 'http-id-token': 'true' });
    expect(r.code).toBe(1);
    expect(r.errors[0]).toBe(
      'Input "service-account" is empty: is required with http-id-token and access-token: the service account to mint the ID token for (the service_account of google-github-actions/auth). Nothing was changed in Cloud Run.',
    );
    expect(bed.run.calls).toEqual([]);
  });
});
