// approvedBy (who approved a guarded release) is optional in both backends: kept when given, absent in older records.
import { describe, expect, it } from '@jest/globals';
import { fromItem, toItem } from '../src/dynamodb';
import { payloadFor, payloadOf, TASK_PREFIX, toRecord, type Deployment } from '../src/github-payload';
import type { DeploymentRecord } from '../src/record';

const record: DeploymentRecord = {
  id: 'release-1',
  environment: 'production',
  targetKind: 'lambda',
  resource: 'orders:live',
  blueVersion: '1',
  greenVersion: '2',
  strategy: 'canary',
  status: 'started',
  startedAt: '2025-03-01T10:00:00.000Z',
  commit: '0123456789abcdef0123456789abcdef01234567',
  ref: 'refs/heads/main',
  actor: 'octocat',
  runUrl: 'https://github.com/octo-org/orders/actions/runs/1',
};

const deployment = (payload: object) =>
  ({ id: 7, task: `${TASK_PREFIX}lambda`, environment: 'production', payload }) as unknown as Deployment;

describe('approvedBy', () => {
  it('round-trips through a DynamoDB item', () => {
    expect(fromItem(toItem({ ...record, approvedBy: 'alice,bob' })).approvedBy).toBe('alice,bob');
    const old = toItem(record);
    expect(old).not.toHaveProperty('approvedBy');
    expect(fromItem(old)).not.toHaveProperty('approvedBy');
  });
  it('round-trips through a GitHub deployment payload, and older payloads stay readable', () => {
    const withIt = payloadFor({ ...record, approvedBy: 'alice' });
    expect(withIt.approvedBy).toBe('alice');
    expect(toRecord(deployment(withIt), []).approvedBy).toBe('alice');
    const older = payloadFor(record);
    expect(older).not.toHaveProperty('approvedBy');
    expect(payloadOf(deployment(older))).toBeDefined();
    expect(toRecord(deployment(older), [])).not.toHaveProperty('approvedBy');
  });
});
