// npm run demo: the whole release chain against a local AWS emulator and a local GitHub Deployments API,
// running the committed bundles in dist/ as the GitHub runner does, and checking what each step leaves
// behind: the alias, and the release history in both backends.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { GetAliasCommand, LambdaClient, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createTableInput, timeToLiveInput } from '@deploy-actions/history/dynamodb';
import { startGitHub, type FakeDeployment, type GitHubServer } from '@deploy-actions/testbed/github';
import {
  awsTestEnv,
  clientConfig,
  createLambdaFunction,
  makeZip,
  startMoto,
  type Moto,
} from '@deploy-actions/testbed/moto';
import { node24Path } from '@deploy-actions/testbed/node24';
import { FaultProxy } from '@deploy-actions/testbed/proxy';
import { runAction, type RunOptions, type RunResult } from '@deploy-actions/testbed/runner';

const FN = 'orders-api';
const ALIAS = 'live';
const PAYLOAD = '{"ping":true}';
const STEP_TIMEOUT_MS = 60_000;
const WATCHDOG_MS = 180_000;
const OWNER = 'octo-org';
const REPO = 'orders-service';
const TABLE = 'deployments';
const ENVIRONMENT = 'production';
// The history inputs every record-history and history-aware rollback step gives.
const HISTORY = { backend: 'github,dynamodb', environment: ENVIRONMENT, 'dynamodb-table': TABLE };
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
const bed: {
  moto?: Moto;
  proxy?: FaultProxy;
  lambda?: LambdaClient;
  db?: DynamoDBDocumentClient;
  gh?: GitHubServer;
  base?: string;
} = {};
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    bed.lambda?.destroy();
    bed.db?.destroy();
    await bed.gh?.stop().catch(() => {});
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
    console.log(`\n${sig}: stopping the emulator, the proxy, the GitHub API and any running action.`);
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

function printResult(r: StepResult, fullSummary = false): void {
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
  if (r.historyWrites.length) console.log(`  history written: ${r.historyWrites.join(', ')}`);
  const summary = r.summary.trim().split('\n');
  if (summary.length > 1 || summary[0]) {
    console.log('  job summary:');
    const MAX = fullSummary ? Infinity : 14;
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
  /** Print the whole job summary, not its first lines. */
  fullSummary?: boolean;
}

interface StepResult extends RunResult {
  /** Lambda calls that may change state (the alias, versions, code). */
  writes: string[];
  /** Writes to the history: DynamoDB operations and GitHub Deployments API operations. */
  historyWrites: string[];
}

/** A workflow run of orders-service: its run id and commit, which the history records. */
interface WorkflowRun {
  id: string;
  sha: string;
}
let run: WorkflowRun | undefined;
let runCount = 0;

function startRun(what: string): void {
  runCount++;
  const id = String(7100 + runCount);
  const sha = createHash('sha1').update(`${REPO} ${what}`).digest('hex');
  run = { id, sha };
  console.log(`  workflow run ${id} (${what}) at commit ${sha.slice(0, 7)}`);
}

async function act(action: string, inputs: Record<string, string>, o: ActOptions = {}): Promise<StepResult> {
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
    env: {
      ...awsTestEnv(bed.proxy!.url),
      ...QUIET_SDK,
      GITHUB_API_URL: bed.gh!.url,
      ...(run && { GITHUB_RUN_ID: run.id, GITHUB_SHA: run.sha }),
    },
    githubToken: bed.gh!.token,
    node: NODE.path,
    workspace: bed.base!,
    timeoutMs: STEP_TIMEOUT_MS,
    phase: o.phase ?? 'main',
    state: o.state,
    signal: { when: tap, signal: 'SIGTERM' },
  };
  bed.proxy!.clearCalls();
  const ghBefore = bed.gh!.calls.length;
  const r = await runAction(action, opts);
  tap.flush(r.stdout);
  const awsWrites = bed.proxy!.writes().filter((c) => !c.injected);
  const writes = awsWrites.filter((c) => c.service === 'lambda').map((c) => c.op);
  const historyWrites = [
    ...awsWrites.filter((c) => c.service === 'dynamodb').map((c) => `DynamoDB ${c.op}`),
    ...bed
      .gh!.calls.slice(ghBefore)
      .filter((c) => c.method !== 'GET' && !c.injected)
      .map((c) => `GitHub ${c.operationId ?? `${c.method} ${c.path}`}`),
  ];
  const result = { ...r, writes, historyWrites };
  printResult(result, o.fullSummary);
  return result;
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

type Item = Record<string, unknown>;

/** The record id a GitHub deployment of the history carries in its payload. */
function recordIdOf(d: FakeDeployment): string {
  const p = d.payload;
  return typeof p === 'object' && typeof p.recordId === 'string' ? p.recordId : '';
}

function githubDeployment(id: string): FakeDeployment | undefined {
  return bed.gh!.deployments().find((d) => recordIdOf(d) === id);
}

function latestDescription(d: FakeDeployment): string {
  return bed.gh!.statuses(d.id).at(-1)?.description ?? '';
}

/** DynamoDB's records, oldest first; the id pointers (pk deployment#<id>) are left out. */
async function tableRecords(): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await bed.db!.send(new ScanCommand({ TableName: TABLE, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items
    .filter((i) => !String(i.pk).startsWith('deployment#'))
    .sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
}

interface Expected {
  /** State of the GitHub deployment's latest status, and its description. */
  state: FakeDeployment['state'];
  /** Left out for a status GitHub added itself (inactive), which has none. */
  description?: string;
  /** The DynamoDB record's status, and other attributes it must hold. */
  status: string;
  fields?: Item;
}

/** Reads the release back from both backends. */
async function checkHistory(id: string, want: Expected): Promise<void> {
  const d = githubDeployment(id);
  check(
    d?.state === want.state,
    `GitHub: deployment ${d ? `#${d.id} ` : ''}is ${want.state}`,
    d?.state ?? 'no deployment',
  );
  if (d && want.description !== undefined) {
    const description = latestDescription(d);
    check(description === want.description, `GitHub: "${want.description}"`, description);
  }
  const item = (await tableRecords()).find((i) => i.id === id);
  check(item?.status === want.status, `DynamoDB: record ${want.status}`, item?.status ?? 'no record');
  for (const [k, v] of Object.entries(want.fields ?? {})) {
    check(item?.[k] === v, `DynamoDB: ${k} is ${v === '' ? 'empty' : String(v)}`, item?.[k] ?? 'missing');
  }
}

/** record-history status: started, as the job records a release once deploy-green has given its versions. */
async function recordStarted(green: string, blue: string, strategy: string, previous: string) {
  console.log();
  const r = await act('record-history', {
    ...HISTORY,
    status: 'started',
    'blue-version': blue,
    'green-version': green,
    strategy,
  });
  check(r.code === 0, 'record-history succeeded', r.errors.join(' ') || r.code);
  const id = r.outputs['deployment-id'] ?? '';
  check(id.startsWith(`run-${run!.id}-`), `deployment-id is this run's (run-${run!.id}-…)`, id || 'empty');
  check(
    r.outputs['previous-version'] === previous,
    `previous-version is ${previous || 'empty'}`,
    r.outputs['previous-version'],
  );
  check(r.writes.length === 0, 'the alias was not touched', r.writes.join(','));
  await checkHistory(id, {
    state: 'in_progress',
    description: `${strategy}: ${FN}:${ALIAS} ${blue || '(new)'} → ${green}`,
    status: 'started',
    fields: { greenVersion: green, blueVersion: blue, commit: run!.sha },
  });
  const d = githubDeployment(id);
  check(
    d?.sha === run!.sha && d.environment === ENVIRONMENT,
    `GitHub: the deployment is of ${ENVIRONMENT} at this run's commit`,
    d && `${d.environment} at ${d.sha}`,
  );
  const a = await showAlias();
  record(`record-history started v${green}`, `${id}${d ? ` (GitHub #${d.id})` : ''}`, a);
  return id;
}

/** record-history with the end of the release: succeeded, or rolled-back with its reason. */
async function recordEnded(
  green: string,
  id: string,
  status: 'succeeded' | 'rolled-back',
  want: Expected,
  reason = '',
) {
  console.log();
  const r = await act('record-history', {
    ...HISTORY,
    status,
    'deployment-id': id,
    ...(reason && { reason }),
  });
  check(r.code === 0, 'record-history succeeded', r.errors.join(' ') || r.code);
  check(r.outputs['deployment-id'] === id, `deployment-id is ${id}`, r.outputs['deployment-id']);
  check(r.writes.length === 0, 'the alias was not touched', r.writes.join(','));
  await checkHistory(id, want);
  const a = await showAlias();
  record(`record-history ${status} v${green}`, want.description ?? status, a);
}

/** A release whose traffic went back to v2: it ends rolled-back with the reason. */
async function recordRolledBack(green: string, id: string, reason: string) {
  await recordEnded(
    green,
    id,
    'rolled-back',
    {
      state: 'failure',
      description: `rolled back to 2: ${reason}`,
      status: 'rolled-back',
      fields: { restoredVersion: '2', reason },
    },
    reason,
  );
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
  console.log(`Every release is recorded in GitHub Deployments (a local API for ${OWNER}/${REPO}) and in a`);
  console.log('DynamoDB table, and each record is read back from both.');

  heading('1', 'create function orders-api, the history table and the GitHub Deployments API');
  bed.moto = await startMoto();
  bed.proxy = await FaultProxy.start(bed.moto.url);
  bed.lambda = new LambdaClient(clientConfig(bed.moto.url));
  console.log(`  moto on ${bed.moto.url} (Lambda without Docker: Invoke echoes the payload)`);
  console.log(`  actions run on ${NODE.label}`);
  console.log(`  fault-injecting proxy on ${bed.proxy.url}; the actions talk to AWS through it`);
  const created = await createLambdaFunction(bed.moto.url, { name: FN });
  console.log(`  created ${created.FunctionArn}`);
  check(created.FunctionName === FN, `function ${FN} exists`, created.FunctionName);
  bed.db = DynamoDBDocumentClient.from(new DynamoDBClient(clientConfig(bed.moto.url)));
  const table = await bed.db.send(new CreateTableCommand(createTableInput(TABLE)));
  await bed.db.send(new UpdateTimeToLiveCommand(timeToLiveInput(TABLE)));
  console.log(`  created DynamoDB table ${table.TableDescription?.TableArn ?? TABLE} (TTL on expiresAt)`);
  check(table.TableDescription?.TableName === TABLE, `table ${TABLE} exists`, table.TableDescription);
  bed.gh = await startGitHub({ owner: OWNER, repo: REPO });
  console.log(
    `  GitHub Deployments API for ${OWNER}/${REPO} on ${bed.gh.url} (checked against GitHub's OpenAPI)`,
  );
  const noAlias = await showAlias();
  check(noAlias === `${ALIAS}: (no alias)`, 'no alias yet', noAlias);
  record('create function, table, GitHub', `${FN}, ${TABLE}, ${OWNER}/${REPO}`, noAlias);

  heading('2', 'release v1 (first deploy), recorded in the history');
  startRun('release v1');
  await deploy(1, '', noAlias);
  const id1 = await recordStarted('1', '', 'all-at-once', '');
  await recordEnded('1', id1, 'succeeded', {
    state: 'success',
    description: 'succeeded',
    status: 'succeeded',
  });

  heading('3', 'release v2: deploy, record started');
  startRun('release v2');
  await deploy(2, '1', `${ALIAS}: 100% on v1`);
  const id2 = await recordStarted('2', '1', 'steps 10,50,100', '1');

  heading('4', 'shift-traffic to v2: 10% → 50% → 100%, 2s bakes, invoke check; record succeeded');
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
  await recordEnded('2', id2, 'succeeded', {
    state: 'success',
    description: 'succeeded',
    status: 'succeeded',
  });
  const d1 = githubDeployment(id1);
  check(
    d1?.state === 'inactive',
    "GitHub: v1's deployment is now inactive (v2's success replaced it)",
    d1?.state,
  );

  heading('5', 'release v3 with a failing health check: deploy, record, shift, record rolled-back');
  startRun('release v3');
  await deploy(3, '2', a4);
  const id3 = await recordStarted('3', '2', 'steps 10,50,100', '2');
  console.log();
  console.log('  fault injected: every Invoke of v3 now returns a function error (X-Amz-Function-Error)');
  bed.proxy.addRule({ op: 'Invoke', qualifier: '3', kind: 'function-error' });
  let s5: StepResult;
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
  // The job's last step runs on failure too (if: always()) and ends the record as shift-traffic left it.
  const reason3 = 'v3 failed its invoke check at 10%';
  await recordRolledBack('3', id3, reason3);

  heading('6', 'release v4: deploy, record, shift to 25% and stop there, then roll back');
  startRun('release v4');
  await deploy(4, '2', a5);
  const id4 = await recordStarted('4', '2', 'steps 25', '2');
  console.log();
  const s6 = await act('shift-traffic', { 'green-version': '4', steps: '25', 'bake-time': '0' });
  check(s6.code === 0, 'shift-traffic succeeded', s6.errors.join(' ') || s6.code);
  check(s6.outputs.status === 'in-progress', 'status is in-progress', s6.outputs.status);
  check(s6.outputs.weight === '25', 'weight is 25', s6.outputs.weight);
  const a6 = await showAlias();
  check(a6 === `${ALIAS}: v2 75% / v4 25%`, 'alias split v2 75% / v4 25%', a6);
  record('shift-traffic v4 25', shiftResult(s6), a6);
  console.log();
  // With the history, rollback ends the release it undoes and records itself.
  const reason4 = 'v4 stopped at 25%';
  const rb = await act('rollback', { to: 'previous', reason: reason4, ...HISTORY, 'deployment-id': id4 });
  check(rb.code === 0, 'rollback succeeded', rb.errors.join(' ') || rb.code);
  check(rb.outputs['from-version'] === '4', 'from-version is 4', rb.outputs['from-version']);
  check(rb.outputs['to-version'] === '2', 'to-version is 2', rb.outputs['to-version']);
  check(rb.writes.join(',') === 'UpdateAlias', 'one alias write', rb.writes.join(',') || 'none');
  const rb6 = rb.outputs['deployment-id'] ?? '';
  check(rb6.startsWith(`run-${run!.id}-`) && rb6 !== id4, 'deployment-id is a record of its own', rb6);
  const a6b = await showAlias();
  check(a6b === `${ALIAS}: 100% on v2`, 'alias 100% on v2', a6b);
  await checkHistory(id4, {
    state: 'failure',
    description: `rolled back to 2: ${reason4}`,
    status: 'rolled-back',
    fields: { restoredVersion: '2', reason: reason4 },
  });
  await checkHistory(rb6, {
    state: 'success',
    description: `succeeded: rolled back from 4: ${reason4}`,
    status: 'succeeded',
    fields: { strategy: 'rollback', blueVersion: '4', greenVersion: '2' },
  });
  record(
    'rollback to: previous (split)',
    `v${rb.outputs['from-version']} → v${rb.outputs['to-version']}`,
    a6b,
  );

  heading('7', 'release v5: deploy, record, shift 10% → 100% with a 5m bake, cancel the run');
  startRun('release v5');
  await deploy(5, '2', a6b);
  const id5 = await recordStarted('5', '2', 'steps 10,100', '2');
  console.log();
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
  // Steps with if: always() still run in a cancelled run.
  const reason5 = 'run cancelled during the bake at 10%';
  await recordRolledBack('5', id5, reason5);

  heading('8', 'one-click rollback (to: previous) from the history, alias not split');
  startRun('rollback workflow');
  const reason8 = 'v2 misbehaves in production';
  const oc = await act('rollback', { to: 'previous', reason: reason8, ...HISTORY });
  check(oc.code === 0, 'rollback succeeded', oc.errors.join(' ') || oc.code);
  check(oc.outputs['from-version'] === '2', 'from-version is 2', oc.outputs['from-version']);
  check(
    oc.outputs['to-version'] === '1',
    "to-version is 1 (the history's last good release before v2)",
    oc.outputs['to-version'],
  );
  check(
    oc.outputs['restored-deployment-id'] === id1,
    `restored-deployment-id is v1's release ${id1}`,
    oc.outputs['restored-deployment-id'] || 'empty',
  );
  check(oc.writes.join(',') === 'UpdateAlias', 'one alias write', oc.writes.join(',') || 'none');
  const rb8 = oc.outputs['deployment-id'] ?? '';
  check(rb8.startsWith(`run-${run!.id}-`), "deployment-id is this run's record", rb8 || 'empty');
  const a8 = await showAlias();
  check(a8 === `${ALIAS}: 100% on v1`, 'alias 100% on v1', a8);
  await checkHistory(id1, { state: 'success', description: 'live again on version 1', status: 'succeeded' });
  // Its success made way for v1's "live again" (GitHub marks the other successes inactive).
  await checkHistory(rb8, {
    state: 'inactive',
    status: 'succeeded',
    fields: {
      strategy: 'rollback',
      blueVersion: '2',
      greenVersion: '1',
      reason: `rolled back from 2: ${reason8}`,
    },
  });
  record(
    'rollback to: previous (history)',
    `v${oc.outputs['from-version']} → v${oc.outputs['to-version']}, restored ${oc.outputs['restored-deployment-id'] || '?'}`,
    a8,
  );

  heading('9', 'delivery report over 30 days, and the history as each backend holds it');
  startRun('report');
  const rep = await act('record-history', { ...HISTORY, 'report-days': '30' }, { fullSummary: true });
  check(rep.code === 0, 'record-history succeeded', rep.errors.join(' ') || rep.code);
  check(rep.historyWrites.length === 0, 'a report records nothing', rep.historyWrites.join(', '));
  check(rep.writes.length === 0, 'the alias was not touched', rep.writes.join(','));
  check(rep.outputs['previous-version'] === '1', 'previous-version is 1', rep.outputs['previous-version']);
  let stats: Item = {};
  try {
    stats = JSON.parse(rep.outputs.stats ?? '') as Item;
  } catch {
    check(false, 'stats is JSON', rep.outputs.stats ?? 'missing');
  }
  console.log('  stats:');
  for (const line of JSON.stringify(stats, null, 2).split('\n')) console.log(`    ${line}`);
  // Five releases (v1 and v2 good, v3, v4 and v5 rolled back); the two rollbacks are counted apart.
  const figures = {
    count: 5,
    succeeded: 2,
    rolledBack: 3,
    failed: 0,
    inProgress: 0,
    rollbacks: 2,
    source: 'dynamodb',
  };
  for (const [k, v] of Object.entries(figures)) check(stats[k] === v, `stats ${k} is ${v}`, stats[k]);
  const cfr = Number(stats.changeFailureRate);
  check(Math.abs(cfr - 3 / 5) < 1e-9, 'change failure rate is 3/5', stats.changeFailureRate);
  check(/\| change failure rate \| 60\.0% \|/.test(rep.summary), 'the summary shows 60.0% change failures');
  const aRep = await showAlias();
  record(
    'record-history report-days 30',
    `${String(stats.count)} deployments, ${String(stats.succeeded)} succeeded`,
    aRep,
  );

  console.log(`\n  GitHub Deployments of ${ENVIRONMENT} in ${OWNER}/${REPO}, oldest first:`);
  const deployments = bed.gh.deployments();
  for (const d of deployments) {
    console.log(`    #${d.id} ${recordIdOf(d)} at ${d.sha.slice(0, 7)}: ${d.state}`);
    for (const st of bed.gh.statuses(d.id)) {
      const by = st.auto ? ' (added by GitHub)' : '';
      console.log(`       ${st.state.padEnd(11)} ${st.description ? `"${st.description}"` : ''}${by}`);
    }
  }
  console.log(`\n  DynamoDB table ${TABLE}, records oldest first, started–ended UTC (id pointers left out):`);
  const items = await tableRecords();
  for (const i of items) {
    const versions = `${String(i.blueVersion) || '–'} → ${String(i.greenVersion)}`;
    const time = (t: unknown) => (typeof t === 'string' ? t.slice(11, 23) : '–');
    const extra = [
      i.restoredVersion && `restored ${String(i.restoredVersion)}`,
      i.reason && `reason "${String(i.reason)}"`,
    ].filter(Boolean);
    const line = [
      String(i.id).padEnd(18),
      String(i.status).padEnd(11),
      versions.padEnd(5),
      String(i.strategy).padEnd(15),
      `${time(i.startedAt)}–${time(i.endedAt)}`,
      extra.join(', '),
    ];
    console.log(`    ${line.join(' ')}`.trimEnd());
  }
  const wantIds = [id1, id2, id3, id4, rb6, id5, rb8];
  check(
    JSON.stringify(deployments.map(recordIdOf)) === JSON.stringify(wantIds),
    'GitHub holds the 7 records in order',
    deployments.map(recordIdOf),
  );
  check(
    JSON.stringify(items.map((i) => i.id)) === JSON.stringify(wantIds),
    'DynamoDB holds the same 7 records in order',
    items.map((i) => i.id),
  );
  const wantStates = ['success', 'inactive', 'failure', 'failure', 'inactive', 'failure', 'inactive'];
  check(
    JSON.stringify(deployments.map((d) => d.state)) === JSON.stringify(wantStates),
    'GitHub: v1 live again, the other successes inactive, the rolled-back releases failed',
    deployments.map((d) => d.state),
  );
  const wantStatus = [
    'succeeded',
    'succeeded',
    'rolled-back',
    'rolled-back',
    'succeeded',
    'rolled-back',
    'succeeded',
  ];
  check(
    JSON.stringify(items.map((i) => i.status)) === JSON.stringify(wantStatus),
    'DynamoDB: each record ended as GitHub says',
    items.map((i) => i.status),
  );
  check(bed.gh.violations.length === 0, 'every GitHub call was one GitHub accepts', bed.gh.violations);
  record('read back both backends', `${deployments.length} in GitHub, ${items.length} in DynamoDB`, aRep);

  printTimeline();
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (failures.length === 0) {
    console.log(
      `\nAll expectations held (${zipCount} builds deployed, ${runCount} workflow runs, ${secs}s).`,
    );
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
