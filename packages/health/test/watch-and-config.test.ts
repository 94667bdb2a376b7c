import { describe, it, expect } from '@jest/globals';
import { InputReader } from '@deploy-actions/core';
import { readHealthConfig, requireChecks } from '../src/config';
import { watch, type Evaluation } from '../src/evaluate';
import type { Verdict } from '../src/result';
import { inputError } from '@deploy-actions/testbed/input-error';
import { fakeClock } from '@deploy-actions/testbed/clock';

function script(verdicts: Verdict[], clock: ReturnType<typeof fakeClock>) {
  const at: number[] = [];
  let i = 0;
  const evaluate = async (): Promise<Evaluation> => {
    at.push(clock.now());
    const verdict = verdicts[Math.min(i++, verdicts.length - 1)];
    return { at: clock.now(), verdict, reason: `#${i} ${verdict}`, checks: [] };
  };
  return { evaluate, at };
}

describe('watch', () => {
  it('evaluates every interval over the duration and lets the last evaluation decide', async () => {
    const clock = fakeClock(0);
    const s = script(['healthy', 'inconclusive', 'healthy'], clock);
    const r = await watch(s.evaluate, {
      durationMs: 150_000,
      intervalMs: 60_000,
      consecutiveFailures: 1,
      clock,
    });
    expect(s.at).toEqual([60_000, 120_000, 150_000]);
    expect(r.verdict).toBe('healthy');
  });

  it('evaluates once, at once, when the duration is 0', async () => {
    const clock = fakeClock(0);
    const s = script(['healthy'], clock);
    await watch(s.evaluate, { durationMs: 0, intervalMs: 60_000, consecutiveFailures: 3, clock });
    expect(s.at).toEqual([0]);
  });

  it('stops at the first unhealthy evaluation with consecutive-failures 1: caught within one interval', async () => {
    const clock = fakeClock(0);
    const s = script(['unhealthy'], clock);
    const r = await watch(s.evaluate, {
      durationMs: 600_000,
      intervalMs: 30_000,
      consecutiveFailures: 1,
      clock,
    });
    expect(r.verdict).toBe('unhealthy');
    expect(s.at).toEqual([30_000]);
  });

  it('needs consecutive unhealthy evaluations in a row; an interrupted streak does not count', async () => {
    const clock = fakeClock(0);
    const s = script(['unhealthy', 'healthy', 'unhealthy', 'unhealthy', 'healthy'], clock);
    const r = await watch(s.evaluate, {
      durationMs: 300_000,
      intervalMs: 60_000,
      consecutiveFailures: 2,
      clock,
    });
    expect(r).toMatchObject({ verdict: 'unhealthy', reason: '#4 unhealthy (2 evaluations in a row)' });
    expect(s.at).toHaveLength(4);
  });

  it('calls a last unhealthy evaluation short of the streak inconclusive, never healthy', async () => {
    const clock = fakeClock(0);
    const s = script(['healthy', 'unhealthy'], clock);
    const r = await watch(s.evaluate, {
      durationMs: 120_000,
      intervalMs: 60_000,
      consecutiveFailures: 2,
      clock,
    });
    expect(r.verdict).toBe('inconclusive');
  });
});

describe('health inputs', () => {
  const read = (inputs: Record<string, string>) => readHealthConfig(new InputReader((n) => inputs[n] ?? ''));

  it.each([
    ['max-error-rate', '101'],
    ['max-error-rate', '-1'],
    ['max-error-rate', 'two'],
    ['max-latency-ratio', '0.5'],
    ['window', '90s'],
    ['window', '30s'],
    ['window', '5'],
    ['http-url', 'ftp://example.com'],
    ['http-url', 'not a url'],
    ['interval', '500ms'],
    ['interval', '2h'],
    ['duration', '7h'],
    ['consecutive-failures', '0'],
    ['on-inconclusive', 'ignore'],
    ['alarms', 'a*b'],
    ['alarms', '*'],
    ['min-invocations', '0'],
  ])('refuses %s = %j, naming it', (name, value) => {
    const inputs = {
      [name]: value,
      ...(name.startsWith('http-') && name !== 'http-url' ? { 'http-url': 'https://x.example' } : {}),
    };
    expect(inputError(() => read(inputs)).input).toBe(name);
  });

  it.each([
    ['http-expect-status', '600'],
    ['http-expect-status', '299-200'],
    ['http-expect-status', 'ok'],
    ['http-headers', 'no colon here'],
    ['http-max-latency-ms', '0'],
    ['http-samples', '0'],
  ])('refuses %s = %j beside an http-url, naming it', (name, value) => {
    expect(inputError(() => read({ 'http-url': 'https://api.example/health', [name]: value })).input).toBe(
      name,
    );
  });

  it('asks for http-url when only its companions are given', () => {
    expect(inputError(() => read({ 'http-headers': 'X-Probe: 1' })).message).toBe(
      'Input "http-headers" has value "X-Probe: 1": needs http-url',
    );
  });

  it('reads a full configuration', () => {
    const c = read({
      alarms: 'orders-errors, orders-*',
      'max-error-rate': '2',
      'max-latency-ratio': '1.5',
      window: '3m',
      'http-url': 'https://api.example/health',
      'http-expect-status': '200,204,300-399',
      'http-headers': 'Authorization: Bearer x\nX-Probe: 1',
      'invoke-payload': '{"ping":1}',
      duration: '10m',
      interval: '30s',
      'consecutive-failures': '2',
      'on-inconclusive': 'pass',
    });
    expect(c).toMatchObject({
      alarms: { names: ['orders-errors'], prefixes: ['orders-'] },
      metrics: { maxErrorRate: 2, maxLatencyRatio: 1.5, minInvocations: 50, windowMs: 180_000 },
      http: {
        expect: [
          { from: 200, to: 200 },
          { from: 204, to: 204 },
          { from: 300, to: 399 },
        ],
        headers: { Authorization: 'Bearer x', 'X-Probe': '1' },
      },
      durationMs: 600_000,
      intervalMs: 30_000,
      consecutiveFailures: 2,
      onInconclusive: 'pass',
    });
  });
});

describe('probe inputs refused before any call', () => {
  const read = (inputs: Record<string, string>) => readHealthConfig(new InputReader((n) => inputs[n] ?? ''));
  const url = 'https://api.example/health';

  it.each([
    [{ 'http-url': url, 'http-body': '{"a":1}' }, 'http-body', /cannot go with http-method GET/],
    [
      { 'http-url': url, 'http-method': 'HEAD', 'http-body': 'x' },
      'http-body',
      /cannot go with http-method HEAD/,
    ],
    [{ 'http-url': 'https://user:secret@api.example/health' }, 'http-url', /must not hold credentials/],
    [{ 'http-url': url, 'http-headers': 'X-Price: 5€' }, 'http-headers', /printable ASCII/],
    [{ 'http-url': url, 'http-headers': 'X-A: \u0001' }, 'http-headers', /printable ASCII/],
    [{ 'http-method': 'FOO' }, 'http-method', /must be one of/],
    [{ 'http-expect-status': 'garbage' }, 'http-expect-status', /HTTP statuses/],
    [{ 'http-samples': '0' }, 'http-samples', /whole number/],
  ])('%j fails naming %s', (inputs, name, message) => {
    const err = inputError(() => read(inputs));
    expect(err.input).toBe(name);
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('secret');
  });

  it('accepts a percentage written with %', () => {
    expect(read({ 'max-error-rate': '2%' }).metrics?.maxErrorRate).toBe(2);
  });

  it('lets POST carry a body', () => {
    expect(read({ 'http-url': url, 'http-method': 'POST', 'http-body': '{"a":1}' }).http).toMatchObject({
      method: 'POST',
      body: '{"a":1}',
    });
  });

  it('refuses a gate without any check (it would pass anything)', () => {
    expect(inputError(() => requireChecks(read({}))).message).toMatch(/needs at least one check/);
  });
});
