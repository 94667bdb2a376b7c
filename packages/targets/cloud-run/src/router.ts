// The service's traffic as the engine's router. Service.etag is documented as output-only
// (https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.services#Service), so it is sent but
// not relied on: each write reads the service, compares it with what this run last read or wrote, patches
// traffic alone (and the checkpoint annotation with it), waits for the operation and reads the service back.
import { ConcurrentChangeError, DeployError, InputError } from '@deploy-actions/core';
import { checkpointOf, encodeCheckpoint } from '@deploy-actions/release/checkpoint';
import {
  describeRouting,
  holdsCheckpoint,
  sameRouting,
  type Routing,
  type RoutingState,
} from '@deploy-actions/release/routing';
import type { Router } from '@deploy-actions/release/target';
import { GoogleApiError } from './api';
import type { CloudRunConfig } from './inputs';
import type { RunApi, Service } from './run-api';
import { fingerprint, percents, routingOf, trafficFor } from './traffic';

/**
 * The checkpoint of a checkpointed rollout, in a service annotation: annotations take free text (labels take
 * only 63 lowercase characters), and the one patch that moves traffic writes it too, so the two never disagree.
 */
export const CHECKPOINT_ANNOTATION = 'deploy-actions/checkpoint';
/** How long a traffic patch's operation may take. */
const WRITE_TIMEOUT_MS = 5 * 60_000;

export interface Read {
  service: Service;
  routing: RoutingState;
}

export type ServiceRouter = Router & { readService(): Promise<Read | undefined>; last(): Read | undefined };

export function serviceRouter(api: RunApi, cfg: CloudRunConfig): ServiceRouter {
  const what = `service ${cfg.service}`;
  const created = new Map<string, number>();
  const createTime = async (revision: string) => {
    if (!created.has(revision)) {
      const r = await api.getRevision(revision);
      created.set(revision, r?.createTime ? Date.parse(r.createTime) : 0);
    }
    return created.get(revision)!;
  };
  let last: Read | undefined;
  const readService = async (): Promise<Read | undefined> => {
    const service = await api.getService();
    if (!service) return (last = undefined);
    const shares = percents(service.traffic, service.latestReadyRevision);
    const [a, b] = [...shares.keys()];
    const times = a && b ? [await createTime(a), await createTime(b)] : [0, 0];
    const routing = routingOf(shares, (x) => (x === a ? times[0]! > times[1]! : times[1]! > times[0]!));
    const note = service.annotations?.[CHECKPOINT_ANNOTATION];
    return (last = {
      service,
      routing: { ...routing, revision: `${fingerprint(service)}|${note ?? ''}`, ...checkpointOf(note) },
    });
  };
  const describe = (r: Routing) => describeRouting(r, (v) => v);
  return {
    name: what,
    noun: 'service',
    missing: `Service ${cfg.service} does not exist in ${cfg.project}/${cfg.region}: deploy it with deploy-green first`,
    label: (v) => v,
    example: (live) => `revision:${live}`,
    readService,
    last: () => last,
    read: async () => (await readService())?.routing,
    write: async (to, from, checkpoint) => {
      const now = await readService();
      if (!now || now.routing.revision !== from.revision) {
        throw new ConcurrentChangeError(
          `Service ${cfg.service} was changed by someone else since this run read it (now ${now ? describe(now.routing) : 'gone'}); this run changed nothing more.`,
        );
      }
      const note = checkpoint ? encodeCheckpoint(checkpoint) : undefined;
      const body: Service = { etag: now.service.etag, traffic: trafficFor(to, now.service) };
      const mask = ['traffic'];
      if (note !== undefined || holdsCheckpoint(now.routing)) {
        // The mask replaces the whole map: the user's own annotations go with it unchanged.
        const rest = { ...now.service.annotations };
        delete rest[CHECKPOINT_ANNOTATION];
        body.annotations = note !== undefined ? { ...rest, [CHECKPOINT_ANNOTATION]: note } : rest;
        mask.push('annotations');
      }
      await patchTraffic(api, cfg, body, mask);
      const after = await readService();
      const noted = after?.service.annotations?.[CHECKPOINT_ANNOTATION];
      // No lock to rely on: what reads back otherwise was written by someone else right after this run.
      if (!after || !sameRouting(after.routing, settled(to)) || noted !== note) {
        throw new ConcurrentChangeError(
          `Service ${cfg.service} was changed by someone else right after this run wrote ${describe(to)}: it reads back as ${after ? describe(after.routing) : 'gone'}${noted !== note ? ` with checkpoint "${noted ?? ''}"` : ''}; this run changed nothing more.`,
        );
      }
      checkServing(after.service, cfg);
      return after.routing;
    },
    checkPair: async (_blue, green) => checkRevision(api, cfg, green, 'green-version'),
    checkVersion: (version, input) => checkRevision(api, cfg, version, input),
  };
}

async function patchTraffic(api: RunApi, cfg: CloudRunConfig, body: Service, mask: string[]): Promise<void> {
  let op;
  try {
    op = await api.patchService(body, mask);
  } catch (err) {
    // A stale etag, when the API does check it: someone else wrote in between.
    if (err instanceof GoogleApiError && (err.status === 409 || err.status === 412)) {
      throw new ConcurrentChangeError(
        `Service ${cfg.service} was changed by someone else while this run wrote it (${err.code}); this run changed nothing more.`,
      );
    }
    throw err;
  }
  await api.wait(op, WRITE_TIMEOUT_MS, `traffic of service ${cfg.service}`);
}

/** A split at 0% or 100% is one revision, as the service reads back. */
function settled(to: Routing): Routing {
  if (!to.green || (to.greenWeight > 0 && to.greenWeight < 1)) return to;
  return { version: to.greenWeight >= 1 ? to.green : to.version, greenWeight: 0 };
}

/** trafficStatuses is what serves: it must show the traffic as written. */
function checkServing(s: Service, cfg: CloudRunConfig): void {
  const spec = percents(s.traffic, s.latestReadyRevision);
  const serving = percents(s.trafficStatuses, s.latestReadyRevision);
  const text = (m: Map<string, number>) =>
    [...m]
      .map(([r, p]) => `${r} ${p}%`)
      .sort()
      .join(', ');
  if (text(spec) !== text(serving)) {
    throw new DeployError(
      `Service ${cfg.service} holds traffic ${text(spec)} but serves ${text(serving) || 'nothing'} (trafficStatuses).`,
    );
  }
}

async function checkRevision(
  api: RunApi,
  cfg: CloudRunConfig,
  version: string,
  input: string,
): Promise<void> {
  const r = await api.getRevision(version);
  if (!r) {
    throw new InputError(
      input,
      version,
      `is no revision of service ${cfg.service} in ${cfg.project}/${cfg.region} (deploy it with deploy-green first)`,
    );
  }
}
