// The `logs` check: green judged invocation by invocation from the report records in the function's log group.
import { awsErrorName, errorMessage } from '@deploy-actions/core';
import { round, unreadable, type CheckResult, type LogsConfig, type Subject } from '@deploy-actions/health';
import { invocations } from './assemble';
import type { LogsRead } from './read';
import { findings, verdictOf } from './rules';
import { figuresOf, longestFailingStreak, mean, p95, type VersionFigures } from './runs';

/** Where the records come from; the check itself makes no call. */
export interface LogsSource {
  /** log-group, else the function's own log group. */
  logGroup(version: string): Promise<string>;
  read(logGroup: string, since: number): Promise<LogsRead>;
}

export async function checkLogs(
  src: LogsSource,
  cfg: LogsConfig,
  functionName: string,
  s: Subject,
  now: number,
): Promise<CheckResult> {
  const since = s.since ?? now - cfg.windowMs;
  let group = cfg.logGroup ?? '';
  try {
    group ||= await src.logGroup(s.version);
    const read = await src.read(group, since);
    const all = invocations(read.events, functionName);
    const green = figuresOf(all.filter((r) => r.version === s.version));
    const blue = s.baseline ? figuresOf(all.filter((r) => r.version === s.baseline)) : undefined;
    return judgeLogs({ s, green, ...(blue && { blue }), cfg }, { group, since, complete: read.complete });
  } catch (err) {
    // Lambda creates the group at the function's first logged run: no group is no evidence yet, not a failure.
    // https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-loggroups.html
    if (awsErrorName(err) === 'ResourceNotFoundException') {
      const reason = `no report records of ${s.label(s.version)} yet: log group ${group} does not exist until the function's first run logs (set log-group if the function logs elsewhere)`;
      return { check: 'logs', verdict: 'inconclusive', reason, observed: {}, threshold: {} };
    }
    return unreadable(
      'logs',
      `could not read the report records of ${s.label(s.version)}: ${errorMessage(err)}`,
    );
  }
}

interface Source {
  group: string;
  since: number;
  complete: boolean;
}

export function judgeLogs(
  c: { s: Subject; green: VersionFigures; blue?: VersionFigures; cfg: LogsConfig },
  src: Source,
): CheckResult {
  const result = (r: Pick<CheckResult, 'verdict' | 'reason'>): CheckResult => ({
    check: 'logs',
    ...r,
    observed: observed(c, src),
    threshold: threshold(c.cfg),
  });
  const from = `in ${src.group} since ${new Date(src.since).toISOString()}`;
  if (!src.complete) {
    return result({
      verdict: 'inconclusive',
      reason: `too many records ${from} to read them all: judge a shorter time`,
    });
  }
  if (c.green.records === 0) {
    return result({
      verdict: 'inconclusive',
      reason: `no report record of ${c.s.label(c.s.version)} ${from}: it has not run yet`,
    });
  }
  return result(verdictOf(c, findings(c)));
}

function observed(c: { green: VersionFigures; blue?: VersionFigures; cfg: LogsConfig }, src: Source) {
  const { green: g, blue: b } = c;
  const stat = c.cfg.maxDurationRatio?.stat ?? 'p95';
  const dur = (f?: VersionFigures) => (f ? ((stat === 'mean' ? mean : p95)(f.durations) ?? null) : null);
  const initMean = (f?: VersionFigures) => (f ? (mean(f.inits) ?? null) : null);
  const ratio = (x: number | null, y: number | null) => (x !== null && y ? round(x / y) : null);
  return {
    logGroup: src.group,
    since: new Date(src.since).toISOString(),
    records: g.records,
    runs: g.runs.length,
    failedInARow: longestFailingStreak(g.runs).length,
    timeouts: g.runs.filter((r) => r.timedOut).length,
    maxMemoryMb: g.memory.length ? Math.max(...g.memory) : null,
    [`${stat}DurationMs`]: round(dur(g), 1),
    [`baseline${stat === 'mean' ? 'Mean' : 'P95'}DurationMs`]: round(dur(b), 1),
    durationRatio: ratio(dur(g), dur(b)),
    coldStarts: g.inits.length,
    initDurationMs: round(initMean(g), 1),
    baselineInitDurationMs: round(initMean(b), 1),
    initRatio: ratio(initMean(g), initMean(b)),
    baselineRecords: b ? b.records : null,
  };
}

function threshold(cfg: LogsConfig) {
  const d = cfg.maxDurationRatio;
  return {
    maxConsecutiveFailures: cfg.maxConsecutiveFailures ?? null,
    maxTimeouts: cfg.maxTimeouts ?? null,
    maxMemoryMb: cfg.maxMemoryMb ?? null,
    maxDurationRatio: d ? `${d.stat}=${d.ratio}` : null,
    maxInitRatio: cfg.maxInitRatio ?? null,
  };
}
