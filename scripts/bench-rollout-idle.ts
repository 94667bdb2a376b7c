// An idle advance run: a rollout started on the six-week plan, then advance runs before the first bake is
// over. The AWS calls each makes (from the fault proxy's call log) and its wall time; it must write nothing.
import { scaledClock } from '@deploy-actions/core';
import { awsTestEnv } from '@deploy-actions/testbed/moto';
import { isWrite } from '@deploy-actions/testbed/proxy';
import { runAction, type RunResult } from '@deploy-actions/testbed/runner';
import { startTraffic } from '@deploy-actions/testbed/traffic';
import type { NodeBinary } from './bench-coldstart';
import {
  bedWithGreen,
  closeBed,
  countOps,
  FN,
  ISSUE_CHECKS,
  mustSucceed,
  PLAN,
  steady,
  total,
  type Bed,
} from './bench-rollout';
import { median, ms, table } from './bench-spawn';

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

export const IDLE_RUNS = 9;
export const IDLE_WARMUP = 1;
/** Simulated ms per real ms for the idle runs: an hour of traffic in three seconds. */
const IDLE_SCALE = 1200;

const CONFIGS: { name: string; inputs: Record<string, string> }[] = [
  { name: 'plan only (no checks)', inputs: {} },
  { name: "the issue's checks (metrics and logs)", inputs: ISSUE_CHECKS },
];

type Shift = (mode: string, inputs: Record<string, string>, node: string) => Promise<RunResult>;

/** shift-traffic on the bed with the scaled clock from `epoch`, each run with a run id of its own. */
function shiftOn(bed: Bed, epoch: number): Shift {
  let run = 500;
  const plan = { 'function-name': FN, 'green-version': '2', steps: PLAN };
  return (mode, inputs, node) =>
    runAction('shift-traffic', {
      inputs: { ...plan, ...inputs, mode },
      env: {
        ...awsTestEnv(bed.proxy.url),
        DEPLOY_ACTIONS_CLOCK: `${epoch}:${IDLE_SCALE}`,
        GITHUB_RUN_ID: String(++run),
      },
      node,
      workspace: bed.workspace,
    });
}

/**
 * Starts the rollout, then an hour of the step's traffic, once a minute, each run's report record in the log
 * group: what an advance run on that step reads.
 */
async function startWithAnHourOfTraffic(bed: Bed, epoch: number, shift: Shift, node: string) {
  mustSucceed('shift-traffic mode start', await shift('start', ISSUE_CHECKS, node));
  const clock = scaledClock(epoch, IDLE_SCALE);
  const traffic = startTraffic({
    endpoint: bed.moto.url,
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
  return {
    invocations: ledger.requests.length,
    greenInvocations: ledger.requests.filter((q) => q.version === '2').length,
  };
}

/** One advance run's AWS calls, after checking it stayed idle. */
async function idleRun(bed: Bed, shift: Shift, config: (typeof CONFIGS)[number], node: NodeBinary) {
  bed.proxy.clearCalls();
  const r = await shift('advance', config.inputs, node.path);
  mustSucceed(`shift-traffic mode advance (${config.name}, ${node.name})`, r);
  const calls = bed.proxy.calls.filter((c) => !c.injected);
  const writes = calls.filter((c) => isWrite(c.op));
  // The one figure a benchmark may fail on: an idle run writes nothing.
  if (writes.length > 0)
    throw new Error(`an idle advance run wrote (${writes.map((c) => c.op).join(', ')}): ${r.outputs.status}`);
  if (r.outputs.status !== 'in-progress')
    throw new Error(`an idle advance run ended ${r.outputs.status}, not in-progress`);
  return { r, calls };
}

async function measureIdleRow(
  bed: Bed,
  shift: Shift,
  config: (typeof CONFIGS)[number],
  node: NodeBinary,
  { runs, warmup }: { runs: number; warmup: number },
): Promise<IdleAdvance> {
  const samples: number[] = [];
  const seen: Record<string, number>[] = [];
  let last: RunResult | undefined;
  for (let i = 0; i < warmup + runs; i++) {
    const { r, calls } = await idleRun(bed, shift, config, node);
    if (i < warmup) continue;
    samples.push(r.durationMs);
    seen.push(countOps(calls));
    last = r;
  }
  const key = (c: Record<string, number>) => JSON.stringify(Object.entries(c).sort());
  return {
    config: config.name,
    node: node.name,
    calls: seen.reduce((a, b) => (total(b) > total(a) ? b : a)),
    sameCalls: seen.every((c) => key(c) === key(seen[0]!)),
    runs,
    medianWallMs: median(samples),
    samplesWallMs: samples,
    message: (last?.stdout.match(/^step \d+\/\d+:.*Nothing to do yet\.$/m) ?? [''])[0],
    status: last?.outputs.status ?? '',
    nextDue: last?.outputs['next-due'] ?? '',
  };
}

export async function measureIdleAdvance(
  nodes: NodeBinary[],
  opts: { runs?: number; warmup?: number } = {},
): Promise<IdleSection> {
  const counts = { runs: opts.runs ?? IDLE_RUNS, warmup: opts.warmup ?? IDLE_WARMUP };
  const callNode = nodes[nodes.length - 1]!.path;
  const bed = await bedWithGreen(callNode);
  try {
    const epoch = Date.now();
    const shift = shiftOn(bed, epoch);
    const traffic = await startWithAnHourOfTraffic(bed, epoch, shift, callNode);
    const rows: IdleAdvance[] = [];
    for (const config of CONFIGS)
      for (const n of nodes) rows.push(await measureIdleRow(bed, shift, config, n, counts));
    return { plan: PLAN, ...traffic, rows };
  } finally {
    await closeBed(bed);
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
