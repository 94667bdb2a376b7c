// The bad values of the history inputs (record-history, and rollback with an environment), as fast-check
// arbitraries: backend, dynamodb-table, deployment ids, status, environment-url, ttl-days, github-token and
// repository.
import fc from 'fast-check';
import {
  badHttpUrl,
  garbageNumber,
  injection,
  nonBlank,
  OWNER,
  plainName,
  REPO,
  REPOSITORY,
  unknownWord,
  word,
} from './generators';

/** What backend takes: github, dynamodb or both, comma separated, each once (case and spaces aside). */
export const isBackendList = (s: string) => {
  const names = s
    .split(',')
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);
  return (
    names.length > 0 &&
    names.every((n) => n === 'github' || n === 'dynamodb') &&
    new Set(names).size === names.length
  );
};
export const badBackend = fc
  .oneof(
    fc.constantFrom(
      's3',
      'dynamo',
      'ddb',
      'gh',
      'git',
      'github-deployments',
      'none',
      'github,github',
      'dynamodb,DynamoDB',
      'github,dynamodb,github',
      ',',
      ' , ',
      ',,',
      'github;dynamodb',
      'github dynamodb',
      'github|dynamodb',
      'github+dynamodb',
    ),
    fc.tuple(fc.constantFrom('github', 'dynamodb'), word).map(([a, b]) => `${a},${b}`),
    word,
    injection,
  )
  .filter((s) => nonBlank(s) && !isBackendList(s));

/** DynamoDB table names: 3 to 255 of letters, digits, _, - and . */
export const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;
export const badTable = fc
  .oneof(
    fc.constantFrom('ab', 'a', 'my table', 'deploy#ments', 'deployments/', 'tåble', 'deploy:ments', 'x@y'),
    fc.integer({ min: 256, max: 400 }).map((n) => 't'.repeat(n)),
    fc.tuple(word, fc.constantFrom('!', '/', '#', ' ', '$', '*', ',')).map(([w, c]) => `${w}${c}x`),
    injection,
  )
  .filter((s) => nonBlank(s) && !TABLE_NAME.test(s.trim()));

// Deployment ids: 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit ('#'
// separates the parts of DynamoDB keys).
export const badDeploymentId = fc.oneof(
  fc.tuple(word, word).map(([a, b]) => `${a}#${b}`),
  fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
  word.map((w) => `-${w}`),
  fc.tuple(fc.constantFrom('.', '_', ':'), word).map(([c, w]) => `${c}${w}`),
  fc.integer({ min: 129, max: 300 }).map((n) => 'd'.repeat(n)),
  fc.constantFrom('release#1', 'deployment#42', '#', '-1', 'release/1', 'rélease', 'release@1', 'r\u00a0x'),
  injection,
);
export const goodDeploymentId = fc.oneof(
  fc.constantFrom('release-7', 'run-1000-0a1b2c3d', '12345', 'release-2024.06.01_a:1'),
  plainName.filter((s) => /^[A-Za-z0-9]/.test(s)),
);

export const RECORD_STATUSES = ['started', 'succeeded', 'failed', 'rolled-back'];
export const badRecordStatus = unknownWord(RECORD_STATUSES, [
  'start',
  'success',
  'successful',
  'succeed',
  'fail',
  'failure',
  'error',
  'rolled_back',
  'rolledback',
  'rollback',
  'rolled back',
  'done',
  'pending',
  'in_progress',
  'inactive',
  'queued',
  'true',
]);

export const badEnvironmentUrl = fc.oneof(
  badHttpUrl,
  fc.integer({ min: 2049, max: 3000 }).map((n) => `https://orders.example.com/${'p'.repeat(n)}`),
);

export const badTtlDays = fc
  .oneof(
    fc.constantFrom('0', '00000', '-1', '-90', '1.5', '90d', '90 days', '1e3', '0x10', 'ninety', '123456'),
    fc.integer({ min: -1000, max: 0 }).map(String),
    garbageNumber,
  )
  .filter(nonBlank);

// Header values are bytes: a character past U+00FF cannot be sent in the Authorization header at all.
export const headerlessToken = fc.oneof(
  fc.constantFrom('ghs_€uro', 'ghs_tökén€', 'ghs_\u2028x', 'ghs_\u200bx'),
  fc.tuple(word, fc.constantFrom('€', '☃', 'ł', '\u2028', '\u200b', '—')).map(([w, c]) => `ghs_${w}${c}x`),
);

export const badRepository = fc.oneof(
  fc.constantFrom(
    OWNER,
    `${OWNER}/`,
    `/${REPO}`,
    `${REPOSITORY}/extra`,
    `octo org/${REPO}`,
    `${OWNER}/orders service`,
    `-octo/${REPO}`,
    `${OWNER}//${REPO}`,
    `https://github.com/${REPOSITORY}`,
    `${OWNER}\\${REPO}`,
    `${OWNER}/${REPO}#1`,
    `${OWNER}/${REPO}?x=1`,
  ),
  fc.integer({ min: 40, max: 60 }).map((n) => `${'o'.repeat(n)}/${REPO}`),
  fc.integer({ min: 101, max: 150 }).map((n) => `${OWNER}/${'r'.repeat(n)}`),
  word,
  injection,
);

// Notifications: a Slack webhook (a secret: never shown), an SNS topic of the region in use, notify-on.
const SECRET = 'T0SECRET/B0SECRET/s3cr3tW3bh00k';
export const webhookNotUrl = fc.oneof(
  fc.constantFrom(
    `hooks.slack.com/services/${SECRET}`,
    `//hooks.slack.com/services/${SECRET}`,
    `https//hooks.slack.com/services/${SECRET}`,
    `https://hooks slack.com/services/${SECRET}`,
    `ftp://hooks.slack.com/services/${SECRET}`,
    `mailto:${SECRET}@example.com`,
    `javascript:alert('${SECRET}')`,
  ),
  fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
  word,
);
export const webhookHttpElsewhere = fc.oneof(
  fc.constantFrom(
    `http://hooks.slack.com/services/${SECRET}`,
    `http://10.0.0.5/services/${SECRET}`,
    `http://192.168.1.1:8080/${SECRET}`,
    `http://127.0.0.1.nip.io/${SECRET}`,
    `http://localhost.example.com/${SECRET}`,
    `http://[::2]/${SECRET}`,
  ),
  word.map((w) => `http://${w}.example.com/services/${SECRET}`),
);
export const webhookWithCredentials = fc.oneof(
  fc.constantFrom(
    `https://user:pass@hooks.slack.com/services/${SECRET}`,
    `https://xoxb-token@hooks.slack.com/services/${SECRET}`,
    `http://u:p@127.0.0.1:9/services/${SECRET}`,
  ),
  fc.tuple(word, word).map(([u, p]) => `https://${u}:${p}@hooks.slack.com/services/${SECRET}`),
);

const ACCOUNT_ID = '123456789012';
export const topicOtherRegion = fc
  .constantFrom('eu-west-1', 'us-west-2', 'ap-southeast-2', 'us-east-2', 'sa-east-1')
  .map((r) => `arn:aws:sns:${r}:${ACCOUNT_ID}:deployments`);
export const notTopicArn = fc.oneof(
  fc.constantFrom(
    'deployments',
    `arn:aws:sqs:us-east-1:${ACCOUNT_ID}:deployments`,
    `arn:aws:lambda:us-east-1:${ACCOUNT_ID}:function:orders-api`,
    `arn:aws:sns:us-east-1:${ACCOUNT_ID}`,
    `arn:aws:sns:us-east-1:${ACCOUNT_ID}:`,
    'arn:aws:sns:us-east-1:12345:deployments',
    `arn:aws:sns:us-east-1:${ACCOUNT_ID}:deploy/ments`,
    `arn:aws:sns:us-east-1:${ACCOUNT_ID}:deployments:subscription-id`,
    `arn:aws-cn:sns:us-east-1:${ACCOUNT_ID}:deployments`,
    `arn:aws:sns:useast1:${ACCOUNT_ID}:deployments`,
    `https://sns.us-east-1.amazonaws.com/${ACCOUNT_ID}/deployments`,
  ),
  fc.integer({ min: 257, max: 300 }).map((n) => `arn:aws:sns:us-east-1:${ACCOUNT_ID}:${'t'.repeat(n)}`),
  word,
  injection,
);
export const badNotifyOn = fc
  .oneof(
    unknownWord(
      ['started', 'succeeded', 'failed', 'rolled-back', 'all'],
      ['success', 'failure', 'rollback', 'rolled_back', 'none', 'always', 'errors', 'start'],
    ),
    fc.constantFrom(',', ' , ', 'failed;rolled-back', 'failed rolled-back', 'failed,oops', 'all,never'),
    fc.tuple(fc.constantFrom('failed', 'started', 'all'), word).map(([a, b]) => `${a},${b}`),
  )
  .filter((s) => {
    const words = s.split(',').map((w) => w.trim().toLowerCase());
    return !words.every((w) => ['started', 'succeeded', 'failed', 'rolled-back', 'all'].includes(w));
  });
