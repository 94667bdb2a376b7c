// Detection time of the consecutive-failure rule: green at 10% of a function invoked once a minute, its runs
// failing from a known time, advance runs every 15 simulated minutes; from the third failing run's report
// record becoming readable (moto answered its PutLogEvents) to the rollback write.
import { scaledClock, type Clock } from '@deploy-actions/core';
import { awsTestEnv } from '@deploy-actions/testbed/moto';
import {
  FaultProxy,
  isWrite,
  type ModelCall,
  type ProxyCall,
  type ProxyModel,
} from '@deploy-actions/testbed/proxy';
import { runAction, type RunResult } from '@deploy-actions/testbed/runner';
import { startTraffic, type Traffic } from '@deploy-actions/testbed/traffic';
import { bedWithGreen, closeBed, FN, mustSucceed, PLAN, steady, type Bed } from './bench-rollout';
import { ms, table } from './bench-spawn';

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

/** The scenario's simulated time, from the epoch its clock scales from. */
interface Timeline {
  clock: Clock;
  /** Simulated time at a real Date.now() reading. */
  sim: (realMs: number) => number;
}

type Job = (mode: string) => Promise<{ r: RunResult; spawnedAt: number; writes: ProxyCall[] }>;

/** shift-traffic on the bed with the scaled clock, its writes and when it was spawned (real ms). */
function jobOn(bed: Bed, epoch: number, node: string): Job {
  let run = 900;
  const inputs = { 'function-name': FN, 'green-version': '2', steps: PLAN, 'max-consecutive-failures': '3' };
  return async (mode) => {
    const spawnedAt = Date.now();
    bed.proxy.clearCalls();
    const r = await runAction('shift-traffic', {
      inputs: { ...inputs, mode },
      env: {
        ...awsTestEnv(bed.proxy.url),
        DEPLOY_ACTIONS_CLOCK: `${epoch}:${DETECTION_SCALE}`,
        GITHUB_RUN_ID: String(++run),
      },
      node,
      workspace: bed.workspace,
    });
    return { r, spawnedAt, writes: bed.proxy.calls.filter((c) => isWrite(c.op) && !c.injected) };
  };
}

interface Advanced {
  rolled?: { at: number; spawnedAt: number; r: RunResult };
  last?: RunResult;
  advanceRuns: number;
}

// Scheduled runs on the quarter hours of the simulated clock, as `*/15 * * * *` would start them, until one
// rolls back or the span is over; green's runs start failing FAIL_FROM_MS after the start.
async function advanceUntilRollback(t: Timeline, traffic: Traffic, job: Job, startedAt: number) {
  const { clock, sim } = t;
  const failFrom = startedAt + FAIL_FROM_MS;
  let failing = false;
  const out: Advanced = { advanceRuns: 0 };
  let nextTick = Math.ceil(startedAt / TICK_MS) * TICK_MS;
  while (!out.rolled && clock.now() < startedAt + SPAN_MS) {
    const wake = failing ? nextTick : Math.min(nextTick, failFrom);
    if (clock.now() < wake) await clock.sleep(wake - clock.now());
    if (!failing && clock.now() >= failFrom) {
      traffic.setBehaviour('2', { ...steady, errorRate: 1 });
      failing = true;
    }
    if (clock.now() < nextTick) continue;
    nextTick += TICK_MS;
    const a = await job('advance');
    out.advanceRuns++;
    out.last = a.r;
    if (a.r.outputs.status === 'rolled-back' && a.writes.length === 1)
      out.rolled = { at: sim(a.writes[0]!.at), spawnedAt: a.spawnedAt, r: a.r };
    else if (a.writes.length > 0 || a.r.outputs.status !== 'in-progress')
      throw new Error(
        `advance run ${out.advanceRuns}: ${a.r.outputs.status} with writes ${a.writes.map((c) => c.op).join(',')}: ${a.r.errors.join(' / ')}`,
      );
  }
  return out;
}

function summarise(
  t: Timeline,
  traffic: Traffic,
  failingWrites: number[],
  startedAt: number,
  { rolled, last, advanceRuns }: Advanced,
): FailureDetection {
  const end = rolled?.at ?? t.clock.now();
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
        waitForRunMs: t.sim(rolled.spawnedAt) - third,
        runToWriteMs: rolled.at - t.sim(rolled.spawnedAt),
        runToWriteRealMs: (rolled.at - t.sim(rolled.spawnedAt)) / DETECTION_SCALE,
      }),
    failedGreenRuns: green.filter((q) => q.failed).length,
    greenRuns: green.length,
    advanceRuns,
    spanMinutes: (end - startedAt) / 60_000,
    status: last?.outputs.status ?? 'no advance run',
    reason: last?.outputs.reason ?? '',
  };
}

export async function measureFailureDetection(node: string): Promise<FailureDetection> {
  const bed = await bedWithGreen(node);
  // The simulator writes through a proxy of its own, which notes when each failing run's records are in moto.
  const logsProxy = await FaultProxy.start(bed.moto.url);
  const failingWrites: number[] = [];
  try {
    const epoch = Date.now();
    const t: Timeline = {
      clock: scaledClock(epoch, DETECTION_SCALE),
      sim: (realMs) => epoch + (realMs - epoch) * DETECTION_SCALE,
    };
    logsProxy.setModel(recordFailingWrites(t.clock, '2', failingWrites));
    const job = jobOn(bed, epoch, node);
    const started = await job('start');
    mustSucceed('shift-traffic mode start', started.r);
    const startedAt = t.sim(started.writes[0]!.at);
    const traffic = startTraffic({
      endpoint: logsProxy.url,
      functionName: FN,
      alias: 'live',
      clock: t.clock,
      ratePerMinute: 1,
      seed: 3,
      versions: { '1': steady, '2': steady },
      logs: { format: 'text' },
    });
    let advanced: Advanced;
    try {
      advanced = await advanceUntilRollback(t, traffic, job, startedAt);
    } finally {
      await traffic.stop();
    }
    return summarise(t, traffic, failingWrites, startedAt, advanced);
  } finally {
    await logsProxy.stop();
    await closeBed(bed);
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
