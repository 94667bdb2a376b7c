// The Admin API v2 resources and calls this target uses:
// https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.services
import { DeployError, type Clock } from '@deploy-actions/core';
import { isNotFound, type Http } from './api';
import type { CloudRunConfig } from './inputs';

export const LATEST = 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST';
export const BY_REVISION = 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION';

export interface TrafficTarget {
  type?: string;
  revision?: string;
  percent?: number;
  tag?: string;
}

export interface TrafficStatus extends TrafficTarget {
  uri?: string;
}

export interface Condition {
  type?: string;
  state?: string;
  message?: string;
  reason?: string;
  revisionReason?: string;
}

export interface Container {
  name?: string;
  image?: string;
  env?: { name: string; value?: string; valueSource?: unknown }[];
  resources?: { limits?: Record<string, string>; cpuIdle?: boolean; startupCpuBoost?: boolean };
  ports?: unknown[];
  [field: string]: unknown;
}

export interface RevisionTemplate {
  revision?: string;
  containers?: Container[];
  scaling?: { minInstanceCount?: number; maxInstanceCount?: number };
  maxInstanceRequestConcurrency?: number;
  [field: string]: unknown;
}

export interface Service {
  name?: string;
  uri?: string;
  etag?: string;
  annotations?: Record<string, string>;
  template?: RevisionTemplate;
  traffic?: TrafficTarget[];
  trafficStatuses?: TrafficStatus[];
  latestReadyRevision?: string;
  latestCreatedRevision?: string;
  terminalCondition?: Condition;
  reconciling?: boolean;
}

export interface Revision {
  name?: string;
  createTime?: string;
  containers?: Container[];
  conditions?: Condition[];
  reconciling?: boolean;
}

export interface Operation {
  name?: string;
  done?: boolean;
  error?: { code?: number; message?: string };
  response?: unknown;
}

export function servicePath(cfg: CloudRunConfig): string {
  return `projects/${cfg.project}/locations/${cfg.region}/services/${cfg.service}`;
}

/** The short name of a revision from its full resource name. */
export function shortName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

export interface RunApi {
  getService(): Promise<Service | undefined>;
  getRevision(name: string): Promise<Revision | undefined>;
  /** services.patch with an explicit update mask; returns the long-running operation. */
  patchService(body: Service, mask: string[]): Promise<Operation>;
  createService(body: Service): Promise<Operation>;
  /** Polls the operation until done, within `timeoutMs`; an operation that failed throws its message. */
  wait(op: Operation, timeoutMs: number, what: string): Promise<Operation>;
}

export function runApi(http: Http, cfg: CloudRunConfig, clock: Clock): RunApi {
  const base = `${cfg.api}/v2`;
  const service = servicePath(cfg);
  const get = async <T>(path: string, what: string): Promise<T | undefined> => {
    try {
      return await http.call<T>('GET', `${base}/${path}`, { what });
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  };
  return {
    getService: () => get<Service>(service, `read service ${cfg.service}`),
    getRevision: (name) => get<Revision>(`${service}/revisions/${shortName(name)}`, `read revision ${name}`),
    // https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.services/patch
    patchService: (body, mask) =>
      http.call<Operation>('PATCH', `${base}/${service}`, {
        query: { updateMask: mask.join(',') },
        body: { ...body, name: service },
        what: `update service ${cfg.service}`,
      }),
    // https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.services/create
    createService: (body) =>
      http.call<Operation>('POST', `${base}/projects/${cfg.project}/locations/${cfg.region}/services`, {
        query: { serviceId: cfg.service },
        body,
        what: `create service ${cfg.service}`,
      }),
    // https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.operations/get
    wait: async (op, timeoutMs, what) => {
      const until = clock.now() + timeoutMs;
      let current = op;
      for (let delay = 500; !current.done; delay = Math.min(delay * 2, 5000)) {
        if (!current.name) throw new DeployError(`${what}: the operation has no name to wait for`);
        if (clock.now() >= until) {
          throw new DeployError(
            `${what}: operation ${shortName(current.name)} had not finished after ${Math.round(timeoutMs / 1000)}s (wait-timeout)`,
          );
        }
        await clock.sleep(delay);
        current = await http.call<Operation>('GET', `${base}/${current.name}`, { what: `${what}: wait` });
      }
      if (current.error) {
        throw new OperationError(`${what} failed: ${current.error.message ?? `code ${current.error.code}`}`);
      }
      return current;
    },
  };
}

/** A long-running operation that finished with an error. */
export class OperationError extends DeployError {
  constructor(message: string) {
    super(message);
    this.name = 'OperationError';
  }
}

/** The Ready condition of a revision or service, from its conditions or its terminal condition. */
export function readyOf(x: {
  conditions?: Condition[];
  terminalCondition?: Condition;
}): Condition | undefined {
  return x.terminalCondition?.type === 'Ready'
    ? x.terminalCondition
    : x.conditions?.find((c) => c.type === 'Ready');
}

export const SUCCEEDED = 'CONDITION_SUCCEEDED';
export const FAILED = 'CONDITION_FAILED';
