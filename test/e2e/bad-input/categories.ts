// Categories of bad input that several actions share: the target's inputs (every action but record-history, which
// has its own rules for them), the health inputs (health-gate and shift-traffic) and the history inputs
// (record-history and rollback with an environment).
import fc from 'fast-check';
import {
  alias,
  ARN,
  badAlarms,
  badDuration,
  badHeaders,
  badHttpUrl,
  badInterval,
  badPositiveInteger,
  badRegex,
  badStatus,
  badWindow,
  functionName,
  garbageRegion,
  headerLine,
  invalidJson,
  latencyMalformed,
  latencyPercentileOutOfRange,
  latencyPercentileTwice,
  latencyZeroOrOver,
  maxAttempts,
  maxErrorRate,
  maxLatencyRatio,
  minInvocations,
  one,
  OWNER,
  TABLE,
  unknownTarget,
  unknownWord,
  word,
  type Inputs,
} from './generators';
import {
  badBackend,
  badEnvironmentUrl,
  badRepository,
  badTable,
  badTtlDays,
  headerlessToken,
} from './history-generators';
import type { Action, Category } from './harness';
import { logsCategories } from './logs-generators';

export const has = (name: string) => (b: Inputs) => name in b;
/** The backends a set of history inputs names; github when backend is empty, as the action defaults. */
export const withDynamo = (b: Inputs) => (b.backend || 'github').toLowerCase().includes('dynamodb');
export const withGithub = (b: Inputs) => (b.backend || 'github').toLowerCase().includes('github');
const and =
  (...ps: ((b: Inputs) => boolean)[]) =>
  (b: Inputs) =>
    ps.every((p) => p(b));

/** Only lambda and ecs exist; record-history reads target too, after its history inputs. */
export const targetUnknown = (action: Action): Category => ({
  action,
  label: 'target unknown (only lambda and ecs exist)',
  names: ['target'],
  bad: one('target', unknownTarget),
});

/** The target's inputs, on the actions that always need a function. */
export const common = (action: Action): Category[] => [
  targetUnknown(action),
  {
    action,
    label: 'function-name missing',
    names: ['function-name'],
    drop: ['function-name'],
    bad: fc.constantFrom<Inputs>({}, { 'function-name': '' }, { 'function-name': '  ' }),
  },
  { action, label: 'function-name', names: ['function-name'], bad: one('function-name', functionName) },
  { action, label: 'alias', names: ['alias'], bad: one('alias', alias) },
  { action, label: 'aws-region garbage', names: ['aws-region'], bad: one('aws-region', garbageRegion) },
  {
    action,
    label: "aws-region other than the function ARN's",
    names: ['aws-region'],
    bases: (b) => b['function-name'] === ARN,
    bad: one('aws-region', fc.constantFrom('eu-west-1', 'us-west-2', 'ap-southeast-2')),
  },
  { action, label: 'max-attempts', names: ['max-attempts'], bad: one('max-attempts', maxAttempts) },
];

const noUrl = (b: Inputs) => !('http-url' in b);

/** The health inputs both actions take: health-gate judges with them, shift-traffic watches each bake with them. */
export const health = (action: Action): Category[] => [
  {
    action,
    label: 'alarms malformed',
    names: ['alarms'],
    bad: one('alarms', badAlarms),
  },
  {
    action,
    label: 'max-error-rate out of 0..100 or garbage',
    names: ['max-error-rate'],
    bad: one('max-error-rate', maxErrorRate),
  },
  {
    action,
    label: 'max-latency-ratio below 1, over 100 or garbage',
    names: ['max-latency-ratio'],
    bad: one('max-latency-ratio', maxLatencyRatio),
  },
  {
    action,
    label: 'max-latency-ms malformed',
    names: ['max-latency-ms'],
    bad: one('max-latency-ms', latencyMalformed),
  },
  {
    action,
    label: 'max-latency-ms 0 or over 900000 ms',
    names: ['max-latency-ms'],
    bad: one('max-latency-ms', latencyZeroOrOver),
  },
  {
    action,
    label: 'max-latency-ms percentile out of p1..p99.9',
    names: ['max-latency-ms'],
    bad: one('max-latency-ms', latencyPercentileOutOfRange),
  },
  {
    action,
    label: 'max-latency-ms a percentile named twice',
    names: ['max-latency-ms'],
    bad: one('max-latency-ms', latencyPercentileTwice),
  },
  {
    action,
    label: 'min-invocations 0, negative or garbage',
    names: ['min-invocations'],
    bad: one('min-invocations', minInvocations),
  },
  {
    action,
    label: 'window not whole minutes, under 1m, over 24h, malformed',
    names: ['window'],
    bad: one('window', badWindow),
  },
  {
    action,
    label: 'http-url not absolute, not http(s), garbage',
    names: ['http-url'],
    bad: one('http-url', badHttpUrl),
  },
  {
    action,
    label: 'http-expect-status out of 100..599, reversed, words',
    names: ['http-expect-status'],
    bases: has('http-url'),
    bad: one('http-expect-status', badStatus),
  },
  {
    action,
    label: 'http-max-latency-ms 0 or garbage (with or without http-url)',
    names: ['http-max-latency-ms'],
    bad: one('http-max-latency-ms', badPositiveInteger(600_000)),
  },
  {
    action,
    label: 'http-samples 0 or garbage',
    names: ['http-samples'],
    bases: has('http-url'),
    bad: one('http-samples', badPositiveInteger(100)),
  },
  {
    action,
    label: 'http-headers without a colon or with a bad name',
    names: ['http-headers'],
    bases: has('http-url'),
    bad: one('http-headers', badHeaders),
  },
  {
    action,
    label: 'http-headers without http-url',
    names: ['http-headers'],
    bases: noUrl,
    bad: one(
      'http-headers',
      fc.oneof(
        headerLine,
        fc.tuple(headerLine, headerLine).map(([a, b]) => `${a}\n${b}`),
      ),
    ),
  },
  {
    action,
    label: 'http-body without http-url',
    names: ['http-body'],
    bases: noUrl,
    bad: one('http-body', fc.oneof(fc.constantFrom('{"ping":true}', 'ping', '<ping/>'), word)),
  },
  {
    action,
    label: 'http-method unknown',
    names: ['http-method'],
    bases: has('http-url'),
    bad: one(
      'http-method',
      unknownWord(
        ['get', 'head', 'post', 'put', 'patch', 'delete', 'options'],
        ['CONNECT', 'TRACE', 'FETCH', 'GETS', 'get!', 'PO ST'],
      ),
    ),
  },
  {
    action,
    label: 'interval under 1s, over 1h, malformed',
    names: ['interval'],
    bad: one('interval', badInterval),
  },
  {
    action,
    label: 'duration over 6h, malformed',
    names: ['duration'],
    bad: one('duration', badDuration),
  },
  {
    action,
    label: 'consecutive-failures 0, over 100 or garbage',
    names: ['consecutive-failures'],
    bad: one('consecutive-failures', badPositiveInteger(100)),
  },
  {
    action,
    label: 'on-inconclusive unknown',
    names: ['on-inconclusive'],
    bad: one(
      'on-inconclusive',
      // shift-traffic's steps can wait for their sample; health-gate's single verdict cannot.
      action === 'shift-traffic'
        ? unknownWord(['fail', 'pass', 'wait'], ['ignore', 'warn', 'true', 'healthy', 'unhealthy', 'skip'])
        : unknownWord(['fail', 'pass'], ['ignore', 'warn', 'true', 'healthy', 'wait', 'skip']),
    ),
  },
  {
    action,
    label: 'invoke-payload not JSON',
    names: ['invoke-payload'],
    bad: one('invoke-payload', invalidJson),
  },
  {
    action,
    label: 'invoke-expect without invoke-payload',
    names: ['invoke-expect'],
    drop: ['invoke-payload'],
    bad: one('invoke-expect', word),
  },
  {
    action,
    label: 'invoke-expect bad regular expression',
    names: ['invoke-expect'],
    bases: has('invoke-payload'),
    bad: one('invoke-expect', badRegex),
  },
  ...logsCategories(action),
];

/**
 * The history inputs record-history and rollback share (read by one parser), on the bases where they are
 * used: every record-history set, and the rollback sets that name an environment.
 */
export const historyInputs = (action: Action, used: (b: Inputs) => boolean): Category[] => [
  {
    action,
    label: 'backend unknown, named twice or an empty list',
    names: ['backend'],
    bases: used,
    bad: one('backend', badBackend),
  },
  {
    action,
    label: 'dynamodb-table empty with backend dynamodb',
    names: ['dynamodb-table'],
    bases: and(used, withDynamo),
    bad: one('dynamodb-table', fc.constantFrom('', '  ')),
  },
  {
    action,
    label: 'dynamodb-table not a table name',
    names: ['dynamodb-table'],
    bases: and(used, withDynamo),
    bad: one('dynamodb-table', badTable),
  },
  {
    action,
    label: 'dynamodb-table without backend dynamodb',
    names: ['dynamodb-table'],
    bases: and(used, (b) => !withDynamo(b)),
    bad: one('dynamodb-table', fc.constantFrom(TABLE, 'orders-history', 'deploy.history_1')),
  },
  {
    action,
    label: 'environment-url not an http(s) URL or over 2048 characters',
    names: ['environment-url'],
    bases: used,
    bad: one('environment-url', badEnvironmentUrl),
  },
  {
    action,
    label: 'ttl-days 0, negative, fractional or garbage',
    names: ['ttl-days'],
    bases: used,
    bad: one('ttl-days', badTtlDays),
  },
  {
    action,
    label: 'github-token empty with backend github',
    names: ['github-token'],
    bases: and(used, withGithub),
    bad: one('github-token', fc.constantFrom('', '   ', '\t')),
  },
  {
    action,
    label: 'github-token with characters no HTTP header carries',
    names: ['github-token'],
    bases: and(used, withGithub),
    // One attempt: a token that slipped through would fail at once instead of being retried as an outage.
    bad: headerlessToken.map((t): Inputs => ({ 'github-token': t, 'max-attempts': '1' })),
  },
  {
    action,
    label: 'repository not owner/name',
    names: ['repository'],
    bases: and(used, withGithub),
    bad: one('repository', badRepository),
  },
  {
    action,
    label: 'repository named . or .. (a path step, not a repository)',
    names: ['repository'],
    bases: and(used, withGithub),
    bad: one('repository', fc.constantFrom(`${OWNER}/.`, `${OWNER}/..`)),
  },
  {
    action,
    label: 'on-error unknown',
    names: ['on-error'],
    bases: used,
    bad: one(
      'on-error',
      unknownWord(['fail', 'warn'], ['ignore', 'continue', 'true', 'false', 'error', 'warning', 'skip']),
    ),
  },
];
