import { InputError } from './errors';
import type { InputReader } from './inputs';

// owner/name as GitHub spells them; `.` and `..` would change the API path.
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/(?!\.{1,2}$)[A-Za-z0-9._-]{1,100}$/;
// The token goes into an Authorization header: visible ASCII only.
const TOKEN = /^[\x21-\x7e]+$/;

export interface GitHubAccess {
  token: string;
  owner: string;
  repo: string;
}

/**
 * `github-token` and `repository`, checked; `needs` says in the messages what they are for (the token's
 * permission, the repository's role). The token is never echoed.
 */
export function readGitHubAccess(
  inputs: InputReader,
  needs: { token: string; repository: string },
): GitHubAccess {
  const token = inputs.text('github-token');
  if (token === '') throw new InputError('github-token', '', `is required ${needs.token}`);
  if (!TOKEN.test(token)) {
    throw new InputError(
      'github-token',
      '***',
      'must be a GitHub token: visible ASCII characters only, no spaces',
    );
  }
  const repository = inputs.text('repository');
  if (!REPOSITORY.test(repository)) {
    throw new InputError('repository', repository, `must be owner/name, ${needs.repository}`);
  }
  const [owner, repo] = repository.split('/') as [string, string];
  return { token, owner, repo };
}
