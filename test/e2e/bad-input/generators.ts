// The bad values of the bad-input test, as fast-check arbitraries, and the fixture they refer to: the function,
// alarm, table and repository that the valid base input sets name.
import fc from 'fast-check';
import { TEST_ACCOUNT, TEST_REGION } from '@deploy-actions/testbed/moto';

export type Inputs = Record<string, string>;

export const FN = 'orders';
export const ARN = `arn:aws:lambda:${TEST_REGION}:${TEST_ACCOUNT}:function:${FN}`;
export const IMAGE = `${TEST_ACCOUNT}.dkr.ecr.${TEST_REGION}.amazonaws.com/orders:1.2.3`;
export const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
/** The alarm that exists (created before the runs); `orders-*` matches it. */
export const ALARM = 'orders-errors';
/** The history the valid input sets record in: a DynamoDB table in moto and the local GitHub's repository. */
export const TABLE = 'deployments';
export const OWNER = 'octo-org';
export const REPO = 'orders-service';
export const REPOSITORY = `${OWNER}/${REPO}`;
export const TOKEN = 'ghs_bad_input_job_token';
/** Both history backends, as the history inputs name them. */
export const BOTH = {
  backend: 'github,dynamodb',
  'dynamodb-table': TABLE,
  'github-token': TOKEN,
  repository: REPOSITORY,
};
export const GITHUB = { 'github-token': TOKEN, repository: REPOSITORY };
export const FINISHES = ['succeeded', 'failed', 'rolled-back'];

export const one = (name: string, arb: fc.Arbitrary<string>) => arb.map((v): Inputs => ({ [name]: v }));
export const word = fc.stringMatching(/^[a-z]{3,12}$/);
export const plainName = fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}$/);
export const isJson = (s: string) => {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
};

// Shell, path, expression and SQL injections; the newline ones would start a workflow command if logged raw.
export const INJECTIONS = [
  ';rm -rf /',
  '$(id)',
  '`id`',
  '../x',
  '&& curl evil.example',
  '${{ github.token }}',
  "'; DROP TABLE x; --",
  '<img src=x onerror=alert(1)>',
  '\n::error::pwned',
  '\r\n::add-mask::x',
  '%0A::error::pwned',
  '|| true',
];
export const injection = fc.oneof(
  fc.constantFrom(...INJECTIONS),
  fc.tuple(plainName, fc.constantFrom(...INJECTIONS)).map(([a, b]) => a + b),
);

/** Text over `max` characters, or a word followed by a line break or a control character. */
export const tooLongOrControl = (
  fill: string,
  max: number,
  endings = ['\n::error::pwned', '\r\nx', '\u0000nul'],
) =>
  fc.oneof(
    fc.integer({ min: max + 1, max: max * 2 }).map((n) => fill.repeat(n)),
    fc.tuple(word, fc.constantFrom(...endings)).map(([a, b]) => a + b),
  );

export const functionName = fc.oneof(
  fc.constantFrom('', '   '),
  fc.stringMatching(/^[a-zA-Z0-9_-]{65,100}$/),
  fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
  fc.constantFrom(
    ';rm -rf /',
    '$(id)',
    '../x',
    'fn:live',
    'orders:1',
    'orders:$LATEST',
    `${ARN}:live`,
    'arn:aws:lambda:us-east-1:123:function:orders',
    'orders\n::error::pwned',
    'ördérs',
  ),
  injection,
);

export const alias = fc.oneof(
  fc.integer({ min: 0, max: 2 ** 31 }).map(String),
  fc.stringMatching(/^[a-zA-Z0-9_-]{129,160}$/),
  fc
    .tuple(word, fc.constantFrom('!', '/', ':', '.', ' ', '$', '@', '#', '*'), word)
    .map(([a, c, b]) => a + c + b),
  fc.constantFrom('$LATEST', 'live:1'),
  injection,
);

export const garbageRegion = fc
  .oneof(
    fc.constantFrom(
      'garbage',
      'US-EAST-1',
      'us-east',
      'us_east_1',
      'useast1',
      'us-east-1a',
      'eu-west-123',
      'us east 1',
    ),
    fc.string({ minLength: 1, maxLength: 20 }),
    injection,
  )
  .filter((s) => s.trim() !== '' && !REGION.test(s.trim()));

export const maxAttempts = fc.oneof(
  fc.constantFrom('0', '21', 'x', '-1', '1.5', '1e1', 'ten', '0x5'),
  fc.integer({ min: 21, max: 2 ** 31 }).map(String),
  fc.integer({ min: -1000, max: 0 }).map(String),
  injection,
);

export const MALFORMED_DURATIONS = [
  '5',
  '5 m',
  '-1s',
  '1.5m',
  '10D',
  'm',
  'abc',
  '1 h',
  'PT5M',
  '5min',
  '5m5m',
  '1h1h',
  '5M',
  '99999999999999999999h',
];
export const malformedDuration = fc.oneof(
  fc.constantFrom(...MALFORMED_DURATIONS),
  fc.integer({ min: 1, max: 10_000 }).map(String),
  fc
    .tuple(fc.integer({ min: 1, max: 99 }), fc.constantFrom('D', 'w', 'y', 'sec', 'min', 'hr', 'H', 'days'))
    .map(([n, u]) => `${n}${u}`),
  injection,
);

export const BAD_PERCENTS = [
  '0',
  '0.00',
  '101',
  '100.01',
  '-10',
  'abc',
  '10.123',
  '1e1',
  'ten',
  '50%%',
  '0x10',
  '.5',
  '5.',
];
export const badPercent = fc.oneof(
  fc.constantFrom(...BAD_PERCENTS),
  fc.integer({ min: 101, max: 1_000_000 }).map(String),
  injection,
);

export const invalidJson = fc.oneof(
  fc.constantFrom(
    '{',
    "{'a':1}",
    'undefined',
    '{"a":}',
    'NaN',
    '{\n"a":\n}',
    '[1,]',
    'ping',
    '{"a":1}}',
    '"open',
  ),
  fc
    .string({ minLength: 1, maxLength: 40, unit: 'binary-ascii' })
    .filter((s) => s.trim() !== '' && !isJson(s.trim())),
  // Valid JSON, but over the 256 KB an input may hold.
  fc.constant(`"${'x'.repeat(300 * 1024)}"`),
);

export const badRegex = fc.constantFrom('/[/', '/(/', '/x/g', '/a/y', '/+/', '/x/gi');

export const unknownWord = (allowed: string[], extra: string[]) =>
  fc
    .oneof(word, fc.constantFrom(...extra), injection)
    .filter((s) => !allowed.includes(s.trim().toLowerCase()) && s.trim() !== '');

/** Text that `new URL` parses as http: or https: (what the action accepts). */
export const isHttpUrl = (s: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
};
export const nonBlank = (s: string) => s.trim() !== '';

export const garbageNumber = fc.oneof(
  fc.constantFrom('abc', 'two', '1e1', '0x10', '.5', '5.', '1,5', 'NaN', 'Infinity', '5%', '--1', '1 000'),
  word,
  injection,
);

export const maxErrorRate = fc.oneof(
  fc.constantFrom('101', '100.01', '-1', '-0.5', '1000'),
  fc.integer({ min: 101, max: 1_000_000 }).map(String),
  fc.integer({ min: -1_000, max: -1 }).map(String),
  // "5%" is a valid percentage here.
  garbageNumber.filter((v) => v !== '5%'),
);

export const maxLatencyRatio = fc.oneof(
  fc.constantFrom('0', '0.5', '0.99', '0.999', '101', '100.5', '-1'),
  fc.integer({ min: 0, max: 99 }).map((n) => `0.${n}`),
  fc.integer({ min: 101, max: 1_000_000 }).map(String),
  garbageNumber,
);

export const minInvocations = fc.oneof(
  fc.constantFrom('0', '-1', '1.5', '1000000001', '50.0', '1e3'),
  fc.integer({ min: -1_000_000, max: 0 }).map(String),
  garbageNumber,
);

export const badWindow = fc.oneof(
  // not whole minutes
  fc.constantFrom('90s', '1m30s', '61s', '1h30s', '61000ms', '5m1ms'),
  fc
    .integer({ min: 61, max: 86_399 })
    .filter((n) => n % 60 !== 0)
    .map((n) => `${n}s`),
  // under 1m
  fc.constantFrom('0', '0s', '30s', '59s', '500ms', '59999ms'),
  fc.integer({ min: 1, max: 59 }).map((n) => `${n}s`),
  // over 24h
  fc.constantFrom('25h', '1441m', '24h1m', '48h'),
  fc.integer({ min: 25, max: 10_000 }).map((n) => `${n}h`),
  malformedDuration,
);

export const badInterval = fc.oneof(
  // under 1s
  fc.constantFrom('0', '0s', '500ms', '999ms'),
  fc.integer({ min: 0, max: 999 }).map((n) => `${n}ms`),
  // over 1h
  fc.constantFrom('61m', '2h', '3601s', '1h1s'),
  fc.integer({ min: 61, max: 100_000 }).map((n) => `${n}m`),
  malformedDuration,
);

export const badDuration = fc.oneof(
  fc.constantFrom('7h', '361m', '6h1s', '21601s'),
  fc.integer({ min: 361, max: 100_000 }).map((n) => `${n}m`),
  malformedDuration,
);

export const badHttpUrl = fc
  .oneof(
    fc.constantFrom(
      'example.com/health',
      '/health',
      '127.0.0.1:8080/health',
      'localhost:8080',
      '//example.com/health',
      'http://',
      'https://',
      'http://exa mple.com/',
      'http://[::1/',
      'http://:80/',
    ),
    // other schemes
    fc.constantFrom(
      'ftp://example.com/health',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'mailto:ops@example.com',
      'ws://example.com/socket',
      'data:text/plain,ok',
    ),
    word.map((w) => `ftp://${w}.example.com/`),
    word,
    injection,
  )
  .filter((s) => nonBlank(s) && !isHttpUrl(s.trim()));

export const badStatus = fc.oneof(
  fc.constantFrom('600', '99', '099', '299-200', '200-600', '2xx', 'ok', '200,', ',200', '200;204', '1000'),
  fc.integer({ min: 600, max: 999 }).map(String),
  fc.integer({ min: 0, max: 99 }).map(String),
  fc
    .tuple(fc.integer({ min: 100, max: 599 }), fc.integer({ min: 100, max: 599 }))
    .filter(([a, b]) => a > b)
    .map(([a, b]) => `${a}-${b}`),
  word,
  injection,
);

export const badPositiveInteger = (max: number) =>
  fc.oneof(
    fc.constantFrom('0', '-1', '1.5', String(max + 1)),
    fc.integer({ min: max + 1, max: 2 ** 31 }).map(String),
    garbageNumber,
  );

export const headerLine = fc.constantFrom(
  'X-Check: 1',
  'Authorization: Bearer abc',
  'Accept: application/json',
);
export const badHeaders = fc.oneof(
  // no colon
  fc.constantFrom('X-Token abc', 'Authorization Bearer abc', 'X-Check=1'),
  word,
  // not a header name
  fc.constantFrom('X Token: a', 'X(Token): b', ': value', 'X-Tökén: a', '"X": y', '[X]: y', 'X-A: a\rb'),
  fc
    .tuple(word, fc.constantFrom(' ', '(', ')', '@', '/', '[', ']', '{', '}', '"', '?', '=', ',', ';', '\\'))
    .map(([w, c]) => `${w}${c}x: v`),
  // one good line, one bad
  fc.tuple(headerLine, fc.constantFrom('bad line', 'X Y: z')).map(([a, b]) => `${a}\n${b}`),
);

export const badVersion = fc.oneof(
  fc.constantFrom('$LATEST', '0', '-1', '01', 'v2', 'latest', '1.5', '12345678901', '2:live', '1e3'),
  fc.integer({ min: -1_000_000, max: 0 }).map(String),
  word,
  injection,
);

export const badAlarms = fc.oneof(
  fc.constantFrom('a*b', '*', '**', '*orders', 'or*ders-*', `${ALARM}, a*b`, `orders-*\n*`),
  fc.tuple(word, word).map(([a, b]) => `${a}*${b}`),
  // over 255 characters
  fc.integer({ min: 256, max: 400 }).map((n) => 'a'.repeat(n)),
  fc.integer({ min: 256, max: 400 }).map((n) => `${ALARM},${'x'.repeat(n)}`),
  // control characters inside a name
  fc.tuple(word, fc.constantFrom('\t', '\u0007', '\u001b[31m', '\u007f')).map(([a, b]) => `${a}${b}x`),
  // more than DescribeAlarms takes in one call
  fc.integer({ min: 101, max: 150 }).map((n) => Array.from({ length: n }, (_, i) => `alarm-${i}`).join(',')),
);

// Well-formed alarm names that name nothing in the account: bad input, but only a read can tell.
export const unknownAlarms = fc.oneof(
  word.map((w) => `missing-${w}`),
  word.map((w) => `missing-${w}-*`),
  word.map((w) => `${ALARM}, missing-${w}`),
  word.map((w) => `orders-*\n${ALARM}-${w}`),
  // CloudWatch alarm names are case-sensitive.
  fc.constantFrom('Orders-Errors', 'ORDERS-*', `${ALARM}-old`, 'errors', 'o-*'),
);

// Targets: lambda and ecs exist (case aside).
export const unknownTarget = unknownWord(
  ['lambda', 'ecs'],
  [
    'ecs2',
    'cloudrun',
    'Lambda2',
    'lambdas',
    'aws-lambda',
    'lambda,ecs',
    'lambda:live',
    'fargate',
    'λ',
    'lambda ecs',
  ],
);

// shift-traffic steps with per-step bakes, PERCENT:BAKE, as in 10:5m,50:10m,100. Each value is wrong in one way.
const firstPercent = fc.integer({ min: 1, max: 49 });
const goodBake = fc.constantFrom('0', '30s', '5m', '1h', '1h30m', '6h');
const BAD_BAKES = ['5x', '', '5m:1', '5 m', '-1m', '1.5m', 'PT5M', '5M', '5m5m', 'abc', '5', ':5m', '1w'];
/** A bake that is not a duration: 10:5x, 10:, 10:5m:1 (a second colon)... */
export const bakeNotDuration = fc.oneof(
  fc.constantFrom('10:5x,100', '10:,100', '10:5m:1,100', '10:5m,50:5x,100', '10::5m,100', '10:5m,50:,100'),
  fc
    .tuple(firstPercent, fc.constantFrom(...BAD_BAKES), fc.option(goodBake))
    .map(([p, bad, before]) => (before ? `${p}:${before},${p + 20}:${bad},100` : `${p}:${bad},100`)),
  fc
    .tuple(
      firstPercent,
      malformedDuration.filter((d) => !/[,\r\n]/.test(d)),
    )
    .map(([p, d]) => `${p}:${d},100`),
);
/** A bake on the last step, which nothing follows: 10:5m,100:1m, or a plan that stops below 100. */
export const bakeOnLastStep = fc.oneof(
  fc.constantFrom('10:5m,100:1m', '100:5m', '50:1m', '10,50,100:0', '10:5m,50:5m,100:30s'),
  fc
    .tuple(fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }), goodBake)
    .map(([ps, bake]) => {
      const sorted = [...ps].sort((a, b) => a - b);
      return sorted.map((p) => `${p}:${bake}`).join(',');
    }),
);
/** A bake over 6h, the longest a GitHub-hosted job runs. */
export const bakeOver6h = fc.oneof(
  fc.constantFrom('10:7h,100', '10:6h1s,100', '10:361m,100', '10:5m,50:21601s,100', '10:1000h,100'),
  fc.tuple(firstPercent, fc.integer({ min: 361, max: 100_000 })).map(([p, m]) => `${p}:${m}m,100`),
  fc.tuple(firstPercent, fc.integer({ min: 7, max: 10_000 })).map(([p, h]) => `${p}:${h}h,${p + 1},100`),
);
/** Percentages that do not strictly increase, every step but the last with a good bake. */
export const notIncreasingWithBakes = fc.oneof(
  fc.constantFrom('50:5m,10:5m,100', '10:5m,10:5m,100', '10:1m,50:1m,50', '90:30s,80'),
  fc
    .tuple(
      fc
        .array(fc.integer({ min: 1, max: 100 }), { minLength: 2, maxLength: 6 })
        .filter((a) => a.some((x, i) => i > 0 && x <= a[i - 1]!)),
      goodBake,
    )
    .map(([a, bake]) => a.map((p, i) => (i < a.length - 1 ? `${p}:${bake}` : `${p}`)).join(',')),
);

// max-latency-ms: p95=2000,p99=5000, a bare number being p99; percentiles p1 to p99.9, each once; whole ms
// from 1 to 900000.
/** What max-latency-ms takes, written from that description; the generators below drop anything it accepts. */
export const isLatencyLimits = (text: string) => {
  const seen = new Set<number>();
  return text.split(',').every((item) => {
    const m = /^(?:p(\d{1,2}(?:\.\d)?)\s*=\s*)?(\d+)$/.exec(item.trim());
    const percentile = Number(m?.[1] ?? '99');
    const ms = Number(m?.[2]);
    if (!m || percentile < 1 || ms < 1 || ms > 900_000 || seen.has(percentile)) return false;
    seen.add(percentile);
    return true;
  });
};
const badLatency = (arb: fc.Arbitrary<string>) => arb.filter((s) => nonBlank(s) && !isLatencyLimits(s));
export const latencyMalformed = badLatency(
  fc.oneof(
    fc.constantFrom(
      'p95=abc',
      'abc',
      'p95:2000',
      'p95 2000',
      'p95=',
      '=2000',
      'p95=2000,',
      ',p95=2000',
      'p95=2000;p99=5000',
      'p95=2000 p99=5000',
      'P95=2000',
      'p95=1.5',
      '2000ms',
      '2s',
      '-5',
      'p95.55=1',
      'pp95=1',
      'p95==1',
      'avg=100',
      'max=100',
      'tm99=100',
    ),
    word.map((w) => `p95=${w}`),
    word.map((w) => `${w}=2000`),
    garbageNumber,
  ),
);
export const latencyZeroOrOver = badLatency(
  fc.oneof(
    fc.constantFrom('0', 'p95=0', '900001', 'p99=900001', '1000000', 'p95=2000,p99=0', '000'),
    fc.integer({ min: 900_001, max: 999_999 }).map(String),
    fc.integer({ min: 1_000_000, max: 2 ** 31 }).map((n) => `p95=${n}`),
  ),
);
export const latencyPercentileOutOfRange = badLatency(
  fc.oneof(
    fc.constantFrom(
      'p0=5',
      'p100=5',
      'p0.5=5',
      'p0.9=5',
      'p100.0=5',
      'p999=5',
      'p99.99=5',
      'p-1=5',
      'p95=2000,p100=5',
    ),
    fc.integer({ min: 100, max: 10_000 }).map((p) => `p${p}=5`),
  ),
);
export const latencyPercentileTwice = badLatency(
  fc.oneof(
    fc.constantFrom(
      'p99=1,p99=2',
      '5000,p99=1',
      '5000,6000',
      'p95=1,p95=1',
      'p95=2000,p99=5000,p95=3000',
      'p99.9=1,p99.9=2',
    ),
    fc
      .tuple(
        fc.integer({ min: 1, max: 99 }),
        fc.integer({ min: 1, max: 900_000 }),
        fc.integer({ min: 1, max: 900_000 }),
      )
      .map(([p, a, b]) => `p${p}=${a},p${p}=${b}`),
  ),
);

/** deploy-green's test-command: a NUL byte, or over 64 KB (in bytes: two-byte characters under 64 Ki chars). */
export const badTestCommand = fc.oneof(
  fc.tuple(word, word).map(([a, b]) => `echo ${a}\u0000${b}`),
  fc.integer({ min: 65_537, max: 90_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 32_769, max: 40_000 }).map((n) => `echo ${'é'.repeat(n)}`),
);

/** deploy-green's test-url: not an http(s) URL, or one holding credentials. */
export const badTestUrl = fc.oneof(
  badHttpUrl,
  fc
    .tuple(word, word, fc.constantFrom('http', 'https'))
    .map(([user, pass, scheme]) => `${scheme}://${user}:${pass}@orders.example.com/`),
  word.map((user) => `https://${user}@orders.example.com:8443/health`),
);

/** deploy-green's test-timeout: malformed, 0, or over 1h. */
export const badTestTimeout = fc.oneof(
  malformedDuration,
  fc.constantFrom('0', '0s', '2h', '3601s', '1h1ms', '61m'),
  fc.integer({ min: 61, max: 100_000 }).map((n) => `${n}m`),
);
