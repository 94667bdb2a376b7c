// rollback remove-green: true. Once traffic is back on blue, green's tag is removed, so its URL stops
// reaching it; the revision itself stays (one that can receive traffic cannot be deleted:
// https://cloud.google.com/run/docs/managing/revisions#delete).
import type { Log } from '@deploy-actions/core';
import type { RolledBack } from '@deploy-actions/release/target';
import type { CloudRunConfig } from './inputs';
import type { RunApi } from './run-api';
import { withoutTag } from './traffic';

const WAIT_MS = 5 * 60_000;

export async function removeGreenTags(
  api: RunApi,
  cfg: CloudRunConfig,
  done: RolledBack,
  log: Log,
): Promise<Record<string, string>> {
  const service = await api.getService();
  const tags = (service?.traffic ?? []).filter(
    (t) => t.tag && t.revision === done.fromVersion && !(t.percent ?? 0),
  );
  if (!service || tags.length === 0) {
    log.info(`remove-green: revision ${done.fromVersion} has no tag to remove.`);
    return { 'removed-tags': '' };
  }
  let traffic = service.traffic ?? [];
  for (const t of tags) traffic = withoutTag({ ...service, traffic }, t.tag!);
  await api.wait(
    await api.patchService({ etag: service.etag, traffic }, ['traffic']),
    WAIT_MS,
    `removal of the tags of ${done.fromVersion}`,
  );
  const names = tags.map((t) => t.tag!).join(',');
  log.info(
    `remove-green: removed tag(s) ${names} of revision ${done.fromVersion} from service ${cfg.service}.`,
  );
  return { 'removed-tags': names };
}
