import { describe, it, expect } from '@jest/globals';
import fc from 'fast-check';
import {
  CHECKPOINT_MAX,
  checkpointOf,
  encodeCheckpoint,
  greenKey,
  parseCheckpoint,
  planHash,
  runOf,
  type Checkpoint,
} from '../src/checkpoint';
import { buildPlan } from '../src/plan';

const DAY = 86_400_000;
const SIX_WEEKS = buildPlan({
  strategy: '',
  steps: '10,30,50,70,90,100',
  bakeMs: 7 * DAY,
  bakeGiven: true,
  canaryPercent: 10,
  linearPercent: 10,
});
const CP: Checkpoint = {
  green: '7',
  plan: planHash(SIX_WEEKS),
  step: 2,
  since: Date.UTC(2026, 0, 15),
  run: '123456789.1',
};
// What ELB takes in a tag value (and so what a checkpoint may hold): letters, digits, space and + - = . _ : / @.
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

const arbCheckpoint: fc.Arbitrary<Checkpoint> = fc.record({
  green: fc.oneof(
    fc.integer({ min: 1, max: 99_999_999 }).map(String),
    fc
      .tuple(fc.stringMatching(/^[a-zA-Z0-9_-]{1,255}$/), fc.integer({ min: 1, max: 99_999 }))
      .map(([family, rev]) =>
        greenKey(`arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:${rev}`),
      ),
  ),
  plan: fc.stringMatching(/^[0-9a-f]{8}$/),
  step: fc.integer({ min: 0, max: 99 }),
  since: fc.integer({ min: 1, max: 99_999_999_999 }).map((s) => s * 1000),
  run: fc
    .tuple(fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/), fc.integer({ min: 1, max: 999_999 }))
    .map(([id, attempt]) => `${id}.${attempt}`),
});

describe('the checkpoint text', () => {
  it('reads like this, compact and versioned', () => {
    expect(encodeCheckpoint(CP)).toBe(`deploy-actions/1 g=7 p=${CP.plan} s=2 t=1768435200 r=123456789.1`);
  });

  it('round-trips, stays within 200 characters and within what an ELB tag value takes', () => {
    fc.assert(
      fc.property(arbCheckpoint, (cp) => {
        const text = encodeCheckpoint(cp);
        expect(text.length).toBeLessThanOrEqual(CHECKPOINT_MAX);
        expect(text).toMatch(TAG_VALUE);
        expect(parseCheckpoint(text)).toEqual(cp);
      }),
    );
  });

  it('is not ours when it does not start with deploy-actions/: a user description is left alone', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.trim().startsWith('deploy-actions/')),
        (text) => {
          expect(parseCheckpoint(text)).toBeUndefined();
          expect(checkpointOf(text)).toEqual({});
        },
      ),
    );
    expect(parseCheckpoint(undefined)).toBeUndefined();
    expect(parseCheckpoint('orders API, live traffic')).toBeUndefined();
  });

  it.each([
    [
      'deploy-actions/3 g=7 p=0123abcd s=1 t=1 r=1.1',
      /format 3; this version of deploy-actions reads formats 1 and 2/,
    ],
    ['deploy-actions/1 g=7 p=0123abcd s=1 t=1', /lacks r/],
    ['deploy-actions/1 g=7 p=0123abcd s=1 t=1 r=1.1 x=2', /unknown or repeated field "x=2"/],
    ['deploy-actions/1 g=7 g=8 p=0123abcd s=1 t=1 r=1.1', /unknown or repeated field "g=8"/],
    ['deploy-actions/1 g=7 p=xyz s=1 t=1 r=1.1', /plan hash "xyz", not 8 hex digits/],
    ['deploy-actions/1 g=7 p=0123abcd s=-1 t=1 r=1.1', /step "-1", not a step index/],
    ['deploy-actions/1 g=7 p=0123abcd s=1 t=soon r=1.1', /start "soon", not a time/],
    ['deploy-actions/1 g=7 p=0123abcd s=1 t=1 r=abc', /run "abc", not RUN_ID.ATTEMPT/],
    ['deploy-actions/1 g=$LATEST p=0123abcd s=1 t=1 r=1.1', /green "\$LATEST"/],
  ])('a malformed one of ours is an error with the reason: %s', (text, reason) => {
    expect(() => parseCheckpoint(text)).toThrow(reason);
    expect(checkpointOf(text).checkpointError).toMatch(reason);
  });

  it('names a long or unusual green by a hash, the same for the same version', () => {
    const long = `arn:aws:ecs:us-east-1:123456789012:task-definition/${'x'.repeat(120)}:3`;
    expect(greenKey('7')).toBe('7');
    expect(greenKey('arn:aws:ecs:us-east-1:123456789012:task-definition/orders:3')).toBe(
      'arn:aws:ecs:us-east-1:123456789012:task-definition/orders:3',
    );
    expect(greenKey(long)).toMatch(/^@[0-9a-f]{12}$/);
    expect(greenKey(long)).toBe(greenKey(long));
    expect(greenKey(long)).not.toBe(greenKey(long.replace(':3', ':4')));
  });

  it('hashes the plan by its percentages and bakes, not its name', () => {
    const same = buildPlan({ ...base(), steps: '10:7d,30:7d,50:7d,70:7d,90:7d,100', bakeMs: 60_000 });
    expect(planHash(same)).toBe(planHash(SIX_WEEKS));
    expect(planHash(buildPlan({ ...base(), steps: '10,30,50,70,90,100', bakeMs: 6 * DAY }))).not.toBe(
      planHash(SIX_WEEKS),
    );
    expect(planHash(buildPlan({ ...base(), steps: '10,30,50,70,100', bakeMs: 7 * DAY }))).not.toBe(
      planHash(SIX_WEEKS),
    );
  });

  it('records the run as GITHUB_RUN_ID.GITHUB_RUN_ATTEMPT, or local.1 outside a runner', () => {
    expect(runOf({ GITHUB_RUN_ID: '987654321', GITHUB_RUN_ATTEMPT: '2' })).toBe('987654321.2');
    expect(runOf({})).toBe('local.1');
    expect(runOf({ GITHUB_RUN_ID: '12 34\n', GITHUB_RUN_ATTEMPT: 'x' })).toBe('1234.1');
  });
});

function base() {
  return { strategy: '', steps: '', bakeMs: 0, bakeGiven: true, canaryPercent: 10, linearPercent: 10 };
}
