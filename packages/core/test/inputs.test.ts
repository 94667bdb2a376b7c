import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import { InputReader } from '../src/inputs';
import { formatDuration, parseDuration } from '../src/duration';
import { InputError } from '../src/errors';
import { inputError } from '@deploy-actions/testbed/input-error';

function reader(values: Record<string, string>): InputReader {
  return new InputReader((name) => values[name] ?? '');
}

const SIX_HOURS = { ms: 6 * 3_600_000, label: '6h' };

// C0 controls and DEL, the characters that break a log line or a header; tab is left out on purpose
// (a tab keeps the value on one line).
const CONTROL_CHARS = [
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).filter((c) => c !== '\t'),
  '\u007f',
];

describe('InputReader.text / required', () => {
  it('trims the value and returns an empty string when absent', () => {
    const r = reader({ name: '  orders-api  ' });
    expect(r.text('name')).toBe('orders-api');
    expect(r.text('missing')).toBe('');
  });

  it('treats an absent value from the runner (undefined) as empty', () => {
    const r = new InputReader(() => undefined as unknown as string);
    expect(r.text('alias')).toBe('');
  });

  it('rejects an empty or blank required input, naming it and what is expected', () => {
    for (const value of ['', '   ']) {
      const err = inputError(() =>
        reader({ 'function-name': value }).required('function-name', 'a function name'),
      );
      expect(err.input).toBe('function-name');
      expect(err.message).toBe('Input "function-name" is empty: is required: a function name');
    }
  });

  it('returns a present required input', () => {
    expect(reader({ environment: 'prod' }).required('environment', 'a name')).toBe('prod');
  });

  it('rejects a workflow-command injection and keeps the newline out of the message', () => {
    const err = inputError(() => reader({ alias: 'x\n::error::owned' }).text('alias'));
    expect(err.input).toBe('alias');
    expect(err.message).toBe(
      'Input "alias" has value "x\\n::error::owned": must be a single line without control characters',
    );
    // A raw newline in the failure message would start a new workflow command line.
    expect(err.message).not.toContain('\n');
  });

  it.each([
    ['a carriage return', 'a\rb'],
    ['a NUL', 'a\u0000b'],
    ['an ANSI escape', 'a\u001b[31mb'],
    ['a DEL', 'a\u007fb'],
  ])('rejects %s inside the value', (_label, value) => {
    expect(inputError(() => reader({ v: value }).text('v')).input).toBe('v');
  });

  it('accepts a trailing newline, as YAML block scalars add one, since the value is trimmed', () => {
    expect(reader({ v: 'orders-api\n' }).text('v')).toBe('orders-api');
  });

  it('keeps newlines when multiline is allowed', () => {
    expect(reader({ v: 'a\nb' }).text('v', { multiline: true })).toBe('a\nb');
  });

  it('enforces the maximum length, counting after trimming', () => {
    const r = reader({ ok: ' abcde ', long: 'abcdef' });
    expect(r.text('ok', { max: 5 })).toBe('abcde');
    const err = inputError(() => r.text('long', { max: 5 }));
    expect(err.message).toBe('Input "long" has value "abcdef": must be at most 5 characters (got 6)');
  });

  it('clips a very long value in the message but still names the input and the length', () => {
    const err = inputError(() => reader({ description: 'a'.repeat(300) }).text('description', { max: 256 }));
    expect(err.message).toContain('Input "description" has value "' + 'a'.repeat(77) + '..."');
    expect(err.message).toContain('(got 300)');
    expect(err.message.length).toBeLessThan(200);
  });
});

describe('InputReader.oneOf', () => {
  const allowed = ['rollback', 'fail'] as const;

  it('matches case-insensitively and returns the canonical spelling', () => {
    expect(reader({ v: 'FAIL' }).oneOf('v', allowed, 'rollback')).toBe('fail');
    expect(reader({ v: 'Rollback' }).oneOf('v', allowed, 'fail')).toBe('rollback');
  });

  it('returns the fallback when empty', () => {
    expect(reader({}).oneOf('on-unhealthy', allowed, 'rollback')).toBe('rollback');
  });

  it('rejects anything else, listing the accepted values', () => {
    const err = inputError(() =>
      reader({ 'on-unhealthy': 'abort' }).oneOf('on-unhealthy', allowed, 'rollback'),
    );
    expect(err.message).toBe('Input "on-unhealthy" has value "abort": must be one of rollback, fail');
  });
});

describe('durations', () => {
  it.each([
    ['0', 0],
    ['0s', 0],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['1m30s', 90_000],
    ['250ms', 250],
    ['1s500ms', 1_500],
    [' 5m ', 300_000],
    ['7d', 604_800_000],
    ['1d12h', 129_600_000],
    ['2d30m', 174_600_000],
  ])('parseDuration(%j) is %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['5', '5 m', '-1s', '1.5m', '5mm', '1h1h', 'm', '', '5D', '1d1d', '5w', '1e3s', '00'])(
    'parseDuration(%j) is malformed',
    (text) => {
      expect(parseDuration(text)).toBeNull();
    },
  );

  it('rejects an amount too large to count in milliseconds', () => {
    expect(parseDuration('9999999999999999999h')).toBeNull();
  });

  it.each([
    ['0', 0],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
  ])('InputReader.duration reads %j as %i ms', (text, ms) => {
    expect(reader({ 'bake-time': text }).duration('bake-time', '5m', SIX_HOURS)).toBe(ms);
  });

  it.each(['5', '5 m', '-1s', '1.5m', '5mm', '1h1h', 'm'])(
    'InputReader.duration rejects %j naming the input, the value and the accepted form',
    (text) => {
      const err = inputError(() => reader({ 'bake-time': text }).duration('bake-time', '5m', SIX_HOURS));
      expect(err.input).toBe('bake-time');
      expect(err.message).toContain(`Input "bake-time" has value ${JSON.stringify(text)}`);
      expect(err.message).toContain('must be a duration such as 0, 30s, 5m, 1h, 1h30m or 7d');
    },
  );

  it('uses the fallback when the input is empty', () => {
    expect(reader({}).duration('bake-time', '5m', SIX_HOURS)).toBe(300_000);
  });

  it('accepts the maximum and rejects anything longer', () => {
    expect(reader({ d: '6h' }).duration('d', '0', SIX_HOURS)).toBe(6 * 3_600_000);
    const err = inputError(() => reader({ d: '6h1s' }).duration('d', '0', SIX_HOURS));
    expect(err.message).toBe('Input "d" has value "6h1s": must be at most 6h');
  });

  it.each([
    [0, '0s'],
    [250, '250ms'],
    [30_000, '30s'],
    [90_000, '1m30s'],
    [3_600_000, '1h'],
    [5_400_000, '1h30m'],
    [3_605_000, '1h5s'],
    [86_400_000, '1d'],
    [129_600_000, '1d12h'],
    [604_800_000, '7d'],
  ])('formatDuration(%i) is %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('formatDuration output parses back to the same whole seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (s) => {
        expect(parseDuration(formatDuration(s * 1000))).toBe(s * 1000);
      }),
    );
  });

  it('formatDuration output parses back to the same sub-second milliseconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), (ms) => {
        expect(parseDuration(formatDuration(ms))).toBe(ms);
      }),
    );
  });
});

describe('InputReader.integer', () => {
  const read = (value: string) => reader({ 'max-attempts': value }).integer('max-attempts', 10, 1, 20);

  it('returns the fallback when empty and accepts the bounds', () => {
    expect(read('')).toBe(10);
    expect(read('1')).toBe(1);
    expect(read('20')).toBe(20);
    expect(read(' 7 ')).toBe(7);
  });

  it.each(['0', '21', '-1', '1.5', '1e1', 'ten', '0x5'])('rejects %j naming the range', (value) => {
    const err = inputError(() => read(value));
    expect(err.message).toBe(
      `Input "max-attempts" has value "${value}": must be a whole number from 1 to 20`,
    );
  });

  it('rejects every integer outside [min, max]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        (a, b, n) => {
          const [min, max] = a <= b ? [a, b] : [b, a];
          fc.pre(n < min || n > max);
          const err = inputError(() => reader({ n: String(n) }).integer('n', min, min, max));
          expect(err.input).toBe('n');
        },
      ),
    );
  });

  it('accepts every integer inside [min, max]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (a, b) => {
        const [min, max] = a <= b ? [a, b] : [b, a];
        for (const n of [min, max, Math.floor((min + max) / 2)]) {
          expect(reader({ n: String(n) }).integer('n', -1, min, max)).toBe(n);
        }
      }),
    );
  });
});

describe('InputReader.percent', () => {
  const read = (value: string) => reader({ 'max-error-rate': value }).percent('max-error-rate', 5);

  it.each([
    ['100', 100],
    ['100.00', 100],
    ['0.5', 0.5],
    ['12.34', 12.34],
    ['0.01', 0.01],
    ['50', 50],
  ])('accepts %j as %d', (value, expected) => {
    expect(read(value)).toBe(expected);
  });

  it('returns the fallback when empty', () => {
    expect(read('')).toBe(5);
  });

  it.each(['0', '0.00', '100.5', '100.01', '12.345', '-5', '.5', '5.', 'abc', '1e2', '1000'])(
    'rejects %j naming the input',
    (value) => {
      const err = inputError(() => read(value));
      expect(err.message).toContain(`Input "max-error-rate" has value "${value}"`);
      expect(err.message).toContain('above 0 and at most 100, with at most two decimals');
    },
  );
});

describe('InputReader.json', () => {
  it('returns valid JSON as text, multi-line included, and empty when absent', () => {
    const doc = '{\n  "orderId": 42\n}';
    expect(reader({ 'invoke-payload': doc }).json('invoke-payload')).toBe(doc);
    expect(reader({}).json('invoke-payload')).toBe('');
  });

  it('rejects invalid JSON naming the input', () => {
    const err = inputError(() => reader({ 'invoke-payload': '{orderId: 42}' }).json('invoke-payload'));
    expect(err.input).toBe('invoke-payload');
    expect(err.message).toContain('Input "invoke-payload" has value "{orderId: 42}": must be valid JSON (');
  });

  it('rejects a document over 256 KiB', () => {
    const big = JSON.stringify('x'.repeat(256 * 1024));
    const err = inputError(() => reader({ p: big }).json('p'));
    expect(err.message).toContain(`must be at most ${256 * 1024} characters`);
  });
});

describe('InputReader.matcher', () => {
  const matcher = (value: string) => reader({ 'invoke-expect': value }).matcher('invoke-expect');

  it('is undefined when empty', () => {
    expect(matcher('')).toBeUndefined();
  });

  it('matches a plain value as a case-sensitive substring, with no regex meaning', () => {
    const m = matcher('a.c')!;
    expect(m.describe).toBe('"a.c"');
    expect(m.test('xxa.cxx')).toBe(true);
    expect(m.test('abc')).toBe(false);
    expect(matcher('ERROR')!.test('an error')).toBe(false);
  });

  it('treats /.../i as a case-insensitive regular expression', () => {
    const m = matcher('/^ok: \\d+$/i')!;
    expect(m.describe).toBe('/^ok: \\d+$/i');
    expect(m.test('OK: 42')).toBe(true);
    expect(m.test('OK: 42!')).toBe(false);
  });

  it('treats /.../ without flags as case-sensitive', () => {
    const m = matcher('/ok/')!;
    expect(m.test('all ok')).toBe(true);
    expect(m.test('ALL OK')).toBe(false);
  });

  it('rejects an invalid regular expression naming the input', () => {
    const err = inputError(() => matcher('/[unclosed/'));
    expect(err.input).toBe('invoke-expect');
    expect(err.message).toContain(
      'Input "invoke-expect" has value "/[unclosed/": is not a valid regular expression (',
    );
  });
});

describe('properties', () => {
  const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/);

  it('text() rejects any string with a control character between other characters', () => {
    fc.assert(
      fc.property(
        name,
        fc.string({ minLength: 1 }).map((s) => 'a' + s),
        fc.constantFrom(...CONTROL_CHARS),
        fc.string().map((s) => s + 'z'),
        (input, before, control, after) => {
          const err = inputError(() => reader({ [input]: before + control + after }).text(input));
          expect(err.input).toBe(input);
          expect(err.message).not.toContain('\n');
          expect(err.message).not.toContain('\r');
        },
      ),
    );
  });

  it('every InputError names its input as Input "<name>"', () => {
    const methods: ((r: InputReader, n: string) => unknown)[] = [
      (r, n) => r.text(n, { max: 10 }),
      (r, n) => r.required(n, 'something'),
      (r, n) => r.oneOf(n, ['a', 'b'], 'a'),
      (r, n) => r.duration(n, '0', SIX_HOURS),
      (r, n) => r.integer(n, 1, 1, 20),
      (r, n) => r.percent(n, 10),
      (r, n) => r.json(n),
      (r, n) => r.matcher(n),
    ];
    let thrown = 0;
    fc.assert(
      fc.property(
        name,
        fc.oneof(fc.string(), fc.constantFrom('', '5 m', '/[/', '{', '101', 'x\n::error::y')),
        fc.nat(methods.length - 1),
        (input, value, i) => {
          try {
            methods[i](reader({ [input]: value }), input);
          } catch (err) {
            thrown++;
            expect(err).toBeInstanceOf(InputError);
            expect((err as InputError).message).toContain(`Input "${input}"`);
          }
        },
      ),
    );
    // The generator must actually reach the error paths for this to mean anything.
    expect(thrown).toBeGreaterThan(10);
  });
});

describe('messages and forms found in review', () => {
  it('an invalid JSON error stays on one line, whatever the parser quotes', () => {
    const err = inputError(() => reader({ p: '{"a":\n::error::owned' }).json('p'));
    expect(err.message).not.toMatch(/[\r\n]/);
    expect(err.message).toMatch(/^Input "p" has value .*: must be valid JSON/);
  });

  it('refuses regular expression flags it cannot honour instead of matching the text literally', () => {
    const err = inputError(() => reader({ m: '/error/g' }).matcher('m'));
    expect(err.message).toBe(
      'Input "m" has value "/error/g": uses regular expression flags "g"; only i, m, s and u are supported',
    );
  });

  it('accepts a trailing % on a single percentage, as steps does', () => {
    expect(reader({ p: '2%' }).percent('p', 10)).toBe(2);
  });
});
