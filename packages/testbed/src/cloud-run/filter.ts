// Cloud Monitoring's filter language, the part a time-series query uses
// (https://cloud.google.com/monitoring/api/v3/filters): selectors metric.type, resource.type, project,
// metric.labels.K / metric.label.K, resource.labels.K / resource.label.K; = != and : (has); string values and
// starts_with, ends_with, has_substring, one_of, monitoring.regex.full_match; AND (or juxtaposition), OR, NOT,
// parentheses.
import { GoogleError } from './errors';

/** A series' labels by selector: metric.type, resource.type, project, metric.labels.K, resource.labels.K. */
export type Labels = Record<string, string>;
export type Predicate = (labels: Labels) => boolean;

const TOKEN = /\s*(?:(\()|(\))|(,)|(!=|=|:)|("(?:[^"\\]|\\.)*")|([A-Za-z_][\w.]*(?:\([^)]*\))?))/y;

type Tok = { kind: '(' | ')' | ',' | 'op' | 'str' | 'word'; text: string };

function tokenize(filter: string): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < filter.length) {
    if (/^\s*$/.test(filter.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(filter);
    if (!m) throw invalid(filter, `unexpected character at ${at}`);
    if (m[1]) out.push({ kind: '(', text: '(' });
    else if (m[2]) out.push({ kind: ')', text: ')' });
    else if (m[3]) out.push({ kind: ',', text: ',' });
    else if (m[4]) out.push({ kind: 'op', text: m[4] });
    else if (m[5]) out.push({ kind: 'str', text: JSON.parse(m[5]) as string });
    else out.push({ kind: 'word', text: m[6]! });
  }
  return out;
}

function invalid(filter: string, why: string): GoogleError {
  return new GoogleError('INVALID_ARGUMENT', `Field filter had an invalid value of "${filter}": ${why}.`);
}

function selectorKey(word: string): string | undefined {
  if (['metric.type', 'resource.type', 'project'].includes(word)) return word;
  const m = /^(metric|resource)\.labels?\.(\w+)$/.exec(word);
  return m ? `${m[1]}.labels.${m[2]}` : undefined;
}

function matcher(fn: string, args: string[], filter: string): (v: string | undefined) => boolean {
  const a = args[0] ?? '';
  switch (fn) {
    case 'starts_with':
      return (v) => v !== undefined && v.startsWith(a);
    case 'ends_with':
      return (v) => v !== undefined && v.endsWith(a);
    case 'has_substring':
      return (v) => v !== undefined && v.includes(a);
    case 'one_of':
      return (v) => v !== undefined && args.includes(v);
    case 'monitoring.regex.full_match': {
      const re = new RegExp(`^(?:${a})$`);
      return (v) => v !== undefined && re.test(v);
    }
  }
  throw invalid(filter, `unknown function ${fn}`);
}

/** Parses a filter; the metric types it pins with `metric.type = "..."` come back too. */
export function parseFilter(filter: string): { test: Predicate; metricTypes: string[] } {
  const toks = tokenize(filter);
  let i = 0;
  const metricTypes: string[] = [];
  const peek = () => toks[i];
  const take = () =>
    toks[i++] ??
    (() => {
      throw invalid(filter, 'unexpected end');
    })();

  function value(): (v: string | undefined) => boolean {
    const t = take();
    if (t.kind === 'str') return (v) => v === t.text;
    if (t.kind !== 'word') throw invalid(filter, `expected a value, got ${t.text}`);
    const call = /^([\w.]+)\((.*)\)$/.exec(t.text);
    if (call) {
      const args = [...call[2]!.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map(
        (m) => JSON.parse(`"${m[1]}"`) as string,
      );
      return matcher(call[1]!, args, filter);
    }
    if (peek()?.kind === '(') {
      take();
      const args: string[] = [];
      while (peek() && peek()!.kind !== ')') {
        const a = take();
        if (a.kind === 'str' || a.kind === 'word') args.push(a.text);
      }
      take();
      return matcher(t.text, args, filter);
    }
    return (v) => v === t.text;
  }

  function term(): Predicate {
    const t = take();
    if (t.kind === '(') {
      const e = or();
      if (take().kind !== ')') throw invalid(filter, 'expected )');
      return e;
    }
    if (t.kind === 'word' && t.text === 'NOT') {
      const inner = term();
      return (l) => !inner(l);
    }
    const key = t.kind === 'word' ? selectorKey(t.text) : undefined;
    if (!key) throw invalid(filter, `unknown selector ${t.text}`);
    const op = take();
    if (op.kind !== 'op') throw invalid(filter, `expected an operator after ${t.text}`);
    const start = i;
    const match = value();
    if (key === 'metric.type' && op.text === '=' && toks[start]?.kind === 'str')
      metricTypes.push(toks[start]!.text);
    if (op.text === ':') return (l) => l[key] !== undefined && l[key]!.includes(toks[start]!.text);
    return op.text === '!=' ? (l) => !match(l[key]) : (l) => match(l[key]);
  }

  function and(): Predicate {
    const parts = [term()];
    while (peek() && peek()!.kind !== ')' && !(peek()!.kind === 'word' && peek()!.text === 'OR')) {
      if (peek()!.kind === 'word' && peek()!.text === 'AND') take();
      parts.push(term());
    }
    return (l) => parts.every((p) => p(l));
  }

  function or(): Predicate {
    const parts = [and()];
    while (peek()?.kind === 'word' && peek()!.text === 'OR') {
      take();
      parts.push(and());
    }
    return (l) => parts.some((p) => p(l));
  }

  const test = or();
  if (i < toks.length) throw invalid(filter, `unexpected ${toks[i]!.text}`);
  return { test, metricTypes };
}
