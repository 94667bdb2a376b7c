// The token exchanges of Workload Identity Federation, so google-auth-library's external_account credentials
// (as google-github-actions/auth writes them) can run against loopback: STS's token exchange
// (https://cloud.google.com/iam/docs/reference/sts/rest/v1/TopLevel/token) and, with service account
// impersonation, IAM Credentials' generateAccessToken
// (https://cloud.google.com/iam/docs/reference/credentials/rest/v1/projects.serviceAccounts/generateAccessToken).
// IAM Credentials' generateIdToken
// (https://cloud.google.com/iam/docs/reference/credentials/rest/v1/projects.serviceAccounts/generateIdToken)
// mints the ID tokens a service that requires authentication checks (idTokens).
// google-auth-library 11 takes any token_url and service_account_impersonation_url, loopback http included.
import type { Reply } from './errors';

export const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';

/** The ID tokens minted, by token: whom for and until when. */
export type IdTokens = Map<string, { audience: string; email: string; expiresAt: number }>;

/** A JWT in form (header.payload.signature); the stand-in knows its own by the map, not by a signature. */
function idToken(audience: string, email: string, expiresAt: number, n: number): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const payload = {
    iss: 'https://accounts.google.com',
    aud: audience,
    email,
    exp: Math.floor(expiresAt / 1000),
  };
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(payload)}.${Buffer.from(`stand-in-${n}`).toString('base64url')}`;
}

/** Answers POST /v1/token (form-encoded, RFC 8693) with the stand-in's token, or undefined when not STS. */
export function stsReply(
  method: string,
  path: string,
  text: string,
  token: string,
  expiresAt: number,
  idTokens: IdTokens,
): Reply | undefined {
  if (method === 'POST' && path === '/v1/token') {
    const form = new URLSearchParams(text);
    const bad = (error: string, description: string): Reply => ({
      status: 400,
      body: { error, error_description: description },
    });
    if (form.get('grant_type') !== TOKEN_EXCHANGE)
      return bad('unsupported_grant_type', 'Unsupported grant type.');
    if (!form.get('subject_token')) return bad('invalid_request', 'Missing subject_token.');
    if (!form.get('subject_token_type')) return bad('invalid_request', 'Missing subject_token_type.');
    if (!form.get('audience')) return bad('invalid_request', 'Missing audience.');
    return {
      status: 200,
      body: {
        access_token: token,
        issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
        token_type: 'Bearer',
        expires_in: 3600,
      },
    };
  }
  const impersonate = /^\/v1\/projects\/-\/serviceAccounts\/([^/:]+):generateAccessToken$/.exec(path);
  if (method === 'POST' && impersonate) {
    return { status: 200, body: { accessToken: token, expireTime: new Date(expiresAt).toISOString() } };
  }
  const mint = /^\/v1\/projects\/-\/serviceAccounts\/([^/:]+):generateIdToken$/.exec(path);
  if (method === 'POST' && mint) {
    const audience = (JSON.parse(text || '{}') as { audience?: unknown }).audience;
    if (typeof audience !== 'string' || !audience)
      return {
        status: 400,
        body: { error: { code: 400, message: 'Missing audience.', status: 'INVALID_ARGUMENT' } },
      };
    const minted = idToken(audience, decodeURIComponent(mint[1]!), expiresAt, idTokens.size + 1);
    idTokens.set(minted, { audience, email: decodeURIComponent(mint[1]!), expiresAt });
    return { status: 200, body: { token: minted } };
  }
  return undefined;
}
