// What the test bed adds because moto lacks it: percentile statistics (Stat p95, p99, p99.9...) in
// GetMetricData. moto 5.2.1 answers an HTML 500 to a percentile query with data in range (see the notes at
// the top of traffic.ts); the fault proxy answers those queries itself, here, and forwards the rest to moto.
//
// Where the values come from: moto keeps every value it was sent but has no statistic that returns them, so
// each writer of raw datapoints (the traffic simulator) logs what it sends to an endpoint (openValueLog),
// before sending and undone when the write fails. For a percentile query the proxy asks moto for SampleCount
// and Sum of the same metric, dimensions, unit and period (one GetMetricData, beside the queries it
// forwards), and answers only the periods moto returns, from the logged values of that period, and only when
// their count and sum are exactly moto's: the answer is computed from what CloudWatch holds, so a minute not
// yet readable (not yet written) is never answered, and values moto does not hold (a failed write, a reset
// emulator) are never used. A period whose log and moto disagree makes the query an InternalError, which a
// health check reads as unreadable, never as healthy.
//
// Datapoints are selected as moto selects them for its other statistics: with Dimensions, the same name and
// dimension set (namespace unchecked, as moto does); without, every datum of that name in the namespace.
// Results keep moto's periods and order (newest first unless ScanBy says otherwise), so Timestamps and
// Values line up with the forwarded queries'. An Expression naming a percentile query's Id gets its series.
//
// Protocols: the installed SDK sends GetMetricData as AWS JSON 1.0 (Content-Type application/x-amz-json-1.0,
// X-Amz-Target GraniteServiceVersion20100801.GetMetricData, x-amzn-query-mode: true, StartTime/EndTime and
// Timestamps in epoch seconds). The awsQuery form (Action=GetMetricData, MetricDataQueries.member.N...,
// ISO 8601 times) is answered in XML. Either way moto is asked in JSON.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { MetricDatum } from '@aws-sdk/client-cloudwatch';

// ---------------------------------------------------------------------------------------------------------
// The log of written values

interface Entry {
  /** One write call: a period's values may span several, and moto may hold only the first ones yet. */
  batch: number;
  namespace: string;
  name: string;
  /** Canonical dimension set, empty for none. */
  dims: string;
  /** Timestamp, epoch ms. */
  at: number;
  unit?: string;
  values: number[];
  counts: number[];
}

interface Source {
  entries: Entry[];
  batches: number;
}

const sources = new Map<string, Source[]>();

function endpointKey(url: string | URL): string {
  return new URL(String(url)).origin;
}

function dimsKey(dims: { Name?: string; Value?: string }[] | undefined): string {
  return (dims ?? [])
    .map((d) => `${d.Name ?? ''}\u0001${d.Value ?? ''}`)
    .sort()
    .join('\u0000');
}

export interface ValueLog {
  /**
   * Logs the raw values of one PutMetricData call before it is sent; call the returned function if the call
   * fails. Statistic sets are not raw values and are left out (moto's count then disagrees: no answer).
   */
  write(namespace: string, datums: MetricDatum[]): () => void;
}

/** A log of the raw values one writer sends to the CloudWatch at `endpoint` (moto's URL). */
export function openValueLog(endpoint: string): ValueLog {
  const source: Source = { entries: [], batches: 0 };
  const key = endpointKey(endpoint);
  sources.set(key, [...(sources.get(key) ?? []), source]);
  return {
    write(namespace, datums) {
      const batch = source.batches++;
      const added: Entry[] = [];
      for (const d of datums) {
        const values = d.Values?.length ? d.Values : d.Value !== undefined ? [d.Value] : undefined;
        if (!values || !d.MetricName) continue;
        const entry: Entry = {
          batch,
          namespace,
          name: d.MetricName,
          dims: dimsKey(d.Dimensions),
          at: (d.Timestamp ?? new Date()).getTime(),
          values,
          counts: values.map((_, i) => d.Counts?.[i] ?? 1),
        };
        if (d.Unit) entry.unit = d.Unit;
        added.push(entry);
      }
      source.entries.push(...added);
      return () => {
        const gone = new Set(added);
        source.entries = source.entries.filter((e) => !gone.has(e));
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// The statistic

const PERCENTILE = /^p(\d{1,3}(?:\.\d+)?)$/;

/** The percentile a Stat names (p95 → 95), or undefined for any other statistic. */
export function percentileOf(stat: string | undefined): number | undefined {
  const m = PERCENTILE.exec(stat ?? '');
  const p = m ? Number(m[1]) : NaN;
  return p >= 0 && p <= 100 ? p : undefined;
}

/**
 * pN of values given count times each: the smallest value that N% of the data is at or below, so that N% of
 * the data is lower and the rest higher, as CloudWatch defines it
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html).
 */
export function weightedPercentile(values: number[], counts: number[], p: number): number | undefined {
  const pairs = values.map((v, i): [number, number] => [v, counts[i] ?? 1]).filter(([, c]) => c > 0);
  const total = pairs.reduce((n, [, c]) => n + c, 0);
  if (total === 0) return undefined;
  pairs.sort((a, b) => a[0] - b[0]);
  const rank = Math.max(1, Math.ceil((p * total) / 100 - 1e-9));
  let seen = 0;
  for (const [v, c] of pairs) {
    seen += c;
    if (seen >= rank) return v;
  }
  return pairs[pairs.length - 1]![0];
}

// ---------------------------------------------------------------------------------------------------------
// The request and the answer

interface Query {
  Id: string;
  MetricStat?: {
    Metric: { Namespace?: string; MetricName?: string; Dimensions?: { Name?: string; Value?: string }[] };
    Period: number;
    Stat: string;
    Unit?: string;
  };
  Expression?: string;
  Label?: string;
  ReturnData?: boolean;
  [k: string]: unknown;
}

interface Request {
  MetricDataQueries: Query[];
  StartTime: number | string;
  EndTime: number | string;
  ScanBy?: string;
  [k: string]: unknown;
}

interface Message {
  Code?: string;
  Value?: string;
}

interface Result {
  Id: string;
  Label?: string;
  Timestamps: (number | string)[];
  Values: number[];
  StatusCode: string;
  Messages?: Message[];
}

interface Response {
  MetricDataResults?: Result[];
  Messages?: Message[];
  NextToken?: string;
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface PercentileCall {
  op: string;
  protocol: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const JSON_TARGET = 'GraniteServiceVersion20100801.GetMetricData';
const XMLNS = 'http://monitoring.amazonaws.com/doc/2010-08-01/';

/** Epoch ms of a JSON (epoch seconds) or query (ISO 8601) time. */
function toMs(t: number | string): number {
  return typeof t === 'number' ? t * 1000 : /^\d+(\.\d+)?$/.test(t) ? Number(t) * 1000 : Date.parse(t);
}

/** awsQuery's flattened names (A.member.1.B) as the nested object they stand for. */
function unflatten(params: URLSearchParams): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of params) {
    if (key === 'Action' || key === 'Version') continue;
    const path: (string | number)[] = [];
    const parts = key.split('.');
    for (let i = 0; i < parts.length; i++) {
      if (parts[i] === 'member' && /^\d+$/.test(parts[i + 1] ?? '')) path.push(Number(parts[++i]) - 1);
      else path.push(parts[i]!);
    }
    let node: Record<string | number, unknown> = root;
    path.forEach((k, i) => {
      if (i === path.length - 1) {
        node[k] = value;
        return;
      }
      node[k] ??= typeof path[i + 1] === 'number' ? [] : {};
      node = node[k] as Record<string | number, unknown>;
    });
  }
  const compact = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.filter((x) => x !== undefined).map(compact)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, compact(x)]))
        : v;
  return compact(root) as Record<string, unknown>;
}

/** The query form's strings in the JSON protocol's types. */
function fromQueryForm(body: Buffer): Request {
  type Form = Record<string, string | undefined> & { MetricStat?: Record<string, unknown> };
  const raw = unflatten(new URLSearchParams(body.toString('utf8'))) as Record<string, unknown>;
  const queries = ((raw.MetricDataQueries ?? []) as Form[]).map((q) => {
    const out = { ...q, Id: String(q.Id) } as Query;
    if (q.MetricStat) {
      out.MetricStat = {
        ...(q.MetricStat as unknown as NonNullable<Query['MetricStat']>),
        Period: Number(q.MetricStat.Period),
      };
    }
    if (q.Period !== undefined) out.Period = Number(q.Period);
    if (q.ReturnData !== undefined) out.ReturnData = q.ReturnData === 'true';
    return out;
  });
  const req: Request = {
    ...raw,
    MetricDataQueries: queries,
    StartTime: toMs(String(raw.StartTime)) / 1000,
    EndTime: toMs(String(raw.EndTime)) / 1000,
  };
  if (raw.MaxDatapoints !== undefined) req.MaxDatapoints = Number(raw.MaxDatapoints);
  return req;
}

const xmlEscape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
const tag = (name: string, inner: string) => `<${name}>${inner}</${name}>`;
const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');

function messagesXml(messages: Message[]): string {
  return messages
    .map((m) =>
      tag(
        'member',
        (m.Code !== undefined ? tag('Code', xmlEscape(m.Code)) : '') +
          (m.Value !== undefined ? tag('Value', xmlEscape(m.Value)) : ''),
      ),
    )
    .join('');
}

function toXml(r: Response, requestId: string): string {
  const results = (r.MetricDataResults ?? [])
    .map((m) =>
      tag(
        'member',
        tag('Id', xmlEscape(m.Id)) +
          (m.Label !== undefined ? tag('Label', xmlEscape(m.Label)) : '') +
          tag('Timestamps', m.Timestamps.map((t) => tag('member', isoSeconds(toMs(t)))).join('')) +
          tag('Values', m.Values.map((v) => tag('member', String(v))).join('')) +
          tag('StatusCode', m.StatusCode) +
          (m.Messages?.length ? tag('Messages', messagesXml(m.Messages)) : ''),
      ),
    )
    .join('');
  return (
    `<GetMetricDataResponse xmlns="${XMLNS}">` +
    tag(
      'GetMetricDataResult',
      tag('MetricDataResults', results) +
        tag('Messages', messagesXml(r.Messages ?? [])) +
        (r.NextToken ? tag('NextToken', xmlEscape(r.NextToken)) : ''),
    ) +
    tag('ResponseMetadata', tag('RequestId', requestId)) +
    '</GetMetricDataResponse>'
  );
}

/** moto's JSON error as the query protocol's XML one. */
function errorToXml(up: Reply): Reply {
  const requestId = up.headers['x-amzn-requestid'] ?? randomUUID();
  let code = 'InternalFailure';
  let message = up.body.toString('utf8');
  let type = up.status < 500 ? 'Sender' : 'Receiver';
  const queryError = up.headers['x-amzn-query-error'];
  try {
    const parsed = JSON.parse(message) as { __type?: string; Message?: string; message?: string };
    code = (parsed.__type ?? code).replace(/^.*#/, '');
    message = parsed.Message ?? parsed.message ?? '';
  } catch {
    // not JSON (an HTML page): keep the text as the message
  }
  if (queryError) {
    const [c, t] = queryError.split(';');
    if (c) code = c;
    if (t) type = t;
  }
  const xml =
    `<ErrorResponse xmlns="${XMLNS}"><Error><Type>${type}</Type><Code>${xmlEscape(code)}</Code>` +
    `<Message>${xmlEscape(message)}</Message></Error><RequestId>${xmlEscape(requestId)}</RequestId></ErrorResponse>`;
  return {
    status: up.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: Buffer.from(xml),
  };
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'expect',
]);

function post(target: URL, headers: Record<string, string>, body: Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const up = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: 'POST',
        path: '/',
        headers: { ...headers, 'content-length': String(body.length) },
        agent: false,
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.once('error', reject);
        res.once('end', () => {
          const out: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) {
            if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = Array.isArray(v) ? v.join(', ') : v;
          }
          resolve({ status: res.statusCode ?? 502, headers: out, body: Buffer.concat(chunks) });
        });
      },
    );
    up.once('error', reject);
    up.end(body);
  });
}

interface Wanted {
  query: Query;
  p: number;
  countId: string;
  sumId: string;
}

/** The log's entries for one query and period, per writer, in the order they were written. */
function entriesFor(key: string, q: Query, from: number, to: number): Entry[][] {
  const stat = q.MetricStat!;
  const metric = stat.Metric;
  const wantDims = metric.Dimensions?.length ? dimsKey(metric.Dimensions) : undefined;
  return (sources.get(key) ?? [])
    .map((s) =>
      s.entries.filter(
        (e) =>
          e.name === metric.MetricName &&
          (wantDims !== undefined ? e.dims === wantDims : e.namespace === metric.Namespace) &&
          (!stat.Unit || e.unit === stat.Unit) &&
          e.at >= from &&
          e.at < to,
      ),
    )
    .filter((list) => list.length > 0);
}

const countOf = (es: Entry[]) => es.reduce((n, e) => n + e.counts.reduce((a, b) => a + b, 0), 0);
const sumOf = (es: Entry[]) =>
  es.reduce((n, e) => n + e.values.reduce((a, v, i) => a + v * (e.counts[i] ?? 1), 0), 0);
const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The logged entries that are exactly what moto holds for the period: every writer's, else one writer's
 * (another's may be stale after a reset), each cut to its first write calls (a later one may be on its way).
 */
function matching(perSource: Entry[][], count: number, sum: number): Entry[] | undefined {
  const fits = (es: Entry[]) => countOf(es) === count && near(sumOf(es), sum);
  const all = perSource.flat();
  if (fits(all)) return all;
  for (const [i, list] of perSource.entries()) {
    const others = perSource.filter((_, j) => j !== i).flat();
    const batches = [...new Set(list.map((e) => e.batch))];
    for (let k = batches.length; k >= 1; k--) {
      const prefix = list.filter((e) => e.batch <= batches[k - 1]!);
      if (fits([...others, ...prefix])) return [...others, ...prefix];
      if (fits(prefix)) return prefix;
    }
  }
  return undefined;
}

function freshId(taken: Set<string>, base: string): string {
  let id = base;
  for (let n = 1; taken.has(id); n++) id = `${base}_${n}`;
  taken.add(id);
  return id;
}

/**
 * The fault proxy's hook: the whole answer to a GetMetricData with percentile queries, or undefined to let
 * the call through to moto untouched (no percentile query, or a protocol this does not speak).
 */
export async function answerPercentiles(target: URL, call: PercentileCall): Promise<Reply | undefined> {
  // moto adds the values of one PutMetricData one at a time, on a thread of its own: a query that lands
  // during a write sees part of a write the log holds whole, and cannot be answered; a moment later moto
  // holds all of it. So a disagreement is asked again, twice, before it is answered as an InternalError.
  for (let attempt = 1; ; attempt++) {
    const answer = await answerOnce(target, call);
    if (!answer?.mismatched || attempt === 3) return answer?.reply;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function answerOnce(
  target: URL,
  call: PercentileCall,
): Promise<{ reply: Reply; mismatched: boolean } | undefined> {
  if (call.op !== 'GetMetricData' || (call.protocol !== 'json' && call.protocol !== 'query'))
    return undefined;
  const body = /gzip/i.test(String(call.headers['content-encoding'] ?? ''))
    ? gunzipSync(call.body)
    : call.body;
  const req: Request = call.protocol === 'json' ? JSON.parse(body.toString('utf8')) : fromQueryForm(body);
  const queries = req.MetricDataQueries ?? [];
  const taken = new Set(queries.map((q) => q.Id));
  const wanted: Wanted[] = [];
  const helpers = new Map<string, { countId: string; sumId: string }>();
  const forwarded: Query[] = [];
  for (const q of queries) {
    const p = q.MetricStat ? percentileOf(q.MetricStat.Stat) : undefined;
    if (p === undefined) {
      forwarded.push(q);
      continue;
    }
    // One SampleCount and one Sum per metric, dimensions, unit and period, however many percentiles of it.
    const { Metric, Period, Unit } = q.MetricStat!;
    const key = JSON.stringify([Metric.Namespace, Metric.MetricName, Metric.Dimensions ?? [], Period, Unit]);
    let h = helpers.get(key);
    if (!h) {
      h = {
        countId: freshId(taken, `bed_count${helpers.size}`),
        sumId: freshId(taken, `bed_sum${helpers.size}`),
      };
      helpers.set(key, h);
      for (const [id, stat] of [
        [h.countId, 'SampleCount'],
        [h.sumId, 'Sum'],
      ] as const) {
        const metricStat: Query['MetricStat'] = { Metric, Period, Stat: stat };
        if (Unit) metricStat!.Unit = Unit;
        forwarded.push({ Id: id, MetricStat: metricStat, ReturnData: true });
      }
    }
    wanted.push({ query: q, p, ...h });
  }
  if (wanted.length === 0) return undefined;

  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(call.headers)) {
    if (v === undefined || HOP_BY_HOP.has(k) || k === 'content-length' || k === 'content-encoding') continue;
    headers[k] = Array.isArray(v) ? v.join(', ') : v;
  }
  headers['content-type'] = 'application/x-amz-json-1.0';
  headers['x-amz-target'] = call.protocol === 'json' ? String(call.headers['x-amz-target']) : JSON_TARGET;
  headers['x-amzn-query-mode'] = 'true';
  const up = await post(
    target,
    headers,
    Buffer.from(JSON.stringify({ ...req, MetricDataQueries: forwarded })),
  );
  if (up.status !== 200) return { reply: call.protocol === 'json' ? up : errorToXml(up), mismatched: false };
  const answer = JSON.parse(up.body.toString('utf8')) as Response;
  const byId = new Map((answer.MetricDataResults ?? []).map((r) => [r.Id, r]));

  // moto drops the milliseconds of the range; its periods run from there.
  const start = Math.floor(toMs(req.StartTime) / 1000) * 1000;
  const end = Math.floor(toMs(req.EndTime) / 1000) * 1000;
  const key = endpointKey(target);
  const own = new Map<string, Result>();
  let mismatched = false;
  for (const w of wanted) {
    const counts = byId.get(w.countId);
    const sums = byId.get(w.sumId);
    const stat = w.query.MetricStat!;
    const label = w.query.Label ?? `${stat.Metric.MetricName} ${stat.Stat}`;
    const result: Result = {
      Id: w.query.Id,
      Label: label,
      Timestamps: [],
      Values: [],
      StatusCode: 'Complete',
    };
    const problems: string[] = [];
    (counts?.Timestamps ?? []).forEach((t, i) => {
      const from = toMs(t);
      const n = counts!.Values[i] ?? 0;
      const s = sums?.Values[sums.Timestamps.findIndex((u) => toMs(u) === from)] ?? NaN;
      const perSource = entriesFor(
        key,
        w.query,
        Math.max(from, start),
        Math.min(from + stat.Period * 1000, end),
      );
      const found = matching(perSource, n, s);
      if (!found) {
        problems.push(
          `${isoSeconds(from)}: CloudWatch holds ${n} values (sum ${s}), the values logged as written are ` +
            `${countOf(perSource.flat())} (sum ${sumOf(perSource.flat())})`,
        );
        return;
      }
      const values = found.flatMap((e) => e.values);
      // Percentiles are not available when any value is negative (GetMetricStatistics reference).
      if (values.some((v) => v < 0)) return;
      const value = weightedPercentile(
        values,
        found.flatMap((e) => e.counts),
        w.p,
      );
      if (value === undefined) return;
      result.Timestamps.push(t);
      result.Values.push(value);
    });
    if (problems.length) {
      mismatched = true;
      result.StatusCode = 'InternalError';
      result.Messages = [
        { Code: 'InternalError', Value: `${stat.Stat} not computed for ${problems.join('; ')}` },
      ];
    }
    own.set(w.query.Id, result);
  }

  const results: Result[] = [];
  for (const q of queries) {
    if (q.ReturnData === false) continue;
    const mine = own.get(q.Id) ?? (q.Expression !== undefined ? own.get(q.Expression.trim()) : undefined);
    if (mine)
      results.push({ ...mine, Id: q.Id, ...(q.Expression !== undefined && { Label: q.Label ?? q.Id }) });
    else {
      const theirs = byId.get(q.Id);
      if (theirs) results.push(theirs);
    }
  }
  const out: Response = { ...answer, MetricDataResults: results };
  const requestId = up.headers['x-amzn-requestid'] ?? randomUUID();
  const reply: Reply =
    call.protocol === 'query'
      ? {
          status: 200,
          headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
          body: Buffer.from(toXml(out, requestId)),
        }
      : {
          status: 200,
          headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': requestId },
          body: Buffer.from(JSON.stringify(out)),
        };
  return { reply, mismatched };
}
