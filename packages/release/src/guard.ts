// The production guard (`require-environment`): before anything opens an AWS client, the step proves that its
// job runs under the named GitHub environment (the `environment` claim of the job's OIDC token) and that the
// environment makes a person approve the job (a required_reviewers protection rule), and it tells who
// approved. It is a guard rail that explains itself, not the control: the control is the AWS role's trust
// policy on `sub: repo:<owner>/<repo>:environment:<name>` (README, "Production guard").
//
// Plain fetch, not Octokit: the three actions that may use it load no GitHub client unless asked to. The
// proxy-aware one, so that the OIDC token and GitHub requests honour the runner's proxy settings.
import {
  DeployError,
  InputError,
  proxyFetch,
  readGitHubAccess,
  table,
  type Fetch,
  type InputReader,
  type Runtime,
} from '@deploy-actions/core';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** The audience asked for: a token for this check alone, which no cloud provider's trust policy accepts. */
export const GUARD_AUDIENCE = 'deploy-actions-require-environment';
const NOTHING_DONE = 'Nothing was changed in AWS.';

export interface GuardConfig {
  /** The GitHub environment the job must run under. */
  environment: string;
  token: string;
  owner: string;
  repo: string;
}

export interface Approval {
  login: string;
  comment: string;
}

export interface GuardResult {
  environment: string;
  approvals: Approval[];
}

export interface GuardDeps {
  fetch?: typeof fetch;
}

/**
 * A GitHub environment name as GitHub accepts one: at most 255 characters
 * (https://docs.github.com/en/actions/reference/workflows-and-actions/deployments-and-environments), one line,
 * no empty part between slashes (`prod//eu`, `/prod`, `prod/`: GitHub would store another name).
 */
export function parseEnvironmentName(value: string, input = 'require-environment'): string {
  if (value === '') throw new InputError(input, value, 'must name a GitHub environment, such as production');
  if (value.length > 255)
    throw new InputError(input, value, `must be at most 255 characters (got ${value.length})`);
  if (CONTROL.test(value))
    throw new InputError(input, value, 'must be a GitHub environment name: one line, no control characters');
  if (value.split('/').some((part) => part.trim() === '')) {
    throw new InputError(
      input,
      value,
      'must be a GitHub environment name: no empty or blank part before, between or after slashes',
    );
  }
  return value;
}

/** The guard's inputs, checked with the step's other inputs; undefined when require-environment is not given. */
export function readGuardConfig(inputs: InputReader): GuardConfig | undefined {
  // Read raw (multi-line allowed) so that a control character gets the environment-name message.
  const raw = inputs.text('require-environment', { multiline: true });
  if (raw === '') return undefined;
  const environment = parseEnvironmentName(raw);
  const access = readGitHubAccess(inputs, {
    token: 'with require-environment: a token with "actions: read" (the job token by default)',
    repository: 'the repository whose environment require-environment names',
  });
  return { environment, ...access };
}

/** The claims of a JWT, unverified: its middle part, base64url JSON (RFC 7519). */
export function decodeJwtPayload(jwt: string): Record<string, unknown> {
  const parts = jwt.split('.');
  if (parts.length !== 3 || !/^[A-Za-z0-9_-]+$/.test(parts[1]!)) throw new Error('not a JSON Web Token');
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  } catch {
    throw new Error('the JSON Web Token payload is not JSON');
  }
  if (!claims || typeof claims !== 'object' || Array.isArray(claims))
    throw new Error('the JSON Web Token payload is not an object');
  return claims as Record<string, unknown>;
}

/** The URL the runner gives for an ID token, with the audience set (it already carries api-version). */
export function idTokenUrl(requestUrl: string, audience = GUARD_AUDIENCE): string {
  const url = new URL(requestUrl);
  url.searchParams.set('audience', audience);
  return url.toString();
}

/** Environment names are not case sensitive on GitHub. */
export function sameEnvironment(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function settingsUrl(env: Runtime['env'], owner: string, repo: string): string {
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  return `${server}/${owner}/${repo}/settings/environments`;
}

/** What to do when the environment lets jobs run unapproved: the settings page, or the API through gh. */
export function configureHint(env: Runtime['env'], cfg: GuardConfig): string {
  const path = `repos/${cfg.owner}/${cfg.repo}/environments/${encodeURIComponent(cfg.environment)}`;
  return (
    `Add required reviewers to environment "${cfg.environment}" at ${settingsUrl(env, cfg.owner, cfg.repo)} ` +
    `(Deployment protection rules, Required reviewers), or with the GitHub CLI: ` +
    `echo '{"reviewers":[{"type":"User","id":USER_ID}]}' | gh api --method PUT ${path} --input - ` +
    `(USER_ID from: gh api users/LOGIN --jq .id; type Team with a team id works too).`
  );
}

/** True when the environment (GET /repos/{owner}/{repo}/environments/{name}) has required reviewers. */
export function hasRequiredReviewers(environment: unknown): boolean {
  const rules = (environment as { protection_rules?: unknown } | null)?.protection_rules;
  return Array.isArray(rules) && rules.some((r) => (r as { type?: unknown })?.type === 'required_reviewers');
}

/** The approvals of `environment` in a run's review log (GET .../actions/runs/{run_id}/approvals). */
export function approvalsOf(reviews: unknown, environment: string): Approval[] {
  if (!Array.isArray(reviews)) return [];
  const out: Approval[] = [];
  for (const r of reviews as {
    state?: unknown;
    user?: { login?: unknown } | null;
    comment?: unknown;
    environments?: { name?: unknown }[];
  }[]) {
    if (r?.state !== 'approved') continue;
    const names = (r.environments ?? []).map((e) => String(e?.name ?? ''));
    if (!names.some((n) => sameEnvironment(n, environment))) continue;
    const login = typeof r.user?.login === 'string' ? r.user.login : '';
    if (login) out.push({ login, comment: typeof r.comment === 'string' ? r.comment : '' });
  }
  return out;
}

/** The approvers' logins, comma separated, each once: the approved-by output. */
export function approvedBy(approvals: Approval[]): string {
  return [...new Set(approvals.map((a) => a.login))].join(',');
}

/** The job summary section: the environment and who approved, with their comments. */
export function guardSummary(result: GuardResult): string {
  const rows = result.approvals.map((a) => [
    `@${a.login}`,
    a.comment.replace(/\s+/g, ' ').trim() || '(none)',
  ]);
  return [
    `### Production guard: environment ${result.environment}`,
    '',
    rows.length
      ? table(['approved by', 'comment'], rows)
      : 'No approval of this environment is recorded for this run.',
    '',
  ].join('\n');
}

/** The `environment` claim of the job's OIDC token, requested as the runner documents it. */
export async function jobEnvironment(
  rt: Pick<Runtime, 'env' | 'setSecret'>,
  environment: string,
  doFetch: Fetch,
): Promise<string | undefined> {
  const requestUrl = rt.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestToken = rt.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!requestUrl || !requestToken) {
    throw new DeployError(
      `require-environment ${environment}: the job cannot request an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set); give the job "permissions: id-token: write" and "environment: ${environment}". ${NOTHING_DONE}`,
    );
  }
  const res = await doFetch(idTokenUrl(requestUrl), {
    headers: { authorization: `bearer ${requestToken}`, accept: 'application/json; api-version=2.0' },
  }).catch((err: unknown) => {
    throw new DeployError(
      `require-environment ${environment}: the OIDC token request failed (${String((err as Error)?.message ?? err)}). ${NOTHING_DONE}`,
    );
  });
  if (!res.ok) {
    throw new DeployError(
      `require-environment ${environment}: the OIDC token request answered ${res.status}; the job needs "permissions: id-token: write". ${NOTHING_DONE}`,
    );
  }
  const body = (await res.json().catch(() => undefined)) as { value?: unknown } | undefined;
  if (typeof body?.value !== 'string') {
    throw new DeployError(
      `require-environment ${environment}: the OIDC token answer has no value. ${NOTHING_DONE}`,
    );
  }
  rt.setSecret?.(body.value);
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwtPayload(body.value);
  } catch (err) {
    throw new DeployError(`require-environment ${environment}: ${(err as Error).message}. ${NOTHING_DONE}`);
  }
  return typeof claims.environment === 'string' && claims.environment !== '' ? claims.environment : undefined;
}

async function githubGet(
  rt: Pick<Runtime, 'env'>,
  cfg: GuardConfig,
  path: string,
  doFetch: Fetch,
): Promise<{ status: number; body: unknown }> {
  const api = (rt.env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const res = await doFetch(`${api}${path}`, {
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${cfg.token}`,
      'x-github-api-version': '2022-11-28',
      'user-agent': 'deploy-actions',
    },
  }).catch((err: unknown) => {
    throw new DeployError(
      `require-environment ${cfg.environment}: GET ${path} failed (${String((err as Error)?.message ?? err)}). ${NOTHING_DONE}`,
    );
  });
  return { status: res.status, body: await res.json().catch(() => undefined) };
}

/** Both checks and the approvals; throws a DeployError that says what to change when a check fails. */
export async function checkGuard(
  rt: Pick<Runtime, 'env' | 'setSecret' | 'warning'>,
  cfg: GuardConfig,
  deps: GuardDeps = {},
): Promise<GuardResult> {
  const doFetch = deps.fetch ?? proxyFetch;
  const name = cfg.environment;
  const claimed = await jobEnvironment(rt, name, doFetch);
  if (claimed === undefined || !sameEnvironment(claimed, name)) {
    throw new DeployError(
      `require-environment ${name}: this job runs ${claimed === undefined ? 'under no environment' : `under environment "${claimed}"`} (the environment claim of its OIDC token), not "${name}"; add "environment: ${name}" to the job. ${NOTHING_DONE}`,
    );
  }
  const repo = `/repos/${cfg.owner}/${cfg.repo}`;
  const env = await githubGet(rt, cfg, `${repo}/environments/${encodeURIComponent(name)}`, doFetch);
  if (env.status === 404) {
    throw new DeployError(
      `require-environment ${name}: ${cfg.owner}/${cfg.repo} has no environment "${name}" that this token can read. ${configureHint(rt.env, cfg)} ${NOTHING_DONE}`,
    );
  }
  if (env.status !== 200) {
    throw new DeployError(
      `require-environment ${name}: reading the environment answered ${env.status}; github-token needs "actions: read". ${NOTHING_DONE}`,
    );
  }
  if (!hasRequiredReviewers(env.body)) {
    throw new DeployError(
      `require-environment ${name}: environment "${name}" has no required reviewers, so nobody approved this job. ${configureHint(rt.env, cfg)} ${NOTHING_DONE}`,
    );
  }
  const runId = rt.env.GITHUB_RUN_ID;
  let approvals: Approval[] = [];
  if (!runId || !/^\d+$/.test(runId)) {
    rt.warning('GITHUB_RUN_ID is not set: who approved this run is unknown.');
  } else {
    const reviews = await githubGet(rt, cfg, `${repo}/actions/runs/${runId}/approvals`, doFetch);
    if (reviews.status !== 200) {
      rt.warning(
        `Reading who approved run ${runId} answered ${reviews.status} (github-token needs "actions: read"); approved-by stays empty.`,
      );
    } else {
      approvals = approvalsOf(reviews.body, name);
      if (approvals.length === 0) {
        rt.warning(
          `No approval of environment "${name}" is recorded for run ${runId} (an administrator may have bypassed the protection rules).`,
        );
      }
    }
  }
  return { environment: claimed, approvals };
}

/**
 * Runs the guard when require-environment is given: the checks, then the approved-by output and the summary
 * section. Call it after the step's inputs are read and before any AWS client is opened.
 */
export async function enforceGuard(
  rt: Runtime,
  cfg: GuardConfig | undefined,
  deps: GuardDeps = {},
): Promise<GuardResult | undefined> {
  if (!cfg) return undefined;
  const result = await checkGuard(rt, cfg, deps);
  const who = approvedBy(result.approvals);
  rt.setOutput('approved-by', who);
  rt.info(
    `require-environment ${cfg.environment}: the job runs under it, with required reviewers${who ? `; approved by ${who}` : ''}.`,
  );
  await rt.summary(guardSummary(result));
  return result;
}

// A GitHub login: letters, digits and single hyphens inside, at most 39 characters (apps end in [bot]).
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/;

/**
 * record-history's `approved-by`: the approved-by output of a guarded step, logins separated by commas;
 * undefined when empty.
 */
export function parseApprovedBy(value: string, input = 'approved-by'): string | undefined {
  if (value === '') return undefined;
  const logins = value.split(',').map((s) => s.trim());
  if (value.length > 1000 || logins.some((l) => !LOGIN.test(l))) {
    throw new InputError(
      input,
      value,
      'must be GitHub logins separated by commas (the approved-by output of a step with require-environment)',
    );
  }
  return [...new Set(logins)].join(',');
}
