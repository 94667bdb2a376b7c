// ECS behind an ALB through the bundles, against moto and the model of what it lacks (rollouts, health).
import { describe, it, expect } from '@jest/globals';
import { CloudWatchClient, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { ModifyListenerCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { clientConfig } from '@deploy-actions/testbed/moto';
import { weightedForward } from '@deploy-actions/testbed/ecs';
import { ok } from './bed';
import { useEcsBed } from './ecs-bed';

const bed = useEcsBed();
const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:2.0.0';

async function deploy(image = IMAGE) {
  const r = await bed.run('deploy-green', {
    'container-name': bed.stack.containerName,
    image,
    'test-listener-arn': bed.stack.testListenerArn!,
  });
  ok(r);
  return r;
}

describe('ECS blue/green through the bundles', () => {
  it('deploys to the idle service with no traffic, shifts 5/25/50/100, then releases the other way round', async () => {
    const green = await deploy();
    expect(green.outputs).toMatchObject({
      'blue-version': bed.stack.taskDefinitionArn,
      'green-service': bed.stack.green.serviceName,
      'blue-service': bed.stack.blue.serviceName,
      changed: 'true',
    });
    expect(green.outputs['green-version']).toMatch(/task-definition\/.*:2$/);
    // The production listener is untouched by a deploy; the test listener points at green alone.
    expect(green.writes).toEqual(['RegisterTaskDefinition', 'UpdateService', 'ModifyListener']);
    expect((await bed.weights()).weights).toEqual([100, 0]);
    expect((await bed.testWeights()).weights).toEqual([0, 1]);

    const shift = await bed.run('shift-traffic', {
      'green-version': green.outputs['green-version']!,
      steps: '5,25,50,100',
      'bake-time': '0',
    });
    ok(shift);
    expect(shift.outputs).toMatchObject({ status: 'promoted', weight: '100' });
    expect(shift.writes).toEqual(['ModifyListener', 'ModifyListener', 'ModifyListener', 'ModifyListener']);
    const after = await bed.weights();
    expect(after.weights).toEqual([0, 100]);
    const forward = after.actions.find((a) => a.Type === 'forward')!;
    expect(forward.ForwardConfig!.TargetGroupStickinessConfig).toEqual({
      Enabled: true,
      DurationSeconds: 3600,
    });

    // The next release goes to the service that was blue, now idle.
    const next = await deploy(`${IMAGE}-b`);
    expect(next.outputs).toMatchObject({
      'green-service': bed.stack.blue.serviceName,
      'blue-version': green.outputs['green-version'],
    });
    ok(
      await bed.run('shift-traffic', {
        'green-version': next.outputs['green-version']!,
        strategy: 'all-at-once',
      }),
    );
    expect((await bed.weights()).weights).toEqual([100, 0]);
  });

  it('fails deploy-green on a circuit-breaker rollback with the tasks’ reason, and moves no traffic', async () => {
    bed.model.failNextDeployment(bed.stack.green.serviceName, {
      stoppedReason: 'Essential container in task exited',
    });
    const r = await bed.run('deploy-green', { 'container-name': bed.stack.containerName, image: IMAGE });
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(
      /The deployment of .*:2 to .* failed: ECS deployment circuit breaker.*Essential container in task exited.*No traffic was moved\./,
    );
    expect((await bed.weights()).weights).toEqual([100, 0]);
  });

  it('puts traffic back on blue in one write when the gate finds green unhealthy', async () => {
    const green = await deploy();
    const cw = new CloudWatchClient(clientConfig(bed.moto.url));
    await cw.send(
      new PutMetricAlarmCommand({
        AlarmName: 'orders-5xx',
        Namespace: 'AWS/ApplicationELB',
        MetricName: 'HTTPCode_Target_5XX_Count',
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 10,
        ComparisonOperator: 'GreaterThanThreshold',
      }),
    );
    await cw.send(
      new SetAlarmStateCommand({ AlarmName: 'orders-5xx', StateValue: 'ALARM', StateReason: 'test' }),
    );
    cw.destroy();
    const r = await bed.run('shift-traffic', {
      'green-version': green.outputs['green-version']!,
      steps: '10,100',
      'bake-time': '0',
      alarms: 'orders-5xx',
    });
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ status: 'rolled-back', weight: '0' });
    expect(r.errors[0]).toMatch(
      /health unhealthy at step 1\/2 .*alarm orders-5xx in ALARM.*Traffic restored: 100% on .*:1\./,
    );
    expect(r.writes).toEqual(['ModifyListener', 'ModifyListener']);
    expect((await bed.weights()).weights).toEqual([100, 0]);
  });

  it('rolls back a split left half-done, in one write, and reads it back', async () => {
    const green = await deploy();
    const half = await bed.run('shift-traffic', {
      'green-version': green.outputs['green-version']!,
      steps: '25',
      'bake-time': '0',
    });
    ok(half);
    expect(half.outputs).toMatchObject({ status: 'in-progress', weight: '25' });
    expect((await bed.weights()).weights).toEqual([75, 25]);
    const back = await bed.run('rollback', { 'scale-down': 'true' });
    ok(back);
    expect(back.outputs).toMatchObject({
      'from-version': green.outputs['green-version'],
      'to-version': bed.stack.taskDefinitionArn,
      'scaled-down-service': bed.stack.green.serviceName,
    });
    expect(back.writes).toEqual(['ModifyListener', 'UpdateService']);
    expect((await bed.weights()).weights).toEqual([100, 0]);
  });

  it('stops with no further write when someone else changes the listener during a bake', async () => {
    const green = await deploy();
    const shift = bed.run('shift-traffic', {
      'green-version': green.outputs['green-version']!,
      steps: '10,100',
      'bake-time': '5m',
    });
    // Once step 1 is written, someone else sets 50/50.
    for (let i = 0; i < 200 && (await bed.weights()).weights[1] !== 10; i++)
      await new Promise((r) => setTimeout(r, 25));
    await bed.elb.send(
      new ModifyListenerCommand({
        ListenerArn: bed.stack.productionListenerArn,
        DefaultActions: [weightedForward(bed.stack, 50, 50)],
      }),
    );
    const r = await shift;
    expect(r.code).toBe(1);
    expect(r.errors[0]).toMatch(
      /was changed by someone else during the shift: expected .* found .*50% .*this run changed nothing more/,
    );
    expect(r.writes).toEqual(['ModifyListener']);
    expect((await bed.weights()).weights).toEqual([50, 50]);
  });
});
