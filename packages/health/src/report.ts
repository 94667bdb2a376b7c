import { table } from '@deploy-actions/core';
import type { Subject } from './result';
import type { Evaluation, WatchResult } from './evaluate';

/** The `report` output: every evaluation with each check's observed values and thresholds. */
export function reportJson(t: Subject, w: WatchResult): string {
  return JSON.stringify({
    version: t.version,
    baseline: t.baseline ?? null,
    verdict: w.verdict,
    reason: w.reason,
    evaluations: w.evaluations.map((e) => ({
      at: new Date(e.at).toISOString(),
      verdict: e.verdict,
      checks: e.checks,
    })),
  });
}

/** Job summary: the last evaluation's checks as a table, and error rate and latency over the evaluations. */
export function summaryMarkdown(title: string, t: Subject, w: WatchResult): string {
  const last = w.evaluations[w.evaluations.length - 1];
  const rows = (last?.checks ?? []).map((c) => [
    c.check,
    c.verdict,
    fmt(c.observed),
    fmt(c.threshold),
    c.reason,
  ]);
  return [
    `### ${title}: ${t.label(t.version)}${t.baseline ? ` against ${t.label(t.baseline)}` : ''}: ${w.verdict}`,
    '',
    w.reason,
    '',
    table(['check', 'verdict', 'observed', 'threshold', 'reason'], rows),
    '',
    chart(w.evaluations),
  ].join('\n');
}

function fmt(values: Record<string, unknown>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

/** A Mermaid xychart (GitHub renders it in job summaries) of the judged version's error rate and p95 over time. */
export function chart(evaluations: Evaluation[]): string {
  const points = evaluations
    .map((e) => ({ at: e.at, metrics: e.checks.find((c) => c.check === 'metrics')?.observed }))
    .filter((p) => p.metrics && p.metrics.errorRate !== null && p.metrics.errorRate !== undefined);
  if (points.length < 2) return '';
  const start = points[0].at;
  const labels = points.map((p) => `"+${Math.round((p.at - start) / 1000)}s"`).join(', ');
  const errorRates = points.map((p) => Number(p.metrics!.errorRate)).join(', ');
  const lines = [
    '```mermaid',
    'xychart-beta',
    '  title "Error rate (%) of the judged version"',
    `  x-axis [${labels}]`,
    '  y-axis "error rate %"',
    `  line [${errorRates}]`,
    '```',
  ];
  const latencies = points.map((p) => p.metrics!.p95);
  if (latencies.every((l) => typeof l === 'number')) {
    lines.push(
      '',
      '```mermaid',
      'xychart-beta',
      '  title "p95 Duration (ms) of the judged version"',
      `  x-axis [${labels}]`,
      '  y-axis "ms"',
      `  line [${latencies.join(', ')}]`,
      '```',
    );
  }
  return lines.join('\n') + '\n';
}
