// record-history with target cloud-run: the record's resource is project/region/service, and a bad Cloud Run
// input (or a revision name that is not one) fails the step naming it before anything is recorded: no GitHub
// request, no Google or AWS client opened. The bases are proved valid against the local GitHub first; a sample
// runs the bundle.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { runRecordHistory } from '@deploy-actions/release/run/record-history';
import { startGitHub, type GitHubServer } from '@deploy-actions/testbed/github';
import { runAction } from '@deploy-actions/testbed/runner';
import { memoryRuntime } from '@deploy-actions/testbed/runtime';
import { targets } from '../../../actions/targets';
import { cloudRunRecordCategories, CR_SERVICE, type CloudRunRecordCategory } from './cloud-run-generators';
import { OWNER, REPO, REPOSITORY, TOKEN, type Inputs } from './generators';
import { refusingClients } from './refusing-clients';

const RUNS = 6;
const BUNDLE_SAMPLE = 4;
const TARGET = { target: 'cloud-run', service: CR_SERVICE, region: 'europe-west1', project: 'demo-project' };
const HISTORY = {
  backend: 'github',
  'github-token': TOKEN,
  repository: REPOSITORY,
  environment: 'production',
};
const BASES: Record<'started' | 'report', Inputs> = {
  started: {
    ...TARGET,
    ...HISTORY,
    status: 'started',
    'green-version': `${CR_SERVICE}-abc1234-1`,
    'blue-version': `${CR_SERVICE}-00001-abc`,
  },
  report: { ...TARGET, ...HISTORY, 'report-days': '30' },
};

interface Case {
  label: string;
  names: string[];
  base: keyof typeof BASES;
  inputs: Inputs;
}

function caseArb(c: CloudRunRecordCategory): fc.Arbitrary<Case> {
  const bases = c.startedOnly ? (['started'] as const) : (['started', 'report'] as const);
  return fc.tuple(fc.constantFrom(...bases), c.bad).map(([base, bad]) => {
    const inputs = { ...BASES[base] };
    for (const name of c.drop ?? []) delete inputs[name];
    return { label: c.label, names: c.names, base, inputs: { ...inputs, ...bad } };
  });
}

let gh: GitHubServer;
const githubEnv = () => ({
  GITHUB_API_URL: gh.url,
  GITHUB_REPOSITORY: REPOSITORY,
  GITHUB_SHA: 'abc1234def5678901234567890abcdef12345678',
  GITHUB_RUN_ID: '4343',
  GITHUB_JOB: 'release',
});

function expectRefused(c: Case, message: string | undefined, reached: { github: number; opened: string[] }) {
  const named = new RegExp(`^Input "(${c.names.join('|')})" (is empty|has value ")`);
  const m = message ?? '';
  expect({
    case: c,
    named: named.test(m),
    recorded: m.endsWith('. Nothing was recorded.'),
    ...reached,
  }).toEqual({
    case: c,
    named: true,
    recorded: true,
    github: 0,
    opened: [],
  });
}

beforeAll(async () => {
  gh = await startGitHub({ owner: OWNER, repo: REPO, token: TOKEN });
});
afterAll(async () => {
  await gh?.stop();
});

const tally = { inProcess: 0, bundle: 0 };

describe('record-history with target cloud-run: bad input', () => {
  it('the started base records project/region/service; the report base reads it back', async () => {
    const rt = memoryRuntime(BASES.started);
    Object.assign(rt.env, githubEnv());
    await runRecordHistory(rt, targets);
    expect(rt.failed).toBeUndefined();
    expect(rt.outputs['deployment-id']).toBeTruthy();
    const [deployment] = gh.deployments();
    expect(JSON.stringify(deployment)).toContain(`demo-project/europe-west1/${CR_SERVICE}`);

    const report = memoryRuntime(BASES.report);
    Object.assign(report.env, githubEnv());
    await runRecordHistory(report, targets);
    expect(report.failed).toBeUndefined();
    expect(report.outputs.stats).toBeTruthy();
    expect(gh.violations).toEqual([]);
  });

  it.each(cloudRunRecordCategories.map((c) => [c.label, c] as const))(
    'in-process: %s',
    async (_label, category) => {
      await fc.assert(
        fc.asyncProperty(caseArb(category), async (c) => {
          const { deps, opened, github } = refusingClients();
          const google: string[] = [];
          deps.clients = {
            ...deps.clients,
            google: async () => {
              google.push('google');
              return {};
            },
          };
          const rt = memoryRuntime(c.inputs);
          Object.assign(rt.env, githubEnv());
          const from = gh.calls.length;
          await runRecordHistory(rt, targets, deps);
          expectRefused(c, rt.failed, {
            github: github.length + gh.calls.length - from,
            opened: [...opened, ...google],
          });
          tally.inProcess++;
        }),
        { numRuns: RUNS },
      );
    },
  );

  const sample = fc.sample(fc.constantFrom(...cloudRunRecordCategories).chain(caseArb), {
    numRuns: BUNDLE_SAMPLE,
    seed: 13,
  });
  it.each(sample.map((c) => [c.label, c] as const))('through the bundle: %s', async (_label, c) => {
    const from = gh.calls.length;
    const r = await runAction('record-history', { inputs: c.inputs, env: githubEnv(), githubToken: TOKEN });
    expect(r.code).toBe(1);
    expect(r.commands.map((x) => x.command).filter((x) => x !== 'add-mask')).toEqual(['error']);
    expectRefused(c, r.errors[0], { github: gh.calls.length - from, opened: [] });
    tally.bundle++;
  });

  it('over the whole run: every case refused, none reached GitHub', () => {
    expect(tally.inProcess).toBe(RUNS * cloudRunRecordCategories.length);
    expect(tally.bundle).toBe(BUNDLE_SAMPLE);
  });
});
