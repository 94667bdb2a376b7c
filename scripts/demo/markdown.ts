// Job summaries as a terminal shows them: the markdown the steps wrote to GITHUB_STEP_SUMMARY turned into
// plain text (headings, aligned tables, no emphasis), each section once per job, and tables laid out in
// columns for the history at the end.

/** Lines longer than this end in an ellipsis. */
export const WIDTH = 150;

export function clip(line: string, width = WIDTH): string {
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

/** `text` after `prefix`, its words carried over to lines of their own after `indent` past `width`. */
export function wrap(prefix: string, text: string, indent: string, width = WIDTH): string[] {
  const out: string[] = [];
  let current = prefix;
  for (const word of text.split(' ')) {
    const fresh = current === prefix || current === indent;
    if (!fresh && current.length + 1 + word.length > width) {
      out.push(current);
      current = `${indent}${word}`;
    } else current = fresh ? `${current}${word}` : `${current} ${word}`;
  }
  return [...out, current];
}

function widthsOf(rows: string[][]): number[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return widths;
}

/** Rows padded into columns two spaces apart; trailing spaces dropped. */
export function columns(rows: string[][]): string[] {
  const widths = widthsOf(rows);
  return rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}

/** A header row, a rule under each of its columns, then the rows. */
export function table(header: string[], rows: string[][]): string[] {
  const rule = widthsOf([header, ...rows]).map((w) => '─'.repeat(w));
  return columns([header, rule, ...rows]);
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((c) => c.trim());
}

const isRule = (line: string) => /^\|?[\s|:-]+\|?$/.test(line.trim()) && line.includes('-');
const plain = (text: string) => text.replace(/\*\*(.*?)\*\*/g, '$1').replace(/`([^`]*)`/g, '$1');

/**
 * One markdown section (a heading and what follows it) as text lines. The tables of what each history
 * backend recorded (header "backend") are left out: the step's log says the same, a line per backend.
 */
function renderSection(lines: string[]): string[] {
  const out: string[] = [];
  let tableRows: string[][] = [];
  const flush = () => {
    if (tableRows.length && tableRows[0]![0] !== 'backend') {
      out.push(...columns(tableRows).map((l) => `  ${l}`));
    }
    tableRows = [];
  };
  for (const line of lines) {
    if (line.trim().startsWith('|')) {
      if (!isRule(line)) tableRows.push(cells(plain(line)));
      continue;
    }
    flush();
    if (line.trim() === '') continue;
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    out.push(heading ? `» ${plain(heading[1]!)}` : plain(line));
  }
  flush();
  return out;
}

/** Splits a summary into sections, each starting at a heading. */
function sections(markdown: string): string[][] {
  const out: string[][] = [];
  for (const line of markdown.split('\n')) {
    if (/^#{1,6}\s/.test(line) || out.length === 0) out.push([]);
    out.at(-1)!.push(line);
  }
  return out;
}

/**
 * The job's summary as text: its steps' summaries in order, a section repeated by a later step (the
 * production guard's, say) shown once, at most `max` lines.
 */
export function summaryText(summaries: string[], max = 40): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const markdown of summaries) {
    for (const section of sections(markdown)) {
      const key = section.join('\n').trim();
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      out.push(...renderSection(section));
    }
  }
  if (out.length <= max) return out;
  return [...out.slice(0, max), `… (${out.length - max} more lines)`];
}
