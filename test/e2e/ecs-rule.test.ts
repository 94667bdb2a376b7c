// A listener rule as the router: every write keeps the rule's login action, Order and conditions.
import { describe, it, expect } from '@jest/globals';
import { DescribeRulesCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ok } from './bed';
import { useEcsBed } from './ecs-bed';

const bed = useEcsBed({ rule: true });

describe('ECS behind a listener rule', () => {
  it('shifts 50/100 and keeps the authenticate-oidc action, Order, conditions and stickiness', async () => {
    const before = await bed.elb.send(new DescribeRulesCommand({ RuleArns: [bed.stack.ruleArn!] }));
    const green = await bed.run('deploy-green', {
      'container-name': bed.stack.containerName,
      image: 'orders:2.0.0',
    });
    ok(green);
    const shift = await bed.run('shift-traffic', {
      'green-version': green.outputs['green-version']!,
      steps: '50,100',
      'bake-time': '0',
    });
    ok(shift);
    expect(shift.writes).toEqual(['ModifyRule', 'ModifyRule']);
    const after = await bed.weights();
    expect(after.weights).toEqual([0, 100]);
    const oidc = after.actions.find((a) => a.Type === 'authenticate-oidc')!;
    expect(oidc).toMatchObject({
      Order: 1,
      AuthenticateOidcConfig: { Issuer: 'https://idp.example.com', ClientId: 'testbed-client' },
    });
    expect(after.actions.find((a) => a.Type === 'forward')).toMatchObject({
      Order: 2,
      ForwardConfig: { TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 3600 } },
    });
    const rule = (await bed.elb.send(new DescribeRulesCommand({ RuleArns: [bed.stack.ruleArn!] })))
      .Rules![0]!;
    expect(rule.Conditions).toEqual(before.Rules![0]!.Conditions);
    expect(rule.Priority).toBe(before.Rules![0]!.Priority);
  });
});
