// Deployment history at scale: the calls and time "last successful deployment" costs on each backend, and
// the CPU time of the delivery statistics over 10,000 records.
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DeploymentRecord, DeploymentStatus, FinalStatus, Target } from '@deploy-actions/history';
import { DynamoDbHistory, createTableInput, itemsFor, type Before } from '@deploy-actions/history/dynamodb';
import { GitHubHistory, githubClient } from '@deploy-actions/history/github';
import { computeStats, reportPeriod } from '@deploy-actions/history/stats';
import { startGitHub, type GitHubServer } from '@deploy-actions/testbed/github';
import { clientConfig, startMoto, type Moto } from '@deploy-actions/testbed/moto';
import { FaultProxy } from '@deploy-actions/testbed/proxy';

const TABLE = 'deployments';
const RECORDS = 10_000;
const DAYS = 90;
const WRITERS = 16;
/** Two items a record (record + id pointer); 12 records fill a 24-item batch of the 25 allowed. */
const RECORDS_PER_BATCH = 12;
const RUNS = 5;
const RELEASES = 200;
const DAY_MS = 86_400_000;
const TARGET: Target = { environment: 'prod', targetKind: 'lambda', resource: 'billing:live' };

export interface LookupCost {
  query: string;
  found: string | undefined;
  /** Calls per operation as the proxy or the server counted them, on every run alike. */
  calls: Record<string, number>;
  total: number;
  target: string;
  medianWallMs: number;
  samplesWallMs: number[];
}

export interface HistoryBench {
  records: number;
  spanDays: number;
  statuses: Record<DeploymentStatus, number>;
  load: { batchWriteCalls: number; writers: number; wallMs: number };
  dynamodb: LookupCost[];
  computeStats: {
    records: number;
    medianCpuMs: number;
    samplesCpuMs: number[];
    targetCpuMs: number;
    summary: { count: number; successRate: number | null; changeFailureRate: number | null };
  };
  github: (LookupCost & { scenario: string; releases: number })[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** A record as the DynamoDB integration test builds them: mostly succeeded, some failed or rolled back. */
function record(i: number, startedMs: number): DeploymentRecord {
  const status: DeploymentStatus = i % 7 === 3 ? 'failed' : i % 13 === 5 ? 'rolled-back' : 'succeeded';
  return {
    id: `big-${i}`,
    ...TARGET,
    blueVersion: String(i - 1),
    greenVersion: String(i),
    strategy: 'linear',
    status,
    startedAt: new Date(startedMs).toISOString(),
    endedAt: new Date(startedMs + 9 * 60_000).toISOString(),
    commit: `c${i}`,
    ref: 'refs/heads/main',
    actor: 'octocat',
    runUrl: `https://github.com/o/r/actions/runs/${i}`,
  };
}

/** Runs `lookup` RUNS times; the call counts must be the same on every run. */
async function cost(
  query: string,
  target: string,
  lookup: () => Promise<DeploymentRecord | undefined>,
  expected: string | undefined,
  counted: { clear(): void; counts(): Record<string, number> },
): Promise<LookupCost> {
  const samples: number[] = [];
  let calls: Record<string, number> | undefined;
  let found: string | undefined;
  for (let run = 0; run < RUNS; run++) {
    counted.clear();
    const t0 = process.hrtime.bigint();
    found = (await lookup())?.id;
    samples.push(elapsedMs(t0));
    if (found !== expected) throw new Error(`${query}: found ${found}, expected ${expected}`);
    const now = counted.counts();
    if (calls && JSON.stringify(now) !== JSON.stringify(calls))
      throw new Error(
        `${query}: calls changed between runs: ${JSON.stringify(calls)} then ${JSON.stringify(now)}`,
      );
    calls = now;
  }
  return {
    query,
    found,
    calls: calls!,
    total: Object.values(calls!).reduce((n, c) => n + c, 0),
    target,
    medianWallMs: median(samples),
    samplesWallMs: samples,
  };
}

async function dynamoDb(records: DeploymentRecord[]) {
  let moto: Moto | undefined;
  let proxy: FaultProxy | undefined;
  let direct: DynamoDBClient | undefined;
  let viaProxy: DynamoDBClient | undefined;
  try {
    moto = await startMoto();
    proxy = await FaultProxy.start(moto.url);
    direct = new DynamoDBClient(clientConfig(moto.url));
    viaProxy = new DynamoDBClient(clientConfig(proxy.url, { maxAttempts: 1 }));
    const marshall = { marshallOptions: { removeUndefinedValues: true } };
    const writer = DynamoDBDocumentClient.from(direct, marshall);
    await direct.send(new CreateTableCommand(createTableInput(TABLE)));

    // Loaded straight into moto, as a bulk import would: only the reads below go through the proxy.
    const batches: Record<string, unknown>[][] = [];
    for (let i = 0; i < records.length; i += RECORDS_PER_BATCH)
      batches.push(records.slice(i, i + RECORDS_PER_BATCH).flatMap((r) => itemsFor(r)));
    let next = 0;
    let batchWriteCalls = 0;
    const worker = async () => {
      while (next < batches.length) {
        let requests = batches[next++]!.map((Item) => ({ PutRequest: { Item } }));
        while (requests.length) {
          batchWriteCalls++;
          const out = await writer.send(new BatchWriteCommand({ RequestItems: { [TABLE]: requests } }));
          requests = (out.UnprocessedItems?.[TABLE] ?? []) as typeof requests;
        }
      }
    };
    const t0 = process.hrtime.bigint();
    await Promise.all(Array.from({ length: WRITERS }, worker));
    const load = { batchWriteCalls, writers: WRITERS, wallMs: elapsedMs(t0) };

    const history = new DynamoDbHistory(DynamoDBDocumentClient.from(viaProxy, marshall), TABLE);
    const newest = records[records.length - 1]!;
    const successBefore = (before?: string) =>
      [...records]
        .reverse()
        .find((r) => r.status === 'succeeded' && (before === undefined || r.endedAt! < before))?.id;
    const counted = {
      clear: () => proxy!.clearCalls(),
      counts: () => proxy!.counts(),
    };
    const byId: Before = { deploymentId: newest.id };
    const lookups = [
      await cost(
        'lastSuccessful(target)',
        '≤ 2',
        () => history.lastSuccessful(TARGET),
        successBefore(),
        counted,
      ),
      await cost(
        `lastSuccessful(target, { deploymentId: '${newest.id}' }) (${newest.status})`,
        '≤ 2',
        () => history.lastSuccessful(TARGET, byId),
        successBefore(newest.startedAt),
        counted,
      ),
    ];
    return { load, lookups };
  } finally {
    direct?.destroy();
    viaProxy?.destroy();
    await proxy?.stop();
    await moto?.stop();
  }
}

function statsCpu(records: DeploymentRecord[], now: number) {
  const period = reportPeriod(now, DAYS);
  const samples: number[] = [];
  let stats = computeStats(records, period);
  for (let run = 0; run < RUNS; run++) {
    const before = process.cpuUsage();
    stats = computeStats(records, period);
    const used = process.cpuUsage(before);
    samples.push((used.user + used.system) / 1000);
  }
  if (stats.count !== records.length)
    throw new Error(`computeStats counted ${stats.count} of ${records.length} records in the period`);
  return {
    records: records.length,
    medianCpuMs: median(samples),
    samplesCpuMs: samples,
    targetCpuMs: 1000,
    summary: {
      count: stats.count,
      successRate: stats.successRate,
      changeFailureRate: stats.changeFailureRate,
    },
  };
}

/** `final(n)` is the outcome of release n (1 = oldest); the releases are recorded in order. */
async function gitHub(scenario: string, expected: string, final: (n: number) => FinalStatus) {
  let gh: GitHubServer | undefined;
  try {
    gh = await startGitHub({ owner: 'acme', repo: 'payments' });
    const history = new GitHubHistory(
      await githubClient({ token: gh.token, baseUrl: gh.url }),
      gh.owner,
      gh.repo,
    );
    const target: Target = { environment: 'production', targetKind: 'lambda', resource: 'orders:live' };
    let lastGood: string | undefined;
    for (let n = 1; n <= RELEASES; n++) {
      const { record } = await history.putStarted({
        id: `${1000 + n}-1`,
        ...target,
        blueVersion: String(n - 1),
        greenVersion: String(n),
        strategy: 'linear',
        status: 'started',
        startedAt: new Date().toISOString(),
        commit: String(n).padStart(40, '0'),
        ref: 'refs/heads/main',
        actor: 'octocat',
        runUrl: `https://github.com/acme/payments/actions/runs/${1000 + n}`,
      });
      const status = final(n);
      await history.finish(record.id, status, {
        endedAt: new Date().toISOString(),
        ...(status === 'succeeded' ? {} : { reason: 'health gate: error rate 4.1% > 2%' }),
        ...(status === 'rolled-back' ? { restoredVersion: String(n - 1) } : {}),
      });
      if (status === 'succeeded') lastGood = record.id;
    }
    const server = gh;
    const counted = {
      clear: () => {
        server.calls.length = 0;
      },
      counts: () => {
        const out: Record<string, number> = {};
        for (const c of server.calls) out[c.operationId ?? c.path] = (out[c.operationId ?? c.path] ?? 0) + 1;
        return out;
      },
    };
    const c = await cost(
      'lastSuccessful(target)',
      expected,
      () => history.lastSuccessful(target),
      lastGood,
      counted,
    );
    if (gh.violations.length)
      throw new Error(`calls off GitHub's description: ${JSON.stringify(gh.violations.slice(0, 3))}`);
    return { ...c, scenario, releases: RELEASES };
  } finally {
    await gh?.stop();
  }
}

export async function measureHistory(): Promise<HistoryBench> {
  // Whole minutes, spread evenly over the last 90 days, the newest just before now.
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const step = (DAYS * DAY_MS) / RECORDS;
  const records = Array.from({ length: RECORDS }, (_, i) => record(i, now - DAYS * DAY_MS + i * step));
  const statuses: Record<DeploymentStatus, number> = {
    started: 0,
    succeeded: 0,
    failed: 0,
    'rolled-back': 0,
  };
  for (const r of records) statuses[r.status]++;

  const { load, lookups } = await dynamoDb(records);
  const cpu = statsCpu(records, now);
  // Earlier failures mixed in as in the DynamoDB records; the newest release decides the scan.
  const mixed = (n: number): FinalStatus =>
    n % 7 === 3 ? 'failed' : n % 13 === 5 ? 'rolled-back' : 'succeeded';
  const github = [
    await gitHub('newest is a success', '2 (1 list page + 1 statuses)', (n) =>
      n === RELEASES ? 'succeeded' : mixed(n),
    ),
    await gitHub('last 10 are failures', '12 (1 list page + 11 statuses)', (n) =>
      n > RELEASES - 10 ? (n % 2 ? 'failed' : 'rolled-back') : n === RELEASES - 10 ? 'succeeded' : mixed(n),
    ),
  ];
  return {
    records: RECORDS,
    spanDays: DAYS,
    statuses,
    load,
    dynamodb: lookups,
    computeStats: cpu,
    github,
  };
}
