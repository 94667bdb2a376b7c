// A local GitHub Deployments API: every request and every response is checked against GitHub's published
// OpenAPI description (@octokit/openapi), so a call GitHub would reject fails a test here too.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deploymentsApi } from './github-deployments';
import { environmentsApi } from './github-environments';
import { DOCS, ajvErrors, coerce, loadSpec, type CompiledOperation, type FieldError } from './github-openapi';
import { HttpError, restContext, type Handlers, type Reply } from './github-rest';
import type {
  GitHubCall,
  GitHubFault,
  GitHubOptions,
  GitHubServer,
  GitHubViolation,
  Json,
} from './github-types';

export type {
  DeploymentState,
  FakeApproval,
  FakeDeployment,
  FakeDeploymentStatus,
  FakeEnvironmentSettings,
  GitHubCall,
  GitHubFault,
  GitHubOptions,
  GitHubServer,
  GitHubViolation,
} from './github-types';

export async function startGitHub(opts: GitHubOptions = {}): Promise<GitHubServer> {
  const { operations, repoExample, generic } = loadSpec();
  const owner = opts.owner ?? 'octo-org';
  const repo = opts.repo ?? 'deploy-target';
  const token = opts.token ?? 'test-token';
  const calls: GitHubCall[] = [];
  const violations: GitHubViolation[] = [];
  let base = '';
  const rest = restContext(owner, repo);
  const { notFound, validationFailed } = rest;
  const deployments = deploymentsApi(rest, opts.failingContexts);
  const environments = environmentsApi(rest);

  const handlers: Handlers = {
    'repos/get': () => {
      const text = JSON.stringify(repoExample)
        .replaceAll('https://api.github.com', base)
        .replaceAll('octocat/Hello-World', `${owner}/${repo}`);
      // The published example omits the required `language` and describes a fork; this repo is no fork.
      const r = JSON.parse(text) as Json;
      for (const key of ['parent', 'source', 'template_repository', 'organization']) delete r[key];
      return {
        status: 200,
        body: {
          ...r,
          name: repo,
          full_name: `${owner}/${repo}`,
          owner: { ...(r.owner as Json), login: owner },
          language: 'TypeScript',
          fork: false,
        },
      };
    },
    ...deployments.handlers,
    ...environments.handlers,
  };

  const resourceOf = (op: CompiledOperation) =>
    op.operationId.includes('status') ? 'DeploymentStatus' : 'Deployment';

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((done, fail) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
      req.on('error', fail);
    });

  const handle = async (req: IncomingMessage): Promise<{ reply: Reply; op?: CompiledOperation }> => {
    const raw = new URL(req.url ?? '/', base);
    const method = req.method ?? 'GET';
    const violation = (v: Omit<GitHubViolation, 'method' | 'path'>) =>
      violations.push({ method, path: raw.pathname, ...v });
    const text = await readBody(req);

    let match: RegExpMatchArray | null = null;
    const op = operations.find((o) => o.method === method && (match = raw.pathname.match(o.pattern)));
    if (!op || !match) {
      violation({ kind: 'unserved', messages: [`no ${method} ${raw.pathname} in this fake`] });
      return {
        reply: {
          status: 404,
          body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
        },
      };
    }
    const auth = req.headers.authorization ?? '';
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(auth);
    if (!m || m[1] !== token) {
      violation({
        kind: 'auth',
        operationId: op.operationId,
        messages: [auth ? 'bad credentials' : 'no Authorization'],
      });
      return {
        op,
        reply: {
          status: 401,
          body: {
            message: 'Bad credentials',
            documentation_url: 'https://docs.github.com/rest',
            status: '401',
          },
        },
      };
    }

    const pathValues = Object.fromEntries(
      op.pathParamNames.map((n, i) => [n, decodeURIComponent((match as RegExpMatchArray)[i + 1])]),
    );
    const errors: FieldError[] = [];
    const params: Record<string, unknown> = {};
    const query: Record<string, unknown> = {};
    for (const p of op.params) {
      const rawValue = p.in === 'path' ? pathValues[p.name] : raw.searchParams.get(p.name);
      if (rawValue == null) {
        if (p.required)
          errors.push({ field: p.name, code: 'missing_field', message: `${p.name} is required` });
        continue;
      }
      const value = coerce(rawValue, p.type);
      if (!p.validate(value)) errors.push(...ajvErrors(p.validate.errors, p.name));
      (p.in === 'path' ? params : query)[p.name] = value;
    }
    let body: Json = {};
    if (op.body) {
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        violation({ kind: 'request', operationId: op.operationId, messages: ['body is not JSON'] });
        return {
          op,
          reply: {
            status: 400,
            body: { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' },
          },
        };
      }
      if (parsed === undefined) {
        if (op.body.required)
          errors.push({ field: '(body)', code: 'missing_field', message: 'a JSON body is required' });
      } else if (!op.body.validate(parsed)) {
        errors.push(...ajvErrors(op.body.validate.errors));
      } else body = parsed as Json;
    }
    if (errors.length) {
      violation({ kind: 'request', operationId: op.operationId, messages: errors.map((e) => e.message) });
      return { op, reply: validationFailed(op, resourceOf(op), errors) };
    }
    try {
      // The owner and repo are not case sensitive; any other repository does not exist here.
      if (String(params.owner).toLowerCase() !== owner.toLowerCase()) notFound();
      if (String(params.repo).toLowerCase() !== repo.toLowerCase()) notFound();
      const reply = handlers[op.operationId](params, query, body, op, raw);
      if (reply.status === 422) {
        violation({ kind: 'request', operationId: op.operationId, messages: [JSON.stringify(reply.body)] });
      }
      return { op, reply };
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      if (e.reply.status === 422) {
        violation({ kind: 'request', operationId: op.operationId, messages: [JSON.stringify(e.reply.body)] });
      }
      return { op, reply: e.reply };
    }
  };

  // A reply off the description is this fake's bug, recorded like a bad request so tests notice.
  const checkReply = (op: CompiledOperation, reply: Reply): string[] => {
    const code = String(reply.status);
    let validate = op.responses.get(code);
    if (validate === undefined) {
      // GitHub's description leaves out the errors every endpoint can return.
      if (reply.status === 401 || reply.status === 404 || reply.status === 400) validate = generic.basicError;
      else if (reply.status === 422) validate = generic.validationError;
      else return [`status ${code} is not documented for ${op.operationId}`];
    }
    if (validate === null) return reply.body === undefined || reply.status !== 204 ? [] : ['204 with a body'];
    if (validate(reply.body)) return [];
    return ajvErrors(validate.errors).map((e) => `response ${code}: ${e.message}`);
  };

  let fault: (GitHubFault & { left: number }) | undefined;
  const injected = (req: IncomingMessage): GitHubFault | undefined => {
    if (!fault || fault.left <= 0) return undefined;
    const path = new URL(req.url ?? '/', base).pathname;
    const op = operations.find((o) => o.method === (req.method ?? 'GET') && o.pattern.test(path));
    if (fault.operations && !(op && fault.operations.includes(op.operationId))) return undefined;
    fault.left--;
    return fault;
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const f = injected(req);
    if (f) {
      const raw = new URL(req.url ?? '/', base);
      calls.push({
        method: req.method ?? 'GET',
        path: raw.pathname,
        query: raw.search.replace(/^\?/, ''),
        status: f.status,
        injected: true,
      });
      req.resume();
      res
        .writeHead(f.status, { 'content-type': 'application/json; charset=utf-8', ...f.headers })
        .end(
          JSON.stringify({ message: f.status === 429 ? 'API rate limit exceeded' : 'Service Unavailable' }),
        );
      return;
    }
    handle(req)
      .then(({ reply, op }) => {
        const raw = new URL(req.url ?? '/', base);
        if (op) {
          const problems = checkReply(op, reply);
          if (problems.length) {
            violations.push({
              method: req.method ?? 'GET',
              path: raw.pathname,
              operationId: op.operationId,
              kind: 'response',
              messages: problems,
            });
          }
        }
        calls.push({
          method: req.method ?? 'GET',
          path: raw.pathname,
          query: raw.search.replace(/^\?/, ''),
          status: reply.status,
          operationId: op?.operationId,
        });
        const headers: Record<string, string> = {
          'x-github-media-type': 'github.v3; format=json',
          ...reply.headers,
        };
        if (reply.body === undefined) {
          res.writeHead(reply.status, headers).end();
        } else {
          headers['content-type'] = 'application/json; charset=utf-8';
          res.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
        }
      })
      .catch((e: unknown) => {
        violations.push({
          method: req.method ?? 'GET',
          path: req.url ?? '/',
          kind: 'response',
          messages: [`fake crashed: ${String(e)}`],
        });
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"Server Error"}');
      });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  // Never keeps the test process alive on its own.
  server.unref();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  rest.setBase(base);

  return {
    url: base,
    owner,
    repo,
    token,
    calls,
    violations,
    deployments: deployments.deployments,
    statuses: deployments.statuses,
    setFailingContexts: deployments.setFailingContexts,
    setFault: (f) => {
      fault = f && { ...f, left: f.times ?? Infinity };
    },
    setEnvironment: environments.setEnvironment,
    setApprovals: environments.setApprovals,
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
