// The shapes the fake GitHub server (github.ts) takes and hands out; github.ts re-exports them.
export type Json = Record<string, unknown>;

export type DeploymentState =
  'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';

export interface GitHubOptions {
  owner?: string;
  repo?: string;
  token?: string;
  /** Commit status contexts that are not green: a deployment that checks them gets 409. */
  failingContexts?: string[];
}

export interface GitHubCall {
  method: string;
  path: string;
  /** Raw query string without '?', '' when none. */
  query: string;
  status: number;
  operationId?: string;
  /** Answered by an injected fault, not served. */
  injected?: boolean;
}

/** An outage or throttling to inject: the next `times` matching requests (all of them when omitted). */
export interface GitHubFault {
  status: 429 | 500 | 502 | 503;
  times?: number;
  /** Only these operations (e.g. repos/create-deployment-status); every one when omitted. */
  operations?: string[];
  /** Sent with the fault, e.g. retry-after. */
  headers?: Record<string, string>;
}

export interface GitHubViolation {
  method: string;
  path: string;
  operationId?: string;
  /** request: GitHub would reject it; response: this fake sent something off-spec (a bug here). */
  kind: 'request' | 'response' | 'auth' | 'unserved';
  messages: string[];
}

export interface FakeDeployment {
  id: number;
  ref: string;
  sha: string;
  task: string;
  environment: string;
  original_environment: string;
  payload: Json | string;
  description: string | null;
  transient_environment: boolean;
  production_environment: boolean;
  created_at: string;
  updated_at: string;
  /** As requested (GitHub's default true when omitted). */
  auto_merge: boolean;
  /** As requested; null when omitted (GitHub then checks every context). */
  required_contexts: string[] | null;
  /** State of the latest status, 'pending' before any. */
  state: DeploymentState;
}

export interface FakeDeploymentStatus {
  id: number;
  deployment_id: number;
  state: DeploymentState;
  description: string;
  environment: string;
  log_url: string;
  target_url: string;
  environment_url: string;
  created_at: string;
  /** True when GitHub added it (auto_inactive), not the client. */
  auto: boolean;
}

export interface FakeEnvironmentSettings {
  /** Users who may approve: a required_reviewers protection rule when any. */
  reviewers?: string[];
  /** Seconds: a wait_timer protection rule. */
  waitTimer?: number;
}

export interface FakeApproval {
  login: string;
  /** The environments reviewed; default the one environment named by the test. */
  environments: string[];
  state?: 'approved' | 'rejected' | 'pending';
  comment?: string;
}

export interface GitHubServer {
  url: string;
  owner: string;
  repo: string;
  token: string;
  calls: GitHubCall[];
  violations: GitHubViolation[];
  /** Oldest first. */
  deployments(): FakeDeployment[];
  /** Oldest first; throws for an unknown deployment. */
  statuses(deploymentId: number): FakeDeploymentStatus[];
  setFailingContexts(contexts: string[], state?: 'pending' | 'failure' | 'error'): void;
  /** Replaces the injected fault; undefined ends it. */
  setFault(fault: GitHubFault | undefined): void;
  /** Creates or replaces an environment (names are not case sensitive); `reviewers` are logins. */
  setEnvironment(name: string, settings?: FakeEnvironmentSettings): void;
  /** The review log of a workflow run (GET .../actions/runs/{run_id}/approvals), oldest first. */
  setApprovals(runId: number, approvals: FakeApproval[]): void;
  stop(): Promise<void>;
}
