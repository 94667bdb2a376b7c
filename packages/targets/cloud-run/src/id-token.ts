// The Google-signed ID token of http-id-token, for a probe of a service that requires authentication. Its
// audience is the service's run.app URL, which every URL of the service (tags included) accepts:
// https://cloud.google.com/run/docs/configuring/custom-audiences
// Minted by IAM Credentials generateIdToken for a service account
// (https://cloud.google.com/iam/docs/reference/credentials/rest/v1/projects.serviceAccounts/generateIdToken).
import { readFileSync } from 'node:fs';
import { DeployError, type Clock } from '@deploy-actions/core';
import type { Http } from './api';
import type { CloudRunConfig } from './inputs';
import type { RunApi } from './run-api';

const IAM_CREDENTIALS = 'https://iamcredentials.googleapis.com';
// ID tokens last an hour; a fresh one well before that.
const REUSE_MS = 45 * 60_000;

/** Whatever mints the token: google-auth-library's clients that can, or the access token's call. */
interface Minter {
  fetchIdToken(audience: string): Promise<string>;
}

/** A token source for the service's URL; the token is reused for 45 minutes. */
export function idTokenSource(cfg: CloudRunConfig, api: RunApi, http: Http, clock: Clock) {
  let cached: { token: string; until: number } | undefined;
  let audience: string | undefined;
  return async (): Promise<string> => {
    if (cached && clock.now() < cached.until) return cached.token;
    audience ??= (await api.getService())?.uri;
    if (!audience) throw new DeployError(`Service ${cfg.service} has no URL yet: no ID token to mint for it`);
    const minter = cfg.auth === 'access-token' ? withAccessToken(cfg, http) : await withAdc(cfg);
    const token = await minter.fetchIdToken(audience);
    cached = { token, until: clock.now() + REUSE_MS };
    return token;
  };
}

/** access-token: the token calls generateIdToken for service-account (required with it at input time). */
function withAccessToken(cfg: CloudRunConfig, http: Http): Minter {
  const account = cfg.idToken!.serviceAccount!;
  return {
    fetchIdToken: async (audience) =>
      (
        await http.call<{ token: string }>(
          'POST',
          `${IAM_CREDENTIALS}/v1/projects/-/serviceAccounts/${account}:generateIdToken`,
          { body: { audience, includeEmail: true }, what: `mint an ID token of ${account}` },
        )
      ).token,
  };
}

interface ExternalAccountJson {
  type?: string;
  service_account_impersonation_url?: string;
  [key: string]: unknown;
}

/**
 * Application Default Credentials. An external_account file (Workload Identity Federation, as
 * google-github-actions/auth writes it) mints with its federated token for the service account it impersonates,
 * as that action's id_token output does; other credentials (a key, the metadata server) mint their own.
 */
async function withAdc(cfg: CloudRunConfig): Promise<Minter> {
  const { ExternalAccountClient, GoogleAuth, Impersonated } = await import('google-auth-library');
  const file = process.env.GOOGLE_APPLICATION_CREDENTIALS;
  const json = file ? (JSON.parse(readFileSync(file, 'utf8')) as ExternalAccountJson) : undefined;
  if (json?.type !== 'external_account') {
    const client = await new GoogleAuth({ projectId: cfg.project }).getClient();
    if (!('fetchIdToken' in client))
      throw new DeployError('http-id-token: these Application Default Credentials cannot mint an ID token');
    return client as unknown as Minter;
  }
  const { service_account_impersonation_url: impersonation, ...federated } = json;
  const account = cfg.idToken?.serviceAccount ?? accountOf(impersonation);
  if (!account) {
    throw new DeployError(
      'http-id-token: the Application Default Credentials act as a Workload Identity Federation principal, which has no ID token: give service-account (a service account it may impersonate), or authenticate with service_account in google-github-actions/auth',
    );
  }
  const source = ExternalAccountClient.fromJSON(federated as never);
  if (!source) throw new DeployError('http-id-token: the external_account credentials could not be read');
  const endpoint = impersonation ? new URL(impersonation).origin : IAM_CREDENTIALS;
  return new Impersonated({ sourceClient: source, targetPrincipal: account, endpoint });
}

/** The email in .../serviceAccounts/EMAIL:generateAccessToken. */
function accountOf(url: string | undefined): string | undefined {
  return url ? /serviceAccounts\/([^/:]+):generateAccessToken$/.exec(url)?.[1] : undefined;
}
