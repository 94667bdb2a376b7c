// Deployments and their statuses: the fake GitHub server's state for them and the routes that serve it.
import { createHash } from 'node:crypto';
import { DOCS, type FieldError } from './github-openapi';
import { HttpError, isHttpUrl, now, type Handlers, type RestContext } from './github-rest';
import type {
  DeploymentState,
  FakeDeployment,
  FakeDeploymentStatus,
  GitHubServer,
  Json,
} from './github-types';

type DeploymentOperation =
  | 'repos/list-deployments'
  | 'repos/create-deployment'
  | 'repos/get-deployment'
  | 'repos/delete-deployment'
  | 'repos/list-deployment-statuses'
  | 'repos/create-deployment-status'
  | 'repos/get-deployment-status';

export function deploymentsApi(
  ctx: RestContext,
  failingContexts: string[] = [],
): { handlers: Pick<Handlers, DeploymentOperation> } & Pick<
  GitHubServer,
  'deployments' | 'statuses' | 'setFailingContexts'
> {
  const { repoUrl, creator, nodeId, notFound, page, validationFailed } = ctx;
  let failing = new Map<string, string>(failingContexts.map((c) => [c, 'pending']));
  const deployments: FakeDeployment[] = [];
  const statuses: FakeDeploymentStatus[] = [];
  let nextDeploymentId = 1;
  let nextStatusId = 1;

  const deploymentJson = (d: FakeDeployment) => ({
    url: `${repoUrl()}/deployments/${d.id}`,
    id: d.id,
    node_id: nodeId('Deployment', d.id),
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: d.payload,
    original_environment: d.original_environment,
    environment: d.environment,
    description: d.description,
    creator: creator(),
    created_at: d.created_at,
    updated_at: d.updated_at,
    statuses_url: `${repoUrl()}/deployments/${d.id}/statuses`,
    repository_url: repoUrl(),
    transient_environment: d.transient_environment,
    production_environment: d.production_environment,
  });
  const statusJson = (s: FakeDeploymentStatus) => ({
    url: `${repoUrl()}/deployments/${s.deployment_id}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId('DeploymentStatus', s.id),
    state: s.state,
    creator: creator(),
    description: s.description,
    environment: s.environment,
    target_url: s.target_url,
    created_at: s.created_at,
    updated_at: s.created_at,
    deployment_url: `${repoUrl()}/deployments/${s.deployment_id}`,
    repository_url: repoUrl(),
    environment_url: s.environment_url,
    log_url: s.log_url,
  });

  const findDeployment = (id: number) => deployments.find((d) => d.id === id) ?? notFound();

  const handlers: Pick<Handlers, DeploymentOperation> = {
    'repos/list-deployments': (_p, q, _b, _op, raw) => {
      const items = deployments
        .filter((d) =>
          (['sha', 'ref', 'task', 'environment'] as const).every((k) => q[k] == null || d[k] === q[k]),
        )
        .reverse()
        .map(deploymentJson);
      const keep = new URLSearchParams(
        [...raw.searchParams].filter(([k]) => k !== 'page' && k !== 'per_page'),
      );
      return page(items, q, raw.pathname, keep);
    },
    'repos/create-deployment': (_p, _q, b) => {
      const ref = b.ref as string;
      const required = (b.required_contexts as string[] | undefined) ?? null;
      // Omitted required_contexts means "all contexts", so any non-green check blocks the deployment.
      const blocking = [...failing].filter(([c]) => required === null || required.includes(c));
      if (blocking.length) {
        return {
          status: 409,
          body: {
            message: `Conflict: Commit status checks failed for ${ref}.`,
            errors: [
              {
                contexts: blocking.map(([context, state]) => ({ context, state })),
                resource: 'Deployment',
                field: 'required_contexts',
              },
            ],
            documentation_url: `${DOCS}/deployments#create-a-deployment`,
            status: '409',
          },
        };
      }
      const environment = (b.environment as string | undefined) ?? 'production';
      const at = now();
      const d: FakeDeployment = {
        id: nextDeploymentId++,
        ref,
        sha: /^[0-9a-f]{40}$/.test(ref) ? ref : createHash('sha1').update(ref).digest('hex'),
        task: (b.task as string | undefined) ?? 'deploy',
        environment,
        original_environment: environment,
        payload: (b.payload as Json | string | undefined) ?? {},
        description: b.description === undefined ? '' : (b.description as string | null),
        transient_environment: (b.transient_environment as boolean | undefined) ?? false,
        production_environment:
          (b.production_environment as boolean | undefined) ?? environment === 'production',
        created_at: at,
        updated_at: at,
        auto_merge: (b.auto_merge as boolean | undefined) ?? true,
        required_contexts: required,
        state: 'pending',
      };
      deployments.push(d);
      return { status: 201, body: deploymentJson(d) };
    },
    'repos/get-deployment': (p) => ({
      status: 200,
      body: deploymentJson(findDeployment(p.deployment_id as number)),
    }),
    'repos/delete-deployment': (p, _q, _b, op) => {
      const d = findDeployment(p.deployment_id as number);
      // GitHub deletes only inactive deployments, unless it is the repository's only one.
      if (deployments.length > 1 && !['inactive', 'failure', 'error'].includes(d.state)) {
        return {
          status: 422,
          body: {
            message:
              'We cannot delete an active deployment unless it is the only deployment in a given environment.',
            documentation_url: `${DOCS}/deployments#delete-a-deployment`,
            ...(op.simple422 ? {} : { errors: [] }),
          },
        };
      }
      deployments.splice(deployments.indexOf(d), 1);
      return { status: 204 };
    },
    'repos/list-deployment-statuses': (p, q, _b, _op, raw) => {
      const id = findDeployment(p.deployment_id as number).id;
      const items = statuses
        .filter((s) => s.deployment_id === id)
        .reverse()
        .map(statusJson);
      return page(items, q, raw.pathname, new URLSearchParams());
    },
    'repos/create-deployment-status': (p, _q, b, op) => {
      const d = findDeployment(p.deployment_id as number);
      const errors: FieldError[] = [];
      const description = (b.description as string | undefined) ?? '';
      if (description.length > 140) {
        errors.push({
          field: 'description',
          code: 'custom',
          message: 'description is too long (maximum is 140 characters)',
        });
      }
      for (const field of ['log_url', 'target_url', 'environment_url']) {
        const v = b[field] as string | undefined;
        if (v && !isHttpUrl(v))
          errors.push({ field, code: 'custom', message: `${field} must use http(s) scheme` });
      }
      if (errors.length) throw new HttpError(validationFailed(op, 'DeploymentStatus', errors));
      const logUrl = (b.log_url as string | undefined) ?? (b.target_url as string | undefined) ?? '';
      // A status may move the deployment to another environment; later statuses inherit it.
      d.environment = (b.environment as string | undefined) ?? d.environment;
      const at = now();
      const add = (
        dep: FakeDeployment,
        state: DeploymentState,
        fields: Partial<FakeDeploymentStatus>,
        auto: boolean,
      ) => {
        const s: FakeDeploymentStatus = {
          id: nextStatusId++,
          deployment_id: dep.id,
          state,
          description: '',
          environment: dep.environment,
          log_url: '',
          target_url: '',
          environment_url: '',
          created_at: at,
          auto,
          ...fields,
        };
        statuses.push(s);
        dep.state = state;
        dep.updated_at = at;
        return s;
      };
      const s = add(
        d,
        b.state as DeploymentState,
        {
          description,
          log_url: logUrl,
          target_url: (b.target_url as string | undefined) ?? logUrl,
          environment_url: (b.environment_url as string | undefined) ?? '',
        },
        false,
      );
      if (s.state === 'success' && b.auto_inactive !== false) {
        for (const other of deployments) {
          if (other !== d && other.environment === d.environment && other.state === 'success') {
            add(other, 'inactive', {}, true);
          }
        }
      }
      return { status: 201, body: statusJson(s) };
    },
    'repos/get-deployment-status': (p) => {
      const d = findDeployment(p.deployment_id as number);
      const s = statuses.find((x) => x.id === p.status_id && x.deployment_id === d.id) ?? notFound();
      return { status: 200, body: statusJson(s) };
    },
  };

  return {
    handlers,
    deployments: () => deployments.map((d) => ({ ...d })),
    statuses: (deploymentId: number) => {
      if (!deployments.some((d) => d.id === deploymentId)) throw new Error(`no deployment ${deploymentId}`);
      return statuses.filter((s) => s.deployment_id === deploymentId).map((s) => ({ ...s }));
    },
    setFailingContexts: (contexts, state = 'pending') => {
      failing = new Map(contexts.map((c) => [c, state]));
    },
  };
}
