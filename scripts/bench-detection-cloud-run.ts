// Cloud Run's rows of the detection tables (bench-detection.ts), with the same definitions: a green revision
// answering 20% of its requests with a 5xx at 10% of 3000 requests/min, through the bundles against the
// stand-in, on the scaled clock the actions share; Cloud Monitoring readable at once, then after the
// stand-in's default delay. Gates: the one the Lambda and ECS rows use, and the plan (10% for 5m, 50%
// for 10m, 100; p95 < 2 s, p99 < 5 s, error rate < 0.1%).
// Run on its own: npx tsx scripts/bench-detection-cloud-run.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scaledClock } from '@deploy-actions/core';
import { startCloudRun, startCloudRunTraffic } from '@deploy-actions/testbed/cloud-run';
import { runAction } from '@deploy-actions/testbed/runner';
import { type Detection, detectionRow, printDetection } from './bench-detection';

const SCALE = 60;
const SERVICE = 'orders';
const BLUE_IMAGE = 'europe-docker.pkg.dev/demo-project/app/orders:1';
const GREEN_IMAGE = 'europe-docker.pkg.dev/demo-project/app/orders:2';
/** deploy-green names the revision after the service, the short commit and the run attempt. */
const GREEN = `${SERVICE}-abc1234-1`;
const GITHUB = { GITHUB_SHA: 'abc1234def5678901234567890abcdef12345678', GITHUB_RUN_ATTEMPT: '1' };
/** The stand-in's default; Cloud Run's metrics are "not visible for up to 180 seconds" after their minute. */
const DELAYS: (number | undefined)[] = [0, undefined];

export const CLOUD_RUN_SCENARIO = 'Cloud Run 20% 5xx at 10% (blue 0.05%), Cloud Monitoring per revision_name';
export const CLOUD_MONITORING_DELAY =
  "180s (the stand-in's default: Cloud Run metrics are sampled every 60s and not visible for up to 180s)";

const GATES: { name: string; inputs: Record<string, string> }[] = [
  {
    name: 'metrics (max-error-rate 2%, 1m window, every 1m); plan 10,50,100, 5m bakes',
    inputs: { steps: '10,50,100', 'bake-time': '5m', 'max-error-rate': '2', window: '1m', interval: '1m' },
  },
  {
    name: 'the issue: max-error-rate 0.1%, p95=2000,p99=5000 ms, 5m window, every 1m; plan 10:5m,50:10m,100',
    inputs: {
      steps: '10:5m,50:10m,100',
      'max-error-rate': '0.1',
      'max-latency-ms': 'p95=2000,p99=5000',
      window: '5m',
      interval: '1m',
    },
  },
];

export async function measureCloudRunDetection(node: string): Promise<Detection[]> {
  const workspace = mkdtempSync(join(tmpdir(), 'bench-detect-run-'));
  const out: Detection[] = [];
  try {
    for (const delay of DELAYS)
      for (const gate of GATES) out.push(await detectOnce(node, workspace, delay, gate));
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
  return out;
}

/** One stand-in per run: its Monitoring delay is fixed when it starts. */
async function detectOnce(
  node: string,
  workspace: string,
  delay: number | undefined,
  gate: (typeof GATES)[number],
): Promise<Detection> {
  const epoch = Date.now();
  const clock = scaledClock(epoch, SCALE);
  const run = await startCloudRun({ clock, readableAfterMs: delay });
  try {
    run.seedService(SERVICE, { image: BLUE_IMAGE, trafficFollowsLatest: true });
    const blue = run.revisions(SERVICE)[0]!;
    const options = (inputs: Record<string, string>) => ({
      inputs: {
        target: 'cloud-run',
        service: SERVICE,
        region: run.region,
        project: run.project,
        'api-endpoint': run.url,
        'monitoring-endpoint': run.url,
        'access-token': run.token,
        ...inputs,
      },
      env: { ...GITHUB, DEPLOY_ACTIONS_CLOCK: `${epoch}:${SCALE}` },
      node,
      workspace,
    });
    const d = await runAction('deploy-green', options({ image: GREEN_IMAGE }));
    if (d.code !== 0 || d.outputs['green-version'] !== GREEN)
      throw new Error(`deploy-green failed: ${d.errors.join('; ') || d.stderr}`);
    const traffic = startCloudRunTraffic({
      standIn: run,
      service: SERVICE,
      clock,
      ratePerMinute: 3000,
      seed: 7,
      revisions: {
        [blue]: { errorRate: 0.0005, latencyMs: { p50: 20, p95: 60 } },
        [GREEN]: { errorRate: 0.2, latencyMs: { p50: 20, p95: 60 } },
      },
    });
    let r;
    try {
      r = await runAction('shift-traffic', options({ 'green-version': GREEN, ...gate.inputs }));
    } finally {
      await traffic.stop();
    }
    const green = traffic.ledger().revisions[GREEN];
    return detectionRow(
      { target: 'Cloud Run', gate: gate.name, readableAfterMs: run.readableAfterMs, epoch },
      r,
      {
        failed: green?.errors ?? 0,
        served: green?.requests ?? 0,
        firstFailedAt: traffic.firstFailedAt(GREEN),
      },
    );
  } finally {
    await run.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  measureCloudRunDetection(process.execPath)
    .then((rows) => {
      printDetection(rows, { 'Cloud Monitoring': CLOUD_MONITORING_DELAY });
      console.log(`measured in ${((Date.now() - started) / 1000).toFixed(0)}s`);
    })
    .catch((err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      process.exitCode = 1;
    });
}
