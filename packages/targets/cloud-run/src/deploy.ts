// deploy-green on Cloud Run: green is a new revision, tagged, with 0% of the traffic. One services.patch
// creates it and sets the traffic explicitly, so that a service whose traffic followed the latest revision
// keeps it on blue (an update with empty traffic would send it all to the new revision:
// https://cloud.google.com/run/docs/rollouts-rollbacks-traffic-migration#deploy-with-no-traffic).
import { DeployError, type Log } from '@deploy-actions/core';
import type { CloudRunDeployInputs } from './deploy-inputs';
import type { CloudRunConfig } from './inputs';
import {
  BY_REVISION,
  FAILED,
  OperationError,
  readyOf,
  SUCCEEDED,
  type RunApi,
  type Service,
} from './run-api';
import { greenTemplate, imageOf } from './template';
import { percents, tagUrl, withTags } from './traffic';

export interface DeployResult {
  green: string;
  blue: string;
  changed: boolean;
  created: boolean;
  greenUrl?: string;
}

export interface DeployOptions {
  log: Log;
  waitTimeoutMs: number;
}

export async function deployCloudRun(
  api: RunApi,
  cfg: CloudRunConfig,
  d: CloudRunDeployInputs,
  o: DeployOptions,
): Promise<DeployResult> {
  const before = await api.getService();
  if (!before) return createService(api, cfg, d, o);
  const blue = servingRevision(before, cfg);
  const existing = await api.getRevision(d.revision);
  if (existing) {
    const image = imageOf(existing.containers);
    if (image !== d.image) {
      throw new DeployError(
        `Revision ${d.revision} already exists with image ${image ?? '(none)'}, not ${d.image}: give another revision-suffix. Nothing was changed.`,
      );
    }
    o.log.info(`Revision ${d.revision} already exists with ${d.image}: reusing it (a re-run).`);
    return reuse(api, d, o, before, blue);
  }
  const { template, mask } = greenTemplate(before.template, d);
  const traffic = withTags(new Map([[blue, 100]]), before, { tag: d.tag, to: d.revision });
  o.log.info(
    `Creating revision ${d.revision} (${d.image}) with 0% of the traffic, tag ${d.tag}; ${blue} keeps 100%.`,
  );
  const op = await api.patchService({ etag: before.etag, template, traffic }, [...mask, 'traffic']);
  try {
    await api.wait(op, o.waitTimeoutMs, `deploy of revision ${d.revision}`);
    await requireReady(api, d.revision);
  } catch (err) {
    await restoreTraffic(api, before, o);
    throw await failure(api, d.revision, blue, err);
  }
  const after = await api.getService();
  const serving = after
    ? percents(after.trafficStatuses ?? after.traffic, after.latestReadyRevision)
    : undefined;
  if (!after || serving?.get(blue) !== 100) {
    throw new DeployError(
      `Revision ${d.revision} is Ready, but service ${cfg.service} no longer sends 100% to ${blue}: someone else changed its traffic.`,
    );
  }
  const greenUrl = tagUrl(after, d.tag);
  return { green: d.revision, blue, changed: true, created: false, ...(greenUrl && { greenUrl }) };
}

/** The one revision that takes all the traffic now; a split in progress is someone's release. */
function servingRevision(s: Service, cfg: CloudRunConfig): string {
  const shares = percents(s.traffic, s.latestReadyRevision);
  if (shares.size !== 1) {
    const split = [...shares].map(([r, p]) => `${r} ${p}%`).join(', ');
    throw new DeployError(
      `Service ${cfg.service} splits its traffic (${split}): finish that release (shift-traffic) or roll it back first. Nothing was changed.`,
    );
  }
  return [...shares.keys()][0]!;
}

/** A service that does not exist yet: its first revision takes all the traffic, as a first deploy must. */
async function createService(
  api: RunApi,
  cfg: CloudRunConfig,
  d: CloudRunDeployInputs,
  o: DeployOptions,
): Promise<DeployResult> {
  const { template } = greenTemplate(undefined, d);
  o.log.info(
    `Service ${cfg.service} does not exist: creating it with revision ${d.revision} taking all traffic.`,
  );
  const op = await api.createService({
    template,
    traffic: [{ type: BY_REVISION, revision: d.revision, percent: 100, tag: d.tag }],
  });
  try {
    await api.wait(op, o.waitTimeoutMs, `creation of service ${cfg.service}`);
    await requireReady(api, d.revision);
  } catch (err) {
    throw await failure(api, d.revision, undefined, err);
  }
  const after = await api.getService();
  const greenUrl = after && tagUrl(after, d.tag);
  return { green: d.revision, blue: d.revision, changed: true, created: true, ...(greenUrl && { greenUrl }) };
}

/** A re-run: the revision exists with this image; it gets the tag (only traffic changes) if it lost it. */
async function reuse(
  api: RunApi,
  d: CloudRunDeployInputs,
  o: DeployOptions,
  before: Service,
  blue: string,
): Promise<DeployResult> {
  await requireReady(api, d.revision).catch(async (err) => {
    throw await failure(api, d.revision, blue, err);
  });
  let service = before;
  const tagged = (before.traffic ?? []).some((t) => t.tag === d.tag && t.revision === d.revision);
  if (d.revision !== blue && !tagged) {
    const traffic = withTags(new Map([[blue, 100]]), before, { tag: d.tag, to: d.revision });
    await api.wait(
      await api.patchService({ etag: before.etag, traffic }, ['traffic']),
      o.waitTimeoutMs,
      `tag ${d.tag} of revision ${d.revision}`,
    );
    service = (await api.getService()) ?? before;
  }
  const greenUrl = tagUrl(service, d.tag);
  return { green: d.revision, blue, changed: false, created: false, ...(greenUrl && { greenUrl }) };
}

async function requireReady(api: RunApi, revision: string): Promise<void> {
  const r = await api.getRevision(revision);
  const ready = r && readyOf(r);
  if (ready?.state !== SUCCEEDED) throw new NotReady(revision, ready?.message || ready?.reason);
}

class NotReady extends Error {
  constructor(
    readonly revision: string,
    readonly reason: string | undefined,
  ) {
    super(`revision ${revision} is not Ready${reason ? `: ${reason}` : ''}`);
  }
}

/** The failed deploy in one message: the revision's own condition when it has one, and where traffic is. */
async function failure(
  api: RunApi,
  revision: string,
  blue: string | undefined,
  err: unknown,
): Promise<Error> {
  const r = await api.getRevision(revision).catch(() => undefined);
  const ready = r && readyOf(r);
  const condition =
    ready && (ready.state === FAILED || ready.message)
      ? ready.message || ready.reason
      : err instanceof NotReady
        ? err.reason
        : undefined;
  const cause =
    err instanceof OperationError || err instanceof DeployError
      ? err.message
      : String((err as Error).message ?? err);
  const where = blue ? ` Traffic is as it was: 100% on ${blue}.` : '';
  const reason = (condition ?? cause).trim().replace(/\.$/, '');
  return new DeployError(`Revision ${revision} did not become Ready: ${reason}.${where}`);
}

/** After a failed deploy, the traffic as it was before (no tag left on a revision that cannot serve). */
async function restoreTraffic(api: RunApi, before: Service, o: DeployOptions): Promise<void> {
  try {
    const now = await api.getService();
    const op = await api.patchService({ etag: now?.etag, traffic: before.traffic ?? [] }, ['traffic']);
    await api.wait(op, o.waitTimeoutMs, 'restore of the traffic');
  } catch (err) {
    o.log.warning(`Could not put the traffic back as it was: ${(err as Error).message}`);
  }
}
