import { describe, it, expect } from '@jest/globals';
import { DeployError } from '@deploy-actions/core';
import { RecordError, StoreMissingError } from '../src/errors';
import { History, HistoryReadError, type HistoryBackend } from '../src/history';
import type { DeploymentRecord } from '../src/record';

const record: DeploymentRecord = {
  id: 'run-7-abc',
  environment: 'prod',
  targetKind: 'lambda',
  resource: 'orders:live',
  blueVersion: '1',
  greenVersion: '2',
  strategy: 'linear',
  status: 'started',
  startedAt: '2026-01-01T00:00:00.000Z',
  commit: 'c',
  ref: 'r',
  actor: 'a',
  runUrl: '',
};

/** A backend over a map of records, failing as told. */
function store(name: 'github' | 'dynamodb', fail?: () => never) {
  const records = new Map<string, DeploymentRecord>();
  const calls: string[] = [];
  const s = {
    records,
    calls,
    async putStarted(r: DeploymentRecord) {
      calls.push(`start ${r.id}`);
      fail?.();
      const existing = records.get(r.id);
      if (existing) return { record: existing, created: false };
      records.set(r.id, r);
      return { record: r, created: true };
    },
    async finish(id: string, status: DeploymentRecord['status']) {
      calls.push(`finish ${id}`);
      fail?.();
      const r = records.get(id);
      if (!r) throw new RecordError(id, 'names no deployment');
      records.set(id, { ...r, status });
      return { record: { ...r, status }, changed: true };
    },
    async get(id: string) {
      fail?.();
      return records.get(id);
    },
  };
  const backend = {
    name,
    where: name,
    consistentReads: name === 'dynamodb',
    ...s,
    markLive: async () => ({ changed: false }),
  };
  return { ...(backend as unknown as HistoryBackend), store: s };
}

const down = () => {
  throw new DeployError('HTTP 503');
};

describe('History', () => {
  it('starts in every backend and continues the same record when run again', async () => {
    const d = store('dynamodb');
    const g = store('github');
    const h = new History([d, g]);
    expect((await h.start(record, 1)).id).toBe(record.id);
    const again = await h.start(record, 1);
    expect(again).toMatchObject({ id: record.id, newAttempt: false });
    expect(again.outcomes.map((o) => o.ok && o.value.created)).toEqual([false, false]);
    expect(d.store.records.size).toBe(1);
  });

  it('gives a later job attempt its own record once the release had ended', async () => {
    const d = store('dynamodb');
    const h = new History([d]);
    await h.start(record, 1);
    await h.finish(record.id, 'failed', { endedAt: '2026-01-01T00:01:00.000Z' });
    const retry = await h.start(record, 2);
    expect(retry).toMatchObject({ id: `${record.id}.2`, newAttempt: true });
    // The same attempt again: still that record.
    expect((await h.start(record, 2)).id).toBe(`${record.id}.2`);
    expect([...d.store.records.keys()]).toEqual([record.id, `${record.id}.2`]);
  });

  it('reports a backend that is down and still writes the other', async () => {
    const d = store('dynamodb');
    const g = store('github', down);
    const h = new History([d, g]);
    const started = await h.start(record, 1);
    expect(started.outcomes.map((o) => [o.backend, o.ok])).toEqual([
      ['dynamodb', true],
      ['github', false],
    ]);
    expect(d.store.records.size).toBe(1);
  });

  it('stops every write at a wrong setting, so the next backend is not written', async () => {
    const d = store('dynamodb', () => {
      throw new StoreMissingError('nope', 'names no DynamoDB table');
    });
    const g = store('github');
    const h = new History([d, g]);
    await expect(h.start(record, 1)).rejects.toThrow(StoreMissingError);
    expect(g.store.calls).toEqual([]);
  });

  it('reads from the first backend that answers, and says why when none does', async () => {
    const g = store('github');
    g.store.records.set(record.id, record);
    const h = new History([store('dynamodb', down), g]);
    const read = await h.get(record.id);
    expect(read.value).toEqual(record);
    expect(read.backend.name).toBe('github');
    expect(read.failures).toEqual(['dynamodb: HTTP 503']);
    const none = new History([store('dynamodb', down), store('github', down)]);
    const err = await none.get(record.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HistoryReadError);
    expect((err as Error).message).toBe(
      `could not read deployment ${record.id}: dynamodb: HTTP 503; github: HTTP 503`,
    );
  });
});
