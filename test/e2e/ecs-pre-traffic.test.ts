// deploy-green's pre-traffic tests on ECS through the bundles: GREEN_TEST_URL is the test listener's URL.
import { describe, it, expect } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { ok } from './bed';
import { useEcsBed } from './ecs-bed';

const bed = useEcsBed();
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:2.0.0';

describe('deploy-green test-command (ECS) through the bundles', () => {
  it('gives the command the test listener URL, once the test listener forwards to green alone', async () => {
    const listener = (
      await bed.elb.send(new DescribeListenersCommand({ ListenerArns: [bed.stack.testListenerArn!] }))
    ).Listeners![0]!;
    const lb = (
      await bed.elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [bed.stack.loadBalancerArn] }))
    ).LoadBalancers![0]!;
    expect(lb.DNSName).toBe(bed.stack.loadBalancerDnsName);
    const workspace = mkdtempSync(join(tmpdir(), 'ecs-pre-traffic-'));
    const r = await bed.run(
      'deploy-green',
      {
        'container-name': bed.stack.containerName,
        image: IMAGE,
        'test-listener-arn': bed.stack.testListenerArn!,
        'test-command': 'echo "$GREEN_TEST_URL $GREEN_VERSION $GREEN_SERVICE" > ecs-seen.txt',
      },
      { workspace },
    );
    ok(r);
    expect(r.outputs['test-result']).toBe('passed');
    expect(readFileSync(join(workspace, 'ecs-seen.txt'), 'utf8')).toBe(
      `http://${bed.stack.loadBalancerDnsName}:${listener.Port}/ ${r.outputs['green-version']} ${bed.stack.green.serviceName}\n`,
    );
    // Production traffic untouched: the tests ran before any.
    expect((await bed.weights()).weights).toEqual([100, 0]);
    rmSync(workspace, { recursive: true, force: true });
  });
});
