const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(?:\d+(?:ms|d|h|m|s))+$/;

/** Parses 0, 30s, 5m, 1h, 1h30m, 7d, 1d12h, 250ms into milliseconds; null when malformed. */
export function parseDuration(text: string): number | null {
  const value = text.trim();
  if (value === '0') return 0;
  if (!DURATION.test(value)) return null;
  let total = 0;
  const seen = new Set<string>();
  for (const [, n, unit] of value.matchAll(/(\d+)(ms|d|h|m|s)/g)) {
    if (seen.has(unit)) return null;
    seen.add(unit);
    total += Number(n) * UNIT_MS[unit];
  }
  return Number.isSafeInteger(total) ? total : null;
}

export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const s = Math.round(ms / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return [d && `${d}d`, h && `${h}h`, m && `${m}m`, rest && `${rest}s`].filter(Boolean).join('') || '0s';
}
