// The shapes the Cloud Run stand-in (./index.ts) takes and hands out; index.ts re-exports them.
import type { Clock } from '@deploy-actions/core';

export type Json = Record<string, unknown>;

export interface CloudRunOptions {
  /** Time of operations, conditions and metrics; default the system clock. */
  clock?: Clock;
  /** Clock ms after a metric's minute ends before Monitoring returns it; default 180_000, 0 at once. */
  readableAfterMs?: number;
  /** Clock ms a long-running operation takes before `done: true`; default 10_000, 0 done at the first read. */
  operationDelayMs?: number;
  project?: string;
  region?: string;
  /** The bearer token accepted; default a fixed test token. */
  token?: string;
  /** Seed of the PRNG that names revisions and draws probe answers; default 1. */
  seed?: number;
}

/** How a revision answers requests: through its tag URL, the service URL and the traffic simulator. */
export interface RevisionBehaviour {
  /** Share of requests answered 5xx (503), 0..1; default 0. */
  errorRate: number;
  /** Latency percentiles; each request's latency is drawn from the log-normal they define. */
  latencyMs: { p50: number; p95: number };
}

export interface SeedServiceOptions {
  image: string;
  /** Suffix of the first revision's name; default generated (`00001-abc`). */
  revisionSuffix?: string;
  /** true (default): traffic is 100% TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST; false: 100% on the revision by name. */
  trafficFollowsLatest?: boolean;
  /** Tag on the first revision (with 0% when traffic follows latest). */
  tag?: string;
  env?: Record<string, string>;
  behaviour?: RevisionBehaviour;
  /** The service's URLs (tags included) answer 403 unless given an ID token generateIdToken minted for the service URL. */
  requiresAuthentication?: boolean;
}

export interface CloudRunCall {
  /** Which surface: the Admin API, Monitoring, the token exchange, or a revision's own URL. */
  api: 'run' | 'monitoring' | 'sts' | 'serve';
  method: string;
  path: string;
  /** Raw query string without '?', '' when none. */
  query: string;
  /** Parsed JSON body, when one was sent. */
  body?: unknown;
  status: number;
  /** e.g. google.cloud.run.v2.Services.UpdateService. */
  methodId?: string;
  /** Clock time of the request. */
  at: number;
  /** Answered by an injected fault, not served. */
  injected?: boolean;
}

export interface CloudRunViolation {
  method: string;
  path: string;
  methodId?: string;
  /** request: Google would reject it; response: the stand-in sent something off the description (its bug). */
  kind: 'request' | 'response' | 'auth' | 'unserved';
  messages: string[];
}

/** The next `times` requests matching method and path answer with Google's error for the status. */
export interface CloudRunFault {
  status: 429 | 500 | 503;
  /** Default 1. */
  times?: number;
  method?: string;
  /** Tested against the URL path, e.g. /revisions\// or ':wait'. */
  path?: string | RegExp;
  /** Only this surface; default run and monitoring. */
  api?: 'run' | 'monitoring';
}

/** What someone else may change with changeService: the service's writable fields, as JSON. */
export interface ServiceSpec {
  template: Json;
  traffic: Json[];
  labels: Record<string, string>;
  annotations: Record<string, string>;
  description?: string;
}

/** One request a revision served, as Monitoring counts it. */
export interface ServedSample {
  service: string;
  revision: string;
  /** Clock ms. */
  at: number;
  status: number;
  latencyMs: number;
  /** Requests this sample stands for; default 1. */
  count?: number;
}

export interface CloudRunStandIn {
  /**
   * Base URL of the Admin API (/v2/...), Monitoring (/v3/...), the token exchange (/v1/token) and IAM
   * Credentials (/v1/projects/-/serviceAccounts/...).
   */
  url: string;
  token: string;
  project: string;
  region: string;
  clock: Clock;
  readableAfterMs: number;
  operationDelayMs: number;
  /** Creates a service with one Ready revision at once (no operation); returns the service as GET would. */
  seedService(name: string, opts: SeedServiceOptions): Json;
  /** The service as GET returns it (operations due by now applied), or undefined. */
  service(name: string): Json | undefined;
  /** A revision by short name as GET returns it, or undefined. */
  revision(name: string): Json | undefined;
  /** Short names of the service's revisions, newest first. */
  revisions(service: string): string[];
  /** Current split as served: [revision short name, percent] for each target with a percent > 0. */
  servingSplit(service: string): [string, number][];
  /** Revisions of this image never become Ready: their operation fails with the message (default Google's). */
  failRevisionsWithImage(image: string, message?: string): void;
  /** Someone else updates the service, applied at once: generation and etag change, lastModifier differs. */
  changeService(name: string, mutate: (spec: ServiceSpec) => void): Json;
  behave(revision: string, behaviour: RevisionBehaviour): void;
  behaviour(revision: string): RevisionBehaviour;
  injectFaults(fault: CloudRunFault): void;
  clearFaults(): void;
  /** Writes a served sample into Monitoring, readable after readableAfterMs. */
  recordServed(sample: ServedSample): void;
  /** The ID tokens minted (generateIdToken), oldest first: for whom and the audience asked. */
  idTokens(): { audience: string; email: string }[];
  /** Every request, oldest first. */
  calls: CloudRunCall[];
  /** Admin API calls that may change something (PATCH, POST other than :wait, DELETE). */
  writes(): CloudRunCall[];
  clearCalls(): void;
  violations(): CloudRunViolation[];
  /** Where the served description came from. */
  apiSource: string;
  stop(): Promise<void>;
}
