// Checkpointed rollouts through the bundle against moto (shift-traffic mode start, then scheduled mode advance
// runs), on the scaled clock the actions share with the traffic simulator:
// (a) an idle advance run: a rollout started on the six-week plan, then advance runs before the first bake is
//     over. The AWS calls each makes (from the fault proxy's call log) and its wall time; it must write nothing.
// (b) detection time of the consecutive-failure rule: green at 10% of a function invoked once a minute, its
//     runs failing from a known time, advance runs every 15 simulated minutes; from the third failing run's
//     report record becoming readable (moto answered its PutLogEvents) to the rollback write.
// moto drops log events more than 2 h ahead of the real clock: every simulated span here stays within that.
// Run on its own: npx tsx scripts/bench-rollout.ts [idle|detection]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scaledClock, type Clock } from '@deploy-actions/core';
import {
  awsTestEnv,
  createLambdaFunction,
  makeZip,
  startMoto,
  type Moto,
} from '@deploy-actions/testbed/moto';
import {
  FaultProxy,
  isWrite,
  type ModelCall,
  type ProxyCall,
  type ProxyModel,
} from '@deploy-actions/testbed/proxy';
import { runAction, type RunResult } from '@deploy-actions/testbed/runner';
import { startTraffic, type VersionBehaviour } from '@deploy-actions/testbed/traffic';
import { median, ms, table } from './bench-spawn';
import { nodesToMeasure, type NodeBinary } from './bench-coldstart';

const FN = 'orders-api';
/** The six-week plan of the issue: a week per step. */
export const PLAN = '10:7d,30:7d,50:7d,70:7d,90:7d,100';
/** Its rules: error rate, duration against blue, failures in a row, memory, timeouts; a sample to wait for. */
export const ISSUE_CHECKS: Record<string, string> = {
  'max-error-rate': '5',
  'max-duration-ratio': '1.5',
  'max-consecutive-failures': '3',
  'max-memory-mb': '750',
  'max-timeouts': '2',
  'min-invocations': '4',
  'on-inconclusive': 'wait',
  'max-bake': '14d',
};
export const IDLE_RUNS = 9;
export const IDLE_WARMUP = 1;

const steady: VersionBehaviour = {
  errorRate: 0,
  latencyMs: { p50: 40, p95: 90 },
  memoryMb: 300,
  initMs: 400,
};

/** moto behind the recording proxy, a function with v1 live and v2 published by deploy-green, and a workspace. */
async function bedWithGreen(node: string): Promise<{ moto: Moto; proxy: FaultProxy; workspace: string }> {
  const moto = await startMoto();
  const proxy = await FaultProxy.start(moto.url);
  const workspace = mkdtempSync(join(tmpdir(), 'bench-rollout-'));
  try {
    await createLambdaFunction(moto.url, { name: FN });
    for (const n of [1, 2]) {
      writeFileSync(
        join(workspace, `v${n}.zip`),
        makeZip({ 'index.mjs': `export const handler = async () => (${n});\n` }),
      );
      const d = await runAction('deploy-green', {
        inputs: { 'function-name': FN, 'zip-file': `v${n}.zip` },
        env: awsTestEnv(proxy.url),
        node,
        workspace,
      });
      if (d.code !== 0) throw new Error(`deploy-green failed: ${d.errors.join('; ')}`);
    }
    return { moto, proxy, workspace };
  } catch (err) {
    await proxy.stop();
    await moto.stop();
    rmSync(workspace, { recursive: true, force: true });
    throw err;
  }
}

const countOps = (calls: ProxyCall[]) => {
  const out: Record<string, number> = {};
  for (const c of calls) out[`${c.service}:${c.op}`] = (out[`${c.service}:${c.op}`] ?? 0) + 1;
  return out;
};

const total = (c: Record<string, number>) => Object.values(c).reduce((x, y) => x + y, 0);

function mustSucceed(what: string, r: RunResult): void {
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}): ${r.errors.join(' / ') || r.stderr}`);
}

// --- (a) an idle advance run ------------------------------------------------------------------------------

export interface IdleAdvance {
  config: string;
  node: string;
  /** AWS calls of one run by service:Operation (every measured run made the same ones, else the most). */
  calls: Record<string, number>;
  /** Whether every measured run made the same calls. */
  sameCalls: boolean;
  runs: number;
  medianWallMs: number;
  samplesWallMs: number[];
  /** What the run said it did (the last measured run). */
  message: string;
  status: string;
  nextDue: string;
}

export interface IdleSection {
  plan: string;
  /** Simulated traffic before the runs: invocations and those green served (each with its report record). */
  invocations: number;
  greenInvocations: number;
  rows: IdleAdvance[];
}

/** Simulated ms per real ms for the idle runs: an hour of traffic in three seconds. */
const IDLE_SCALE = 1200;

export async function measureIdleAdvance(
  nodes: NodeBinary[],
  opts: { runs?: number; warmup?: number } = {},
): Promise<IdleSection> {
  const runs = opts.runs ?? IDLE_RUNS;
  const warmup = opts.warmup ?? IDLE_WARMUP;
  const callNode = nodes[nodes.length - 1]!.path;
  const { moto, proxy, workspace } = await bedWithGreen(callNode);
  try {
    const epoch = Date.now();
    const clock = scaledClock(epoch, IDLE_SCALE);
    let run = 500;
    const env = () => ({
      ...awsTestEnv(proxy.url),
      DEPLOY_ACTIONS_CLOCK: `${epoch}:${IDLE_SCALE}`,
      GITHUB_RUN_ID: String(++run),
    });
    const plan = { 'function-name': FN, 'green-version': '2', steps: PLAN };
    const started = await runAction('shift-traffic', {
      inputs: { ...plan, ...ISSUE_CHECKS, mode: 'start' },
      env: env(),
      node: callNode,
      workspace,
    });
    mustSucceed('shift-traffic mode start', started);

    // An hour of the step's traffic, once a minute, each run's report record in the log group: what an
    // advance run on that step reads.
    const traffic = startTraffic({
      endpoint: moto.url,
      functionName: FN,
      alias: 'live',
      clock,
      ratePerMinute: 1,
      seed: 11,
      versions: { '1': steady, '2': steady },
      logs: { format: 'text' },
    });
    await clock.sleep(3_600_000);
    await traffic.stop();
    const ledger = traffic.ledger();

    const configs: { name: string; inputs: Record<string, string> }[] = [
      { name: 'plan only (no checks)', inputs: {} },
      { name: "the issue's checks (metrics and logs)", inputs: ISSUE_CHECKS },
    ];
    const rows: IdleAdvance[] = [];
    for (const config of configs) {
      for (const n of nodes) {
        const samples: number[] = [];
        const seen: Record<string, number>[] = [];
        let last: RunResult | undefined;
        for (let i = 0; i < warmup + runs; i++) {
          proxy.clearCalls();
          const r = await runAction('shift-traffic', {
            inputs: { ...plan, ...config.inputs, mode: 'advance' },
            env: env(),
            node: n.path,
            workspace,
          });
          mustSucceed(`shift-traffic mode advance (${config.name}, ${n.name})`, r);
          const calls = proxy.calls.filter((c) => !c.injected);
          const writes = calls.filter((c) => isWrite(c.op));
          // The one figure a benchmark may fail on: an idle run writes nothing.
          if (writes.length > 0)
            throw new Error(
              `an idle advance run wrote (${writes.map((c) => c.op).join(', ')}): ${r.outputs.status}`,
            );
          if (r.outputs.status !== 'in-progress')
            throw new Error(`an idle advance run ended ${r.outputs.status}, not in-progress`);
          if (i < warmup) continue;
          samples.push(r.durationMs);
          seen.push(countOps(calls));
          last = r;
        }
        const key = (c: Record<string, number>) => JSON.stringify(Object.entries(c).sort());
        const most = seen.reduce((a, b) => (total(b) > total(a) ? b : a));
        rows.push({
          config: config.name,
          node: n.name,
          calls: most,
          sameCalls: seen.every((c) => key(c) === key(seen[0]!)),
          runs,
          medianWallMs: median(samples),
          samplesWallMs: samples,
          message: (last?.stdout.match(/^step \d+\/\d+:.*Nothing to do yet\.$/m) ?? [''])[0],
          status: last?.outputs.status ?? '',
          nextDue: last?.outputs['next-due'] ?? '',
        });
      }
    }
    return {
      plan: PLAN,
      invocations: ledger.requests.length,
      greenInvocations: ledger.requests.filter((q) => q.version === '2').length,
      rows,
    };
  } finally {
    await proxy.stop();
    await moto.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}

export function printIdle(s: IdleSection): void {
  const ops = [...new Set(s.rows.flatMap((r) => Object.keys(r.calls)))].sort();
  const configs = [...new Set(s.rows.map((r) => r.config))];
  const callsOf = (config: string) => s.rows.find((r) => r.config === config)!.calls;
  console.log(
    `\nan idle advance run (npx tsx scripts/bench-rollout.ts idle): steps ${s.plan} started with mode start, ` +
      `then an hour of traffic once a minute (${s.invocations} runs, ${s.greenInvocations} on green, each with its ` +
      `report record); mode advance runs before the first bake is over: AWS calls per run through the bundle`,
  );
  console.log(
    table(
      ['operation', ...configs, 'write'],
      [
        ...ops.map((op) => [
          op,
          ...configs.map((c) => callsOf(c)[op] ?? 0),
          isWrite(op.split(':')[1]!) ? 'yes' : '',
        ]),
        ['all', ...configs.map((c) => total(callsOf(c))), ''],
      ],
      configs.map((_, i) => i + 1),
    ),
  );
  console.log(`\nwall time of an idle advance run (spawn to exit), median of ${s.rows[0]?.runs ?? 0} runs`);
  console.log(
    table(
      ['checks', 'node', 'median ms', 'min ms', 'max ms', 'calls', 'writes', 'status'],
      s.rows.map((r) => [
        r.config,
        r.node,
        ms(r.medianWallMs),
        ms(Math.min(...r.samplesWallMs)),
        ms(Math.max(...r.samplesWallMs)),
        `${total(r.calls)}${r.sameCalls ? '' : ' (varied)'}`,
        0,
        r.status,
      ]),
      [2, 3, 4, 5, 6],
    ),
  );
  const said = s.rows.at(-1)?.message;
  if (said) console.log(`what the run said: ${said}`);
}

// --- (b) detection time of the consecutive-failure rule ---------------------------------------------------

export interface FailureDetection {
  scale: number;
  ratePerMinute: number;
  percent: number;
  tickMinutes: number;
  /** Simulated ms from the start's write to green's runs beginning to fail. */
  failFromMs: number;
  /** Simulated ms from the third failing report record becoming readable to the rollback write. */
  detectionMs?: number;
  /** Of which: until the advance run that rolled back began (a scheduled tick), and that run to its write. */
  waitForRunMs?: number;
  runToWriteMs?: number;
  /** Real ms from that run's spawn to its rollback write (runToWriteMs is this times the scale). */
  runToWriteRealMs?: number;
  /** Green's runs that failed before the rollback write (the rule needs 3). */
  failedGreenRuns: number;
  greenRuns: number;
  /** Advance runs made, the one that rolled back included. */
  advanceRuns: number;
  /** Simulated minutes from the start's write to the rollback write (or the end, without one). */
  spanMinutes: number;
  status: string;
  reason: string;
}

const DETECTION_SCALE = 120;
const TICK_MS = 15 * 60_000;
const FAIL_FROM_MS = 5 * 60_000;
/** Simulated time after the start at which the scenario gives up: the records stay within 2 h of the real clock. */
const SPAN_MS = 100 * 60_000;

/** When moto answers a PutLogEvents carrying a failing run of `version` (its Invoke Error or timeout line). */
function recordFailingWrites(clock: Clock, version: string, into: number[]): ProxyModel {
  return {
    async answer(call: ModelCall) {
      if (call.op !== 'PutLogEvents') return undefined;
      const reply = await call.forward();
      const put = JSON.parse(call.body.toString('utf8')) as {
        logStreamName?: string;
        logEvents?: { message?: string }[];
      };
      const failing = (put.logEvents ?? []).some((e) =>
        /\tERROR\tInvoke Error |Task timed out after/.test(e.message ?? ''),
      );
      if (reply.status === 200 && failing && put.logStreamName?.includes(`[${version}]`))
        into.push(clock.now());
      return reply;
    },
  };
}

export async function measureFailureDetection(node: string): Promise<FailureDetection> {
  const { moto, proxy, workspace } = await bedWithGreen(node);
  // The simulator writes through a proxy of its own, which notes when each failing run's records are in moto.
  const logsProxy = await FaultProxy.start(moto.url);
  const failingWrites: number[] = [];
  try {
    const epoch = Date.now();
    const clock = scaledClock(epoch, DETECTION_SCALE);
    const sim = (realMs: number) => epoch + (realMs - epoch) * DETECTION_SCALE;
    logsProxy.setModel(recordFailingWrites(clock, '2', failingWrites));
    let run = 900;
    const inputs = {
      'function-name': FN,
      'green-version': '2',
      steps: PLAN,
      'max-consecutive-failures': '3',
    };
    const job = async (mode: string) => {
      const spawnedAt = Date.now();
      proxy.clearCalls();
      const r = await runAction('shift-traffic', {
        inputs: { ...inputs, mode },
        env: {
          ...awsTestEnv(proxy.url),
          DEPLOY_ACTIONS_CLOCK: `${epoch}:${DETECTION_SCALE}`,
          GITHUB_RUN_ID: String(++run),
        },
        node,
        workspace,
      });
      return { r, spawnedAt, writes: proxy.calls.filter((c) => isWrite(c.op) && !c.injected) };
    };

    const started = await job('start');
    mustSucceed('shift-traffic mode start', started.r);
    const startedAt = sim(started.writes[0]!.at);
    const traffic = startTraffic({
      endpoint: logsProxy.url,
      functionName: FN,
      alias: 'live',
      clock,
      ratePerMinute: 1,
      seed: 3,
      versions: { '1': steady, '2': steady },
      logs: { format: 'text' },
    });

    const failFrom = startedAt + FAIL_FROM_MS;
    let failing = false;
    let advanceRuns = 0;
    let rolled: { at: number; spawnedAt: number; r: RunResult } | undefined;
    let last: RunResult | undefined;
    // Scheduled runs on the quarter hours of the simulated clock, as `*/15 * * * *` would start them.
    let nextTick = Math.ceil(startedAt / TICK_MS) * TICK_MS;
    try {
      while (!rolled && clock.now() < startedAt + SPAN_MS) {
        const wake = failing ? nextTick : Math.min(nextTick, failFrom);
        if (clock.now() < wake) await clock.sleep(wake - clock.now());
        if (!failing && clock.now() >= failFrom) {
          traffic.setBehaviour('2', { ...steady, errorRate: 1 });
          failing = true;
        }
        if (clock.now() < nextTick) continue;
        nextTick += TICK_MS;
        const a = await job('advance');
        advanceRuns++;
        last = a.r;
        if (a.r.outputs.status === 'rolled-back' && a.writes.length === 1)
          rolled = { at: sim(a.writes[0]!.at), spawnedAt: a.spawnedAt, r: a.r };
        else if (a.writes.length > 0 || a.r.outputs.status !== 'in-progress')
          throw new Error(
            `advance run ${advanceRuns}: ${a.r.outputs.status} with writes ${a.writes.map((c) => c.op).join(',')}: ${a.r.errors.join(' / ')}`,
          );
      }
    } finally {
      await traffic.stop();
    }
    const end = rolled?.at ?? clock.now();
    const green = traffic.ledger().requests.filter((q) => q.version === '2' && q.at < end);
    const third = failingWrites[2];
    return {
      scale: DETECTION_SCALE,
      ratePerMinute: 1,
      percent: 10,
      tickMinutes: TICK_MS / 60_000,
      failFromMs: FAIL_FROM_MS,
      ...(rolled &&
        third !== undefined && {
          detectionMs: rolled.at - third,
          waitForRunMs: sim(rolled.spawnedAt) - third,
          runToWriteMs: rolled.at - sim(rolled.spawnedAt),
          runToWriteRealMs: (rolled.at - sim(rolled.spawnedAt)) / DETECTION_SCALE,
        }),
      failedGreenRuns: green.filter((q) => q.failed).length,
      greenRuns: green.length,
      advanceRuns,
      spanMinutes: (end - startedAt) / 60_000,
      status: last?.outputs.status ?? 'no advance run',
      reason: last?.outputs.reason ?? '',
    };
  } finally {
    await logsProxy.stop();
    await proxy.stop();
    await moto.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}

const minutes = (x?: number) => (x === undefined ? '-' : `${(x / 60_000).toFixed(1)} min`);

export function printFailureDetection(d: FailureDetection): void {
  console.log(
    `\ndetection of failing green runs by max-consecutive-failures 3 ` +
      `(npx tsx scripts/bench-rollout.ts detection): steps ${PLAN} started with mode start, green at ${d.percent}% ` +
      `of ${d.ratePerMinute} invocation a minute, its runs failing from ${minutes(d.failFromMs)} after the start, ` +
      `mode advance every ${d.tickMinutes} simulated minutes (clock x${d.scale})`,
  );
  console.log(
    table(
      [
        'detection (3rd failing record readable → rollback write)',
        'waiting for the next run',
        'that run to its write',
        'failed green runs before it',
        'green runs',
        'advance runs',
        'status',
      ],
      [
        [
          minutes(d.detectionMs),
          minutes(d.waitForRunMs),
          d.runToWriteRealMs === undefined
            ? '-'
            : `${minutes(d.runToWriteMs)} (${ms(d.runToWriteRealMs)} ms wall)`,
          d.failedGreenRuns,
          d.greenRuns,
          d.advanceRuns,
          d.status,
        ],
      ],
      [0, 1, 2, 3, 4, 5],
    ),
  );
  if (d.reason) console.log(`reason: ${d.reason}`);
  console.log(
    `Simulated time, ${d.spanMinutes.toFixed(0)} minutes from the start to the rollback write. The wait for the next ` +
      `run is up to the schedule's ${d.tickMinutes} minutes (scheduled runs can be later); the run's own time is ` +
      `its wall time scaled by ${d.scale}, so it counts for more here than on a runner.`,
  );
}

// Run on its own, one figure or both: the idle run on this Node and Node 24 when .cache/node24 has it.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const which = process.argv[2];
  const started = Date.now();
  (async () => {
    const nodes = nodesToMeasure();
    if (which !== 'detection') printIdle(await measureIdleAdvance(nodes));
    if (which !== 'idle') printFailureDetection(await measureFailureDetection(nodes[nodes.length - 1]!.path));
    console.log(`measured in ${((Date.now() - started) / 1000).toFixed(0)}s`);
  })().catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exitCode = 1;
  });
}
