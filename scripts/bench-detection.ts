// Detection time and blast radius of a bad green, in simulated time on the scaled clock the actions share;
// each gate with metrics readable at once, then with the simulator's default readability delay, as
// CloudWatch has one. Lambda (scenario b of the health checks: 20% errors at 10% traffic, plan 10,50,100):
// a probe-based and a metric-based gate. ECS (20% target 5xx at 5% traffic, plan 5,25,50,100): the
// metric-based gate on the target group's load balancer metrics.
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
import { READABLE_AFTER_MS, startTraffic } from '@deploy-actions/testbed/traffic';

const SCALE = 60;
const FN = 'orders-api';

export interface Detection {
  /** Lambda when absent (the rows before ECS had any). */
  target?: 'Lambda' | 'ECS';
  gate: string;
  /** Simulated ms after a minute ends before its metrics could be read; 0 for at once. */
  readableAfterMs: number;
  /** Simulated ms from the write of the first step (10% on Lambda, 5% on ECS) to the one that put 100% back on blue. */
  detectionMs: number;
  /** Failed requests green served before that write (ECS: target 5xx and connection errors). */
  failedByGreen: number;
  servedByGreen: number;
  verdict: string;
  /** The health verdict behind a rollback: unhealthy is a detection, inconclusive is not. */
  cause?: string;
}

/** The delays measured: none, as the simulator used to have, and its default. */
export const READABILITY_DELAYS = [0, READABLE_AFTER_MS];

/** The job summary's timeline is on the same simulated clock: the first step's write, then the rollback's. */
function detectionMs(r: RunResult): number {
  const rows = [...r.summary.matchAll(/^\| (\d\d:\d\d:\d\d) \| \+(\d+)s \| [^|]+\| [^|]+\| ([^|]+) \|$/gm)];
  const shiftedAt = Number(rows.find((m) => m[3].startsWith('shifted'))?.[2] ?? NaN) * 1000;
  const rolledAt = Number(rows.find((m) => m[3].startsWith('rolled back'))?.[2] ?? NaN) * 1000;
  return rolledAt - shiftedAt;
}

/** One row: what the run did, and what green served until it was stopped. */
function detectionRow(
  target: Detection['target'],
  gate: string,
  readableAfterMs: number,
  r: RunResult,
  green: { failed: boolean }[],
): Detection {
  return {
    target,
    gate,
    readableAfterMs,
    detectionMs: detectionMs(r),
    failedByGreen: green.filter((q) => q.failed).length,
    servedByGreen: green.length,
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
        const ledger = traffic.ledger();
        const green = ledger.requests.filter((q) => q.version === '2');
        out.push(detectionRow('Lambda', gate.name, readableAfterMs, r, green));
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
      out.push(detectionRow('ECS', gate.name, readableAfterMs, r, green));
    }
  } finally {
    await proxy.stop();
    await moto.stop();
  }
  return out;
}

// Run on its own, one target or both, on this Node.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const which = process.argv[2];
  const measure =
    which === 'lambda' ? measureLambdaDetection : which === 'ecs' ? measureEcsDetection : measureDetection;
  const started = Date.now();
  measure(process.execPath)
    .then((rows) => {
      for (const d of rows) {
        console.log(
          [
            d.target ?? 'Lambda',
            d.gate,
            `readable after ${d.readableAfterMs / 1000}s`,
            `detection ${(d.detectionMs / 1000).toFixed(0)}s`,
            `failed by green ${d.failedByGreen} of ${d.servedByGreen}`,
            d.verdict,
            d.cause ?? '-',
          ].join(' | '),
        );
      }
      console.log(`measured in ${((Date.now() - started) / 1000).toFixed(0)}s`);
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exitCode = 1;
    });
}
