// npm run bench: (a) cold start of each committed bundle on a bad input, against `node -e 0`;
// (b) the AWS calls a release makes through the bundles against moto, next to the minimum it needs.
// Figures also go to .bench/results.json.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
import { node24Path } from '@deploy-actions/testbed/node24';
import { FaultProxy, isWrite, type ProxyCall } from '@deploy-actions/testbed/proxy';
import { repoRoot, runAction } from '@deploy-actions/testbed/runner';
import { measureDetection } from './bench-detection';
import { measureHistory } from './bench-history';

const ACTIONS = ['deploy-green', 'shift-traffic', 'rollback', 'health-gate', 'record-history'] as const;
const RUNS = 21;
const WARMUP = 2;
const FN = 'orders-api';
// The SDK warns in this process that Node 20 support ends; the figures are what matter here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
let scratch = '';

// --- output helpers --------------------------------------------------------------------------------------

function table(header: string[], rows: (string | number)[][], right: number[] = []): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (right.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const ms = (n: number) => n.toFixed(1);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile. */
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]!;
}

// --- children: every one tracked, so that an error or Ctrl-C leaves none behind ---------------------------

const children = new Set<ChildProcess>();

interface Timed {
  ms: number;
  code: number | null;
  stdout: string;
}

/** From spawn to exit, timed with the monotonic clock; spawned asynchronously so the event loop keeps running. */
function timed(node: string, args: string[], env: NodeJS.ProcessEnv): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(node, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.resume();
    child.once('error', (err) => {
      children.delete(child);
      reject(err);
    });
    child.once('exit', (code) => {
      const end = process.hrtime.bigint();
      children.delete(child);
      resolve({ ms: Number(end - start) / 1e6, code, stdout });
    });
  });
}

// --- (a) cold start ---------------------------------------------------------------------------------------

interface Stats {
  medianMs: number;
  p90Ms: number;
  ratio: number;
  samplesMs: number[];
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);
}

async function coldStart(node: string, scratch: string) {
  // Files the runner provides; a bad input writes nothing to them, but @actions/core expects them.
  const files = Object.fromEntries(
    ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_ENV', 'GITHUB_STEP_SUMMARY'].map((k) => [k, join(scratch, k)]),
  );
  for (const f of Object.values(files)) writeFileSync(f, '');
  const env = {
    PATH: process.env.PATH ?? '',
    ...files,
    AWS_REGION: 'us-east-1',
    'INPUT_FUNCTION-NAME': 'bad name',
    // What record-history checks before function-name, valid, so that every action fails on the same input.
    INPUT_ENVIRONMENT: 'production',
    INPUT_STATUS: 'started',
    'INPUT_GITHUB-TOKEN': 'token',
    INPUT_REPOSITORY: 'acme/orders',
  };
  const subjects = [
    { name: 'node -e 0', args: ['-e', '0'] },
    ...ACTIONS.map((a) => ({ name: a, args: [join('dist', a, 'index.js')] })),
  ];

  // The path measured is the bad-input one: check that it is what runs.
  for (const s of subjects.slice(1)) {
    const r = await timed(node, s.args, env);
    if (r.code !== 1 || !r.stdout.includes('::error::Input "function-name" has value "bad name"'))
      throw new Error(`${s.name} did not fail on the bad input as expected (exit ${r.code}):\n${r.stdout}`);
  }

  const samples = new Map<string, number[]>(subjects.map((s) => [s.name, []]));
  for (let round = 0; round < WARMUP + RUNS; round++) {
    // Interleaved, and rotated each round so that no subject always runs first.
    for (let i = 0; i < subjects.length; i++) {
      const s = subjects[(round + i) % subjects.length]!;
      const r = await timed(node, s.args, env);
      if (round >= WARMUP) samples.get(s.name)!.push(r.ms);
    }
  }
  const base = median(samples.get('node -e 0')!);
  const stats: Record<string, Stats> = {};
  for (const [name, xs] of samples) {
    stats[name] = {
      medianMs: median(xs),
      p90Ms: percentile(xs, 90),
      ratio: median(xs) / base,
      samplesMs: xs,
    };
  }
  return stats;
}

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
    const nodes = [{ name: `node ${process.version}`, path: process.execPath }];
    try {
      nodes.push({ name: 'node 24 (.cache/node24, as on the runners)', path: node24Path() });
    } catch {
      console.log(
        'Node 24 not in .cache/node24 (node scripts/ensure-node24.mjs fetches it): measuring this Node only.',
      );
    }

    const sizes = ACTIONS.map((a) => {
      const dir = join(repoRoot, 'dist', a);
      return { action: a, indexBytes: statSync(join(dir, 'index.js')).size, folderBytes: folderBytes(dir) };
    });
    console.log('bundle sizes (dist/<action>/)');
    console.log(
      table(
        ['action', 'index.js', 'folder total'],
        sizes.map((s) => [s.action, kb(s.indexBytes), kb(s.folderBytes)]),
        [1, 2],
      ),
    );

    const cold: Record<string, Record<string, Stats>> = {};
    for (const n of nodes) {
      cold[n.name] = await coldStart(n.path, scratch);
      console.log(
        `\ncold start on ${n.name}: process start to exit, bad input (function-name "bad name"), ` +
          `${RUNS} runs each after ${WARMUP} warm-up rounds, interleaved`,
      );
      console.log(
        table(
          ['action', 'median ms', 'p90 ms', 'ratio to node -e 0'],
          Object.entries(cold[n.name]!).map(([name, s]) => [
            name,
            ms(s.medianMs),
            ms(s.p90Ms),
            `${s.ratio.toFixed(2)}x`,
          ]),
          [1, 2, 3],
        ),
      );
    }

    // Runners run actions on Node 24: count calls there when it is available (the calls do not depend on it).
    const callNode = nodes[nodes.length - 1]!;
    console.log(`\nAWS calls (moto behind the recording proxy; actions on ${callNode.name})`);
    const scenarios = await awsCalls(callNode.path, scratch);
    for (const s of scenarios) printScenario(s);

    console.log(
      `\ndetection of a bad green (20% errors, at 10% of 3000 requests/min; plan 10,50,100 with 5m bakes), simulated time, actions on ${callNode.name}`,
    );
    const detection = await measureDetection(callNode.path);
    console.log(
      table(
        [
          'gate',
          'detection (10% write → rollback write)',
          'failed requests served by green',
          'served by green',
          'status',
        ],
        detection.map((d) => [
          d.gate,
          `${(d.detectionMs / 1000).toFixed(0)}s`,
          d.failedByGreen,
          d.servedByGreen,
          d.verdict,
        ]),
        [1, 2, 3],
      ),
    );
    console.log(
      'CodeDeploy rolls back on a CloudWatch alarm: no sooner than the alarm period times its evaluation periods ' +
        '(60s x 1 at the very least, 60s x 3 = 180s for a common 3-period alarm), plus the delay of its alarm polling.',
    );

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
      coldStart: {
        runs: RUNS,
        warmup: WARMUP,
        input: 'function-name "bad name"',
        byNode: cold,
      },
      bundleSizes: sizes,
      awsCalls: scenarios.map((s) => ({
        scenario: s.name,
        node: callNode.name,
        minimum: s.minimum,
        total: s.actions.reduce((n, a) => n + a.calls.length, 0),
        byAction: s.actions,
      })),
      detection,
      history,
    };
    writeFileSync(join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log('\nwritten to .bench/results.json');
  } finally {
    for (const c of children) c.kill('SIGKILL');
    rmSync(scratch, { recursive: true, force: true });
  }
}

// Ctrl-C: kill what is running; moto and the runner's children also stop in their exit hooks.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const c of children) c.kill('SIGKILL');
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    process.exit(130);
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 1;
});
