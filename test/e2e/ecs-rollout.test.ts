// A checkpointed rollout of ECS services behind a listener rule, through the bundle: the checkpoint is a tag of the
// rule, written right after each weight change and removed by promotion.
import { describe, it, expect } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { ModifyRuleCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ok } from './bed';
import { useEcsBed } from './ecs-bed';

const bed = useEcsBed({ rule: true });

describe('ECS: a checkpointed rollout on the listener rule', () => {
  it('start tags the rule with the checkpoint; advance waits, steps, and promotion removes the tag', async () => {
    const green = await bed.run('deploy-green', {
      'container-name': bed.stack.containerName,
      image: 'orders:2.0.0',
    });
    ok(green);
    const plan = { 'green-version': green.outputs['green-version']!, steps: '25:3m,100' };

    const start = await bed.run(
      'shift-traffic',
      { ...plan, mode: 'start' },
      { env: { GITHUB_RUN_ID: '801' } },
    );
    ok(start);
    expect(start.writes).toEqual(['ModifyRule', 'AddTags']);
    expect((await bed.weights()).weights).toEqual([75, 25]);
    expect(await bed.checkpointTag()).toMatch(
      /^deploy-actions\/1 g=arn:aws:ecs:\S+:task-definition\/\S+ p=[0-9a-f]{8} s=0 t=\d+ r=801\.1$/,
    );

    const early = await bed.run('shift-traffic', { ...plan, mode: 'advance' });
    ok(early);
    expect(early.writes).toEqual([]);
    expect(early.outputs).toMatchObject({ status: 'in-progress', weight: '25' });

    // The bed's clock runs 60 times real time: the 3m bake is 3 s.
    await sleep(Math.max(0, Date.parse(early.outputs['next-due']!) - bed.clock().now()) / 60 + 300);
    const done = await bed.run('shift-traffic', { ...plan, mode: 'advance' });
    ok(done);
    expect(done.outputs).toMatchObject({ status: 'promoted', weight: '100', 'next-due': '' });
    expect(done.writes).toEqual(['ModifyRule', 'RemoveTags']);
    expect((await bed.weights()).weights).toEqual([0, 100]);
    expect(await bed.checkpointTag()).toBeUndefined();
  });

  it('a rule whose weights moved without its tag (a run killed between the two) is refused, unchanged', async () => {
    const green = await bed.run('deploy-green', {
      'container-name': bed.stack.containerName,
      image: 'orders:2.0.0',
    });
    ok(green);
    const plan = { 'green-version': green.outputs['green-version']!, steps: '25:3m,50:3m,100' };
    ok(await bed.run('shift-traffic', { ...plan, mode: 'start' }));
    // The weights of step 2 written, the tag of step 1 left: as a run killed between its two writes leaves them.
    const { actions } = await bed.weights();
    const moved = actions.map((a) =>
      a.Type === 'forward'
        ? {
            ...a,
            ForwardConfig: {
              ...a.ForwardConfig,
              TargetGroups: a.ForwardConfig!.TargetGroups!.map((g) => ({ ...g, Weight: 50 })),
            },
          }
        : a,
    );
    await bed.elb.send(new ModifyRuleCommand({ RuleArn: bed.stack.ruleArn!, Actions: moved }));
    const tag = await bed.checkpointTag();
    const refused = await bed.run('shift-traffic', { ...plan, mode: 'advance' });
    expect(refused.code).toBe(1);
    expect(refused.errors[0]).toMatch(
      /holds a checkpoint at step 1\/3 \(25% on .*\) but routes .* 50% \/ .* 50%\. The routing is the truth/,
    );
    expect(refused.writes).toEqual([]);
    expect(await bed.checkpointTag()).toBe(tag);
  });
});
