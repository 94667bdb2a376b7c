// Bad input with target cloud-run never reaches Google: generated bad values of the Cloud Run inputs fail the step
// naming the input, with zero calls. In-process, the runners get a Google client that records and refuses
// every call (a bad input must not even open it); a sample runs the bundles with the endpoints pointed at the
// stand-in, which must see no request. The valid bases are proved valid against the stand-in first: each gets
// past every check to a write (or, for health-gate, a verdict).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { runDeployGreen } from '@deploy-actions/release/run/deploy-green';
import { runHealthGate } from '@deploy-actions/release/run/health-gate';
import { runRollback } from '@deploy-actions/release/run/rollback';
import { runShiftTrafficStep } from '@deploy-actions/release/run/shift-traffic';
import type { Deps } from '@deploy-actions/release/run/common';
import { fakeClock } from '@deploy-actions/testbed/clock';
import { startCloudRun, type CloudRunStandIn } from '@deploy-actions/testbed/cloud-run';
import { runAction } from '@deploy-actions/testbed/runner';
import { memoryRuntime } from '@deploy-actions/testbed/runtime';
import { targets } from '../../../actions/targets';
import { cloudRunCategories, CR_SERVICE, type CloudRunCategory } from './cloud-run-generators';
import type { Inputs } from './generators';

type Action = CloudRunCategory['actions'][number];
const RUNS = 6;
const BUNDLE_SAMPLE = 6;
const IMAGE = 'europe-docker.pkg.dev/demo-project/app/orders:2';
const RUNNERS: Record<Action, (rt: ReturnType<typeof memoryRuntime>, deps: Deps) => Promise<void>> = {
  'deploy-green': (rt, d) => runDeployGreen(rt, targets, d),
  'shift-traffic': (rt, d) => runShiftTrafficStep(rt, targets, d),
  rollback: (rt, d) => runRollback(rt, targets, d),
  'health-gate': (rt, d) => runHealthGate(rt, targets, d),
};

let run: CloudRunStandIn;
let blue: string;
const GREEN = `${CR_SERVICE}-good-1`;
const ENV = { GITHUB_SHA: 'abc1234def5678901234567890abcdef12345678', GITHUB_RUN_ATTEMPT: '1' };

/** Valid inputs per action, pointed at the stand-in; each reaches a write or a verdict there. */
function base(action: Action): Inputs {
  const target = {
    target: 'cloud-run',
    service: CR_SERVICE,
    region: run.region,
    project: run.project,
    'api-endpoint': run.url,
    'monitoring-endpoint': run.url,
    'access-token': run.token,
  };
  switch (action) {
    case 'deploy-green':
      return { ...target, image: IMAGE, 'revision-suffix': 'next-1', tag: 'green', 'wait-timeout': '5m' };
    case 'shift-traffic':
      return { ...target, 'green-version': GREEN, steps: '50,100', 'bake-time': '0', 'max-error-rate': '5' };
    case 'rollback':
      return { ...target, to: `revision:${GREEN}`, 'remove-green': 'false' };
    case 'health-gate':
      return { ...target, version: GREEN, 'max-error-rate': '5', 'min-invocations': '1', duration: '0' };
  }
}

interface Case {
  action: Action;
  label: string;
  names: string[];
  bad: Inputs;
}

const cases = (c: CloudRunCategory, action: Action) =>
  c.bad.map((bad): Case => ({ action, label: c.label, names: c.names, bad }));
/** The base of the case's action (known once the stand-in runs) with the bad value over it. */
const inputsOf = (c: Case): Inputs => ({ ...base(c.action), ...c.bad });

function refusingGoogle(): { deps: Deps; opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    deps: {
      clock: fakeClock(),
      clients: {
        google: async () => {
          opened.push('google');
          return { call: async () => Promise.reject(new Error('a Google API was called')) };
        },
      },
    },
  };
}

function expectRefused(c: Case, message: string | undefined, calls: number): void {
  const named = new RegExp(`^Input "(${c.names.join('|')})" (is empty|has value ")`);
  expect({
    case: c,
    named: named.test(message ?? ''),
    // Names what was left alone: the service, not AWS.
    endsNothingDone: (message ?? '').endsWith('. Nothing was changed in Cloud Run.'),
    oneLine: !/[\r\n]/.test(message ?? ''),
    calls,
  }).toEqual({
    case: c,
    named: true,
    endsNothingDone: true,
    oneLine: true,
    calls: 0,
  });
}

beforeAll(async () => {
  run = await startCloudRun({ operationDelayMs: 0, readableAfterMs: 0 });
  run.seedService(CR_SERVICE, {
    image: 'europe-docker.pkg.dev/demo-project/app/orders:1',
    trafficFollowsLatest: false,
  });
  blue = run.revisions(CR_SERVICE)[0]!;
  // A second Ready revision, at 0%: what shift-traffic, rollback and health-gate name.
  run.changeService(CR_SERVICE, (s) => {
    s.template = { ...s.template, revision: GREEN, containers: [{ image: IMAGE }] };
    s.traffic = [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', revision: blue, percent: 100 }];
  });
});
afterAll(async () => {
  await run?.stop();
});

const tally = { inProcess: 0, bundle: 0 };

describe('Cloud Run bad input', () => {
  it.each(['deploy-green', 'shift-traffic', 'rollback', 'health-gate'] as Action[])(
    'the %s base gets past every check to a write or a verdict',
    async (action) => {
      const rt = memoryRuntime(base(action));
      Object.assign(rt.env, ENV);
      run.clearCalls();
      await RUNNERS[action](rt, { clock: fakeClock() });
      expect(rt.failed ?? '').not.toMatch(/^Input "/);
      if (action === 'health-gate')
        expect(['healthy', 'unhealthy', 'inconclusive']).toContain(rt.outputs.verdict);
      else expect(run.writes().length).toBeGreaterThan(0);
      // Put the service back as it was for the next base.
      run.changeService(CR_SERVICE, (s) => {
        s.traffic = [{ type: 'TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION', revision: blue, percent: 100 }];
      });
    },
  );

  describe.each(cloudRunCategories)('$label', (category) => {
    it.each(category.actions)(
      '%s, in-process: refused before any Google client is opened',
      async (action) => {
        await fc.assert(
          fc.asyncProperty(cases(category, action), async (c) => {
            const { deps, opened } = refusingGoogle();
            const rt = memoryRuntime(inputsOf(c));
            Object.assign(rt.env, ENV);
            run.clearCalls();
            await RUNNERS[c.action](rt, deps);
            expectRefused(c, rt.failed, opened.length + run.calls.length);
            tally.inProcess++;
          }),
          { numRuns: RUNS },
        );
      },
    );
  });

  const sample = fc.sample(
    fc.constantFrom(...cloudRunCategories).chain((c) => cases(c, c.actions[0]!)),
    { numRuns: BUNDLE_SAMPLE, seed: 13 },
  );
  it.each(sample.map((c) => [c.label, c] as const))('through the bundle: %s', async (_label, c) => {
    run.clearCalls();
    const r = await runAction(c.action, { inputs: inputsOf(c), env: ENV });
    expect(r.code).toBe(1);
    expect(r.commands.map((x) => x.command).filter((x) => x !== 'add-mask')).toEqual(['error']);
    expectRefused(c, r.errors[0], run.calls.length);
    tally.bundle++;
  });

  it('over the whole run: at least 100 cases, none reached Google', () => {
    expect(tally.inProcess).toBeGreaterThanOrEqual(100);
    expect(tally.bundle).toBe(BUNDLE_SAMPLE);
    console.log(
      `bad input, cloud-run: ${tally.inProcess} in-process cases, ${tally.bundle} bundle runs; 0 calls reached the API`,
    );
  });
});
