import { InputError, InputReader, type Matcher } from '@deploy-actions/core';
import { readLogsConfig, type LogsConfig } from './logs-config';

export interface StatusRange {
  from: number;
  to: number;
}

export interface HealthConfig {
  /** Alarm names, and prefixes from the `orders-*` form. */
  alarms: { names: string[]; prefixes: string[] };
  metrics?: {
    /** Percent of failed requests (errors and throttles) allowed on the judged version. */
    maxErrorRate?: number;
    /** p95 latency of the judged version over the baseline's. */
    maxLatencyRatio?: number;
    /** Absolute latency limits in ms by statistic: { p95: 2000, p99: 5000 }. */
    maxLatencyMs?: Record<string, number>;
    minInvocations: number;
    windowMs: number;
  };
  http?: {
    url: string;
    method: string;
    headers: Record<string, string>;
    body?: string;
    expect: StatusRange[];
    maxLatencyMs?: number;
    samples: number;
  };
  invoke?: { payload: string; expect?: Matcher };
  /** The logs check (Lambda's report records), when any of its inputs is given. */
  logs?: LogsConfig;
  durationMs: number;
  intervalMs: number;
  consecutiveFailures: number;
  /** wait (shift-traffic only): an inconclusive step bakes on until the sample is reached or max-bake passes. */
  onInconclusive: 'fail' | 'pass' | 'wait';
}

const HOUR = 3_600_000;
// eslint-disable-next-line no-control-regex -- alarm names are any printable characters
const ALARM_NAME = /^[^\u0000-\u001f\u007f]{1,255}$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e]*$/;

/**
 * Every health input, checked; shared by health-gate and shift-traffic so both judge alike. `wait`: whether
 * on-inconclusive may be wait (a shift's step can bake on; a single verdict cannot).
 */
export function readHealthConfig(inputs: InputReader, opts: { wait?: boolean } = {}): HealthConfig {
  const alarms = parseAlarms(inputs.text('alarms', { multiline: true }));

  const maxErrorRate = optionalNumber(inputs, 'max-error-rate', {
    min: 0,
    max: 100,
    expected: 'a percentage from 0 to 100, for example 2',
    percent: true,
  });
  const maxLatencyRatio = optionalNumber(inputs, 'max-latency-ratio', {
    min: 1,
    max: 100,
    expected: 'a ratio from 1 to 100 of green p95 over blue p95, for example 1.5',
  });
  const maxLatencyMs = parseLatencyLimits(inputs.text('max-latency-ms'));
  const minInvocations = inputs.integer('min-invocations', 50, 1, 1_000_000_000);
  const windowMs = inputs.duration('window', '5m', { ms: 24 * HOUR, label: '24h' });
  if (windowMs < 60_000 || windowMs % 60_000 !== 0) {
    throw new InputError(
      'window',
      inputs.text('window'),
      'must be whole minutes, at least 1m: Lambda publishes metrics per minute',
    );
  }
  const metrics =
    maxErrorRate !== undefined || maxLatencyRatio !== undefined || maxLatencyMs
      ? { maxErrorRate, maxLatencyRatio, ...(maxLatencyMs && { maxLatencyMs }), minInvocations, windowMs }
      : undefined;

  const http = readHttp(inputs);
  const payload = inputs.json('invoke-payload');
  const expect = inputs.matcher('invoke-expect');
  if (expect && !payload)
    throw new InputError('invoke-expect', inputs.text('invoke-expect'), 'needs invoke-payload');
  const logs = readLogsConfig(inputs, windowMs);

  const durationMs = inputs.duration('duration', '0', { ms: 6 * HOUR, label: '6h' });
  const intervalMs = inputs.duration('interval', '1m', { ms: HOUR, label: '1h' });
  if (intervalMs < 1000) throw new InputError('interval', inputs.text('interval'), 'must be at least 1s');
  const consecutiveFailures = inputs.integer('consecutive-failures', 1, 1, 100);
  const onInconclusive = inputs.oneOf(
    'on-inconclusive',
    opts.wait ? (['fail', 'pass', 'wait'] as const) : (['fail', 'pass'] as const),
    'fail',
  );
  return {
    alarms,
    ...(metrics && { metrics }),
    ...(http && { http }),
    ...(payload && { invoke: { payload, expect } }),
    ...(logs && { logs }),
    durationMs,
    intervalMs,
    consecutiveFailures,
    onInconclusive,
  };
}

/** A gate with nothing to check would pass anything: fail closed instead. */
export function requireChecks(c: HealthConfig): void {
  if (!hasChecks(c)) {
    throw new InputError(
      'alarms',
      '',
      'health-gate needs at least one check: alarms, max-error-rate, max-latency-ratio, max-latency-ms, http-url, invoke-payload or a logs rule (max-consecutive-failures, max-timeouts, max-memory-mb, max-duration-ratio, max-init-ratio)',
    );
  }
}

export function hasAlarms(c: HealthConfig): boolean {
  return c.alarms.names.length + c.alarms.prefixes.length > 0;
}

export function hasChecks(c: HealthConfig): boolean {
  return hasAlarms(c) || !!c.metrics || !!c.http || !!c.invoke || !!c.logs;
}

/** "orders-errors, orders-latency" or one per line; "orders-*" is every alarm whose name starts "orders-". */
export function parseAlarms(text: string): HealthConfig['alarms'] {
  const names: string[] = [];
  const prefixes: string[] = [];
  for (const item of text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (!ALARM_NAME.test(item))
      throw new InputError('alarms', item, 'must be CloudWatch alarm names of 1 to 255 characters');
    const star = item.indexOf('*');
    if (star === -1) names.push(item);
    else if (star === item.length - 1 && star > 0) prefixes.push(item.slice(0, -1));
    else throw new InputError('alarms', item, 'may use * only at the end of a name, as a prefix: orders-*');
  }
  if (names.length > 100) throw new InputError('alarms', text, 'may name at most 100 alarms');
  return { names, prefixes };
}

const LATENCY_LIMITS =
  'must be latency limits in ms by percentile, such as p95=2000,p99=5000 (a bare number means p99): percentiles p1 to p99.9, each named once, limits whole ms from 1 to 900000';

/** "p95=2000,p99=5000"; a bare "3000" is p99=3000. */
export function parseLatencyLimits(text: string): Record<string, number> | undefined {
  if (text === '') return undefined;
  const limits: Record<string, number> = {};
  for (const item of text.split(',').map((s) => s.trim())) {
    const m = /^(?:(p\d{1,2}(?:\.\d)?)\s*=\s*)?(\d{1,6})$/.exec(item);
    const stat = m ? (m[1] ?? 'p99') : '';
    const ms = Number(m?.[2]);
    if (!m || Number(stat.slice(1)) < 1 || ms < 1 || ms > 900_000 || stat in limits) {
      throw new InputError('max-latency-ms', text, LATENCY_LIMITS);
    }
    limits[stat] = ms;
  }
  return limits;
}

/** "200-299", "200,204,300-399": the statuses a healthy endpoint answers with. */
export function parseStatusRanges(name: string, text: string): StatusRange[] {
  return text.split(',').map((part) => {
    const m = /^\s*(\d{3})(?:\s*-\s*(\d{3}))?\s*$/.exec(part);
    const from = Number(m?.[1]);
    const to = Number(m?.[2] ?? m?.[1]);
    if (!m || from < 100 || to > 599 || from > to) {
      throw new InputError(
        name,
        text,
        'must be HTTP statuses or ranges from 100 to 599, for example 200-299 or 200,204,301-302',
      );
    }
    return { from, to };
  });
}

function readHttp(inputs: InputReader): HealthConfig['http'] {
  // Inputs with an action.yml default always arrive, so they are checked whether or not a URL is given.
  const method = inputs.oneOf(
    'http-method',
    ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const,
    'GET',
  );
  const expect = parseStatusRanges('http-expect-status', inputs.text('http-expect-status') || '200-299');
  const samples = inputs.integer('http-samples', 3, 1, 100);
  const url = inputs.text('http-url');
  if (!url) {
    const stray = ['http-max-latency-ms', 'http-headers', 'http-body'].find(
      (n) => inputs.text(n, { multiline: true }) !== '',
    );
    if (stray) throw new InputError(stray, inputs.text(stray, { multiline: true }), 'needs http-url');
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError('http-url', url, 'must be an absolute http:// or https:// URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InputError('http-url', url, 'must be an absolute http:// or https:// URL');
  }
  // Credentials in a URL would be printed in every log line and report that names the probe.
  if (parsed.username || parsed.password) {
    throw new InputError(
      'http-url',
      url.replace(/\/\/[^@/]*@/, '//***@'),
      'must not hold credentials: send them in http-headers (Authorization: ...)',
    );
  }
  const headers: Record<string, string> = {};
  for (const line of inputs
    .text('http-headers', { multiline: true })
    .split('\n')
    .filter((l) => l.trim())) {
    const m = /^([^:]+):(.*)$/.exec(line.trim());
    if (!m || !HEADER_NAME.test(m[1].trim()) || !HEADER_VALUE.test(m[2])) {
      throw new InputError(
        'http-headers',
        line,
        'must be one "Name: value" header per line, in printable ASCII',
      );
    }
    headers[m[1].trim()] = m[2].trim();
  }
  const body = inputs.text('http-body', { multiline: true, max: 64 * 1024 });
  if (body && (method === 'GET' || method === 'HEAD')) {
    throw new InputError(
      'http-body',
      body,
      `cannot go with http-method ${method}: use POST, PUT, PATCH, DELETE or OPTIONS`,
    );
  }
  const maxLatencyMs = inputs.text('http-max-latency-ms')
    ? inputs.integer('http-max-latency-ms', 0, 1, 600_000)
    : undefined;
  return {
    url: parsed.toString(),
    method,
    headers,
    ...(body && { body }),
    expect,
    ...(maxLatencyMs !== undefined && { maxLatencyMs }),
    samples,
  };
}

function optionalNumber(
  inputs: InputReader,
  name: string,
  range: { min: number; max: number; expected: string; percent?: boolean },
): number | undefined {
  const raw = inputs.text(name);
  const text = range.percent ? raw.replace(/%$/, '') : raw;
  if (text === '') return undefined;
  if (!/^\d+(\.\d+)?$/.test(text) || Number(text) < range.min || Number(text) > range.max) {
    throw new InputError(name, raw, `must be ${range.expected}`);
  }
  return Number(text);
}
