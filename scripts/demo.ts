// npm run demo: the example workflows of a repository that releases orders-api with these actions, run job by
// job against local stand-ins of AWS (moto), GitHub, Slack and SNS, with users on production: five scenes
// (a good release, a bad one rolled back, an approval withheld, a rollback and a hotfix dispatched by hand),
// each checked; then the release history. No credentials and no network.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReleaseBed, type ReleaseBed } from '@deploy-actions/testbed/release-bed';
import { Checks } from './demo/checks';
import { hotfixDuringCanary, manualRollback } from './demo/dispatched';
import { historyTable, heading } from './demo/print';
import { badRelease, goodRelease, withheldApproval } from './demo/scenes';
import { actionNode, PRODUCTION, REPOSITORY, REVIEWER, Stage, STAGING, TABLE } from './demo/stage';

// The SDK warns that Node 20 support ends; runners use Node 24, where users never see it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
// A hung step must not hang the demo: give up well after the expected half minute.
const WATCHDOG_MS = 150_000;

// Everything started, so that any way out (the end, an error, Ctrl-C, the watchdog) stops it.
const held: { bed?: ReleaseBed; temp?: string } = {};
let stopping: Promise<void> | undefined;

function removeTemp(): void {
  if (held.temp) rmSync(held.temp, { recursive: true, force: true });
}

function stopAll(): Promise<void> {
  stopping ??= (async () => {
    await held.bed?.stop().catch((err: unknown) => console.error(`stopping the test bed: ${String(err)}`));
    removeTemp();
  })();
  return stopping;
}

async function exitWith(code: number): Promise<never> {
  await stopAll();
  process.exit(code);
}

// Also on an abrupt exit (a second Ctrl-C): the temp dir holds the checkouts, workspaces and artifacts.
process.on('exit', removeTemp);

let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    const code = sig === 'SIGINT' ? 130 : 143;
    // A second Ctrl-C does not wait: the test bed's exit hooks still kill moto and any running action.
    if (interrupted) process.exit(code);
    interrupted = true;
    console.log(`\n${sig}: stopping the emulators and servers the demo started.`);
    void exitWith(code);
  });
}

function pythonHasMoto(): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('python3', ['-c', 'import moto.server'], { stdio: 'ignore' });
    child.once('error', () => resolve(false));
    child.once('close', (code) => resolve(code === 0));
  });
}

function introduce(): void {
  console.log(`deploy-actions demo: the release workflows of ${REPOSITORY}, run locally.`);
  console.log(
    'examples/workflows/{deploy,rollback,hotfix}.yml run job by job as GitHub runs them: needs, if:,',
  );
  console.log(
    'environments and their approvals, OIDC, the reusable workflows of .github/workflows/, and the',
  );
  console.log(
    'committed bundles in dist/ for every org/deploy-actions step. AWS is moto; GitHub, Slack and SNS',
  );
  console.log('are local too; users call orders-api:live all along, on a clock 600 times faster (a 5m bake');
  console.log('lasts half a second).');
}

/** Starts the test bed; returns the stage and production's version before the first scene. */
async function setUp(checks: Checks): Promise<{ stage: Stage; first: string }> {
  heading('Setup');
  const node = actionNode();
  const started = Date.now();
  held.bed = await startReleaseBed();
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`  moto, GitHub, OIDC, Slack, SNS → SQS and users on ${PRODUCTION}:live started in ${secs}s`);
  console.log(`  functions ${PRODUCTION} and ${STAGING} created, version 1 on their alias live`);
  console.log(`  GitHub environments: staging, production (required reviewer ${REVIEWER})`);
  console.log(`  history: DynamoDB table ${TABLE} and GitHub Deployments; notices to Slack and SNS`);
  console.log(`  actions run on ${node.label}`);
  const stage = new Stage(held.bed, checks, node.path);
  const id = await stage.recordEarlierRelease();
  console.log(
    `  production's history: version 1 recorded as an earlier release (${id}), as the workflows do`,
  );
  const { production } = await stage.printAliases();
  return { stage, first: production };
}

async function finish(stage: Stage, started: number): Promise<number> {
  heading(`History: DynamoDB table ${TABLE}, oldest first`);
  for (const line of historyTable(await stage.bed.records())) console.log(`  ${line}`);
  await stage.printAliases();
  const { failures, total } = stage.checks;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (failures.length === 0) {
    console.log(`\nAll ${total} expectations held. Total time ${secs}s.`);
    return 0;
  }
  console.log(`\n${failures.length} of ${total} expectations failed (total time ${secs}s):`);
  for (const f of failures) console.log(`  ✗ ${f}`);
  return 1;
}

async function main(): Promise<number> {
  const started = Date.now();
  if (!(await pythonHasMoto())) {
    console.error('The local AWS emulator (moto) is missing for python3. Install it with:');
    console.error("  pip install 'moto[server]'");
    return 1;
  }
  // The harness and the test bed make their temp dirs under tmpdir(): pointing it into ours removes them.
  held.temp = mkdtempSync(join(tmpdir(), 'deploy-actions-demo-'));
  process.env.TMPDIR = held.temp;
  introduce();
  const { stage, first } = await setUp(new Checks());
  await goodRelease(stage);
  await badRelease(stage);
  await withheldApproval(stage);
  // The good release of scene 1 is live; the one before it is the release recorded at setup.
  await manualRollback(stage, first);
  await hotfixDuringCanary(stage);
  return finish(stage, started);
}

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
    console.error(`\nThe demo stopped: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return exitWith(1);
  },
);
