// What the fake GitHub server's route handlers share: replies, errors, and the JSON GitHub wraps resources in.
import { createHash } from 'node:crypto';
import { DOCS, type CompiledOperation, type FieldError, type OperationId } from './github-openapi';
import type { Json } from './github-types';

export function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function isHttpUrl(s: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export class HttpError extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`);
  }
}

/** Answers one operation: path parameters, query, validated JSON body, the operation, the raw URL. */
export type Handler = (
  p: Record<string, unknown>,
  q: Record<string, unknown>,
  body: Json,
  op: CompiledOperation,
  raw: URL,
) => Reply;

export type Handlers = Record<OperationId, Handler>;

export type RestContext = ReturnType<typeof restContext>;

/** Helpers bound to one server; `setBase` once it listens. */
export function restContext(owner: string, repo: string) {
  let base = '';

  const repoUrl = () => `${base}/repos/${owner}/${repo}`;
  const creator = () => ({
    login: 'github-actions[bot]',
    id: 41898282,
    node_id: 'MDM6Qm90NDE4OTgyODI=',
    avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
    gravatar_id: '',
    url: `${base}/users/github-actions%5Bbot%5D`,
    html_url: 'https://github.com/apps/github-actions',
    followers_url: `${base}/users/github-actions%5Bbot%5D/followers`,
    following_url: `${base}/users/github-actions%5Bbot%5D/following{/other_user}`,
    gists_url: `${base}/users/github-actions%5Bbot%5D/gists{/gist_id}`,
    starred_url: `${base}/users/github-actions%5Bbot%5D/starred{/owner}{/repo}`,
    subscriptions_url: `${base}/users/github-actions%5Bbot%5D/subscriptions`,
    organizations_url: `${base}/users/github-actions%5Bbot%5D/orgs`,
    repos_url: `${base}/users/github-actions%5Bbot%5D/repos`,
    events_url: `${base}/users/github-actions%5Bbot%5D/events{/privacy}`,
    received_events_url: `${base}/users/github-actions%5Bbot%5D/received_events`,
    type: 'Bot',
    site_admin: false,
  });
  const userJson = (login: string, id: number) => {
    const u = `${base}/users/${encodeURIComponent(login)}`;
    return {
      login,
      id,
      node_id: Buffer.from(`04:User${id}`).toString('base64'),
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: '',
      url: u,
      html_url: `https://github.com/${login}`,
      followers_url: `${u}/followers`,
      following_url: `${u}/following{/other_user}`,
      gists_url: `${u}/gists{/gist_id}`,
      starred_url: `${u}/starred{/owner}{/repo}`,
      subscriptions_url: `${u}/subscriptions`,
      organizations_url: `${u}/orgs`,
      repos_url: `${u}/repos`,
      events_url: `${u}/events{/privacy}`,
      received_events_url: `${u}/received_events`,
      type: 'User',
      site_admin: false,
    };
  };
  // A stable made-up user id per login.
  const userId = (login: string) =>
    1000 + (createHash('sha1').update(login).digest().readUInt32BE(0) % 1_000_000);
  const nodeId = (kind: string, id: number) => Buffer.from(`0${kind.length}:${kind}${id}`).toString('base64');

  const notFound = (): never => {
    throw new HttpError({
      status: 404,
      body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
    });
  };

  // GitHub lists newest first and pages with a Link header, which Octokit's paginate follows.
  const page = <T>(
    items: T[],
    query: Record<string, unknown>,
    path: string,
    extra: URLSearchParams,
  ): Reply => {
    const perPage = Math.min(Math.max(Number(query.per_page ?? 30), 1), 100);
    const pageNo = Math.max(Number(query.page ?? 1), 1);
    const last = Math.max(Math.ceil(items.length / perPage), 1);
    const link = (p: number, rel: string) => {
      const q = new URLSearchParams(extra);
      q.set('per_page', String(perPage));
      q.set('page', String(p));
      return `<${base}${path}?${q}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (pageNo < last) links.push(link(pageNo + 1, 'next'), link(last, 'last'));
    if (pageNo > 1) links.push(link(1, 'first'), link(pageNo - 1, 'prev'));
    return {
      status: 200,
      body: items.slice((pageNo - 1) * perPage, pageNo * perPage),
      headers: links.length ? { link: links.join(', ') } : {},
    };
  };

  const validationFailed = (op: CompiledOperation, resource: string, errors: FieldError[]): Reply => ({
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: op.simple422 ? errors.map((e) => e.message) : errors.map((e) => ({ resource, ...e })),
      documentation_url: DOCS,
      status: '422',
    },
  });

  return {
    owner,
    repo,
    setBase: (url: string) => {
      base = url;
    },
    repoUrl,
    creator,
    userJson,
    userId,
    nodeId,
    notFound,
    page,
    validationFailed,
  };
}
