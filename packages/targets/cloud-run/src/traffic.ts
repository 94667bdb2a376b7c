// A service's `traffic` as the engine's routing, and back: decisions on data, no call. Traffic targets are
// by revision or "latest ready revision"; a tag names a URL that reaches its revision alone
// (https://cloud.google.com/run/docs/reference/rest/v2/TrafficTarget).
import { DeployError } from '@deploy-actions/core';
import type { Routing } from '@deploy-actions/release/routing';
import { BY_REVISION, LATEST, shortName, type Service, type TrafficTarget } from './run-api';

/** Percent per revision, with "latest" resolved to the service's latest ready revision. */
export function percents(
  traffic: TrafficTarget[] | undefined,
  latestReady: string | undefined,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of traffic ?? []) {
    const percent = t.percent ?? 0;
    if (percent <= 0) continue;
    const revision = revisionOf(t, latestReady);
    if (!revision) {
      throw new DeployError(
        `${percent}% of the traffic follows the latest ready revision, and the service has none yet`,
      );
    }
    out.set(revision, (out.get(revision) ?? 0) + percent);
  }
  return out;
}

function revisionOf(t: TrafficTarget, latestReady: string | undefined): string | undefined {
  if (t.type === LATEST || (!t.revision && t.type !== BY_REVISION))
    return latestReady && shortName(latestReady);
  return t.revision && shortName(t.revision);
}

/**
 * Where traffic goes: one revision, or blue and green of a split of two; `newer(a, b)` tells which of two
 * revisions was created later, which is green.
 */
export function routingOf(shares: Map<string, number>, newer: (a: string, b: string) => boolean): Routing {
  const entries = [...shares];
  if (entries.length === 0) throw new DeployError('the service sends no traffic to any revision');
  if (entries.length > 2) {
    throw new DeployError(
      `the service splits traffic between ${entries.length} revisions (${entries.map(([r, p]) => `${r} ${p}%`).join(', ')}); a release moves traffic between two: put it on one first`,
    );
  }
  if (entries.length === 1) return { version: entries[0]![0], greenWeight: 0 };
  const [[a, pa], [b, pb]] = entries as [[string, number], [string, number]];
  const [[blue], [green, greenPercent]] = newer(a, b)
    ? [
        [b, pb],
        [a, pa],
      ]
    : [
        [a, pa],
        [b, pb],
      ];
  return { version: blue, green, greenWeight: greenPercent / 100 };
}

/**
 * The explicit traffic that makes `to` true: blue and green by revision name, never "latest" (a revision
 * created later must not take traffic by itself), and every tag kept where it was, at 0% unless it serves.
 */
export function trafficFor(to: Routing, now: Service): TrafficTarget[] {
  const green = to.green ? Math.round(to.greenWeight * 100) : 0;
  const want = new Map<string, number>(
    to.green && green > 0 && green < 100
      ? [
          [to.version, 100 - green],
          [to.green, green],
        ]
      : [[to.green && green >= 100 ? to.green : to.version, 100]],
  );
  return withTags(want, now);
}

/** `want` as traffic targets by revision, with the tags `now` holds kept on their revisions. */
export function withTags(
  want: Map<string, number>,
  now: Service,
  moveTag?: { tag: string; to: string },
): TrafficTarget[] {
  const latest = now.latestReadyRevision && shortName(now.latestReadyRevision);
  const tags = new Map<string, string[]>();
  for (const t of now.traffic ?? []) {
    if (!t.tag || t.tag === moveTag?.tag) continue;
    const revision = revisionOf(t, latest);
    if (revision) tags.set(revision, [...(tags.get(revision) ?? []), t.tag]);
  }
  if (moveTag) tags.set(moveTag.to, [...(tags.get(moveTag.to) ?? []), moveTag.tag]);
  const out: TrafficTarget[] = [];
  for (const [revision, percent] of want) {
    const [first, ...rest] = tags.get(revision) ?? [];
    out.push({ type: BY_REVISION, revision, percent, ...(first && { tag: first }) });
    for (const tag of rest) out.push({ type: BY_REVISION, revision, percent: 0, tag });
    tags.delete(revision);
  }
  for (const [revision, list] of tags) {
    for (const tag of list) out.push({ type: BY_REVISION, revision, percent: 0, tag });
  }
  return out;
}

/** The traffic with one tag removed (a 0% entry that only carried it goes too). */
export function withoutTag(now: Service, tag: string): TrafficTarget[] {
  return (now.traffic ?? [])
    .map((t) => (t.tag === tag ? { ...t, tag: undefined } : t))
    .filter((t) => (t.percent ?? 0) > 0 || t.tag)
    .map(({ tag: kept, ...rest }) => ({ ...rest, ...(kept && { tag: kept }) }));
}

/** Traffic and what it resolves to, in one comparable text: a change to either is someone else's. */
export function fingerprint(s: Service): string {
  const entries = (s.traffic ?? [])
    .map((t) => `${t.type ?? ''}:${t.revision ? shortName(t.revision) : ''}:${t.percent ?? 0}:${t.tag ?? ''}`)
    .sort();
  const follows = (s.traffic ?? []).some((t) => t.type === LATEST);
  return `${entries.join(',')}${follows ? `|latest=${shortName(s.latestReadyRevision ?? '')}` : ''}`;
}

/** The URL of a tag, as trafficStatuses reports it once it serves. */
export function tagUrl(s: Service, tag: string): string | undefined {
  return s.trafficStatuses?.find((t) => t.tag === tag)?.uri;
}
