// Environments and the review log of workflow runs (approvals): the fake GitHub server's routes for them.
import { now, type Handlers, type RestContext } from './github-rest';
import type { FakeApproval, FakeEnvironmentSettings, GitHubServer, Json } from './github-types';

type EnvironmentOperation = 'repos/get-environment' | 'actions/get-reviews-for-run';

export function environmentsApi(
  ctx: RestContext,
): { handlers: Pick<Handlers, EnvironmentOperation> } & Pick<
  GitHubServer,
  'setEnvironment' | 'setApprovals'
> {
  const { owner, repo, repoUrl, userJson, userId, nodeId, notFound } = ctx;
  const environments = new Map<
    string,
    { id: number; name: string; settings: FakeEnvironmentSettings; at: string }
  >();
  const approvals = new Map<number, FakeApproval[]>();
  let nextEnvironmentId = 1;

  const environmentJson = (e: {
    id: number;
    name: string;
    settings: FakeEnvironmentSettings;
    at: string;
  }) => {
    const rules: Json[] = [];
    let ruleId = e.id * 10;
    if (e.settings.waitTimer !== undefined) {
      ruleId++;
      rules.push({
        id: ruleId,
        node_id: nodeId('Gate', ruleId),
        type: 'wait_timer',
        wait_timer: e.settings.waitTimer,
      });
    }
    if (e.settings.reviewers?.length) {
      ruleId++;
      rules.push({
        id: ruleId,
        node_id: nodeId('Gate', ruleId),
        prevent_self_review: false,
        type: 'required_reviewers',
        reviewers: e.settings.reviewers.map((login) => ({
          type: 'User',
          reviewer: userJson(login, userId(login)),
        })),
      });
    }
    return {
      id: e.id,
      node_id: nodeId('Environment', e.id),
      name: e.name,
      url: `${repoUrl()}/environments/${encodeURIComponent(e.name)}`,
      html_url: `https://github.com/${owner}/${repo}/deployments/activity_log?environments_filter=${encodeURIComponent(e.name)}`,
      created_at: e.at,
      updated_at: e.at,
      protection_rules: rules,
      deployment_branch_policy: null,
    };
  };

  const handlers: Pick<Handlers, EnvironmentOperation> = {
    'repos/get-environment': (p) => {
      const e = environments.get(String(p.environment_name).toLowerCase()) ?? notFound();
      return { status: 200, body: environmentJson(e) };
    },
    'actions/get-reviews-for-run': (p) => {
      const reviews = approvals.get(p.run_id as number) ?? [];
      return {
        status: 200,
        body: reviews.map((a) => ({
          environments: a.environments.map((name) => {
            const e = environments.get(name.toLowerCase());
            const at = e?.at ?? now();
            return {
              id: e?.id ?? 0,
              node_id: nodeId('Environment', e?.id ?? 0),
              name: e?.name ?? name,
              url: `${repoUrl()}/environments/${encodeURIComponent(name)}`,
              html_url: `https://github.com/${owner}/${repo}/deployments/activity_log?environments_filter=${encodeURIComponent(name)}`,
              created_at: at,
              updated_at: at,
            };
          }),
          state: a.state ?? 'approved',
          user: userJson(a.login, userId(a.login)),
          comment: a.comment ?? '',
        })),
      };
    },
  };

  return {
    handlers,
    setEnvironment: (name, settings = {}) => {
      const existing = environments.get(name.toLowerCase());
      environments.set(name.toLowerCase(), {
        id: existing?.id ?? nextEnvironmentId++,
        name,
        settings: { ...settings },
        at: existing?.at ?? now(),
      });
    },
    setApprovals: (runId, list) => {
      approvals.set(
        runId,
        list.map((a) => ({ ...a })),
      );
    },
  };
}
