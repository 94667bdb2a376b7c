// What the end-to-end files share: moto behind the fault proxy, a function, and the actions run as the runner runs them.
import { afterAll, beforeAll, beforeEach, expect } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetAliasCommand, LambdaClient } from '@aws-sdk/client-lambda';
import {
  awsTestEnv,
  clientConfig,
  createLambdaFunction,
  makeZip,
  startMoto,
  type Moto,
  type StartMotoOptions,
} from '@deploy-actions/testbed/moto';
import { FaultProxy } from '@deploy-actions/testbed/proxy';
import { runAction, type RunOptions, type RunResult } from '@deploy-actions/testbed/runner';

export const FN = 'orders-api';

export interface Bed {
  moto: Moto;
  proxy: FaultProxy;
  workspace: string;
  /** Where alias live sends traffic, read from the emulator directly: "2" or "2 + 4@0.1". */
  alias(): Promise<string>;
  /** Alias live's Description (where a checkpointed rollout keeps its checkpoint), '' when it has none. */
  description(): Promise<string>;
  /** Runs one action's bundle; `writes` are the write calls that reached AWS (injected faults left out). */
  run(
    action: string,
    node: string,
    inputs: Record<string, string>,
    extra?: Partial<RunOptions>,
  ): Promise<RunResult & { writes: string[] }>;
  /** A new deployment package in the workspace; returns its path relative to the workspace. */
  zip(): string;
  /** Every "service:Operation" each action called, over the whole file. */
  callsByAction: Map<string, Set<string>>;
  options(inputs: Record<string, string>, extra?: Partial<RunOptions>): RunOptions;
}

/** Registers the jest hooks: one moto and proxy per file, a clean emulator and a fresh function per test. */
export function useBed(options: StartMotoOptions = {}): Bed {
  let lambda: LambdaClient;
  let codeCounter = 0;
  const bed = { callsByAction: new Map<string, Set<string>>() } as Bed;

  beforeAll(async () => {
    bed.moto = await startMoto(options);
    bed.proxy = await FaultProxy.start(bed.moto.url);
    bed.workspace = mkdtempSync(join(tmpdir(), 'e2e-workspace-'));
    lambda = new LambdaClient(clientConfig(bed.moto.url));
  });
  afterAll(async () => {
    lambda?.destroy();
    await bed.proxy?.stop();
    await bed.moto?.stop();
  });
  beforeEach(async () => {
    await bed.moto.reset();
    bed.proxy.clearRules();
    bed.proxy.clearCalls();
    await createLambdaFunction(bed.moto.url, { name: FN });
  });

  bed.alias = async () => {
    const a = await lambda.send(new GetAliasCommand({ FunctionName: FN, Name: 'live' }));
    const weights = Object.entries(a.RoutingConfig?.AdditionalVersionWeights ?? {});
    return weights.length
      ? `${a.FunctionVersion} + ${weights.map(([v, w]) => `${v}@${w}`).join(',')}`
      : `${a.FunctionVersion}`;
  };
  bed.description = async () =>
    (await lambda.send(new GetAliasCommand({ FunctionName: FN, Name: 'live' }))).Description ?? '';
  bed.options = (inputs, extra = {}) => ({
    inputs: { 'function-name': FN, ...inputs },
    workspace: bed.workspace,
    ...extra,
    env: { ...awsTestEnv(bed.proxy.url), ...extra.env },
  });
  bed.run = async (action, node, inputs, extra = {}) => {
    bed.proxy.clearCalls();
    const r = await runAction(action, { ...bed.options(inputs, extra), node });
    const ops = bed.callsByAction.get(action) ?? new Set<string>();
    for (const c of bed.proxy.calls) ops.add(`${c.service}:${c.op}`);
    bed.callsByAction.set(action, ops);
    return {
      ...r,
      writes: awsWrites(bed.proxy),
    };
  };
  bed.zip = () => {
    const name = `build-${++codeCounter}.zip`;
    writeFileSync(
      join(bed.workspace, name),
      makeZip({ 'index.mjs': `export const handler = async () => ({ build: ${codeCounter} });\n` }),
    );
    return name;
  };
  return bed;
}

/** The write calls that reached AWS since the proxy's calls were cleared (injected faults left out). */
export function awsWrites(proxy: FaultProxy): string[] {
  return proxy
    .writes()
    .filter((c) => !c.injected)
    .map((c) => c.op);
}

/**
 * Scheduled runs of a checkpointed rollout, each a job of its own: the run options of the next one, on the clock
 * the actions share (DEPLOY_ACTIONS_CLOCK, `scale` times real time from `epoch`) with a GITHUB_RUN_ID of its own,
 * counting up after `after`.
 */
export function scheduledJobs(
  epoch: number,
  scale: number,
  after: number,
  extra: Partial<RunOptions> = {},
): () => Partial<RunOptions> {
  let run = after;
  return () => ({
    ...extra,
    env: { ...extra.env, DEPLOY_ACTIONS_CLOCK: `${epoch}:${scale}`, GITHUB_RUN_ID: String(++run) },
  });
}

export function ok(r: RunResult) {
  expect({ code: r.code, errors: r.errors }).toEqual({ code: 0, errors: [] });
}

/**
 * The user's sequence of the foundation issue: deploy v1 (alias created), deploy v2 (alias untouched),
 * shift 10/50/100, deploy v3 stopped by its failing invoke check, a half-done split rolled back.
 */
export async function releaseSequence(bed: Bed, node: string) {
  const { run, alias, zip, proxy } = bed;
  const d1 = await run('deploy-green', node, { 'zip-file': zip() });
  ok(d1);
  expect(d1.outputs).toMatchObject({
    'green-version': '1',
    'blue-version': '',
    changed: 'true',
    'alias-created': 'true',
  });
  expect(await alias()).toBe('1');

  const d2 = await run('deploy-green', node, {
    'zip-file': zip(),
    'smoke-payload': '{"ping":true}',
    'smoke-expect': 'ping',
  });
  ok(d2);
  expect(d2.outputs).toMatchObject({
    'green-version': '2',
    'blue-version': '1',
    changed: 'true',
    'alias-created': 'false',
  });
  expect(d2.writes).toEqual(['UpdateFunctionCode', 'PublishVersion']);
  expect(await alias()).toBe('1');

  // green-version comes from deploy-green's GITHUB_OUTPUT, as `steps.green.outputs.green-version` would.
  const s2 = await run('shift-traffic', node, {
    'green-version': d2.outputs['green-version'],
    steps: '10,50,100',
    'bake-time': '0',
  });
  ok(s2);
  expect(s2.outputs).toMatchObject({
    status: 'promoted',
    weight: '100',
    'blue-version': '1',
    'green-version': '2',
  });
  expect(s2.writes).toEqual(['UpdateAlias', 'UpdateAlias', 'UpdateAlias']);
  expect(await alias()).toBe('2');
  expect(s2.stdout).toMatch(/step 1\/3: 10% to v2[\s\S]*step 2\/3: 50% to v2[\s\S]*step 3\/3: 100% to v2/);
  expect(s2.summary).toMatch(/shift-traffic: orders-api:live v1 → v2: promoted/);

  const d3 = await run('deploy-green', node, { 'zip-file': zip() });
  ok(d3);
  proxy.addRule({ op: 'Invoke', qualifier: '3', kind: 'function-error', times: 1 });
  const s3 = await run('shift-traffic', node, {
    'green-version': '3',
    steps: '10,50,100',
    'bake-time': '0',
    'invoke-payload': '{"ping":true}',
  });
  expect(s3.code).toBe(1);
  expect(s3.outputs).toMatchObject({ status: 'rolled-back', weight: '0' });
  expect(s3.errors.join('\n')).toMatch(
    /health unhealthy at step 1\/3 \(10% on v3\): invoke: v3 returned a function error \(Unhandled\).*Traffic restored: 100% on v2/,
  );
  expect(s3.writes).toEqual(['UpdateAlias', 'UpdateAlias']);
  expect(await alias()).toBe('2');

  // A plan that stops at 10% leaves a split; deploy-green refuses to stack a third version on it.
  const d4 = await run('deploy-green', node, { 'zip-file': zip() });
  ok(d4);
  const s4 = await run('shift-traffic', node, {
    'green-version': d4.outputs['green-version'],
    steps: '10',
    'bake-time': '0',
  });
  ok(s4);
  expect(s4.outputs).toMatchObject({ status: 'in-progress', weight: '10' });
  expect(await alias()).toBe('2 + 4@0.1');
  const blocked = await run('deploy-green', node, { 'zip-file': zip() });
  expect(blocked.code).toBe(1);
  expect(blocked.errors[0]).toMatch(/split between v2 and v4/);
  expect(blocked.writes).toEqual([]);

  const rb = await run('rollback', node, { reason: 'half-done split' });
  ok(rb);
  expect(rb.outputs).toEqual({ 'from-version': '4', 'to-version': '2', changed: 'true' });
  expect(rb.writes).toEqual(['UpdateAlias']);
  expect(await alias()).toBe('2');

  const rb1 = await run('rollback', node, { to: '1' });
  ok(rb1);
  expect(await alias()).toBe('1');
}
