// The job summary tables of a history: delivery figures and recent deployments.
import { formatDuration, table } from '@deploy-actions/core';
import type { DeploymentRecord } from './record';
import type { DeliveryStats } from './stats';

const percent = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);
const duration = (ms: number | null) => (ms === null ? '–' : formatDuration(ms));
const perDay = (x: number) => (x >= 1 ? x.toFixed(1) : x.toFixed(2));

export function statsMarkdown(stats: DeliveryStats, where: string): string {
  const s = stats;
  return [
    `#### Delivery over the last ${Math.round(s.period.days)} days (${where})`,
    '',
    table(
      ['figure', 'value'],
      [
        [
          'deployments',
          `${s.count} (${s.succeeded} succeeded, ${s.failed} failed, ${s.rolledBack} rolled back, ${s.inProgress} in progress)`,
        ],
        ['success rate', percent(s.successRate)],
        ['change failure rate', percent(s.changeFailureRate)],
        ['duration, median', duration(s.durationMs.median)],
        ['duration, p95', duration(s.durationMs.p95)],
        [
          'time to restore, median',
          `${duration(s.timeToRestoreMs.median)} (${s.timeToRestoreMs.restored} restored, ${s.timeToRestoreMs.unrestored} not yet)`,
        ],
        ['rollbacks', String(s.rollbacks)],
        ['hotfixes (succeeded)', `${s.hotfixes.count} (${s.hotfixes.succeeded})`],
        ['deployments per day', perDay(s.deploymentsPerDay)],
        ['successful deployments per day', perDay(s.successfulPerDay)],
      ],
    ),
    '',
  ].join('\n');
}

/** Newest first, at most `limit` rows. */
export function recentMarkdown(records: readonly DeploymentRecord[], limit = 10): string {
  const rows = [...records]
    .sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1))
    .slice(0, limit)
    .map((r) => [
      r.id,
      r.startedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
      `${r.blueVersion || '–'} → ${r.greenVersion}`,
      r.strategy,
      r.status,
      r.endedAt ? formatDuration(Date.parse(r.endedAt) - Date.parse(r.startedAt)) : '–',
      r.actor || '–',
    ]);
  if (rows.length === 0) return '';
  return [
    '#### Recent deployments',
    '',
    table(['deployment', 'started', 'versions', 'strategy', 'status', 'took', 'by'], rows),
    '',
  ].join('\n');
}
