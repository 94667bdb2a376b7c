// Bad values of the Cloud Run inputs, as fast-check arbitraries: each is one an input check must refuse.
import fc from 'fast-check';
import { injection, one, type Inputs } from './generators';

/** The service of the Cloud Run bases: `orders` (6 characters). */
export const CR_SERVICE = 'orders';

const lower = fc.stringMatching(/^[a-z0-9]{1,8}$/);

export interface CloudRunCategory {
  actions: ('deploy-green' | 'shift-traffic' | 'rollback' | 'health-gate')[];
  label: string;
  /** The inputs the error may name. */
  names: string[];
  bad: fc.Arbitrary<Inputs>;
}

const ALL = ['deploy-green', 'shift-traffic', 'rollback', 'health-gate'] as const;
const cat = (
  label: string,
  names: string[],
  bad: fc.Arbitrary<Inputs>,
  actions: CloudRunCategory['actions'] = [...ALL],
): CloudRunCategory => ({ actions, label, names, bad });

export const cloudRunCategories: CloudRunCategory[] = [
  cat(
    'revision-suffix with capitals',
    ['revision-suffix'],
    one(
      'revision-suffix',
      fc.tuple(lower, fc.stringMatching(/^[A-Z]{1,4}$/)).map(([a, b]) => a + b),
    ),
    ['deploy-green'],
  ),
  cat(
    'revision-suffix too long (service, hyphen and suffix over 63)',
    ['revision-suffix'],
    one(
      'revision-suffix',
      fc.integer({ min: 57, max: 120 }).map((n) => 'a'.repeat(n)),
    ),
    ['deploy-green'],
  ),
  cat(
    'revision-suffix with a hyphen at an end or other characters',
    ['revision-suffix'],
    one(
      'revision-suffix',
      fc.oneof(
        lower.map((s) => `-${s}`),
        lower.map((s) => `${s}-`),
        lower.map((s) => `${s}_x`),
        injection,
      ),
    ),
    ['deploy-green'],
  ),
  cat(
    'tag and service over 46 characters',
    ['tag'],
    one(
      'tag',
      fc.integer({ min: 41, max: 63 }).map((n) => `t${'a'.repeat(n - 1)}`),
    ),
    ['deploy-green'],
  ),
  cat(
    'tag not a DNS label',
    ['tag'],
    one('tag', fc.oneof(fc.constantFrom('Green', '1st', 'a_b', 'x-'), injection)),
    ['deploy-green'],
  ),
  cat(
    'image that is not a registry path',
    ['image'],
    one(
      'image',
      fc.oneof(
        fc.constantFrom(
          'orders:1',
          'orders',
          'gcr.io/p/app',
          'https://gcr.io/p/app:1',
          'gcr.io/P/App:1',
          'gcr.io/p/app@sha256:abc',
        ),
        lower.map((s) => `${s}/${s}:latest`),
      ),
    ),
    ['deploy-green'],
  ),
  cat(
    'cpu, memory, concurrency or min-instances out of range',
    ['cpu', 'memory', 'concurrency', 'min-instances'],
    fc.oneof(
      one('cpu', fc.constantFrom('3', '0', '16', '0.01', 'two', '1.5')),
      one('memory', fc.constantFrom('64Mi', '64Gi', '512', '1GB', '0Mi')),
      one('concurrency', fc.constantFrom('0', '1001', '-1', '2.5')),
      one('min-instances', fc.constantFrom('-1', '1001', 'many')),
    ),
    ['deploy-green'],
  ),
  cat(
    'env-vars with a reserved or malformed key',
    ['env-vars'],
    one(
      'env-vars',
      fc.constantFrom('PORT=8081', 'K_SERVICE=x', '1ABC: x', '{"A-B": "x"}', 'A: [1, 2]', '{not json'),
    ),
    ['deploy-green'],
  ),
  cat(
    'region that is not one',
    ['region'],
    one(
      'region',
      fc.oneof(
        fc.constantFrom('us-east-1', 'eu-west-1', 'US-CENTRAL1', 'us-central', 'mars-north1', 'europe'),
        injection,
      ),
    ),
  ),
  cat(
    'service not a Cloud Run service name',
    ['service'],
    one(
      'service',
      fc.oneof(fc.constantFrom('Orders', '1orders', 'orders-', 'orders_api', 'a'.repeat(50)), injection),
    ),
  ),
  cat(
    'project not a project ID',
    ['project'],
    one('project', fc.constantFrom('P', 'my_project', '1project', 'ab', 'x'.repeat(31))),
  ),
  cat(
    'api-endpoint or monitoring-endpoint over plain http off loopback',
    ['api-endpoint', 'monitoring-endpoint'],
    fc
      .tuple(
        fc.constantFrom('api-endpoint', 'monitoring-endpoint'),
        fc.constantFrom('run.example.com', '10.0.0.8:8080', '192.168.1.2', 'localhost.evil.example'),
      )
      .map(([name, host]) => ({ [name]: `http://${host}` })),
  ),
  cat(
    'endpoint with a path, credentials or another scheme',
    ['api-endpoint', 'monitoring-endpoint'],
    fc
      .tuple(
        fc.constantFrom('api-endpoint', 'monitoring-endpoint'),
        fc.constantFrom(
          'https://run.example.com/v2',
          'https://u:p@run.example.com',
          'ftp://run.example.com',
          'run.googleapis.com',
        ),
      )
      .map(([name, value]) => ({ [name]: value })),
  ),
  cat(
    'access-token with spaces',
    ['access-token'],
    one('access-token', fc.constantFrom('ya29 a b', 'Bearer ya29.x')),
  ),
  cat(
    'percentages with decimals on a router of whole percents',
    ['steps'],
    one(
      'steps',
      fc
        .tuple(fc.integer({ min: 1, max: 98 }), fc.integer({ min: 1, max: 9 }))
        .map(([a, d]) => `${a}.${d},100`),
    ),
    ['shift-traffic'],
  ),
  cat(
    'percentages above 100 or zero',
    ['steps'],
    one(
      'steps',
      fc.oneof(
        fc.integer({ min: 101, max: 999 }).map((n) => `10,${n}`),
        fc.constant('0,100'),
      ),
    ),
    ['shift-traffic'],
  ),
  cat(
    'green-version not a revision name',
    ['green-version'],
    one('green-version', fc.constantFrom('Orders-1', 'orders_1', '7', 'arn:aws:lambda:x')),
    ['shift-traffic'],
  ),
  cat(
    'to revision: with a bad name',
    ['to'],
    one('to', fc.constantFrom('revision:Orders', 'revision:', 'revision:a_b')),
    ['rollback'],
  ),
  cat(
    'remove-green neither true nor false',
    ['remove-green'],
    one('remove-green', fc.constantFrom('yes', '1', 'tags')),
    ['rollback'],
  ),
  cat(
    'CloudWatch alarms given to a Cloud Run release',
    ['alarms'],
    one('alarms', fc.constantFrom('orders-errors', 'orders-*')),
    ['shift-traffic', 'health-gate'],
  ),
  cat(
    'a latency limit on a percentile Cloud Monitoring cannot give',
    ['max-latency-ms'],
    one(
      'max-latency-ms',
      fc
        .constantFrom('p90', 'p75', 'p99.9', 'p1', 'p96')
        .chain((p) => fc.integer({ min: 1, max: 900_000 }).map((ms) => `p95=2000,${p}=${ms}`)),
    ),
    ['shift-traffic', 'health-gate'],
  ),
];

/** A record-history case with target cloud-run: its bases record a started release or read a report. */
export interface CloudRunRecordCategory {
  label: string;
  names: string[];
  bad: fc.Arbitrary<Inputs>;
  /** Only on the base that records a start (the versions are read there). */
  startedOnly?: boolean;
  /** Base inputs removed first, so that only the missing one is wrong. */
  drop?: string[];
}

/** record-history reads the target's own inputs (the categories every action shares) and revision names. */
export const cloudRunRecordCategories: CloudRunRecordCategory[] = [
  ...cloudRunCategories
    .filter((c) => c.actions.length === ALL.length)
    .map(({ label, names, bad }) => ({ label, names, bad })),
  {
    label: 'green-version or blue-version not a revision name',
    names: ['green-version', 'blue-version'],
    startedOnly: true,
    bad: fc
      .tuple(
        fc.constantFrom('green-version', 'blue-version'),
        fc.constantFrom('Orders-1', 'orders_1', '7', 'arn:aws:lambda:x'),
      )
      .map(([name, value]) => ({ [name]: value })),
  },
  {
    label: 'service missing with status started',
    names: ['service'],
    startedOnly: true,
    drop: ['service'],
    bad: fc.constantFrom<Inputs>({}, { service: '' }, { service: '  ' }),
  },
  {
    label: 'region missing beside the service',
    names: ['region'],
    drop: ['region'],
    bad: fc.constantFrom<Inputs>({}, { region: '' }),
  },
  {
    label: 'an input of another target',
    names: ['function-name', 'alias', 'cluster'],
    bad: fc.oneof(
      one('function-name', fc.constantFrom('orders', 'orders-api')),
      one('alias', fc.constantFrom('live', 'prod')),
      one('cluster', fc.constantFrom('prod', 'orders-cluster')),
    ),
  },
];
