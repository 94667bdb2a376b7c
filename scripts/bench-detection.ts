// Detection time and blast radius of a bad green, in simulated time on the scaled clock the actions share;
// each gate with metrics readable at once, then with the simulator's default readability delay, as
// CloudWatch has one. Lambda (scenario b of the health checks: 20% errors at 10% traffic, plan 10,50,100):
// a probe-based and a metric-based gate. ECS (20% target 5xx at 5% traffic, plan 5,25,50,100): the
// metric-based gate on the target group's load balancer metrics.
// Cloud Run's rows come from bench-detection-cloud-run.ts.
// Run on its own: npx tsx scripts/bench-detection.ts [lambda|ecs]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { scaledClock } from '@deploy-actions/core';
import { startAlbTraffic } from '@deploy-actions/testbed/alb-traffic';
import { createEcsStack, ecsMotoEnv, EcsDeployModel } from '@deploy-actions/testbed/ecs';
import { awsTestEnv, createLambdaFunction, makeZip, startMoto } from '@deploy-actions/testbed/moto';
import { FaultProxy } from '@deploy-actions/testbed/proxy';
import { runAction, type RunResult } from '@deploy-actions/testbed/runner';
import { READABLE_AFTER_MS, readableAt, startTraffic } from '@deploy-actions/testbed/traffic';
import { table } from './bench-spawn';

const SCALE = 60;
const FN = 'orders-api';

export interface Detection {
  /** Lambda when absent (the rows before ECS had any). */
  target?: 'Lambda' | 'ECS' | 'Cloud Run';
  gate: string;
  /** Simulated ms after a minute ends before its metrics could be read; 0 for at once. */
  readableAfterMs: number;
  /** Simulated ms from the write of the first step (10% on Lambda, 5% on ECS) to the one that put 100% back on blue. */
  detectionMs: number;
  /**
   * Simulated ms from when green's first failed request could be read in the metrics to the rollback write;
   * absent for gates that do not read metrics.
   */
  fromReadableMs?: number;
  /** Failed requests green served before that write (ECS: target 5xx and connection errors). */
  failedByGreen: number;
  servedByGreen: number;
  verdict: string;
  /** The health verdict behind a rollback: unhealthy is a detection, inconclusive is not. */
  cause?: string;
}

/** The delays measured: none, as the simulator used to have, and its default. */
export const READABILITY_DELAYS = [0, READABLE_AFTER_MS];
export const CLOUDWATCH_DELAY = `${READABLE_AFTER_MS / 1000}s (the simulator's default, an assumption: AWS publishes no figure)`;

/** Absolute simulated time of a timeline row: its UTC time of day on the day of the run's clock. */
function timelineAt(hms: string, epoch: number): number {
  const [h, m, sec] = hms.split(':').map(Number) as [number, number, number];
  const day = 86_400_000;
  const at = Math.floor(epoch / day) * day + ((h * 60 + m) * 60 + sec) * 1000;
  return at < epoch - day / 2 ? at + day : at;
}

/** The job summary's timeline is on the same simulated clock: the first step's write, then the rollback's. */
function writesOf(r: RunResult, epoch: number): { shiftedAt: number; rolledAt: number } {
  const rows = [...r.summary.matchAll(/^\| (\d\d:\d\d:\d\d) \| \+(\d+)s \| [^|]+\| [^|]+\| ([^|]+) \|$/gm)];
  const at = (event: string) => {
    const row = rows.find((m) => m[3].startsWith(event));
    return row ? timelineAt(row[1], epoch) : NaN;
  };
  return { shiftedAt: at('shifted'), rolledAt: at('rolled back') };
}

/** What green served until the rollback: counts, and the clock time of its first failed request. */
export interface GreenServed {
  failed: number;
  served: number;
  firstFailedAt?: number;
}

export function tally(requests: { at: number; failed: boolean }[]): GreenServed {
  const failed = requests.filter((q) => q.failed);
  return { failed: failed.length, served: requests.length, firstFailedAt: failed[0]?.at };
}

/** One row: what the run did, and what green served until it was stopped. */
export function detectionRow(
  run: { target: Detection['target']; gate: string; readableAfterMs: number; epoch: number; probe?: boolean },
  r: RunResult,
  green: GreenServed,
): Detection {
  const { shiftedAt, rolledAt } = writesOf(r, run.epoch);
  // A probe sees the fault itself: when the metrics show it says nothing about that gate.
  const readable =
    green.firstFailedAt === undefined || run.probe
      ? NaN
      : readableAt(green.firstFailedAt, run.readableAfterMs);
  return {
    target: run.target,
    gate: run.gate,
    readableAfterMs: run.readableAfterMs,
    detectionMs: rolledAt - shiftedAt,
    ...(Number.isFinite(rolledAt - readable) && { fromReadableMs: rolledAt - readable }),
    failedByGreen: green.failed,
    servedByGreen: green.served,
    verdict: r.outputs.status ?? `exit ${r.code}`,
    cause: /health (\w+) at step/.exec(r.errors[0] ?? '')?.[1],
  };
}

export async function measureDetection(node: string): Promise<Detection[]> {
  return [...(await measureLambdaDetection(node)), ...(await measureEcsDetection(node))];
}

export async function measureLambdaDetection(node: string): Promise<Detection[]> {
  const moto = await startMoto();
  const proxy = await FaultProxy.start(moto.url);
  const workspace = mkdtempSync(join(tmpdir(), 'bench-detect-'));
  const env = awsTestEnv(proxy.url);
  const gates: { name: string; inputs: Record<string, string>; probeFails: boolean }[] = [
    { name: 'probe (invoke every 1m)', inputs: { 'invoke-payload': '{}', interval: '1m' }, probeFails: true },
    {
      name: 'probe (invoke every 30s)',
      inputs: { 'invoke-payload': '{}', interval: '30s' },
      probeFails: true,
    },
    {
      name: 'metrics (max-error-rate 2%, 1m window, every 1m)',
      inputs: { 'max-error-rate': '2', window: '1m', interval: '1m' },
      probeFails: false,
    },
    {
      name: 'metrics (max-error-rate 2%, 1m window, every 30s)',
      inputs: { 'max-error-rate': '2', window: '1m', interval: '30s' },
      probeFails: false,
    },
  ];
  const out: Detection[] = [];
  try {
    for (const readableAfterMs of READABILITY_DELAYS) {
      for (const gate of gates) {
        await moto.reset();
        proxy.clearRules();
        await createLambdaFunction(moto.url, { name: FN });
        for (const n of [1, 2]) {
          writeFileSync(
            join(workspace, `v${n}.zip`),
            makeZip({ 'index.mjs': `export const handler = async () => (${n});\n` }),
          );
          const d = await runAction('deploy-green', {
            inputs: { 'function-name': FN, 'zip-file': `v${n}.zip` },
            env,
            node,
            workspace,
          });
          if (d.code !== 0) throw new Error(`deploy-green failed: ${d.errors.join('; ')}`);
        }
        // A bad green fails its direct invokes too (the probe's view of the same fault).
        if (gate.probeFails) proxy.addRule({ op: 'Invoke', qualifier: '2', kind: 'function-error' });
        const epoch = Date.now();
        const traffic = startTraffic({
          endpoint: moto.url,
          functionName: FN,
          alias: 'live',
          clock: scaledClock(epoch, SCALE),
          ratePerMinute: 3000,
          seed: 7,
          readableAfterMs,
          versions: {
            '1': { errorRate: 0.002, latencyMs: { p50: 20, p95: 60 } },
            '2': { errorRate: 0.2, latencyMs: { p50: 20, p95: 60 } },
          },
        });
        let r;
        try {
          r = await runAction('shift-traffic', {
            inputs: {
              'function-name': FN,
              'green-version': '2',
              steps: '10,50,100',
              'bake-time': '5m',
              ...gate.inputs,
            },
            env: { ...env, DEPLOY_ACTIONS_CLOCK: `${epoch}:${SCALE}` },
            node,
            workspace,
          });
        } finally {
          await traffic.stop();
        }
        const green = traffic.ledger().requests.filter((q) => q.version === '2');
        const row = {
          target: 'Lambda' as const,
          gate: gate.name,
          readableAfterMs,
          epoch,
          probe: gate.probeFails,
        };
        out.push(detectionRow(row, r, tally(green)));
      }
    }
  } finally {
    await proxy.stop();
    await moto.stop();
  }
  return out;
}

/**
 * ECS: two services behind one listener, green's target group answering 20% of its requests with a 5xx, at 5% of
 * 3000 requests/min; plan 5,25,50,100 with 5m bakes, judged every 1m over a 1m window of its load balancer
 * metrics.
 */
export async function measureEcsDetection(node: string): Promise<Detection[]> {
  const moto = await startMoto({ env: ecsMotoEnv(2) });
  const proxy = await FaultProxy.start(moto.url);
  const model = new EcsDeployModel({ inProgressCalls: 1 });
  proxy.setModel(model);
  const workspace = mkdtempSync(join(tmpdir(), 'bench-detect-ecs-'));
  const env = awsTestEnv(proxy.url);
  const gate = {
    name: 'metrics (max-error-rate 2%, 1m window, every 1m)',
    inputs: { 'max-error-rate': '2', window: '1m', interval: '1m' },
  };
  const out: Detection[] = [];
  try {
    for (const readableAfterMs of READABILITY_DELAYS) {
      await moto.reset();
      model.reset();
      const stack = await createEcsStack(moto.url, { name: 'orders' });
      const target = {
        target: 'ecs',
        cluster: stack.clusterName,
        services: `${stack.blue.serviceName},${stack.green.serviceName}`,
        'listener-arn': stack.productionListenerArn,
      };
      const d = await runAction('deploy-green', {
        inputs: {
          ...target,
          'container-name': stack.containerName,
          image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:2.0.0',
        },
        env,
        node,
        workspace,
      });
      if (d.code !== 0) throw new Error(`deploy-green failed: ${d.errors.join('; ')}`);
      const epoch = Date.now();
      const traffic = startAlbTraffic({
        endpoint: moto.url,
        listenerArn: stack.productionListenerArn,
        clock: scaledClock(epoch, SCALE),
        ratePerMinute: 3000,
        seed: 7,
        readableAfterMs,
        targetGroups: {
          [stack.blue.targetGroupArn]: { errorRate: 0.002, latencyMs: { p50: 20, p95: 60 } },
          [stack.green.targetGroupArn]: { errorRate: 0.2, latencyMs: { p50: 20, p95: 60 } },
        },
      });
      let r;
      try {
        r = await runAction('shift-traffic', {
          inputs: {
            ...target,
            'green-version': d.outputs['green-version']!,
            steps: '5,25,50,100',
            'bake-time': '5m',
            ...gate.inputs,
          },
          env: { ...env, DEPLOY_ACTIONS_CLOCK: `${epoch}:${SCALE}` },
          node,
          workspace,
        });
      } finally {
        await traffic.stop();
      }
      const green = traffic.ledger().requests.filter((q) => q.targetGroup === stack.green.targetGroupArn);
      out.push(detectionRow({ target: 'ECS', gate: gate.name, readableAfterMs, epoch }, r, tally(green)));
    }
  } finally {
    await proxy.stop();
    await moto.stop();
  }
  return out;
}

const seconds = (ms: number | undefined) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(0)}s`);

/** The detection tables: metrics readable at once, then after each source's own delay. */
export function printDetection(rows: Detection[], delays: Record<string, string>): void {
  for (const late of [false, true]) {
    console.log(
      late
        ? `\nmetrics readable some time after their minute ends: ${Object.entries(delays)
            .map(([source, why]) => `${source} ${why}`)
            .join('; ')}`
        : '\nmetrics readable at once (no delay: optimistic)',
    );
    console.log(
      table(
        [
          'target',
          'gate',
          'readable after',
          'detection (first step write → rollback write)',
          'first failure readable → rollback write',
          'failed requests served by green',
          'served by green',
          'status',
          'health verdict',
        ],
        rows
          .filter((d) => d.readableAfterMs > 0 === late)
          .map((d) => [
            d.target ?? 'Lambda',
            d.gate,
            seconds(d.readableAfterMs),
            seconds(d.detectionMs),
            seconds(d.fromReadableMs),
            d.failedByGreen,
            d.servedByGreen,
            d.verdict,
            d.cause ?? '-',
          ]),
        [2, 3, 4, 5, 6],
      ),
    );
  }
  console.log(
    'A rollback on an inconclusive verdict is the gate reading too little data by the end of its checks, not a detection.',
  );
  console.log(
    "Writes are the job summary's timeline entries, noted once the write is done (Cloud Run: once its operation " +
      'finishes), so green may serve, and fail, a few seconds before its step is noted.',
  );
}

// Run on its own, one target or both, on this Node.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const which = process.argv[2];
  const measure =
    which === 'lambda' ? measureLambdaDetection : which === 'ecs' ? measureEcsDetection : measureDetection;
  const started = Date.now();
  measure(process.execPath)
    .then((rows) => {
      printDetection(rows, { CloudWatch: CLOUDWATCH_DELAY });
      console.log(`measured in ${((Date.now() - started) / 1000).toFixed(0)}s`);
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exitCode = 1;
    });
}
