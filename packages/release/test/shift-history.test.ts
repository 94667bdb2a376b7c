// shift-traffic's history in mode start and advance: which decision writes what to the release's record, over
// backends in memory; and the history inputs refused where they would go unused.
import { describe, it, expect } from '@jest/globals';
import { InputError, InputReader } from '@deploy-actions/core';
import type { DeploymentRecord, FinishFields, Progress } from '@deploy-actions/history';
import { History, type HistoryBackend } from '@deploy-actions/history/history';
import { memoryRuntime } from '@deploy-actions/testbed/runtime';
import { greenKey, planHash } from '../src/checkpoint';
import { advanceRollout } from '../src/shift/advance';
import { startRollout } from '../src/shift/start';
import type { RolloutResult } from '../src/shift/rollout';
import { readShiftHistory, recordIn, recordRollout, type RolloutRecording } from '../src/run/shift-history';
import { memoryRouter } from './memory-router';
import { rolloutOptions, scriptedGate, setTime, SIX_WEEKS, T0, WEEK } from './rollout-fixtures';

const TARGET = { environment: 'production', targetKind: 'lambda', resource: 'orders:live' };
const STARTED: DeploymentRecord = {
  id: 'release-2',
  ...TARGET,
  blueVersion: '1',
  greenVersion: '2',
  strategy: 'custom',
  status: 'started',
  startedAt: new Date(T0 - 60_000).toISOString(),
  commit: 'c0ffee',
  ref: 'refs/heads/main',
  actor: 'octocat',
  runUrl: 'https://github.com/o/r/actions/runs/1',
};

/** A backend over one map of records; `down` makes every call fail as an outage would. */
function backend(name: 'github' | 'dynamodb', down = false) {
  const records = new Map([[STARTED.id, { ...STARTED }]]);
  const calls: string[] = [];
  const check = (what: string) => {
    calls.push(what);
    if (down) throw new Error(`${name} answered HTTP 503`);
  };
  const b: HistoryBackend = {
    name,
    where: name,
    consistentReads: name === 'dynamodb',
    putStarted: async () => {
      throw new Error('shift-traffic starts no record');
    },
    finish: async (id: string, status: DeploymentRecord['status'], f: FinishFields) => {
      check(`finish ${id} ${status}${f.restoredVersion ? ` to ${f.restoredVersion}` : ''}`);
      const r = records.get(id)!;
      if (r.status !== 'started') return { record: r, changed: false };
      const ended = { ...r, status, ...f } as DeploymentRecord;
      records.set(id, ended);
      return { record: ended, changed: true };
    },
    progress: async (id: string, p: Progress, green: string) => {
      check(
        `progress ${id} step ${p.step}/${p.of}: ${p.percent}% on ${green}${p.watch ? `, watch ${p.watch.mark} ${p.watch.verdict}` : ''}`,
      );
      const r = { ...records.get(id)!, progress: p };
      records.set(id, r);
      return { record: r, changed: true };
    },
    markLive: async () => ({ changed: false }),
    get: async (id) => records.get(id),
    lastSuccessful: async () => undefined,
    between: async () => [],
    openRelease: async (_t, green) => {
      check(`open ${green}`);
      return [...records.values()].find((r) => r.status === 'started' && r.greenVersion === green);
    },
  };
  return { b, records, calls };
}

function recording(over: Partial<RolloutRecording['history']> = {}, slack?: string[]): RolloutRecording {
  const config = {
    backends: ['dynamodb', 'github'] as const,
    environment: 'production',
    ttlDays: 90,
    maxAttempts: 1,
    onError: 'fail' as const,
    ...(slack && {
      notify: { slackWebhookUrl: 'https://hooks.slack.example/T/B/x', on: ['succeeded', 'rolled-back'] },
    }),
  };
  const fetch = async (_url: unknown, init?: { body?: unknown }) => {
    slack?.push(String(init?.body));
    return new Response('ok');
  };
  return {
    history: { config: config as unknown as RolloutRecording['history']['config'], ...over },
    target: TARGET,
    aws: { region: 'us-east-1', maxAttempts: 1 },
    of: SIX_WEEKS.steps.length,
    label: (v) => `v${v}`,
    clock: { now: () => T0, sleep: async () => undefined },
    deps: { fetch: fetch as unknown as typeof globalThis.fetch },
  };
}

const split = (percent: number) => ({ version: '1', green: '2', greenWeight: percent / 100 });
const cp = (step: number) => ({
  green: greenKey('2'),
  plan: planHash(SIX_WEEKS),
  step,
  since: T0,
  run: '9.1',
});

async function advanced(step: number, verdict: 'healthy' | 'unhealthy' = 'healthy'): Promise<RolloutResult> {
  const m = memoryRouter(split(SIX_WEEKS.steps[step]!.percent), cp(step));
  const { gate } = scriptedGate(() => verdict);
  const { o, clock } = rolloutOptions(m.router, { gate });
  setTime(clock, T0 + WEEK);
  return advanceRollout(o);
}

describe('a rollout write updates the release record', () => {
  it('a step advanced: its progress in both backends, found by the green; no notice', async () => {
    const d = backend('dynamodb');
    const g = backend('github');
    const slack: string[] = [];
    const rt = memoryRuntime({});
    const r = await advanced(1);
    expect(r).toMatchObject({ status: 'in-progress', step: 2, writes: 1 });
    const lines = await recordIn(rt, recording({}, slack), new History([d.b, g.b]), r);
    expect(d.calls).toEqual(['open 2', 'progress release-2 step 3/6: 50% on v2']);
    expect(g.calls).toEqual(['progress release-2 step 3/6: 50% on v2']);
    expect(d.records.get('release-2')!.progress).toEqual({
      step: 3,
      of: 6,
      percent: 50,
      at: new Date(T0).toISOString(),
      run: 'local.1',
    });
    expect(lines.join('\n')).toMatch(/recorded step 3\/6 \(50% on v2\) of deployment release-2/);
    expect(slack).toEqual([]);
  });

  it('promoted: the record ends succeeded, announced as notify-on names it', async () => {
    const d = backend('dynamodb');
    const slack: string[] = [];
    const r = await advanced(4);
    expect(r.status).toBe('promoted');
    await recordIn(memoryRuntime({}), recording({}, slack), new History([d.b]), r);
    expect(d.calls).toEqual(['open 2', 'finish release-2 succeeded']);
    expect(d.records.get('release-2')!.status).toBe('succeeded');
    expect(slack).toHaveLength(1);
    expect(slack[0]).toMatch(/succeeded/);
  });

  it('rolled back: the record ends rolled-back with the verdict and the restored blue, announced', async () => {
    const d = backend('dynamodb');
    const slack: string[] = [];
    const r = await advanced(2, 'unhealthy');
    expect(r.status).toBe('rolled-back');
    await recordIn(memoryRuntime({}), recording({ releaseId: 'release-2' }, slack), new History([d.b]), r);
    expect(d.calls).toEqual(['finish release-2 rolled-back to 1']);
    const ended = d.records.get('release-2')!;
    expect(ended).toMatchObject({ status: 'rolled-back', restoredVersion: '1' });
    expect(ended.reason).toMatch(/^health unhealthy at step 3\/6 \(50% on r2\): scripted unhealthy$/);
    expect(slack[0]).toMatch(/rolled back|rolled-back/i);
  });

  it('mode start: the first step is progress of the record started before it', async () => {
    const d = backend('dynamodb');
    const m = memoryRouter({ version: '1', greenWeight: 0 });
    const r = await startRollout(rolloutOptions(m.router).o);
    await recordIn(memoryRuntime({}), recording(), new History([d.b]), r);
    expect(d.calls).toEqual(['open 2', 'progress release-2 step 1/6: 10% on v2']);
  });

  it('an idle run writes no history: the history is not even opened', async () => {
    const m = memoryRouter(split(10), cp(0));
    const { o } = rolloutOptions(m.router);
    const r = await advanceRollout(o);
    expect(r.writes).toBe(0);
    const rt = memoryRuntime({});
    expect(await recordRollout(rt, recording(), r)).toEqual([]);
    expect(rt.log).toEqual([]);
  });

  it('no open record: a warning, and the rollout goes on', async () => {
    const d = backend('dynamodb');
    d.records.clear();
    const rt = memoryRuntime({});
    const lines = await recordIn(rt, recording(), new History([d.b]), await advanced(1));
    expect(d.calls).toEqual(['open 2']);
    expect(rt.log.join('\n')).toMatch(/warning: No open release record .* green v2/);
    expect(rt.failed).toBeUndefined();
    expect(lines.join('\n')).toMatch(/history is not updated/);
  });

  it('a backend that fails warns and says so in the summary; the other is updated; the traffic stands', async () => {
    const d = backend('dynamodb');
    const g = backend('github', true);
    const rt = memoryRuntime({});
    const r = await advanced(1);
    const lines = await recordIn(rt, recording({ releaseId: 'release-2' }), new History([d.b, g.b]), r);
    expect(d.records.get('release-2')!.progress?.step).toBe(3);
    const text = lines.join('\n');
    expect(text).toMatch(
      /\*\*The traffic change stands \(step 3\/6: 50% on r2.*NOT updated in github: github answered HTTP 503/,
    );
    expect(rt.log.join('\n')).toMatch(/warning: The traffic change stands/);
    expect(rt.failed).toBeUndefined();
  });
});

describe('history inputs', () => {
  const read = (mode: string, inputs: Record<string, string>) =>
    readShiftHistory(new InputReader((n) => inputs[n] ?? ''), mode, 'us-east-1');
  const refused = (mode: string, inputs: Record<string, string>) => {
    try {
      read(mode, inputs);
    } catch (err) {
      return err as InputError;
    }
    throw new Error('not refused');
  };

  it.each(['run', 'status'])('mode %s refuses each history input, naming it', (mode) => {
    for (const name of [
      'environment',
      'backend',
      'dynamodb-table',
      'deployment-id',
      'sns-topic-arn',
      'notify-on',
    ]) {
      const err = refused(mode, { [name]: 'x' });
      expect(err).toBeInstanceOf(InputError);
      expect(err.input).toBe(name);
      expect(err.message).toMatch(new RegExp(`mode start and advance.*not of mode ${mode}`));
    }
    const secret = refused(mode, { 'slack-webhook-url': 'https://hooks.slack.com/services/T/B/secret' });
    expect(secret.message).not.toMatch(/secret/);
  });

  it('without environment, the others name what they need', () => {
    expect(refused('advance', { backend: 'dynamodb' }).message).toMatch(/backend.*needs environment/);
  });

  it('with environment: the config and deployment-id, checked as record-history checks them', () => {
    expect(read('start', {})).toBeUndefined();
    expect(
      read('advance', { environment: 'production', backend: 'dynamodb', 'dynamodb-table': 'deployments' }),
    ).toMatchObject({
      config: { backends: ['dynamodb'], table: 'deployments', environment: 'production' },
    });
    expect(
      refused('advance', {
        environment: 'production',
        'github-token': 't',
        repository: 'o/r',
        'deployment-id': 'a#b',
      }).input,
    ).toBe('deployment-id');
    expect(refused('advance', { environment: 'production', backend: 'dynamodb' }).input).toBe(
      'dynamodb-table',
    );
  });
});

describe('the watch after promotion in the release record', () => {
  const HOUR = 3_600_000;
  const PROMOTED = T0 + WEEK;

  it('stays started through the watch, gets each mark once, and ends succeeded when the watch is over', async () => {
    const d = backend('dynamodb');
    const history = new History([d.b]);
    const m = memoryRouter(split(90), cp(4));
    const { gate } = scriptedGate(() => 'healthy');
    const { o, clock } = rolloutOptions(m.router, { gate, watchMs: 24 * HOUR });
    const tick = async (at: number) => {
      setTime(clock, at);
      const r = await advanceRollout(o);
      await recordIn(memoryRuntime({}), recording(), history, r);
      return r;
    };
    expect(await tick(PROMOTED)).toMatchObject({ status: 'watching', writes: 1 });
    for (let h = 0.5; h < 24; h += 0.5) await tick(PROMOTED + h * HOUR);
    expect(d.records.get('release-2')!.status).toBe('started');
    expect(await tick(PROMOTED + 24 * HOUR)).toMatchObject({ status: 'promoted', writes: 1 });
    const marks = d.calls.filter((c) => c.startsWith('progress'));
    expect(marks).toEqual([
      'progress release-2 step 6/6: 100% on v2',
      ...['1h', '6h', '24h'].map((h) => `progress release-2 step 6/6: 100% on v2, watch ${h} healthy`),
    ]);
    expect(d.calls.at(-1)).toBe('finish release-2 succeeded');
    expect(d.records.get('release-2')).toMatchObject({
      status: 'succeeded',
      progress: { watch: { mark: '24h', verdict: 'healthy' } },
    });
  });

  it('a green that turns bad at hour 5 ends the record rolled-back with the reason, to blue', async () => {
    const d = backend('dynamodb');
    const m = memoryRouter(
      { version: '2', greenWeight: 0 },
      { ...cp(5), since: PROMOTED, watch: { ms: 24 * HOUR, blue: '1' } },
    );
    const { gate } = scriptedGate(() => 'unhealthy');
    const { o, clock } = rolloutOptions(m.router, { gate, watchMs: 24 * HOUR });
    setTime(clock, PROMOTED + 5 * HOUR);
    const r = await advanceRollout(o);
    await recordIn(memoryRuntime({}), recording(), new History([d.b]), r);
    expect(d.calls.at(-1)).toBe('finish release-2 rolled-back to 1');
    expect(d.records.get('release-2')!.reason).toMatch(/unhealthy in the watch after promotion/);
  });
});
