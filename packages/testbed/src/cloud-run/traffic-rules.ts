// Cloud Run's rules for a service's `traffic` (https://cloud.google.com/run/docs/reference/rest/v2/TrafficTarget,
// https://cloud.google.com/run/docs/rollouts-rollbacks-traffic-migration): checked when a write arrives, and
// resolved to the split actually served once the revisions it names are Ready.
import { GoogleError } from './errors';
import type { Json } from './types';

export const LATEST = 'TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST';
export const REVISION = 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION';

export interface Target {
  type: typeof LATEST | typeof REVISION;
  revision?: string;
  percent: number;
  tag?: string;
}

// A tag is a DNS label; with the service name it must fit the tag URL's host label (https://cloud.google.com/run/docs/rollouts-rollbacks-traffic-migration#tags).
const TAG = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const MAX_TAG_PLUS_SERVICE = 46;

/** A write's traffic as Cloud Run stores it; an empty list means 100% to the latest revision. */
export function normaliseTraffic(traffic: Json[] | undefined): Target[] {
  if (!traffic || traffic.length === 0) return [{ type: LATEST, percent: 100 }];
  return traffic.map((t) => {
    const revision = typeof t.revision === 'string' && t.revision ? t.revision : undefined;
    let type = t.type === 1 ? LATEST : t.type === 2 ? REVISION : (t.type as string | number | undefined);
    if (type === undefined || type === 'TRAFFIC_TARGET_ALLOCATION_TYPE_UNSPECIFIED' || type === 0)
      type = revision ? REVISION : undefined;
    if (type !== LATEST && type !== REVISION) {
      throw new GoogleError(
        'INVALID_ARGUMENT',
        'spec.traffic.type: traffic target must set type or revision',
      );
    }
    const percent = Number(t.percent ?? 0);
    const tag = typeof t.tag === 'string' && t.tag ? t.tag : undefined;
    return { type, ...(revision ? { revision } : {}), percent, ...(tag ? { tag } : {}) };
  });
}

/** Refuses what Cloud Run refuses up front: sums, bad tags, unknown revisions (`known` plus one being created). */
export function checkTraffic(service: string, targets: Target[], known: (revision: string) => boolean): void {
  const bad = (msg: string): never => {
    throw new GoogleError('INVALID_ARGUMENT', msg);
  };
  let sum = 0;
  const tags = new Set<string>();
  for (const t of targets) {
    if (!Number.isInteger(t.percent) || t.percent < 0 || t.percent > 100)
      bad(`spec.traffic.percent: percent must be an integer between 0 and 100, got ${t.percent}`);
    sum += t.percent;
    if (t.type === LATEST && t.revision) bad('spec.traffic: a LATEST traffic target cannot name a revision');
    if (t.type === REVISION && !t.revision)
      bad('spec.traffic.revision: a REVISION traffic target needs a revision');
    if (t.revision && !known(t.revision))
      throw new GoogleError(
        'NOT_FOUND',
        `Revision named '${t.revision}' referenced in traffic does not exist.`,
      );
    if (t.tag !== undefined) {
      if (!TAG.test(t.tag)) bad(`spec.traffic.tag: '${t.tag}' must be a lowercase DNS label`);
      if (t.tag.length + service.length > MAX_TAG_PLUS_SERVICE)
        bad(
          `spec.traffic.tag: tag '${t.tag}' plus the service name exceed ${MAX_TAG_PLUS_SERVICE} characters`,
        );
      if (tags.has(t.tag)) bad(`spec.traffic.tag: tag '${t.tag}' is used twice`);
      tags.add(t.tag);
    }
  }
  if (sum !== 100) bad(`spec.traffic: the percentages of all traffic targets must add up to 100, got ${sum}`);
}

/**
 * The split served for these targets: LATEST resolves to the latest Ready revision. A target naming a revision
 * that is not Ready cannot be routed: the name of that revision is returned instead.
 */
export function resolveTraffic(
  targets: Target[],
  latestReady: string | undefined,
  isReady: (revision: string) => boolean,
): { statuses: (Target & { served: string })[] } | { blocked: string } {
  const statuses: (Target & { served: string })[] = [];
  for (const t of targets) {
    const served = t.type === LATEST ? latestReady : t.revision;
    if (!served || !isReady(served)) return { blocked: served ?? '(no ready revision)' };
    statuses.push({ ...t, served });
  }
  return { statuses };
}

/** JSON of spec targets, as Google writes them (zero percent left out, as proto3 JSON does). */
export function targetJson(t: Target): Json {
  return {
    type: t.type,
    ...(t.revision ? { revision: t.revision } : {}),
    ...(t.percent ? { percent: t.percent } : {}),
    ...(t.tag ? { tag: t.tag } : {}),
  };
}
