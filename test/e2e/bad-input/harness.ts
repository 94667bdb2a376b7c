// Bad input never reaches AWS or GitHub: generated bad values for the inputs of all five actions fail the
// step with a message naming the input, and no call reaches AWS nor the GitHub API, in-process and through the
// committed bundles. record-history and rollback's history inputs (backend, table, deployment ids, GitHub
// repository and token...) are checked before either backend is opened. Unknown alarm names are the one bad
// input found by reading: they fail the same way after DescribeAlarms, before any write.
//
// In-process, the runners get clients that record and refuse every call (./refusing-clients): each case must
// fail without opening one. The AWS and GitHub endpoints of the environment still lead to the fault proxy and
// the local GitHub, so that a client made some other way would be seen there too. The valid base input sets
// are proved valid against moto and the local GitHub (each gets past every check to a write or a verdict),
// and a sample of cases per action runs the real bundles against them, as the GitHub runner runs them.
//
// One file per action runs `badInputSuite` with that action's bases and categories; ecs.test.ts runs it once per
// action again with the ECS target's bases, over a fixture (./ecs-fixture) that adds an ECS stack to the emulator.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import { CreateTableCommand, DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import {
  CreateAliasCommand,
  GetAliasCommand,
  LambdaClient,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import { createTableInput, timeToLiveInput } from '@deploy-actions/history/dynamodb';
import type { HistoryDeps } from '@deploy-actions/history/history';
import type { Deps } from '@deploy-actions/release/run/common';
import { runDeployGreen } from '@deploy-actions/release/run/deploy-green';
import { runHealthGate } from '@deploy-actions/release/run/health-gate';
import { runRecordHistory } from '@deploy-actions/release/run/record-history';
import { runRollback } from '@deploy-actions/release/run/rollback';
import { runShiftTrafficStep } from '@deploy-actions/release/run/shift-traffic';
import { startGitHub, type GitHubServer } from '@deploy-actions/testbed/github';
import {
  awsTestEnv,
  clientConfig,
  createLambdaFunction,
  freePort,
  makeZip,
  setProcessEnv,
  startMoto,
  type Moto,
} from '@deploy-actions/testbed/moto';
import { nodeBinaries } from '@deploy-actions/testbed/node24';
import { FaultProxy, isWrite } from '@deploy-actions/testbed/proxy';
import { runAction } from '@deploy-actions/testbed/runner';
import { memoryRuntime } from '@deploy-actions/testbed/runtime';
import { targets } from '../../../actions/targets';
import { ALARM, FINISHES, FN, one, OWNER, REPO, REPOSITORY, TABLE, TOKEN, unknownAlarms } from './generators';
import type { Inputs } from './generators';
import { refusingClients, type AwsCall, type RefusingClients } from './refusing-clients';

export type Action = 'deploy-green' | 'shift-traffic' | 'rollback' | 'health-gate' | 'record-history';

export interface Base {
  label: string;
  inputs: Inputs;
}

export interface Category {
  action: Action;
  label: string;
  /** Inputs the error may name: the one broken, or either of two given together. */
  names: string[];
  bad: fc.Arbitrary<Inputs>;
  /** The bases the bad value applies to; default all. */
  bases?: (b: Inputs) => boolean;
  /** Base inputs removed first, so that only the bad value is wrong (another code source, strategy beside steps). */
  drop?: string[];
  /** Generated cases in-process; default RUNS. */
  runs?: number;
}

interface Case {
  action: Action;
  label: string;
  names: string[];
  base: string;
  inputs: Inputs;
}

/** Generated cases per category, in-process. */
const RUNS = 5;
const SAMPLE_PER_ACTION = 4;
const UNKNOWN_ALARMS_PER_ACTION = 2;
const SHA = '0123456789abcdef0123456789abcdef01234567';
// A loopback port nothing listens on (bound once, then released): a probe to it is refused at once.
export const CLOSED_URL = `http://127.0.0.1:${await freePort()}/health`;

function basesFor(bases: Base[], c: Category): Base[] {
  return bases.filter((b) => (c.bases ?? (() => true))(b.inputs));
}

/** One case: a valid base for the action with one input (or one pair) made bad. */
function caseArb(bases: Base[], c: Category, forBundle = false): fc.Arbitrary<Case> {
  const arb = fc.tuple(fc.constantFrom(...basesFor(bases, c)), c.bad).map(([base, bad]): Case => {
    const inputs = { ...base.inputs };
    for (const name of c.drop ?? []) delete inputs[name];
    return {
      action: c.action,
      label: c.label,
      names: c.names,
      base: base.label,
      inputs: { ...inputs, ...bad },
    };
  });
  // Environment variables hold no NUL and at most 128 KiB each (Linux MAX_ARG_STRLEN).
  return forBundle
    ? arb.filter((k) => Object.values(k.inputs).every((v) => !v.includes('\u0000') && v.length < 64 * 1024))
    : arb;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const clip = (v: string) => (v.length > 120 ? `${v.slice(0, 100)}... (${v.length} chars)` : v);
const shown = (c: Case) => ({
  ...c,
  inputs: Object.fromEntries(Object.entries(c.inputs).map(([k, v]) => [k, clip(v)])),
});
const ops = (calls: AwsCall[]) => calls.map((c) => c.op);
/** DynamoDB operations that write (the history's). */
const DYNAMODB_WRITE = /^(PutItem|UpdateItem|DeleteItem|TransactWriteItems|BatchWriteItem)$/;

/** How each action ends the message of an input error. */
const NOTHING_DONE: Record<Action, string> = {
  'deploy-green': 'Nothing was changed in AWS.',
  'shift-traffic': 'Nothing was changed in AWS.',
  rollback: 'Nothing was changed in AWS.',
  'health-gate': 'Nothing was changed in AWS.',
  'record-history': 'Nothing was recorded.',
};

/** What a run sent: AWS calls, GitHub requests ("METHOD /path") and, in-process, the clients it opened. */
interface Sent {
  calls: AwsCall[];
  github: string[];
  opened: string[];
}

/**
 * What the failed step must say; compared as one object so that a failure shows the case and message. No call
 * of any kind may reach AWS and no client may be opened, unless `reads` allows it (unknown alarms are found out
 * by DescribeAlarms), and no request may reach the GitHub API.
 */
function expectRefused(c: Case, message: string | undefined, sent: Sent, reads?: 'reads allowed') {
  const m = message ?? '';
  const nameRe = new RegExp(`^Input "(${c.names.map(escapeRe).join('|')})" (is empty|has value ")`);
  const actual = ops(sent.calls);
  expect({
    case: shown(c),
    message: clip(m),
    failed: message !== undefined,
    namesInput: nameRe.test(m),
    endsNothingDone: m.endsWith(NOTHING_DONE[c.action]),
    oneLine: !/[\r\n]/.test(m),
    writes: ops(sent.calls.filter((x) => isWrite(x.op))),
    calls: reads ? actual.filter((op) => isWrite(op)) : actual,
    github: sent.github,
    opened: reads ? [] : sent.opened,
  }).toEqual({
    case: shown(c),
    message: clip(m),
    failed: true,
    namesInput: true,
    endsNothingDone: true,
    oneLine: true,
    writes: [],
    calls: [],
    github: [],
    opened: [],
  });
}

/** The workflow commands a step printed, less `add-mask` (a secret input masked before anything prints it). */
const messages = (commands: { command: string }[]) =>
  commands.map((x) => x.command).filter((c) => c !== 'add-mask');

type Run = (rt: ReturnType<typeof memoryRuntime>, deps: Deps & HistoryDeps) => Promise<void>;
const RUN: Record<Action, Run> = {
  'deploy-green': (rt, deps) => runDeployGreen(rt, targets, deps),
  'shift-traffic': (rt, deps) => runShiftTrafficStep(rt, targets, deps),
  rollback: (rt, deps) => runRollback(rt, targets, deps),
  'health-gate': (rt, deps) => runHealthGate(rt, targets, deps),
  'record-history': (rt, deps) => runRecordHistory(rt, targets, deps),
};

/**
 * What a suite's bases need in the emulator beyond the function, alarm and table every suite has. Bases name
 * what only exists once it is made (an ARN with a random id) by placeholders that `resolve` replaces.
 */
export interface Fixture {
  /** Made once, after the function: the AWS calls of the runs go through `proxy`, in front of `motoUrl`. */
  setup(ctx: { motoUrl: string; proxy: FaultProxy; workspace: string }): Promise<void>;
  /** The inputs with every placeholder replaced by what setup made. */
  resolve(inputs: Inputs): Inputs;
  /** What no bad input may change, read from moto directly. */
  state(): Promise<unknown>;
}

export interface Suite {
  action: Action;
  /** More in the emulator than the function, alarm and table; its state must not change either. */
  fixture?: Fixture;
  /** Valid input sets that get past every check and would write; health-gate's get as far as a verdict. */
  bases: Base[];
  categories: Category[];
  /** Also run alarm names that name nothing (shift-traffic and health-gate read alarms). */
  unknownAlarms?: boolean;
}

interface Tally {
  writes: number;
  calls: number;
  /** Requests to the GitHub API. */
  github: number;
  /** Clients opened (in-process). */
  opened: number;
}

/** Registers one action's whole bad-input test: its bases, its categories in-process, a bundle sample. */
export function badInputSuite({
  action,
  bases,
  categories,
  unknownAlarms: withAlarms,
  fixture,
}: Suite): void {
  const resolve = (inputs: Inputs) => (fixture ? fixture.resolve(inputs) : inputs);
  const unknownAlarmCategory: Category = {
    action,
    label: 'alarms unknown',
    names: ['alarms'],
    bad: one('alarms', unknownAlarms),
  };
  // A sample drawn once per file run, so that each bundle case has a test title; the seed reproduces it.
  const SEED = Date.now() % 2 ** 31;
  const eligible = categories.filter((c) => basesFor(bases, c).length > 0);
  const [picked] = fc.sample(
    fc.shuffledSubarray(eligible, { minLength: SAMPLE_PER_ACTION, maxLength: SAMPLE_PER_ACTION }),
    { numRuns: 1, seed: SEED },
  );
  const bundleCases = picked!.map(
    (c, i) => fc.sample(caseArb(bases, c, true), { numRuns: 1, seed: SEED + i + 1 })[0]!,
  );
  const alarmBundleCases = withAlarms
    ? fc
        .sample(caseArb(bases, unknownAlarmCategory, true), {
          numRuns: UNKNOWN_ALARMS_PER_ACTION,
          seed: SEED + 1000,
        })
        .map((c) => ({ ...c, alarms: JSON.stringify(c.inputs.alarms) }))
    : [];

  let moto: Moto;
  let proxy: FaultProxy;
  let gh: GitHubServer;
  let admin: LambdaClient;
  let workspace: string;
  let before: Awaited<ReturnType<typeof awsState>>;
  let fixtureBefore: unknown;
  let restoreEnv = () => {};
  const inProcess: ({ action: Action; label: string } & Tally)[] = [];
  const onRunner: ({ action: Action; label: string } & Tally)[] = [];
  const alarmRuns: { where: 'in-process' | 'bundle'; writes: number; reads: number; github: number }[] = [];

  /** The variables of the job the history actions read; the GitHub API is the local one. */
  const githubEnv = (): Record<string, string> => ({
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_SHA: SHA,
    GITHUB_RUN_ID: '4242',
    GITHUB_JOB: 'deploy',
    GITHUB_SERVER_URL: 'https://github.com',
  });

  /** Where alias live points and every version of the function, read from the emulator directly. */
  async function awsState() {
    const a = await admin.send(new GetAliasCommand({ FunctionName: FN, Name: 'live' }));
    const v = await admin.send(new ListVersionsByFunctionCommand({ FunctionName: FN }));
    return {
      alias: {
        version: a.FunctionVersion,
        weights: a.RoutingConfig?.AdditionalVersionWeights ?? {},
        revisionId: a.RevisionId,
      },
      versions: (v.Versions ?? []).map((x) => ({
        version: x.Version,
        sha: x.CodeSha256,
        revisionId: x.RevisionId,
        lastModified: x.LastModified,
      })),
    };
  }

  beforeAll(async () => {
    moto = await startMoto();
    proxy = await FaultProxy.start(moto.url);
    gh = await startGitHub({ owner: OWNER, repo: REPO, token: TOKEN });
    admin = new LambdaClient(clientConfig(moto.url));
    // v1 and v2 published, the alias on v1: a bad input that slipped through would have something to write.
    await createLambdaFunction(moto.url, { name: FN, publish: true });
    await admin.send(
      new UpdateFunctionCodeCommand({
        FunctionName: FN,
        ZipFile: makeZip({ 'index.mjs': 'export const handler = async () => ({ v: 2 });\n' }),
      }),
    );
    await admin.send(new PublishVersionCommand({ FunctionName: FN }));
    await admin.send(new CreateAliasCommand({ FunctionName: FN, Name: 'live', FunctionVersion: '1' }));
    // The one alarm the valid input sets name, so that only a bad value makes alarms wrong.
    const cloudwatch = new CloudWatchClient(clientConfig(moto.url));
    await cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: ALARM,
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: FN }],
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      }),
    );
    cloudwatch.destroy();
    // The history table the valid input sets record in: a bad input that slipped through could write there too.
    const dynamodb = new DynamoDBClient(clientConfig(moto.url));
    await dynamodb.send(new CreateTableCommand(createTableInput(TABLE)));
    await dynamodb.send(new UpdateTimeToLiveCommand(timeToLiveInput(TABLE)));
    dynamodb.destroy();
    before = await awsState();

    workspace = mkdtempSync(join(tmpdir(), 'bad-input-'));
    writeFileSync(
      join(workspace, 'build.zip'),
      makeZip({ 'index.mjs': 'export const handler = async () => ({ v: 3 });\n' }),
    );
    writeFileSync(join(workspace, 'notes.txt'), 'not a zip\n');
    writeFileSync(join(workspace, 'empty.zip'), '');
    writeFileSync(join(workspace, 'fake.zip'), 'PK but not an archive');
    // Sparse: the size check refuses it without reading 51 MB.
    writeFileSync(join(workspace, 'huge.zip'), '');
    truncateSync(join(workspace, 'huge.zip'), 51 * 1024 * 1024);
    mkdirSync(join(workspace, 'builds'));
    if (fixture) {
      await fixture.setup({ motoUrl: moto.url, proxy, workspace });
      fixtureBefore = await fixture.state();
    }

    // The bases build the real SDK clients from the environment, as the bundles do; in a bad-input case such
    // a client would be a leak, and the proxy would see its calls.
    restoreEnv = setProcessEnv(awsTestEnv(proxy.url));
  });

  afterAll(async () => {
    restoreEnv();
    admin?.destroy();
    await gh?.stop();
    await proxy?.stop();
    await moto?.stop();
    if (workspace) rmSync(workspace, { recursive: true, force: true });
  });

  /** In-process; `deps` empty makes the real clients (the bases), else the refusing ones. */
  async function runInProcess(c: Case, deps: Deps & HistoryDeps) {
    const rt = memoryRuntime(resolve(c.inputs));
    rt.env.GITHUB_WORKSPACE = workspace;
    Object.assign(rt.env, githubEnv());
    await RUN[c.action](rt, deps);
    return rt;
  }

  /** A bundle run as a job would make it: AWS through the proxy, GitHub on the local server. */
  const runBundle = (c: Case, node: string) =>
    runAction(c.action, {
      inputs: resolve(c.inputs),
      env: { ...awsTestEnv(proxy.url), ...githubEnv() },
      githubToken: TOKEN,
      node,
      workspace,
    });

  /** Runs `body` and returns what reached the proxy and the local GitHub, plus what `clients` were asked. */
  async function traced<T>(body: () => Promise<T>, clients?: RefusingClients) {
    proxy.clearCalls();
    const from = gh.calls.length;
    const result = await body();
    const github = gh.calls.slice(from);
    const sent: Sent = {
      calls: [...(clients?.calls ?? []), ...proxy.calls],
      github: [...(clients?.github ?? []), ...github.map((x) => `${x.method} ${x.path}`)],
      opened: clients?.opened ?? [],
    };
    return { result, sent, calls: [...proxy.calls], github };
  }

  const tally = (s: Sent): Tally => ({
    writes: s.calls.filter((x) => isWrite(x.op)).length,
    calls: s.calls.length,
    github: s.github.length,
    opened: s.opened.length,
  });

  const runBase = (label: string, inputs: Inputs) =>
    runInProcess({ action, label, names: [], base: label, inputs }, {});

  describe(`${action}: the valid base input sets`, () => {
    if (action === 'health-gate') {
      // health-gate never writes: a verdict (healthy, or failed closed on moto's empty metrics and the closed
      // port) is the proof that every input passed.
      it.each(bases)('$label passes every check and reaches a verdict', async (b) => {
        proxy.clearCalls();
        const rt = await runBase(b.label, b.inputs);
        expect({
          verdict: ['healthy', 'unhealthy', 'inconclusive'].includes(rt.outputs.verdict ?? ''),
          inputError: /^Input "/.test(rt.failed ?? ''),
          writes: ops(proxy.writes()),
        }).toEqual({ verdict: true, inputError: false, writes: [] });
        proxy.clearCalls();
      });
    } else if (action === 'record-history') {
      // record-history writes for real, in the table and the local GitHub: every backend a status set names
      // records (a finish ends the deployment recorded just before it); a report set reads and reports.
      it.each(bases)('$label passes every check and records (or reports)', async (b) => {
        const status = b.inputs.status ?? '';
        if (FINISHES.includes(status)) {
          const history = Object.fromEntries(
            ['backend', 'dynamodb-table', 'github-token', 'repository', 'environment', 'deployment-id']
              .filter((k) => k in b.inputs)
              .map((k) => [k, b.inputs[k]!]),
          );
          const start = await runBase(`${b.label}: started`, {
            ...history,
            status: 'started',
            'function-name': FN,
            'green-version': '2',
            'blue-version': '1',
          });
          expect(start.failed).toBeUndefined();
        }
        const { result: rt, calls, github, sent } = await traced(() => runBase(b.label, b.inputs));
        const backends = (b.inputs.backend || 'github').toLowerCase();
        expect({
          failed: rt.failed,
          warnings: rt.log.filter((l) => l.startsWith('warning:')),
          deploymentId: rt.outputs['deployment-id'] !== undefined,
          dynamodbWrites: calls.some((c) => DYNAMODB_WRITE.test(c.op) && c.status < 300),
          githubWrites: github.some((c) => c.method === 'POST' && c.status < 300),
          read: sent.calls.length + sent.github.length > 0,
          stats: rt.outputs.stats !== undefined,
        }).toEqual({
          failed: undefined,
          warnings: [],
          deploymentId: status !== '',
          dynamodbWrites: status !== '' && backends.includes('dynamodb'),
          githubWrites: status !== '' && backends.includes('github'),
          read: true,
          stats: 'report-days' in b.inputs,
        });
      });
    } else {
      it.each(bases)('$label passes every check and reaches a write', async (b) => {
        // Every write is refused with 412 before it reaches moto: the attempt is what counts, and nothing changes.
        proxy.addRule({ op: /^(?!Get|List|Describe|Head|Invoke|FilterLogEvents)/, kind: '412' });
        proxy.clearCalls();
        try {
          const rt = await runBase(b.label, b.inputs);
          expect(rt.failed).toBeDefined();
          expect(rt.failed).not.toMatch(/^Input "/);
          expect(proxy.writes().length).toBeGreaterThan(0);
          expect(proxy.writes().every((c) => c.injected === '412')).toBe(true);
        } finally {
          proxy.clearRules();
          proxy.clearCalls();
        }
      });
    }
  });

  describe(`${action}, in-process with clients that refuse every call`, () => {
    it.each(categories)('$label', async (category) => {
      await fc.assert(
        fc.asyncProperty(caseArb(bases, category), async (c) => {
          const clients = refusingClients();
          const { result: rt, sent } = await traced(() => runInProcess(c, clients.deps), clients);
          inProcess.push({ action: c.action, label: category.label, ...tally(sent) });
          expectRefused(c, rt.failed, sent);
        }),
        { numRuns: category.runs ?? RUNS },
      );
    });
  });

  describe.each(nodeBinaries())(
    `${action}: a sample through the bundles on $name (seed ${SEED})`,
    ({ path }) => {
      it.each(bundleCases)('$label (base $base)', async (c) => {
        const { result: r, sent } = await traced(() => runBundle(c, path));
        onRunner.push({ action: c.action, label: c.label, ...tally(sent) });
        expect({ code: r.code, commands: messages(r.commands), outputs: r.outputs }).toEqual({
          code: 1,
          commands: ['error'],
          outputs: {},
        });
        expectRefused(c, r.errors[0], sent);
      });
    },
  );

  if (withAlarms) {
    describe(`${action}: unknown alarms, bad input found by a read, refused before any write`, () => {
      const record = (where: 'in-process' | 'bundle', sent: Sent) => {
        alarmRuns.push({
          where,
          writes: sent.calls.filter((x) => isWrite(x.op)).length,
          reads: sent.calls.filter((x) => !isWrite(x.op)).length,
          github: sent.github.length,
        });
        // The refusal comes from reading the alarms, not from some earlier check.
        expect(ops(sent.calls)).toContain('DescribeAlarms');
      };

      // CloudWatch here answers DescribeAlarms from the one alarm that exists, and refuses anything else.
      it('in-process', async () => {
        await fc.assert(
          fc.asyncProperty(caseArb(bases, unknownAlarmCategory), async (c) => {
            const clients = refusingClients({ alarms: [ALARM] });
            const { result: rt, sent } = await traced(() => runInProcess(c, clients.deps), clients);
            expectRefused(c, rt.failed, sent, 'reads allowed');
            record('in-process', sent);
          }),
          { numRuns: RUNS },
        );
      });

      describe.each(nodeBinaries())(`through the bundles on $name (seed ${SEED})`, ({ path }) => {
        it.each(alarmBundleCases)('alarms $alarms (base $base)', async (c) => {
          const { result: r, sent } = await traced(() => runBundle(c, path));
          expect({ code: r.code, commands: messages(r.commands), outputs: r.outputs }).toEqual({
            code: 1,
            commands: ['error'],
            outputs: {},
          });
          expectRefused(c, r.errors[0], sent, 'reads allowed');
          record('bundle', sent);
        });
      });
    });
  }

  describe(`${action}: over the whole run`, () => {
    it('every category ran, no call reached AWS nor GitHub, and the alias and versions are unchanged', async () => {
      const nodes = nodeBinaries().length;
      // First what reached AWS and GitHub, then the state: a category that let bad input through fails here.
      const sum = (xs: Tally[]) =>
        xs.reduce(
          (t, x) => ({
            writes: t.writes + x.writes,
            calls: t.calls + x.calls,
            github: t.github + x.github,
            opened: t.opened + x.opened,
          }),
          { writes: 0, calls: 0, github: 0, opened: 0 },
        );
      /** The categories whose cases reached AWS or GitHub, or opened a client. */
      const through = (xs: ({ action: Action; label: string } & Tally)[]) => [
        ...new Set(xs.filter((x) => x.calls + x.github + x.opened > 0).map((x) => `${x.action}: ${x.label}`)),
      ];
      const zero = { writes: 0, calls: 0, github: 0, opened: 0 };
      expect({
        inProcess: sum(inProcess),
        onRunner: sum(onRunner),
        through: through([...inProcess, ...onRunner]),
      }).toEqual({ inProcess: zero, onRunner: zero, through: [] });
      // Unknown alarms: reads only, in every run.
      expect(alarmRuns.filter((r) => r.writes > 0 || r.reads === 0 || r.github > 0)).toEqual([]);
      if (fixture) expect(await fixture.state()).toEqual(fixtureBefore);
      const after = await awsState();
      expect(after).toEqual(before);
      expect(after.alias).toMatchObject({ version: '1', weights: {} });
      expect(after.versions.map((v) => v.version)).toEqual(['$LATEST', '1', '2']);
      // Every request the local GitHub saw (the valid sets' records) was one GitHub would take.
      expect(gh.violations).toEqual([]);
      expect(inProcess.length).toBe(categories.reduce((n, c) => n + (c.runs ?? RUNS), 0));
      expect(new Set(inProcess.map((c) => c.label)).size).toBe(categories.length);
      expect(new Set(inProcess.map((c) => c.action))).toEqual(new Set([action]));
      expect(onRunner.length).toBe(nodes * SAMPLE_PER_ACTION);
      expect(new Set(onRunner.map((c) => c.action))).toEqual(new Set([action]));
      const alarmCount = withAlarms ? RUNS + nodes * alarmBundleCases.length : 0;
      expect(alarmRuns.length).toBe(alarmCount);
      console.log(
        `bad input, ${action}: ${inProcess.length} in-process cases over ${categories.length} categories; ` +
          `${onRunner.length} bundle runs (seed ${SEED}); 0 calls reached AWS, 0 requests reached GitHub, ` +
          `0 clients opened` +
          (withAlarms
            ? `. Unknown alarms: ${alarmRuns.length} runs (${RUNS} in-process, ` +
              `${nodes * alarmBundleCases.length} bundle), reads only`
            : ''),
      );
    });
  });
}

/**
 * A bad slack-webhook-url (a secret) is refused without being shown: masked before anything is printed, and
 * absent from the message, the log, the summary and the outputs, in-process and through the bundles. The
 * action is record-history unless given (rollback takes the notification inputs too); `title` names a second
 * suite of the same action (rollback without environment, where any webhook is refused).
 */
export function secretWebhookSuite(
  base: Base,
  bad: fc.Arbitrary<string>[],
  {
    action = 'record-history',
    title = 'a bad slack-webhook-url is never shown',
  }: { action?: Action; title?: string } = {},
): void {
  // Environment variables (the bundle's inputs) hold no NUL; a line break would end the value InputReader checks.
  const cases = fc
    .oneof(...bad)
    .filter((v) => v.trim() !== '' && !['\u0000', '\r', '\n'].some((c) => v.includes(c)));
  const env = {
    ...awsTestEnv(CLOSED_URL.replace(/\/health$/, '')),
    GITHUB_API_URL: CLOSED_URL.replace(/\/health$/, ''),
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_SHA: SHA,
    GITHUB_RUN_ID: '4242',
  };
  describe(`${action}: ${title}`, () => {
    it('in-process: masked first, named by its input, the value nowhere', async () => {
      await fc.assert(
        fc.asyncProperty(cases, async (value) => {
          const clients = refusingClients();
          const rt = memoryRuntime({ ...base.inputs, 'slack-webhook-url': value });
          const masked: string[] = [];
          const logBefore: number[] = [];
          Object.assign(rt, {
            setSecret: (v: string) => {
              masked.push(v);
              logBefore.push(rt.log.length);
            },
          });
          Object.assign(rt.env, env);
          await RUN[action](rt, clients.deps);
          const printed = [rt.failed ?? '', ...rt.log, rt.summaryText, ...Object.values(rt.outputs)].join(
            '\n',
          );
          expect({
            masked: masked[0],
            maskedBeforeLog: logBefore[0],
            failed: /^Input "slack-webhook-url" has value "\*\*\*": /.test(rt.failed ?? ''),
            shown: printed.includes(value.trim()),
            calls: clients.calls.length + clients.github.length + clients.opened.length,
          }).toEqual({ masked: value.trim(), maskedBeforeLog: 0, failed: true, shown: false, calls: 0 });
        }),
        { numRuns: 15 },
      );
    });

    describe.each(nodeBinaries())('through the bundle on $name', ({ path }) => {
      it.each(fc.sample(cases, { numRuns: 3, seed: 42 }))('%s', async (value) => {
        const r = await runAction(action, {
          inputs: { ...base.inputs, 'slack-webhook-url': value },
          env,
          githubToken: TOKEN,
          node: path,
        });
        const lines = r.stdout.split('\n').filter(Boolean);
        const rest = lines.filter((l) => !l.startsWith('::add-mask::')).join('\n');
        expect({
          code: r.code,
          first: lines[0]?.startsWith('::add-mask::'),
          commands: messages(r.commands),
          error: /^Input "slack-webhook-url" has value "\*\*\*": /.test(r.errors[0] ?? ''),
          shown: [rest, r.stderr, r.summary, ...Object.values(r.outputs)].some((t) =>
            t.includes(value.trim()),
          ),
        }).toEqual({ code: 1, first: true, commands: ['error'], error: true, shown: false });
      });
    });
  });
}
