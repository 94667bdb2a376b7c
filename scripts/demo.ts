// npm run demo: the whole release chain against a local AWS emulator, running the committed bundles in
// dist/ as the GitHub runner does, and checking what each step leaves behind.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetAliasCommand, LambdaClient, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import {
  awsTestEnv,
  clientConfig,
  createLambdaFunction,
  makeZip,
  startMoto,
  type Moto,
} from '../test/support/moto';
import { node24Path } from '../test/support/node24';
import { FaultProxy } from '../test/support/proxy';
import { runAction, type RunOptions, type RunResult } from '../test/support/runner';

const FN = 'orders-api';
const ALIAS = 'live';
const PAYLOAD = '{"ping":true}';
const STEP_TIMEOUT_MS = 60_000;
const WATCHDOG_MS = 120_000;
// The SDK warns that Node 20 support ends; runners use Node 24, where users never see it.
const QUIET_SDK = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
Object.assign(process.env, QUIET_SDK);

/** Runners run actions on Node 24: use it when scripts/ensure-node24.mjs has fetched it, else this Node. */
function actionNode(): { path: string; label: string } {
  try {
    return { path: node24Path(), label: 'Node 24 from .cache/node24, as on the runners' };
  } catch {
    return { path: process.execPath, label: `Node ${process.version} (Node 24 not fetched into .cache/)` };
  }
}
const NODE = actionNode();

interface Row {
  step: string;
  action: string;
  result: string;
  alias: string;
  ok: boolean;
}

const timeline: Row[] = [];
const failures: string[] = [];
let currentStep = '';
let stepFailures = 0;

// Everything we start, so that any way out (success, error, Ctrl-C, watchdog) stops it.
const bed: { moto?: Moto; proxy?: FaultProxy; lambda?: LambdaClient; base?: string } = {};
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    bed.lambda?.destroy();
    await bed.proxy?.stop().catch(() => {});
    await bed.moto?.stop().catch(() => {});
    if (bed.base) rmSync(bed.base, { recursive: true, force: true });
  })();
  return cleaning;
}

async function exitWith(code: number): Promise<never> {
  await cleanup();
  process.exit(code);
}

// Also on an abrupt exit (second Ctrl-C, watchdog): the temp dir holds the builds and the runner's files.
process.on('exit', () => {
  if (bed.base) rmSync(bed.base, { recursive: true, force: true });
});

let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    // A second Ctrl-C does not wait: the test bed's exit hooks still SIGKILL moto and the action.
    if (interrupted) process.exit(sig === 'SIGINT' ? 130 : 143);
    interrupted = true;
    console.log(`\n${sig}: stopping the emulator, the proxy and any running action.`);
    void exitWith(sig === 'SIGINT' ? 130 : 143);
  });
}

function check(ok: boolean, what: string, got?: unknown): boolean {
  const detail =
    ok || got === undefined ? '' : ` (got ${typeof got === 'string' ? got : JSON.stringify(got)})`;
  console.log(`  ${ok ? '✓' : '✗'} ${what}${detail}`);
  if (!ok) {
    failures.push(`step ${currentStep}: ${what}${detail}`);
    stepFailures++;
  }
  return ok;
}

function heading(n: string, title: string): void {
  currentStep = n;
  console.log(`\n━━ Step ${n}: ${title} ${'━'.repeat(Math.max(3, 72 - title.length))}`);
}

function pythonHasMoto(): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('python3', ['-c', 'import moto.server'], { stdio: 'ignore' });
    child.once('error', () => resolve(false));
    child.once('close', (code) => resolve(code === 0));
  });
}

async function aliasState(): Promise<string> {
  try {
    const a = await bed.lambda!.send(new GetAliasCommand({ FunctionName: FN, Name: ALIAS }));
    const extra = Object.entries(a.RoutingConfig?.AdditionalVersionWeights ?? {});
    if (extra.length === 0) return `${ALIAS}: 100% on v${a.FunctionVersion}`;
    const pct = (w: number) => Math.round(w * 10_000) / 100;
    const greenTotal = extra.reduce((n, [, w]) => n + w, 0);
    const parts = extra.map(([v, w]) => `v${v} ${pct(w)}%`);
    return `${ALIAS}: v${a.FunctionVersion} ${pct(1 - greenTotal)}% / ${parts.join(' / ')}`;
  } catch (err) {
    if (err instanceof ResourceNotFoundException) return `${ALIAS}: (no alias)`;
    throw err;
  }
}

/** As GitHub shows the log: ::error:: and ::warning:: become annotations, other commands stay hidden. */
function renderLogLine(line: string): string | undefined {
  const m = /^::([A-Za-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
  if (!m) return line;
  const text = m[2]!.replace(/%0D/g, '').replace(/%0A/g, '\n      ').replace(/%25/g, '%');
  const label: Record<string, string> = { error: 'Error', warning: 'Warning', notice: 'Notice' };
  return label[m[1]!] ? `${label[m[1]!]}: ${text}` : undefined;
}

function printLog(text: string): void {
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const shown = renderLogLine(line);
    if (shown !== undefined) console.log(`    │ ${shown}`);
  }
}

/**
 * runAction has no stdout callback, but it tests its `signal.when` against the log every time the log
 * grows: a RegExp that prints the new lines streams the log, and matches only when `trigger` does.
 */
class LogTap extends RegExp {
  private printed = 0;
  constructor(private readonly trigger?: { when: RegExp; note: string }) {
    super('(?!)');
  }
  override test(stdout: string): boolean {
    const end = stdout.lastIndexOf('\n') + 1;
    if (end > this.printed) {
      printLog(stdout.slice(this.printed, end));
      this.printed = end;
    }
    const hit = this.trigger?.when.test(stdout) ?? false;
    if (hit) console.log(`    ⟶ ${this.trigger!.note}`);
    return hit;
  }
  /** Whatever came after the last line seen (or all of it, had the runner not called test). */
  flush(stdout: string): void {
    printLog(stdout.slice(this.printed));
    this.printed = stdout.length;
  }
}

function printWith(action: string, inputs: Record<string, string>, phase = ''): void {
  console.log(`  - uses: ./${action}${phase}`);
  console.log('    with:');
  for (const [k, v] of Object.entries({ 'function-name': FN, ...inputs })) {
    console.log(`      ${k}: ${/^[\w./,-]+$/.test(v) ? v : `'${v}'`}`);
  }
}

function printResult(r: RunResult): void {
  const secs = (r.durationMs / 1000).toFixed(1);
  const how = r.code === 0 ? 'succeeded' : r.signal ? `killed by ${r.signal}` : `failed (exit ${r.code})`;
  console.log(`  step ${how} in ${secs}s`);
  const stderr = r.stderr.trim();
  if (stderr) console.log(`  stderr:\n${stderr.replace(/^/gm, '    ! ')}`);
  const outputs = Object.entries(r.outputs);
  if (outputs.length) {
    console.log('  outputs:');
    for (const [k, v] of outputs) console.log(`    ${k} = ${v === '' ? "''" : v}`);
  }
  const summary = r.summary.trim().split('\n');
  if (summary.length > 1 || summary[0]) {
    console.log('  job summary:');
    const MAX = 14;
    for (const line of summary.slice(0, MAX)) {
      console.log(`    ▏${line.length > 150 ? `${line.slice(0, 149)}…` : line}`);
    }
    if (summary.length > MAX) console.log(`    ▏… (${summary.length - MAX} more lines)`);
  }
}

interface ActOptions {
  phase?: 'main' | 'post';
  state?: Record<string, string>;
  /** Send SIGTERM once the log matches, as the runner does when the run is cancelled. */
  cancelWhen?: RegExp;
}

async function act(
  action: string,
  inputs: Record<string, string>,
  o: ActOptions = {},
): Promise<RunResult & { writes: string[] }> {
  printWith(action, inputs, o.phase === 'post' ? ' (post step)' : '');
  console.log('  log:');
  const tap = new LogTap(
    o.cancelWhen && {
      when: o.cancelWhen,
      note: `the log says "${o.cancelWhen.source}": SIGTERM to the step, as the runner sends on cancel`,
    },
  );
  const opts: RunOptions = {
    inputs: { 'function-name': FN, ...inputs },
    env: { ...awsTestEnv(bed.proxy!.url), ...QUIET_SDK },
    node: NODE.path,
    workspace: bed.base!,
    timeoutMs: STEP_TIMEOUT_MS,
    phase: o.phase ?? 'main',
    state: o.state,
    signal: { when: tap, signal: 'SIGTERM' },
  };
  bed.proxy!.clearCalls();
  const r = await runAction(action, opts);
  tap.flush(r.stdout);
  printResult(r);
  const writes = bed
    .proxy!.writes()
    .filter((c) => !c.injected)
    .map((c) => c.op);
  return { ...r, writes };
}

async function showAlias(): Promise<string> {
  const state = await aliasState();
  console.log(`  alias: ${state}`);
  return state;
}

function record(action: string, result: string, alias: string): void {
  timeline.push({ step: currentStep, action, result, alias, ok: stepFailures === 0 });
  stepFailures = 0;
}

let zipCount = 0;
function zip(version: number): string {
  const rel = `build/orders-v${version}.zip`;
  // Each build returns something different, so every deploy has new code to publish.
  const code = `export const handler = async (event) => ({ ok: true, build: ${version}, event });\n`;
  writeFileSync(join(bed.base!, rel), makeZip({ 'index.mjs': code }));
  zipCount++;
  return rel;
}

async function deploy(version: number, blue: string, aliasBefore: string): Promise<void> {
  const r = await act('deploy-green', { 'zip-file': zip(version) });
  const first = blue === '';
  check(r.code === 0, 'deploy-green succeeded', r.errors.join(' ') || r.code);
  check(
    r.outputs['green-version'] === String(version),
    `green-version is ${version}`,
    r.outputs['green-version'],
  );
  check(
    r.outputs['blue-version'] === blue,
    `blue-version is ${first ? 'empty' : blue}`,
    r.outputs['blue-version'],
  );
  check(r.outputs.changed === 'true', 'changed is true', r.outputs.changed);
  check(
    r.outputs['alias-created'] === String(first),
    `alias-created is ${first}`,
    r.outputs['alias-created'],
  );
  const after = await showAlias();
  if (first) check(after === `${ALIAS}: 100% on v${version}`, `alias created on v${version}`, after);
  else check(after === aliasBefore, 'alias untouched', after);
  const result = `green v${r.outputs['green-version'] ?? '?'}${first ? ', alias created' : `, blue v${blue}`}`;
  record(`deploy-green v${version}`, result, after);
}

function shiftResult(r: RunResult): string {
  const status = r.outputs.status ?? 'no status';
  return `${status}, ${r.outputs.weight ?? '?'}% on green${r.code === 0 ? '' : ', step failed'}`;
}

async function main(): Promise<number> {
  const started = Date.now();
  if (!(await pythonHasMoto())) {
    console.error('The local AWS emulator (moto) is missing for python3. Install it with:');
    console.error("  pip install 'moto[server]'");
    return 1;
  }
  // The runner makes its per-step temp dirs under tmpdir(): pointing it into ours removes them with it.
  bed.base = mkdtempSync(join(tmpdir(), 'deploy-actions-demo-'));
  process.env.TMPDIR = bed.base;
  mkdirSync(join(bed.base, 'build'));

  console.log('deploy-actions demo: a release of orders-api, step by step, against a local AWS emulator.');
  console.log('Each step runs the committed bundle in dist/ as the GitHub runner does (INPUT_* variables,');
  console.log('GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files); the alias is then read back with the AWS SDK.');

  heading('1', 'create function orders-api');
  bed.moto = await startMoto();
  bed.proxy = await FaultProxy.start(bed.moto.url);
  bed.lambda = new LambdaClient(clientConfig(bed.moto.url));
  console.log(`  moto on ${bed.moto.url} (Lambda without Docker: Invoke echoes the payload)`);
  console.log(`  actions run on ${NODE.label}`);
  console.log(`  fault-injecting proxy on ${bed.proxy.url}; the actions talk to AWS through it`);
  const created = await createLambdaFunction(bed.moto.url, { name: FN });
  console.log(`  created ${created.FunctionArn}`);
  check(created.FunctionName === FN, `function ${FN} exists`, created.FunctionName);
  const noAlias = await showAlias();
  check(noAlias === `${ALIAS}: (no alias)`, 'no alias yet', noAlias);
  record('create function', `${FN} created`, noAlias);

  heading('2', 'deploy v1 (first deploy)');
  await deploy(1, '', noAlias);

  heading('3', 'deploy v2');
  await deploy(2, '1', `${ALIAS}: 100% on v1`);

  heading('4', 'shift-traffic to v2: 10% → 50% → 100%, 2s bakes, invoke check');
  const shiftInputs = { steps: '10,50,100', 'bake-time': '2s', 'invoke-payload': PAYLOAD };
  const s4 = await act('shift-traffic', { 'green-version': '2', ...shiftInputs });
  check(s4.code === 0, 'shift-traffic succeeded', s4.errors.join(' ') || s4.code);
  check(s4.outputs.status === 'promoted', 'status is promoted', s4.outputs.status);
  check(s4.outputs.weight === '100', 'weight is 100', s4.outputs.weight);
  check(
    /step 1\/3: 10% to v2, next check in 2s[\s\S]*step 2\/3: 50% to v2, next check in 2s[\s\S]*step 3\/3: 100% to v2/.test(
      s4.stdout,
    ),
    'the log shows the three steps with their next check',
  );
  const invokes4 = bed.proxy.calls.filter((c) => c.op === 'Invoke' && c.qualifier === '2').length;
  check(invokes4 === 3, 'v2 invoked once after each step', `${invokes4} invokes`);
  check(s4.durationMs >= 4000, 'baked 2s after 10% and after 50%', `${s4.durationMs}ms`);
  const a4 = await showAlias();
  check(a4 === `${ALIAS}: 100% on v2`, 'alias 100% on v2', a4);
  record('shift-traffic v2 10,50,100', shiftResult(s4), a4);

  heading('5', 'deploy v3 and shift it with a failing health check');
  await deploy(3, '2', a4);
  console.log('  fault injected: every Invoke of v3 now returns a function error (X-Amz-Function-Error)');
  bed.proxy.addRule({ op: 'Invoke', qualifier: '3', kind: 'function-error' });
  let s5: RunResult & { writes: string[] };
  try {
    s5 = await act('shift-traffic', { 'green-version': '3', ...shiftInputs });
  } finally {
    bed.proxy.clearRules();
  }
  check(s5.code === 1, 'shift-traffic failed the step', s5.code);
  check(s5.outputs.status === 'rolled-back', 'status is rolled-back', s5.outputs.status);
  check(s5.outputs.weight === '0', 'weight is 0', s5.outputs.weight);
  check(
    /health unhealthy at step 1\/3 .*invoke: .*function error.*Traffic restored: 100% on v2/.test(
      s5.errors.join(' '),
    ),
    'the error names the failed invoke check and says traffic is back on v2',
    s5.errors.join(' '),
  );
  const injected = bed.proxy.calls.filter((c) => c.op === 'Invoke' && c.injected === 'function-error').length;
  check(injected >= 1, 'the gate invoked v3 and got the injected error', `${injected} injected`);
  const a5 = await showAlias();
  check(a5 === `${ALIAS}: 100% on v2`, 'alias back to 100% on v2', a5);
  record('shift-traffic v3 (v3 fails its check)', shiftResult(s5), a5);

  heading('6', 'deploy v4, shift to 25% and stop there, then roll back');
  await deploy(4, '2', a5);
  const s6 = await act('shift-traffic', { 'green-version': '4', steps: '25', 'bake-time': '0' });
  check(s6.code === 0, 'shift-traffic succeeded', s6.errors.join(' ') || s6.code);
  check(s6.outputs.status === 'in-progress', 'status is in-progress', s6.outputs.status);
  check(s6.outputs.weight === '25', 'weight is 25', s6.outputs.weight);
  const a6 = await showAlias();
  check(a6 === `${ALIAS}: v2 75% / v4 25%`, 'alias split v2 75% / v4 25%', a6);
  record('shift-traffic v4 25', shiftResult(s6), a6);
  console.log();
  const rb = await act('rollback', { to: 'previous', reason: 'v4 stopped at 25%' });
  check(rb.code === 0, 'rollback succeeded', rb.errors.join(' ') || rb.code);
  check(rb.outputs['from-version'] === '4', 'from-version is 4', rb.outputs['from-version']);
  check(rb.outputs['to-version'] === '2', 'to-version is 2', rb.outputs['to-version']);
  check(rb.writes.join(',') === 'UpdateAlias', 'one alias write', rb.writes.join(',') || 'none');
  const a6b = await showAlias();
  check(a6b === `${ALIAS}: 100% on v2`, 'alias 100% on v2', a6b);
  record('rollback to: previous', `v${rb.outputs['from-version']} → v${rb.outputs['to-version']}`, a6b);

  heading('7', 'deploy v5, shift 10% → 100% with a 5m bake, and cancel the run');
  await deploy(5, '2', a6b);
  // Main and post run one after the other as runMainThenPost would (post-if: always()), with the alias
  // read in between to show that the step itself restored it.
  const s7 = await act(
    'shift-traffic',
    { 'green-version': '5', steps: '10,100', 'bake-time': '5m' },
    { cancelWhen: /next check in/ },
  );
  check(s7.code === 1 && s7.signal === null, 'the step handled SIGTERM and failed itself', {
    code: s7.code,
    signal: s7.signal,
  });
  check(s7.durationMs < 15_000, 'it did not wait out the 5m bake', `${s7.durationMs}ms`);
  check(s7.outputs.status === 'rolled-back', 'status is rolled-back', s7.outputs.status);
  check(
    /Cancelled at step 1\/2\. Traffic restored: 100% on v2/.test(s7.errors.join(' ')),
    'the error says it was cancelled and traffic is back on v2',
    s7.errors.join(' '),
  );
  const a7 = await showAlias();
  check(a7 === `${ALIAS}: 100% on v2`, 'alias 100% on v2 after the step', a7);
  record('shift-traffic v5 (SIGTERM mid-bake)', shiftResult(s7), a7);
  console.log();
  const post = await act(
    'shift-traffic',
    { 'green-version': '5', steps: '10,100', 'bake-time': '5m' },
    { phase: 'post', state: s7.state },
  );
  check(post.code === 0, 'post step succeeded', post.errors.join(' ') || post.code);
  check(/nothing to clean up/.test(post.stdout), 'post step reports nothing left to clean up');
  check(post.writes.length === 0, 'post step wrote nothing', post.writes.join(','));
  const a7b = await showAlias();
  check(a7b === `${ALIAS}: 100% on v2`, 'alias still 100% on v2', a7b);
  record('shift-traffic post step', post.code === 0 ? 'nothing to clean up' : 'failed', a7b);

  printTimeline();
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (failures.length === 0) {
    console.log(`\nAll expectations held (${zipCount} builds deployed, ${secs}s).`);
    return 0;
  }
  console.log(`\n${failures.length} expectation(s) failed (${secs}s):`);
  for (const f of failures) console.log(`  ✗ ${f}`);
  return 1;
}

function printTimeline(): void {
  console.log('\n━━ Timeline ' + '━'.repeat(72));
  const header = ['step', 'action', 'result', 'alias after', 'ok'];
  const rows = timeline.map((r) => [r.step, r.action, r.result, r.alias, r.ok ? '✓' : '✗']);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => '─'.repeat(w))));
  for (const r of rows) console.log(line(r));
}

// A hung step must not hang the demo: give up well after the expected half minute.
const watchdog = setTimeout(() => {
  console.error(`\nThe demo did not finish within ${WATCHDOG_MS / 1000}s; stopping.`);
  void exitWith(1);
}, WATCHDOG_MS);

main().then(
  (code) => {
    clearTimeout(watchdog);
    return exitWith(code);
  },
  (err: unknown) => {
    clearTimeout(watchdog);
    console.error(
      `\nThe demo stopped at step ${currentStep || '(setup)'}: ${err instanceof Error ? err.stack : String(err)}`,
    );
    return exitWith(1);
  },
);
