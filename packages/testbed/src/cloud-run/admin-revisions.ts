// Revisions get/list/delete of the Admin API v2
// (https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.services.revisions).
import {
  findService,
  notFound,
  parseName,
  startOperation,
  type AdminContext,
  type AdminHandler,
} from './admin-context';
import { GoogleError } from './errors';
import { revisionJson } from './model';
import type { Json } from './types';

function getRevision(ctx: AdminContext, name: string): Json {
  const { id, revision } = parseName(ctx, name);
  const r = ctx.revisions.get(revision!);
  if (!r || r.service !== id) return notFound(ctx, 'REVISION', revision!);
  return revisionJson(ctx, r);
}

/** Newest first; the page token is the base64 offset into that list. */
function listRevisions(ctx: AdminContext, parentName: string, request: Json): Json {
  const s = findService(ctx, parseName(ctx, parentName).id);
  const names = [...s.revisions].reverse();
  const size = Math.min(Math.max(Number(request.pageSize ?? 100) || 100, 1), 1000);
  const start = request.pageToken ? Number(Buffer.from(String(request.pageToken), 'base64').toString()) : 0;
  if (!Number.isInteger(start) || start < 0)
    throw new GoogleError('INVALID_ARGUMENT', 'page_token: invalid page token.');
  const page = names.slice(start, start + size).map((n) => revisionJson(ctx, ctx.revisions.get(n)!));
  const next = start + size < names.length ? Buffer.from(String(start + size)).toString('base64') : undefined;
  return { ...(page.length ? { revisions: page } : {}), ...(next ? { nextPageToken: next } : {}) };
}

// A revision that is the latest, or can receive traffic (a percent or a tag), is not deleted
// (https://cloud.google.com/run/docs/managing/revisions#delete).
function deleteRevision(ctx: AdminContext, name: string): Json {
  const { id, revision } = parseName(ctx, name);
  const s = findService(ctx, id);
  const r = ctx.revisions.get(revision!);
  if (!r || r.service !== id) return notFound(ctx, 'REVISION', revision!);
  if (s.latestCreated === r.name || s.latestReady === r.name)
    throw new GoogleError(
      'FAILED_PRECONDITION',
      `Revision '${r.name}' is the latest revision of service '${id}' and cannot be deleted.`,
    );
  const targeted = [...s.traffic, ...s.statuses].some(
    (t) => (t.revision === r.name || ('served' in t && t.served === r.name)) && (t.percent > 0 || t.tag),
  );
  if (targeted)
    throw new GoogleError(
      'FAILED_PRECONDITION',
      `Revision '${r.name}' can receive traffic (a percent or a tag) and cannot be deleted.`,
    );
  const meta = { '@type': 'type.googleapis.com/google.cloud.run.v2.Revision', ...revisionJson(ctx, r) };
  const remove = () => {
    ctx.revisions.delete(r.name);
    s.revisions = s.revisions.filter((n) => n !== r.name);
    return { response: meta };
  };
  return startOperation(ctx, ctx.operationDelayMs, remove, meta);
}

export const revisionHandlers: Record<string, AdminHandler> = {
  'google.cloud.run.v2.Revisions.GetRevision': (ctx, { vars }) => getRevision(ctx, vars.name!),
  'google.cloud.run.v2.Revisions.ListRevisions': (ctx, { vars, request }) =>
    listRevisions(ctx, vars.parent!, request),
  'google.cloud.run.v2.Revisions.DeleteRevision': (ctx, { vars }) => deleteRevision(ctx, vars.name!),
};
