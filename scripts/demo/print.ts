// What the demo prints while a workflow runs: a line when a job starts (or waits for its approval), each
// step's result with the lines of its log that tell the story (the shift plan, its steps, the verdict, the
// errors), the job's summary as text when it ends; and the aliases, notices and history between scenes.
import type { SnsMessage } from '@deploy-actions/testbed/release-bed';
import type { SlackPost } from '@deploy-actions/testbed/slack';
import type { HarnessEvent, JobResult, StepResult } from '@deploy-actions/testbed/workflow-types';
import { clip, summaryText, table, wrap } from './markdown';

const MAX_LOG_LINES = 12;
const LABEL_WIDTH = 30;
const OWN_ACTION = /^org\/deploy-actions\/([\w-]+)@v1$/;
const OTHER_ACTION = /^[\w.-]+\/([\w.-]+)(?:\/[\w./-]+)?@\S+$/;
const COMMAND = /^::([A-Za-z-]+)(?: [^:]*)?::(.*)$/;
const ANNOTATION: Record<string, string> = { error: 'Error', warning: 'Warning', notice: 'Notice' };
// Lines every run prints that say nothing about the release: npm's own, and the checks made while a step
// bakes (the step's verdict line follows them).
const NOISE = [
  /^> /,
  /^(up to date|added \d+ packages?|found \d+ vulnerabilit)/,
  /^npm (warn|notice)/i,
  /^step \d+\/\d+: [\d.]+% on \S+, check \d+\/\d+ /,
];

export function heading(title: string): void {
  console.log(`\n━━ ${title} ${'━'.repeat(Math.max(3, 100 - title.length))}`);
}

/** A log line as GitHub shows it: annotations labelled, other workflow commands hidden, noise left out. */
function shown(raw: string): string | undefined {
  const line = raw.trimEnd();
  const m = COMMAND.exec(line.trim());
  if (m) {
    const label = ANNOTATION[m[1]!];
    const text = m[2]!.replace(/%0D/g, '').replace(/%0A/g, ' ').replace(/%3A/g, ':').replace(/%25/g, '%');
    return label && `${label}: ${text}`;
  }
  if (line.trim() === '' || NOISE.some((re) => re.test(line.trim()))) return undefined;
  // Commits as git shows them short.
  return line.trim().replace(/\b([0-9a-f]{7})[0-9a-f]{33}\b/g, '$1');
}

/** "deploy-green (green)", "checkout", "Final status", "post shift-traffic". */
export function stepLabel(step: StepResult): string {
  if (step.phase === 'post') return step.name.replace(/^Post /, 'post ');
  const own = OWN_ACTION.exec(step.name)?.[1];
  const other = own ? undefined : OTHER_ACTION.exec(step.name)?.[1];
  const action = own ?? other;
  if (!action) return step.name;
  return step.id.startsWith('__') || step.id === action ? action : `${action} (${step.id})`;
}

function printStep(step: StepResult, seen: Set<string>): void {
  const mark = step.outcome === 'success' ? '✓' : step.outcome === 'failure' ? '✗' : '–';
  const label = stepLabel(step);
  if (step.outcome === 'skipped') {
    console.log(`    ${mark} ${label}: skipped`);
    return;
  }
  // A line a step of the same job already printed (the production guard's) is not repeated.
  const lines = step.log
    .split('\n')
    .map(shown)
    .filter((l): l is string => l !== undefined && !seen.has(l));
  for (const l of lines) seen.add(l);
  // A step that logs nothing (a run: step that writes its outputs) shows its outputs.
  if (lines.length === 0) lines.push(...Object.entries(step.outputs).map(([k, v]) => `${k}=${v}`));
  if (lines.length <= 1) {
    console.log(clip(`    ${mark} ${label.padEnd(LABEL_WIDTH)}${lines[0] ?? ''}`.trimEnd()));
    return;
  }
  console.log(`    ${mark} ${label}`);
  for (const l of lines.slice(0, MAX_LOG_LINES)) {
    for (const part of wrap('      │ ', l, '      │   ')) console.log(part);
  }
  if (lines.length > MAX_LOG_LINES) console.log(`      │ … (${lines.length - MAX_LOG_LINES} more lines)`);
}

function printJobEnd(job: JobResult, startedAt: number): void {
  const secs = ((Date.now() - startedAt) / 1000).toFixed(1);
  const outputs = Object.entries(job.outputs)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${v}`);
  console.log(
    `  ■ ${job.path}: ${job.status} in ${secs}s${outputs.length ? ` (${outputs.join(', ')})` : ''}`,
  );
  const summary = summaryText(job.steps.map((s) => s.summary));
  if (summary.length === 0) return;
  console.log('    job summary:');
  // Table rows (indented) are cut at the width; text is wrapped.
  for (const line of summary) {
    if (line.startsWith('  ')) console.log(clip(`      ▏${line}`));
    else for (const part of wrap('      ▏', line, '      ▏  ')) console.log(part);
  }
}

/** The harness's progress events printed as they come; one printer per workflow run. */
export function progressPrinter(): (event: HarnessEvent) => void {
  const started = new Map<string, number>();
  const seen = new Map<string, Set<string>>();
  return (event) => {
    switch (event.kind) {
      case 'job-started': {
        started.set(event.job, Date.now());
        seen.set(event.job, new Set());
        const env = event.environment ? ` (environment ${event.environment})` : '';
        console.log(`  ▶ ${event.job}${env}`);
        return;
      }
      case 'job-waiting':
        console.log(`  ⏸ ${event.job} (environment ${event.environment}): waiting for approval`);
        console.log('    no reviewer approves it: the job never starts, and nothing after it runs');
        return;
      case 'step-ended':
        printStep(event.step, seen.get(event.job) ?? new Set());
        return;
      case 'job-ended': {
        // A calling job (staging, production) ends with the jobs of the workflow it called: already shown.
        const at = started.get(event.job.path);
        if (at !== undefined) printJobEnd(event.job, at);
      }
    }
  };
}

/** "v2", or "v1 75% / v4 25%" for the release bed's "1 + 4@0.25". */
export function aliasText(raw: string): string {
  const [blue, split] = raw.split(' + ');
  if (!split) return `v${blue}`;
  const greens = split.split(',').map((s) => s.split('@') as [string, string]);
  const pct = (w: number) => `${Math.round(w * 1000) / 10}%`;
  const greenTotal = greens.reduce((n, [, w]) => n + Number(w), 0);
  return [`v${blue} ${pct(1 - greenTotal)}`, ...greens.map(([v, w]) => `v${v} ${pct(Number(w))}`)].join(
    ' / ',
  );
}

/** What Slack and SNS received during a scene: Slack's text, SNS's subject. */
export function printNotices(slack: SlackPost[], sns: SnsMessage[]): void {
  if (slack.length === 0 && sns.length === 0) {
    console.log('  notices: none (notify-on: failed,rolled-back)');
    return;
  }
  for (const post of slack) {
    const text = String((post.json as { text?: unknown } | undefined)?.text ?? post.raw);
    console.log('  Slack:');
    for (const line of text.split('\n')) {
      if (line.trim()) for (const part of wrap('    ┆ ', line, '    ┆   ')) console.log(part);
    }
  }
  for (const m of sns) console.log(`  SNS: subject "${m.subject ?? '(none)'}"`);
}

/** The history records (newest first, as the release bed reads them) as a table, oldest first. */
export function historyTable(records: Record<string, unknown>[]): string[] {
  const s = (v: unknown) => (v === undefined || v === null || v === '' ? '–' : String(v));
  const rows = [...records]
    .reverse()
    .map((r) => [
      s(r.id),
      s(r.environment),
      `${s(r.functionName)}:${s(r.alias)}`,
      `${s(r.blueVersion)} → ${s(r.greenVersion)}`,
      r.releaseKind ? `${s(r.strategy)} (${s(r.releaseKind)})` : s(r.strategy),
      s(r.status),
      s(r.approvedBy),
    ]);
  return table(
    ['id', 'environment', 'target', 'blue → green', 'strategy (kind)', 'status', 'approver'],
    rows,
  );
}
