// An in-memory Admin API v2 behind the target's Http port, answering in Google's shapes: services.get/patch
// (update mask applied), services.create, revisions.get, operations.get finishing after some polls, and the
// error body of https://cloud.google.com/apis/design/errors. Knobs model what makes the target hard.
import { GoogleApiError, type Http, type Query } from '../src/api';
import type { CloudRunConfig } from '../src/inputs';
import { LATEST, type Operation, type Revision, type Service, type TrafficTarget } from '../src/run-api';

export const CFG: CloudRunConfig = {
  project: 'orders-prod',
  region: 'us-central1',
  service: 'orders',
  api: 'https://run.googleapis.com',
  monitoring: 'https://monitoring.googleapis.com',
  auth: 'access-token',
  maxAttempts: 3,
  aws: { region: '', maxAttempts: 3 },
  cloudwatch: false,
  name: 'orders (orders-prod/us-central1)',
  history: { targetKind: 'cloud-run', resource: 'orders-prod/us-central1/orders' },
};

const BASE = `projects/${CFG.project}/locations/${CFG.region}/services/${CFG.service}`;

export interface Call {
  method: string;
  path: string;
  query: Query;
  body?: unknown;
}

export class FakeRun implements Http {
  service?: Service;
  revisions = new Map<string, Revision>();
  calls: Call[] = [];
  /** Polls an operation answers not done before it is. */
  pollsBeforeDone = 1;
  /** Revisions that never become Ready, with their condition message. */
  neverReady = new Map<string, string>();
  /** Run before answering a GET of the service: someone else at work. */
  beforeRead?: (n: number) => void;
  /** Answers the next PATCH with this error. */
  patchError?: GoogleApiError;
  private ops = new Map<string, { polls: number; error?: string }>();
  private reads = 0;
  private clock = 1_000;

  constructor(blue = 'orders-00001-abc', image = 'us-docker.pkg.dev/p/app/orders:1') {
    this.addRevision(blue, image);
    this.service = {
      name: BASE,
      uri: 'https://orders-xyz-uc.a.run.app',
      etag: '"e1"',
      template: { containers: [{ image, env: [{ name: 'MODE', value: 'blue' }] }] },
      traffic: [{ type: LATEST, percent: 100 }],
      latestReadyRevision: `${BASE}/revisions/${blue}`,
      latestCreatedRevision: `${BASE}/revisions/${blue}`,
    };
    this.serve();
  }

  addRevision(name: string, image: string, ready = true): void {
    this.revisions.set(name, {
      name: `${BASE}/revisions/${name}`,
      createTime: new Date(this.clock++ * 1000).toISOString(),
      containers: [{ image }],
      conditions: [{ type: 'Ready', state: ready ? 'CONDITION_SUCCEEDED' : 'CONDITION_FAILED' }],
    });
  }

  writes(): Call[] {
    return this.calls.filter((c) => c.method !== 'GET');
  }

  async call<T>(method: string, url: string, opts: { query?: Query; body?: unknown } = {}): Promise<T> {
    const path = new URL(url).pathname.replace(/^\/v2\//, '');
    this.calls.push({
      method,
      path,
      query: opts.query ?? {},
      ...(opts.body !== undefined && { body: opts.body }),
    });
    return structuredClone(this.answer(method, path, opts)) as T;
  }

  private answer(method: string, path: string, opts: { query?: Query; body?: unknown }): unknown {
    if (method === 'GET' && path === BASE) {
      this.beforeRead?.(++this.reads);
      if (!this.service) throw new GoogleApiError(404, 'NOT_FOUND', 'Resource not found', 'read');
      return this.service;
    }
    if (method === 'GET' && path.startsWith(`${BASE}/revisions/`)) {
      const r = this.revisions.get(path.slice(path.lastIndexOf('/') + 1));
      if (!r) throw new GoogleApiError(404, 'NOT_FOUND', 'Revision not found', 'read');
      return r;
    }
    if (method === 'GET' && path.includes('/operations/')) return this.poll(path);
    if (method === 'PATCH' && path === BASE) {
      if (this.patchError) throw this.patchError;
      return this.patch(opts.body as Service, String(opts.query?.updateMask ?? '').split(','));
    }
    if (method === 'POST' && path.endsWith('/services')) {
      this.service = { name: BASE, uri: 'https://orders-xyz-uc.a.run.app', etag: '"e0"', traffic: [] };
      return this.patch(opts.body as Service, ['template', 'traffic']);
    }
    throw new GoogleApiError(400, 'INVALID_ARGUMENT', `no such call ${method} ${path}`, 'fake');
  }

  private patch(body: Service, mask: string[]): Operation {
    const s = this.service!;
    let error: string | undefined;
    if (mask.some((m) => m.startsWith('template'))) {
      const name = body.template!.revision!;
      const image = body.template!.containers![0]!.image!;
      const failure = this.neverReady.get(name);
      this.addRevision(name, image, failure === undefined);
      if (failure !== undefined) {
        this.revisions.get(name)!.conditions = [
          { type: 'Ready', state: 'CONDITION_FAILED', message: failure },
        ];
        error = `Revision '${name}' is not ready and cannot serve traffic. ${failure}`;
      } else s.latestReadyRevision = `${BASE}/revisions/${name}`;
      s.template = body.template;
      s.latestCreatedRevision = `${BASE}/revisions/${name}`;
    }
    if (mask.includes('annotations')) s.annotations = body.annotations;
    if (mask.includes('traffic') && !error) s.traffic = body.traffic;
    s.etag = `"e${Number(s.etag!.slice(2, -1)) + 1}"`;
    this.serve();
    const name = `projects/${CFG.project}/locations/${CFG.region}/operations/op-${this.ops.size + 1}`;
    this.ops.set(name, { polls: 0, ...(error && { error }) });
    return { name, done: false };
  }

  private poll(path: string): Operation {
    const op = this.ops.get(path)!;
    op.polls++;
    if (op.polls < this.pollsBeforeDone) return { name: path, done: false };
    return { name: path, done: true, ...(op.error && { error: { code: 9, message: op.error } }) };
  }

  /** trafficStatuses follow the spec, as once a patch has been served. */
  serve(): void {
    const s = this.service!;
    const latest = s.latestReadyRevision?.split('/').pop();
    s.trafficStatuses = (s.traffic ?? []).map((t: TrafficTarget) => ({
      ...t,
      ...(t.type === LATEST && { revision: latest }),
      ...(t.tag && { uri: `https://${t.tag}---orders-xyz-uc.a.run.app` }),
    }));
  }
}

export const quietLog = { info: () => {}, warning: () => {}, error: () => {} } as never;
