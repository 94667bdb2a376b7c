import { describe, it, expect } from '@jest/globals';
import { InputError } from '@deploy-actions/core';
import { rollback, type RollbackOptions } from '../src/rollback';
import { memoryRouter } from './memory-router';

function options(router: RollbackOptions['router'], over: Partial<RollbackOptions> = {}) {
  const log: string[] = [];
  const o: RollbackOptions = {
    router,
    to: 'previous',
    log: { info: (m) => log.push(m), warning: (m) => log.push(m) },
    ...over,
  };
  return { o, log };
}

describe('rollback over any router', () => {
  it('puts a split back on its blue and says it undid a split', async () => {
    const m = memoryRouter({ version: '1', green: '2', greenWeight: 0.25 });
    const { o } = options(m.router);
    const r = await rollback(o);
    expect(r).toEqual({
      fromVersion: '2',
      toVersion: '1',
      changed: true,
      split: true,
      before: 'r1 75% / r2 25%',
      after: '100% on r1',
    });
    expect(m.writes).toEqual([{ version: '1', greenWeight: 0 }]);
  });

  it('to a version without a split is no split undone', async () => {
    const m = memoryRouter({ version: '3', greenWeight: 0 });
    const r = await rollback(options(m.router, { to: '2' }).o);
    expect(r).toMatchObject({ fromVersion: '3', toVersion: '2', changed: true, split: false });
  });
});

describe('onlyIfSplit', () => {
  it('undoes an unfinished split as to: previous does', async () => {
    const m = memoryRouter({ version: '1', green: '2', greenWeight: 0.5 });
    const r = await rollback(options(m.router, { onlyIfSplit: true }).o);
    expect(r).toMatchObject({ fromVersion: '2', toVersion: '1', changed: true, split: true });
    expect(m.writes).toEqual([{ version: '1', greenWeight: 0 }]);
  });

  it('without a split writes nothing, asks the history nothing, and says so', async () => {
    const m = memoryRouter({ version: '3', greenWeight: 0 });
    const asked: string[] = [];
    const { o, log } = options(m.router, {
      onlyIfSplit: true,
      previousFromHistory: async (live) => {
        asked.push(live);
        return '2';
      },
    });
    const r = await rollback(o);
    expect(r).toEqual({
      fromVersion: '3',
      toVersion: '3',
      changed: false,
      split: false,
      before: '100% on r3',
      after: '100% on r3',
    });
    expect(m.writes).toEqual([]);
    expect(asked).toEqual([]);
    expect(log).toEqual([
      'Route "main" sends 100% to r3: there is no unfinished split to undo, so with only-if-split nothing is changed.',
    ]);
  });

  it('refuses any to but previous before reading the router, naming only-if-split', async () => {
    const m = memoryRouter({ version: '1', green: '2', greenWeight: 0.5 });
    let reads = 0;
    const read = m.router.read;
    m.router.read = () => {
      reads++;
      return read();
    };
    const err = await rollback(options(m.router, { onlyIfSplit: true, to: '1' }).o).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe(
      'Input "only-if-split" has value "true": undoes only an unfinished split, putting traffic back on its blue: to must then be previous, not 1',
    );
    expect(reads).toBe(0);
    expect(m.writes).toEqual([]);
  });
});
