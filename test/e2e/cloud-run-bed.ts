// A Cloud Run stand-in per test, on a clock 60 times real speed shared with the bundles, and the actions run
// as the runner runs them with target cloud-run pointed at it (api-endpoint and monitoring-endpoint on loopback).
import { afterEach, beforeEach } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaledClock, type Clock } from '@deploy-actions/core';
import {
  startCloudRun,
  type CloudRunStandIn,
  type SeedServiceOptions,
} from '@deploy-actions/testbed/cloud-run';
import { runAction, type RunOptions, type RunResult } from '@deploy-actions/testbed/runner';

export const SERVICE = 'orders';
export const BLUE_IMAGE = 'europe-docker.pkg.dev/demo-project/app/orders:1';
export const GREEN_IMAGE = 'europe-docker.pkg.dev/demo-project/app/orders:2';
export const SHA = 'abc1234def5678901234567890abcdef12345678';
/** The revision deploy-green names by default: the service, the short commit, the run attempt. */
export const GREEN = `${SERVICE}-abc1234-1`;
const SPEED = 60;

export interface CloudRunBed {
  run: CloudRunStandIn;
  clock: Clock;
  workspace: string;
  /** A service with one Ready revision, traffic following the latest revision unless told; returns blue's name. */
  seed(opts?: Partial<SeedServiceOptions>): string;
  /** The inputs every step takes. */
  target(): Record<string, string>;
  options(inputs: Record<string, string>, extra?: Partial<RunOptions>): RunOptions;
  /** Runs one action's bundle; `writes` are "METHOD path" of the Admin API writes that were served. */
  step(
    action: string,
    inputs: Record<string, string>,
    extra?: Partial<RunOptions>,
  ): Promise<RunResult & { writes: string[] }>;
  /** What the service serves: "rev 100" or "blue 90 / green 10". */
  split(): string;
}

export function useCloudRunBed(opts: { readableAfterMs?: number } = {}): CloudRunBed {
  const bed = { workspace: mkdtempSync(join(tmpdir(), 'cloud-run-workspace-')) } as CloudRunBed;
  let epoch = Date.now();
  beforeEach(async () => {
    epoch = Date.now();
    bed.clock = scaledClock(epoch, SPEED);
    bed.run = await startCloudRun({
      clock: bed.clock,
      operationDelayMs: 10_000,
      readableAfterMs: opts.readableAfterMs ?? 60_000,
    });
  });
  afterEach(async () => {
    await bed.run?.stop();
  });
  bed.seed = (o = {}) => {
    bed.run.seedService(SERVICE, { image: BLUE_IMAGE, ...o });
    return bed.run.revisions(SERVICE)[0]!;
  };
  bed.target = () => ({
    target: 'cloud-run',
    service: SERVICE,
    region: bed.run.region,
    project: bed.run.project,
    'api-endpoint': bed.run.url,
    'monitoring-endpoint': bed.run.url,
    'access-token': bed.run.token,
  });
  bed.options = (inputs, extra = {}) => ({
    inputs: { ...bed.target(), ...inputs },
    workspace: bed.workspace,
    ...extra,
    env: {
      DEPLOY_ACTIONS_CLOCK: `${epoch}:${SPEED}`,
      GITHUB_SHA: SHA,
      GITHUB_RUN_ID: '9001',
      GITHUB_RUN_ATTEMPT: '1',
      ...extra.env,
    },
  });
  bed.step = async (action, inputs, extra = {}) => {
    bed.run.clearCalls();
    const r = await runAction(action, bed.options(inputs, extra));
    const writes = bed.run
      .writes()
      .filter((c) => !c.injected && c.status < 300)
      .map((c) => `${c.method} ${c.path.replace(/^.*\/services\//, '')}`);
    return { ...r, writes };
  };
  bed.split = () =>
    bed.run
      .servingSplit(SERVICE)
      .map(([r, p]) => `${r} ${p}`)
      .join(' / ');
  return bed;
}

/** Fails with the step's log when it did not succeed. */
export function ok(r: RunResult): void {
  if (r.code !== 0)
    throw new Error(`step failed (${r.code}): ${r.errors.join('; ')}\n${r.stdout}\n${r.stderr}`);
}
