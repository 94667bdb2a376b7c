// Detection time and blast radius of a bad green (scenario b of the health checks: 20% errors at 10% traffic),
// for a probe-based and a metric-based gate, in simulated time on the scaled clock the actions share; each gate
// with metrics readable at once, then with the simulator's default readability delay, as CloudWatch has one.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { scaledClock } from '@deploy-actions/core';
import { awsTestEnv, createLambdaFunction, makeZip, startMoto } from '@deploy-actions/testbed/moto';
import { FaultProxy } from '@deploy-actions/testbed/proxy';
import { runAction } from '@deploy-actions/testbed/runner';
import { READABLE_AFTER_MS, startTraffic } from '@deploy-actions/testbed/traffic';

const SCALE = 60;
const FN = 'orders-api';

export interface Detection {
  gate: string;
  /** Simulated ms after a minute ends before its metrics could be read; 0 for at once. */
  readableAfterMs: number;
  /** Simulated ms from the write that gave green 10% to the write that put 100% back on blue. */
  detectionMs: number;
  /** Failed requests green served before that write. */
  failedByGreen: number;
  servedByGreen: number;
  verdict: string;
  /** The health verdict behind a rollback: unhealthy is a detection, inconclusive is not. */
  cause?: string;
}

/** The delays measured: none, as the simulator used to have, and its default. */
export const READABILITY_DELAYS = [0, READABLE_AFTER_MS];

export async function measureDetection(node: string): Promise<Detection[]> {
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
        // The job summary's timeline is on the same simulated clock: the shift to 10%, then the rollback write.
        const rows = [
          ...r.summary.matchAll(/^\| (\d\d:\d\d:\d\d) \| \+(\d+)s \| [^|]+\| [^|]+\| ([^|]+) \|$/gm),
        ];
        const shiftedAt = Number(rows.find((m) => m[3].startsWith('shifted'))?.[2] ?? NaN) * 1000;
        const rolledAt = Number(rows.find((m) => m[3].startsWith('rolled back'))?.[2] ?? NaN) * 1000;
        const ledger = traffic.ledger();
        const green = ledger.requests.filter((q) => q.version === '2');
        out.push({
          gate: gate.name,
          readableAfterMs,
          detectionMs: rolledAt - shiftedAt,
          failedByGreen: green.filter((q) => q.failed).length,
          servedByGreen: green.length,
          verdict: r.outputs.status ?? `exit ${r.code}`,
          cause: /health (\w+) at step/.exec(r.errors[0] ?? '')?.[1],
        });
      }
    }
  } finally {
    await proxy.stop();
    await moto.stop();
  }
  return out;
}
