// Where the bearer token of every call comes from: the access-token input, else Application Default
// Credentials as google-github-actions/auth writes them (an external_account file named by
// GOOGLE_APPLICATION_CREDENTIALS: https://cloud.google.com/iam/docs/workload-identity-federation-with-deployment-pipelines).
import { inputVariable } from '@deploy-actions/core/actions-runtime';
import type { CloudRunConfig } from './inputs';

export type TokenSource = () => Promise<string>;

const SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
/** The token of the step's input, kept out of the config: the config is saved as state for the post step. */
const given = new WeakMap<CloudRunConfig, string>();

export function holdToken(cfg: CloudRunConfig, token: string): void {
  if (token) given.set(cfg, token);
}

/**
 * The post step reads its config back from saved state, without the token; the runner gives post steps the
 * step's inputs again, so the token is read from there.
 */
function tokenOf(cfg: CloudRunConfig): string {
  return given.get(cfg) ?? (process.env[inputVariable('access-token')] ?? '').trim();
}

export function tokenSource(cfg: CloudRunConfig): TokenSource {
  if (cfg.auth === 'access-token') {
    return async () => {
      const token = tokenOf(cfg);
      if (!token) throw new Error('access-token was given to the main step but is not available now');
      return token;
    };
  }
  let client: Promise<{ getAccessToken(): Promise<{ token?: string | null }> }> | undefined;
  return async () => {
    // google-auth-library loads only now, after every input was checked, and only for this target.
    client ??= import('google-auth-library').then(({ GoogleAuth }) =>
      // The project is known: no lookup of it through Resource Manager.
      new GoogleAuth({ scopes: [SCOPE], projectId: cfg.project }).getClient(),
    );
    const { token } = await (await client).getAccessToken();
    if (!token) throw new Error('Application Default Credentials gave no access token');
    return token;
  };
}
