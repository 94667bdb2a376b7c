import { describe, it, expect, beforeEach } from '@jest/globals';
import {
  DescribeListenersCommand,
  ElasticLoadBalancingV2Client,
  ModifyListenerCommand,
  type Action,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { DescribeServicesCommand, ECSClient, type Service } from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { ConcurrentChangeError, InputError } from '@deploy-actions/core';
import { listenerRouter } from '../src/router';
import { actions, CONFIG, service, TG_A, TG_B, td } from './fixtures';

const ecs = mockClient(ECSClient);
const elb = mockClient(ElasticLoadBalancingV2Client);
const clients = {
  ecs: new ECSClient({ region: 'us-east-1' }),
  elb: new ElasticLoadBalancingV2Client({ region: 'us-east-1' }),
};

let listener: Action[];
let services: Service[];
beforeEach(() => {
  ecs.reset();
  elb.reset();
  listener = actions(100, 0);
  services = [
    service('orders-a', TG_A, td(1), '2026-11-01T00:00:00Z'),
    service('orders-b', TG_B, td(2), '2026-11-02T00:00:00Z'),
  ];
  ecs.on(DescribeServicesCommand).callsFake(async () => ({ services, failures: [] }));
  elb.on(DescribeListenersCommand).callsFake(async () => ({
    Listeners: [{ ListenerArn: CONFIG.router.arn, DefaultActions: listener }],
  }));
  elb.on(ModifyListenerCommand).callsFake(async (input) => {
    listener = input.DefaultActions;
    return { Listeners: [{ DefaultActions: listener }] };
  });
});

const router = () => listenerRouter(clients, CONFIG);
const forward = (a: Action[]) => a.find((x) => x.Type === 'forward')!;

describe('the listener as a router', () => {
  it('reads all traffic on the service with weight, and a split with the newer deployment as green', async () => {
    expect(await router().read()).toMatchObject({ version: td(1), greenWeight: 0 });
    listener = actions(90, 10);
    expect(await router().read()).toMatchObject({ version: td(1), green: td(2), greenWeight: 0.1 });
  });

  it('writes the weights and keeps every other action and field (login, Order, stickiness)', async () => {
    const r = router();
    const from = (await r.read())!;
    const after = await r.write({ version: td(1), green: td(2), greenWeight: 0.25 }, from);
    expect(after).toMatchObject({ version: td(1), green: td(2), greenWeight: 0.25 });
    const sent = elb.commandCalls(ModifyListenerCommand)[0]!.args[0].input.DefaultActions!;
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({ Type: 'authenticate-oidc', Order: 1 });
    // Describe never returns the client secret: keep the one the listener has.
    expect(sent[0]!.AuthenticateOidcConfig!.UseExistingClientSecret).toBe(true);
    expect(forward(sent)).toEqual({
      Type: 'forward',
      Order: 2,
      ForwardConfig: {
        TargetGroups: [
          { TargetGroupArn: TG_A, Weight: 75 },
          { TargetGroupArn: TG_B, Weight: 25 },
        ],
        TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 3600 },
      },
    });
  });

  it('promotes to 0/100 and back to blue in one write each', async () => {
    const r = router();
    let state = (await r.read())!;
    state = await r.write({ version: td(2), greenWeight: 0 }, state);
    expect(forward(listener).ForwardConfig!.TargetGroups!.map((t) => t.Weight)).toEqual([0, 100]);
    await r.write({ version: td(1), greenWeight: 0 }, state);
    expect(forward(listener).ForwardConfig!.TargetGroups!.map((t) => t.Weight)).toEqual([100, 0]);
    expect(elb.commandCalls(ModifyListenerCommand)).toHaveLength(2);
  });

  it('stops with no write when the listener changed since it was read', async () => {
    const r = router();
    const from = (await r.read())!;
    listener = actions(50, 50);
    await expect(r.write({ version: td(1), green: td(2), greenWeight: 0.1 }, from)).rejects.toThrow(
      ConcurrentChangeError,
    );
    expect(elb.commandCalls(ModifyListenerCommand)).toHaveLength(0);
  });

  it('stops with no write when a service was given another task definition since it was read', async () => {
    const r = router();
    const from = (await r.read())!;
    services[1] = service('orders-b', TG_B, td(3), '2026-11-03T00:00:00Z');
    await expect(r.write({ version: td(1), green: td(2), greenWeight: 0.1 }, from)).rejects.toThrow(
      ConcurrentChangeError,
    );
    expect(elb.commandCalls(ModifyListenerCommand)).toHaveLength(0);
  });

  it('names the input whose task definition runs on neither service, or on both', async () => {
    const r = router();
    const err = await r.checkPair(td(1), td(7)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(
      /^Input "green-version" has value ".*orders:7": runs on neither orders-a nor orders-b/,
    );
    services[1] = service('orders-b', TG_B, td(1), '2026-11-03T00:00:00Z');
    const both = await router()
      .checkVersion(td(1), 'to')
      .catch((e: unknown) => e);
    expect((both as InputError).message).toMatch(
      /^Input "to" has value ".*orders:1": runs on both orders-a and orders-b/,
    );
  });

  it('refuses a listener that also sends traffic to a third target group', async () => {
    listener = actions(90, 10);
    forward(listener).ForwardConfig!.TargetGroups!.push({ TargetGroupArn: `${TG_A}x`, Weight: 5 });
    await expect(router().read()).rejects.toThrow(/also sends traffic to target group .*x, which neither/);
  });
});
