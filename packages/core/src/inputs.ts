import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseDuration } from './duration';
import { InputError } from './errors';

// Control characters would smuggle workflow commands (`\n::error::`) or header breaks into logs and API calls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** Reads and checks inputs; every failure is an InputError naming the input. */
export class InputReader {
  constructor(private readonly get: (name: string) => string) {}

  /** Trimmed text, '' when absent; never multi-line. */
  text(name: string, opts: { max?: number; multiline?: boolean } = {}): string {
    const value = (this.get(name) ?? '').trim();
    if (!opts.multiline && CONTROL.test(value)) {
      throw new InputError(name, value, 'must be a single line without control characters');
    }
    if (opts.max !== undefined && value.length > opts.max) {
      throw new InputError(name, value, `must be at most ${opts.max} characters (got ${value.length})`);
    }
    return value;
  }

  required(name: string, expected: string): string {
    const value = this.text(name);
    if (value === '') throw new InputError(name, value, `is required: ${expected}`);
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.text(name);
    if (value === '') return fallback;
    const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
    if (!match) throw new InputError(name, value, `must be one of ${allowed.join(', ')}`);
    return match;
  }

  /** Milliseconds from 0, 30s, 5m, 1h, 1h30m, 7d; `fallback` when empty. */
  duration(name: string, fallback: string, max: { ms: number; label: string }): number {
    const value = this.text(name) || fallback;
    const ms = parseDuration(value);
    if (ms === null) {
      throw new InputError(
        name,
        value,
        'must be a duration such as 0, 30s, 5m, 1h, 1h30m or 7d (units ms, s, m, h, d)',
      );
    }
    if (ms > max.ms) throw new InputError(name, value, `must be at most ${max.label}`);
    return ms;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.text(name);
    if (value === '') return fallback;
    if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      throw new InputError(name, value, `must be a whole number from ${min} to ${max}`);
    }
    return Number(value);
  }

  /** A percentage above 0 and at most 100, with at most two decimals (Lambda weights are fractions of 1). */
  percent(name: string, fallback: number): number {
    const value = this.text(name);
    if (value === '') return fallback;
    return parsePercent(name, value, value.replace(/%$/, ''));
  }

  /** A JSON document (as text), '' when absent. */
  json(name: string): string {
    const value = this.text(name, { multiline: true, max: 256 * 1024 });
    if (value === '') return '';
    try {
      JSON.parse(value);
    } catch (err) {
      throw new InputError(name, value, `must be valid JSON (${(err as Error).message})`);
    }
    return value;
  }

  /** Substring match, or a /regular expression/ with optional flags i, m, s, u. */
  matcher(name: string): Matcher | undefined {
    const value = this.text(name);
    if (value === '') return undefined;
    const re = /^\/(.+)\/([a-z]*)$/s.exec(value);
    if (!re) return { describe: JSON.stringify(value), test: (s) => s.includes(value) };
    if (!/^[imsu]*$/.test(re[2])) {
      throw new InputError(
        name,
        value,
        `uses regular expression flags "${re[2]}"; only i, m, s and u are supported`,
      );
    }
    try {
      const regex = new RegExp(re[1], re[2]);
      return { describe: String(regex), test: (s) => regex.test(s) };
    } catch (err) {
      throw new InputError(name, value, `is not a valid regular expression (${(err as Error).message})`);
    }
  }
}

export interface Matcher {
  describe: string;
  test(text: string): boolean;
}

export function parsePercent(name: string, whole: string, item: string): number {
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(item) || Number(item) <= 0 || Number(item) > 100) {
    throw new InputError(
      name,
      whole,
      `each percentage must be a number above 0 and at most 100, with at most two decimals (got "${item}")`,
    );
  }
  return Number(item);
}

/**
 * A file an input names, relative to the workspace unless absolute: its path and size. Anything but an existing
 * file is an error naming the input, with `expected` saying what it must be.
 */
export function workspaceFile(
  name: string,
  text: string,
  workspace: string,
  expected: string,
): { path: string; size: number } {
  const path = isAbsolute(text) ? text : resolve(workspace, text);
  try {
    const st = statSync(path);
    if (st.isFile()) return { path, size: st.size };
  } catch {
    // refused below, as a directory is
  }
  throw new InputError(name, text, expected);
}
