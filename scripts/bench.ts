// npm run bench: (a) cold start to the first AWS request of each action, against `node -e 0`, and of a
// Cloud Run run to its first Admin API request (bench-coldstart-cloud-run.ts); (b) the AWS calls a release
// makes through the bundles against moto, next to the minimum it needs; detection of a bad green within a job
// on Lambda, ECS and Cloud Run (the last against the Cloud Run stand-in); checkpointed rollouts: an idle advance run's calls and wall time
// (bench-rollout-idle.ts), and how soon advance runs catch failing runs (bench-rollout-detection.ts);
// deployment history lookups.
// Figures also go to .bench/results.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateAliasCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  awsTestEnv,
  clientConfig,
  createLambdaFunction,
  makeZip,
  startMoto,
  type Moto,
} from '@deploy-actions/testbed/moto';
import { FaultProxy, isWrite, type ProxyCall } from '@deploy-actions/testbed/proxy';
import { repoRoot, runAction } from '@deploy-actions/testbed/runner';
import { coldStartSection, nodesToMeasure } from './bench-coldstart';
import { ms, table } from './bench-spawn';
import { CLOUDWATCH_DELAY, measureDetection, printDetection } from './bench-detection';
import {
  CLOUD_MONITORING_DELAY,
  CLOUD_RUN_SCENARIO,
  measureCloudRunDetection,
} from './bench-detection-cloud-run';
import { measureHistory } from './bench-history';
import { measureFailureDetection, printFailureDetection } from './bench-rollout-detection';
import { measureIdleAdvance, printIdle } from './bench-rollout-idle';

const FN = 'orders-api';
// The SDK warns in this process that Node 20 support ends; the figures are what matter here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
let scratch = '';

// --- (b) AWS calls ----------------------------------------------------------------------------------------

interface Labelled {
  op: string;
  qualifier?: string;
  /** Part of the minimum the sequence needs. */
  needed: boolean;
  why: string;
}

/** What each call is for, as deploy.ts, shift.ts, alias.ts and versions.ts make them. */
function label(action: string, calls: ProxyCall[], green = ''): Labelled[] {
  let updated = false;
  let published = false;
  let waited = false;
  let readAlias = false;
  let step = 0;
  return calls.map((c): Labelled => {
    const q = c.qualifier;
    const base = { op: c.op, ...(q && { qualifier: q }) };
    if (action === 'deploy-green') {
      switch (c.op) {
        case 'GetFunctionConfiguration':
          if (!updated && !q)
            return {
              ...base,
              needed: false,
              why: 'pre-flight on $LATEST: package type fits the source, CodeSha256/RevisionId to guard the update, no update in progress',
            };
          if (!updated)
            return {
              ...base,
              needed: false,
              why: `pre-flight on blue v${q}: same execution role and DLQ as the new code, which a weighted alias requires`,
            };
          if (published) return { ...base, needed: false, why: `waiter: published v${q} becomes Active` };
          if (!waited) {
            waited = true;
            return {
              ...base,
              needed: true,
              why: 'waiter: LastUpdateStatus Successful after the code update',
            };
          }
          return { ...base, needed: false, why: 'waiter: polled again, the update was still in progress' };
        case 'GetAlias':
          return {
            ...base,
            needed: false,
            why: 'pre-flight: refuse to deploy onto a split alias; the blue version for the outputs',
          };
        case 'UpdateFunctionCode':
          updated = true;
          return {
            ...base,
            needed: true,
            why: 'upload the new code (guarded by the RevisionId read before)',
          };
        case 'PublishVersion':
          published = true;
          return { ...base, needed: true, why: 'publish the green version (guarded by CodeSha256)' };
        case 'CreateAlias':
          return { ...base, needed: false, why: 'first deploy only: create the alias on green' };
      }
    }
    if (action === 'shift-traffic') {
      switch (c.op) {
        case 'GetAlias':
          if (!readAlias) {
            readAlias = true;
            return { ...base, needed: true, why: 'current routing and the RevisionId for the first write' };
          }
          return {
            ...base,
            needed: false,
            why: 're-read before the next step: the alias is still as this run set it (UpdateAlias already returned a RevisionId)',
          };
        case 'GetFunctionConfiguration':
          return {
            ...base,
            needed: false,
            why:
              q === green
                ? `pre-flight on green v${q}: it exists (else an input error), same execution role and DLQ as blue`
                : `pre-flight on blue v${q}: its execution role and DLQ, which green must share`,
          };
        case 'UpdateAlias':
          step++;
          return { ...base, needed: true, why: `step ${step}: move the weights (guarded by RevisionId)` };
      }
    }
    return { ...base, needed: false, why: 'not expected here' };
  });
}

interface ActionCalls {
  action: string;
  counts: Record<string, number>;
  calls: Labelled[];
}

interface Scenario {
  name: string;
  minimum: number;
  actions: ActionCalls[];
}

function countOps(calls: { op: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of calls) out[c.op] = (out[c.op] ?? 0) + 1;
  return out;
}

async function awsCalls(node: string, scratch: string) {
  let moto: Moto | undefined;
  let proxy: FaultProxy | undefined;
  let admin: LambdaClient | undefined;
  try {
    moto = await startMoto();
    proxy = await FaultProxy.start(moto.url);
    admin = new LambdaClient(clientConfig(moto.url));
    await createLambdaFunction(moto.url, { name: FN, publish: true });
    await admin.send(new CreateAliasCommand({ FunctionName: FN, Name: 'live', FunctionVersion: '1' }));
    const workspace = join(scratch, 'workspace');
    mkdirSync(workspace);
    let build = 0;

    const step = async (action: string, inputs: Record<string, string>) => {
      proxy!.clearCalls();
      const r = await runAction(action, {
        inputs: { 'function-name': FN, ...inputs },
        env: awsTestEnv(proxy!.url),
        workspace,
        node,
      });
      if (r.code !== 0)
        throw new Error(`${action} failed (exit ${r.code}): ${r.errors.join(' / ') || r.stderr}`);
      const calls = proxy!.calls.filter((c) => !c.injected);
      const labelled = label(action, calls, inputs['green-version']);
      return { outputs: r.outputs, calls: { action, counts: countOps(calls), calls: labelled } };
    };

    const release = async (
      name: string,
      shift: Record<string, string>,
      updates: number,
    ): Promise<Scenario> => {
      const zip = `build-${++build}.zip`;
      writeFileSync(
        join(workspace, zip),
        makeZip({ 'index.mjs': `export const handler = async () => ({ build: ${build} });\n` }),
      );
      const deploy = await step('deploy-green', { 'zip-file': zip });
      const green = deploy.outputs['green-version'] ?? '';
      const shifted = await step('shift-traffic', { 'green-version': green, ...shift });
      if (shifted.outputs.status !== 'promoted')
        throw new Error(`${name}: shift ended ${shifted.outputs.status}`);
      // UpdateFunctionCode, GetFunctionConfiguration (Successful), PublishVersion, GetAlias, UpdateAlias per step.
      return { name, minimum: 4 + updates, actions: [deploy.calls, shifted.calls] };
    };

    return [
      await release('all-at-once', { strategy: 'all-at-once' }, 1),
      await release('steps 10,50,100, bake-time 0', { steps: '10,50,100', 'bake-time': '0' }, 3),
    ];
  } finally {
    admin?.destroy();
    await proxy?.stop();
    await moto?.stop();
  }
}

function printScenario(s: Scenario): void {
  const ops = [...new Set(s.actions.flatMap((a) => Object.keys(a.counts)))].sort();
  const total = (op: string) => s.actions.reduce((n, a) => n + (a.counts[op] ?? 0), 0);
  const needed = (op: string) =>
    s.actions.reduce((n, a) => n + a.calls.filter((c) => c.op === op && c.needed).length, 0);
  const ours = s.actions.reduce((n, a) => n + a.calls.length, 0);
  console.log(`\n${s.name}: deploy-green then shift-traffic, through the bundles`);
  console.log(
    table(
      ['operation', ...s.actions.map((a) => a.action), 'total', 'minimum', 'write'],
      [
        ...ops.map((op) => [
          op,
          ...s.actions.map((a) => a.counts[op] ?? 0),
          total(op),
          needed(op),
          isWrite(op) ? 'yes' : '',
        ]),
        ['all', ...s.actions.map((a) => a.calls.length), ours, s.minimum, ''],
      ],
      [1, 2, 3, 4],
    ),
  );
  console.log(`ours ${ours} calls, minimum ${s.minimum}: ${ours - s.minimum} extra`);
  const rows = s.actions.flatMap((a) =>
    a.calls.map((c, i) => [
      a.action,
      String(i + 1),
      c.op + (c.qualifier ? ` (v${c.qualifier})` : ''),
      c.needed ? 'minimum' : 'extra',
      c.why,
    ]),
  );
  console.log(`\nevery call in order, and what it is for:`);
  console.log(table(['action', '#', 'operation', 'counts as', 'what for'], rows, [1]));
}

// --- main -------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  scratch = mkdtempSync(join(tmpdir(), 'bench-'));
  try {
    const nodes = nodesToMeasure();
    const cold = await coldStartSection(nodes);

    // Runners run actions on Node 24: count calls there when it is available (the calls do not depend on it).
    const callNode = nodes[nodes.length - 1]!;
    console.log(`\nAWS calls (moto behind the recording proxy; actions on ${callNode.name})`);
    const scenarios = await awsCalls(callNode.path, scratch);
    for (const s of scenarios) printScenario(s);

    console.log(
      `\ndetection of a bad green at 3000 requests/min with 5m bakes, simulated time, actions on ${callNode.name}: ` +
        'Lambda 20% errors at 10% (plan 10,50,100); ECS 20% target 5xx at 5% (plan 5,25,50,100, load balancer metrics); ' +
        CLOUD_RUN_SCENARIO,
    );
    const detection = [
      ...(await measureDetection(callNode.path)),
      ...(await measureCloudRunDetection(callNode.path)),
    ];
    printDetection(detection, {
      CloudWatch: CLOUDWATCH_DELAY,
      'Cloud Monitoring': CLOUD_MONITORING_DELAY,
    });
    console.log(
      'CodeDeploy rolls back on a CloudWatch alarm: no sooner than the alarm period times its evaluation periods ' +
        '(60s x 1 at the very least, 60s x 3 = 180s for a common 3-period alarm), plus the metrics readability ' +
        'delay and that of its alarm polling.',
    );

    console.log('\ncheckpointed rollouts: shift-traffic mode start, then scheduled mode advance runs');
    const idle = await measureIdleAdvance(nodes);
    printIdle(idle);
    const failing = await measureFailureDetection(callNode.path);
    printFailureDetection(failing);

    const history = await measureHistory();
    const calls = (c: Record<string, number>) =>
      Object.entries(c)
        .map(([op, n]) => `${op.replace(/^dynamodb:/, '').replace(/^repos\//, '')} ${n}`)
        .join(', ');
    console.log(
      `\ndeployment history: ${history.records.toLocaleString('en-US')} records of one target over ${history.spanDays} days ` +
        `(${history.statuses.succeeded} succeeded, ${history.statuses.failed} failed, ${history.statuses['rolled-back']} rolled back), ` +
        `loaded straight into moto in ${history.load.batchWriteCalls} BatchWriteItem calls ` +
        `(${history.load.writers} in parallel, ${(history.load.wallMs / 1000).toFixed(1)}s); lookups through the proxy`,
    );
    console.log(
      table(
        ['backend', 'lookup', 'found', 'calls', 'total', 'target / expected', 'median wall ms'],
        [
          ...history.dynamodb.map((d) => [
            'dynamodb',
            d.query,
            d.found ?? '-',
            calls(d.calls),
            d.total,
            d.target,
            ms(d.medianWallMs),
          ]),
          ...history.github.map((g) => [
            `github (${g.releases} releases, ${g.scenario})`,
            g.query,
            g.found ?? '-',
            calls(g.calls),
            g.total,
            g.target,
            ms(g.medianWallMs),
          ]),
        ],
        [4, 6],
      ),
    );
    const cpu = history.computeStats;
    console.log(
      `computeStats over ${cpu.records.toLocaleString('en-US')} records: ${ms(cpu.medianCpuMs)} ms CPU ` +
        `(median of ${cpu.samplesCpuMs.length}; target under ${cpu.targetCpuMs} ms); ` +
        `${cpu.summary.count} in the period, success rate ${((cpu.summary.successRate ?? 0) * 100).toFixed(1)}%`,
    );
    console.log(
      'GitHub has no conditional index: lastSuccessful lists deployments newest first (1 page per 100) and ' +
        'reads the statuses of each candidate until a success.',
    );

    const out = join(repoRoot, '.bench');
    mkdirSync(out, { recursive: true });
    const results = {
      date: new Date().toISOString(),
      coldStart: cold,
      awsCalls: scenarios.map((s) => ({
        scenario: s.name,
        node: callNode.name,
        minimum: s.minimum,
        total: s.actions.reduce((n, a) => n + a.calls.length, 0),
        byAction: s.actions,
      })),
      detection,
      rollout: { idleAdvance: idle, consecutiveFailures: { ...failing, node: callNode.name } },
      history,
    };
    writeFileSync(join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log('\nwritten to .bench/results.json');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// Ctrl-C: the cold start's, moto's and the runner's children stop in their exit hooks.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    process.exit(130);
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 1;
});
