// The logs check's rules over green's (and blue's) figures. No minimum sample: a function invoked six times a day
// is judged by the runs it had, and a rule with nothing to compare is inconclusive or, for cold starts, not judged.
// A duration ratio over its limit is unhealthy only when the runs show it significantly.
import {
  round,
  welchGreater,
  type CheckResult,
  type LogsConfig,
  type Subject,
  type Verdict,
} from '@deploy-actions/health';
import { longestFailingStreak, mean, p95, type VersionFigures } from './runs';

type Finding = { verdict: Verdict | 'not judged'; text: string };

interface Context {
  s: Subject;
  green: VersionFigures;
  /** Undefined when there is no baseline version. */
  blue?: VersionFigures;
  cfg: LogsConfig;
}

const v = (c: Context, version = c.s.version) => c.s.label(version);
const ms = (n: number) => `${round(n, 1)}ms`;
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const SIGNIFICANCE = 0.05;

/**
 * A ratio over its limit is unhealthy only when green's times (log scale, where a ratio is a difference) are
 * significantly more than `limit` times blue's by a one-sided Welch test. Short of that it is not held against
 * green: a few runs of blue put its p95 low, and a step waiting on luck would end at max-bake, rolled back.
 */
function overLimit(green: number[], blue: number[], limit: number, text: string, rule: string): Finding {
  const log = (xs: number[]) => xs.map((x) => Math.log(Math.max(x, 0.01)));
  const p = welchGreater(log(green), log(blue), Math.log(limit));
  const runs = `${green.length} and ${blue.length} runs`;
  if (p === undefined) {
    return {
      verdict: 'inconclusive',
      text: `${text} > ${rule}, with fewer than 2 runs a side to test (${runs})`,
    };
  }
  const pText = p < 0.001 ? 'p<0.001' : `p=${round(p, 3)}`;
  if (p >= SIGNIFICANCE) {
    return {
      verdict: 'healthy',
      text: `${text}, over ${rule} but not significantly (${pText} over ${runs})`,
    };
  }
  return { verdict: 'unhealthy', text: `${text} > ${rule} (${pText} over ${runs})` };
}

function consecutive(c: Context, max: number): Finding {
  const streak = longestFailingStreak(c.green.runs);
  const text = `${plural(streak.length, 'run')} of ${v(c)} failed in a row`;
  if (streak.length >= max) {
    return {
      verdict: 'unhealthy',
      text: `${text} (${streak.join(', ')}), max-consecutive-failures ${max}`,
    };
  }
  return { verdict: 'healthy', text: `${text} (< ${max})` };
}

function timeouts(c: Context, max: number): Finding {
  const n = c.green.runs.filter((r) => r.timedOut).length;
  const text = `${n} of ${c.green.runs.length} runs of ${v(c)} timed out`;
  return n > max
    ? { verdict: 'unhealthy', text: `${text} > max-timeouts ${max}` }
    : { verdict: 'healthy', text: `${text} (≤ ${max})` };
}

function memory(c: Context, max: number): Finding {
  const used = c.green.memory.length ? Math.max(...c.green.memory) : undefined;
  if (used === undefined)
    return { verdict: 'inconclusive', text: `no Max Memory Used in the records of ${v(c)}` };
  // Max Memory Used is the environment's peak so far, across its invocations:
  // https://docs.aws.amazon.com/lambda/latest/dg/csharp-logging.html ("REPORT line data fields")
  return used > max
    ? { verdict: 'unhealthy', text: `${v(c)} used ${used} MB (Max Memory Used) > max-memory-mb ${max}` }
    : { verdict: 'healthy', text: `${v(c)} used at most ${used} MB (≤ ${max})` };
}

function duration(c: Context, rule: NonNullable<LogsConfig['maxDurationRatio']>): Finding {
  if (!c.blue) return { verdict: 'not judged', text: 'duration ratio not judged: no baseline version' };
  const stat = rule.stat === 'mean' ? mean : p95;
  const g = stat(c.green.durations);
  const b = stat(c.blue.durations);
  if (b === undefined) {
    return {
      verdict: 'inconclusive',
      text: `no report record of ${v(c, c.s.baseline)} to compare ${v(c)}'s duration with`,
    };
  }
  const ratio = b > 0 ? g! / b : Infinity;
  const text = `${v(c)} ${rule.stat} duration ${ms(g!)} is ${round(ratio)}× ${v(c, c.s.baseline)}'s ${ms(b)}`;
  if (ratio <= rule.ratio) return { verdict: 'healthy', text: `${text} (≤ ${rule.ratio})` };
  const limit = `max-duration-ratio ${rule.stat}=${rule.ratio}`;
  return overLimit(c.green.durations, c.blue.durations, rule.ratio, text, limit);
}

// No Init Duration with provisioned concurrency or SnapStart (init happens before any request): nothing to judge.
function init(c: Context, max: number): Finding {
  const g = mean(c.green.inits);
  const b = c.blue && mean(c.blue.inits);
  const none = (version?: string) => ({
    verdict: 'not judged' as const,
    text: `init ratio not judged: ${v(c, version)} had no cold start with an Init Duration (none with provisioned concurrency or SnapStart)`,
  });
  if (!c.blue) return { verdict: 'not judged', text: 'init ratio not judged: no baseline version' };
  if (g === undefined) return none();
  if (b === undefined) return none(c.s.baseline);
  const ratio = b > 0 ? g / b : Infinity;
  const starts = plural(c.green.inits.length, 'cold start');
  const text = `${v(c)} mean Init Duration ${ms(g)} over ${starts} is ${round(ratio)}× ${v(c, c.s.baseline)}'s ${ms(b)}`;
  // Judged as it stands: an environment starts cold once, so cold starts stay too few for a test.
  return ratio > max
    ? { verdict: 'unhealthy', text: `${text} > max-init-ratio ${max}` }
    : { verdict: 'healthy', text: `${text} (≤ ${max})` };
}

/** Every configured rule's finding, in the order the inputs are documented. */
export function findings(c: Context): Finding[] {
  const { cfg } = c;
  return [
    cfg.maxConsecutiveFailures !== undefined && consecutive(c, cfg.maxConsecutiveFailures),
    cfg.maxTimeouts !== undefined && timeouts(c, cfg.maxTimeouts),
    cfg.maxMemoryMb !== undefined && memory(c, cfg.maxMemoryMb),
    cfg.maxDurationRatio && duration(c, cfg.maxDurationRatio),
    cfg.maxInitRatio !== undefined && init(c, cfg.maxInitRatio),
  ].filter((f): f is Finding => !!f);
}

/** One verdict: any rule broken is unhealthy; then any rule short of evidence is inconclusive. */
export function verdictOf(c: Context, found: Finding[]): Pick<CheckResult, 'verdict' | 'reason'> {
  for (const verdict of ['unhealthy', 'inconclusive'] as const) {
    const hit = found.filter((f) => f.verdict === verdict);
    if (hit.length) return { verdict, reason: hit.map((f) => f.text).join('; ') };
  }
  const head = `${v(c)}: ${plural(c.green.runs.length, 'run')} (${plural(c.green.records, 'record')})`;
  return { verdict: 'healthy', reason: [head, ...found.map((f) => f.text)].join('; ') };
}
