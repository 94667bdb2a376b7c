// The checkpoint of a checkpointed rollout as a tag of the listener: read with the weights, written right after
// the weight change and read back; a write without a checkpoint removes ours and nothing else.
import { describe, it, expect, beforeEach } from '@jest/globals';
import {
  AddTagsCommand,
  DescribeListenersCommand,
  DescribeTagsCommand,
  ElasticLoadBalancingV2Client,
  ModifyListenerCommand,
  RemoveTagsCommand,
  type Action,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { DescribeServicesCommand, ECSClient, type Service } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { ConcurrentChangeError } from '@deploy-actions/core';
import { encodeCheckpoint, greenKey, type Checkpoint } from '@deploy-actions/release/checkpoint';
import { CHECKPOINT_TAG } from '../src/checkpoint-tag';
import { listenerRouter } from '../src/router';
import { actions, CONFIG, LISTENER, service, TG_A, TG_B, td } from './fixtures';

const ecs = mockClient(ECSClient);
const elb = mockClient(ElasticLoadBalancingV2Client);
const clients = {
  ecs: new ECSClient({ region: 'us-east-1' }),
  elb: new ElasticLoadBalancingV2Client({ region: 'us-east-1' }),
};
const CP: Checkpoint = {
  green: greenKey(td(2)),
  plan: '0123abcd',
  step: 0,
  since: Date.UTC(2026, 0, 5),
  run: '77.1',
};

let listener: Action[];
let services: Service[];
let tags: { Key: string; Value: string }[];
beforeEach(() => {
  ecs.reset();
  elb.reset();
  listener = actions(100, 0);
  tags = [{ Key: 'team', Value: 'orders' }];
  services = [
    service('orders-a', TG_A, td(1), '2026-11-01T00:00:00Z'),
    service('orders-b', TG_B, td(2), '2026-11-02T00:00:00Z'),
  ];
  ecs.on(DescribeServicesCommand).callsFake(async () => ({ services, failures: [] }));
  elb.on(DescribeListenersCommand).callsFake(async () => ({
    Listeners: [{ ListenerArn: LISTENER, DefaultActions: listener }],
  }));
  elb.on(ModifyListenerCommand).callsFake(async (input) => {
    listener = input.DefaultActions;
    return {};
  });
  elb.on(DescribeTagsCommand).callsFake(async () => ({
    TagDescriptions: [{ ResourceArn: LISTENER, Tags: tags.map((t) => ({ ...t })) }],
  }));
  elb.on(AddTagsCommand).callsFake(async (input) => {
    for (const t of input.Tags)
      tags = [...tags.filter((x) => x.Key !== t.Key), { Key: t.Key, Value: t.Value }];
    return {};
  });
  elb.on(RemoveTagsCommand).callsFake(async (input) => {
    tags = tags.filter((t) => !input.TagKeys.includes(t.Key));
    return {};
  });
});

const router = () => listenerRouter(clients, CONFIG);
const ours = () => tags.find((t) => t.Key === CHECKPOINT_TAG)?.Value;

describe('the checkpoint as a tag of the listener', () => {
  it('is written right after the weights, on the listener, and read back with them', async () => {
    const r = router();
    const after = await r.write({ version: td(1), green: td(2), greenWeight: 0.1 }, (await r.read())!, CP);
    expect(after).toMatchObject({ greenWeight: 0.1, checkpoint: CP });
    expect(elb.commandCalls(AddTagsCommand)[0]!.args[0].input).toEqual({
      ResourceArns: [LISTENER],
      Tags: [{ Key: 'deploy-actions:checkpoint', Value: encodeCheckpoint(CP) }],
    });
    expect(elb.calls().map((c) => c.args[0].constructor.name)).toEqual([
      'DescribeListenersCommand',
      'DescribeTagsCommand',
      'DescribeListenersCommand',
      'DescribeTagsCommand',
      'ModifyListenerCommand',
      'AddTagsCommand',
      'DescribeListenersCommand',
      'DescribeTagsCommand',
    ]);
  });

  it('a write without a checkpoint removes ours and leaves the other tags', async () => {
    tags.push({ Key: CHECKPOINT_TAG, Value: encodeCheckpoint(CP) });
    listener = actions(90, 10);
    const r = router();
    await r.write({ version: td(1), greenWeight: 0 }, (await r.read())!);
    expect(elb.commandCalls(RemoveTagsCommand)[0]!.args[0].input).toEqual({
      ResourceArns: [LISTENER],
      TagKeys: ['deploy-actions:checkpoint'],
    });
    expect(tags).toEqual([{ Key: 'team', Value: 'orders' }]);
  });

  it('a write without a checkpoint where none is makes no tag call', async () => {
    const r = router();
    await r.write({ version: td(1), green: td(2), greenWeight: 0.5 }, (await r.read())!);
    expect(elb.commandCalls(AddTagsCommand)).toHaveLength(0);
    expect(elb.commandCalls(RemoveTagsCommand)).toHaveLength(0);
  });

  it('a checkpoint moved by someone else since the read is a concurrent change: no write', async () => {
    tags.push({ Key: CHECKPOINT_TAG, Value: encodeCheckpoint(CP) });
    listener = actions(90, 10);
    const r = router();
    const from = (await r.read())!;
    tags = [{ Key: CHECKPOINT_TAG, Value: encodeCheckpoint({ ...CP, run: '78.1' }) }];
    await expect(
      r.write({ version: td(1), green: td(2), greenWeight: 0.3 }, from, { ...CP, step: 1 }),
    ).rejects.toThrow(ConcurrentChangeError);
    expect(elb.commandCalls(ModifyListenerCommand)).toHaveLength(0);
  });

  it('reads a malformed checkpoint of ours as an error with the reason, not as a checkpoint', async () => {
    tags.push({ Key: CHECKPOINT_TAG, Value: 'deploy-actions/1 g=7' });
    listener = actions(90, 10);
    expect(await router().read()).toMatchObject({
      checkpointError: expect.stringMatching(/lacks p, s, t, r/),
    });
    expect(ours()).toBe('deploy-actions/1 g=7');
  });

  it('a killed run that moved the weights but not the tag leaves a checkpoint the routing contradicts', async () => {
    tags.push({ Key: CHECKPOINT_TAG, Value: encodeCheckpoint(CP) });
    listener = actions(90, 10);
    const r = router();
    elb.on(AddTagsCommand).rejects(new Error('the runner was killed'));
    await expect(
      r.write({ version: td(1), green: td(2), greenWeight: 0.3 }, (await r.read())!, { ...CP, step: 1 }),
    ).rejects.toThrow(/killed/);
    // The routing says 30% and the checkpoint still step 0 (10%): an advance run refuses on that mismatch.
    expect(await router().read()).toMatchObject({ greenWeight: 0.3, checkpoint: CP });
  });
});
