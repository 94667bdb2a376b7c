// Checkpointed rollouts through the bundle against moto (shift-traffic mode start, then scheduled mode advance
// runs), on the scaled clock the actions share with the traffic simulator: an idle advance run's AWS calls and
// wall time (bench-rollout-idle.ts), and how soon advance runs catch failing runs (bench-rollout-detection.ts).
// This file holds the bed both share.
// moto drops log events more than 2 h ahead of the real clock: every simulated span here stays within that.
// Run on its own: npx tsx scripts/bench-rollout.ts [idle|detection]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  awsTestEnv,
  createLambdaFunction,
  makeZip,
  startMoto,
  type Moto,
} from '@deploy-actions/testbed/moto';
import { FaultProxy, type ProxyCall } from '@deploy-actions/testbed/proxy';
import { runAction, type RunResult } from '@deploy-actions/testbed/runner';
import { SIX_WEEK_CHECKS, SIX_WEEK_STEPS, STEADY_RUNS } from '@deploy-actions/testbed/six-week-plan';
import { nodesToMeasure } from './bench-coldstart';

export const FN = 'orders-api';
/** The six-week plan of the issue, its rules and its steady runs. */
export const PLAN = SIX_WEEK_STEPS;
export const ISSUE_CHECKS = SIX_WEEK_CHECKS;
export const steady = STEADY_RUNS;

export interface Bed {
  moto: Moto;
  /** Records every AWS call the actions make. */
  proxy: FaultProxy;
  workspace: string;
}

export async function closeBed(bed: Bed): Promise<void> {
  await bed.proxy.stop();
  await bed.moto.stop();
  rmSync(bed.workspace, { recursive: true, force: true });
}

/** moto behind the recording proxy, a function with v1 live and v2 published by deploy-green, and a workspace. */
export async function bedWithGreen(node: string): Promise<Bed> {
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
    await closeBed({ moto, proxy, workspace });
    throw err;
  }
}

export const countOps = (calls: ProxyCall[]) => {
  const out: Record<string, number> = {};
  for (const c of calls) out[`${c.service}:${c.op}`] = (out[`${c.service}:${c.op}`] ?? 0) + 1;
  return out;
};

export const total = (c: Record<string, number>) => Object.values(c).reduce((x, y) => x + y, 0);

export function mustSucceed(what: string, r: RunResult): void {
  if (r.code !== 0) throw new Error(`${what} failed (exit ${r.code}): ${r.errors.join(' / ') || r.stderr}`);
}

// Run on its own, one figure or both: the idle run on this Node and Node 24 when .cache/node24 has it.
// The figures' modules import this one, so they load once it has.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const which = process.argv[2];
  const started = Date.now();
  (async () => {
    const nodes = nodesToMeasure();
    if (which !== 'detection') {
      const { measureIdleAdvance, printIdle } = await import('./bench-rollout-idle');
      printIdle(await measureIdleAdvance(nodes));
    }
    if (which !== 'idle') {
      const { measureFailureDetection, printFailureDetection } = await import('./bench-rollout-detection');
      printFailureDetection(await measureFailureDetection(nodes[nodes.length - 1]!.path));
    }
    console.log(`measured in ${((Date.now() - started) / 1000).toFixed(0)}s`);
  })().catch((err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exitCode = 1;
  });
}
