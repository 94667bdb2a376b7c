// ECS and ELBv2 answers shaped as AWS documents them, for a pair of services behind one listener.
import type { Action } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Service } from '@aws-sdk/client-ecs';
import type { EcsConfig } from '../src/inputs';

const ACCOUNT = '123456789012';
export const LISTENER = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:listener/app/orders/50dc6c495c0c9188/f2f7dc8efc522ab2`;
export const RULE = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:listener-rule/app/orders/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee`;
export const TG_A = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/orders-a/73e2d6bc24d8a067`;
export const TG_B = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/orders-b/2453ed029918f21f`;
export const td = (rev: number) => `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/orders:${rev}`;

export const CONFIG: EcsConfig = {
  cluster: 'prod',
  services: ['orders-a', 'orders-b'],
  router: { kind: 'listener', arn: LISTENER },
  aws: { region: 'us-east-1', maxAttempts: 3 },
  name: 'prod/orders-a,orders-b',
  history: { targetKind: 'ecs', resource: 'prod/orders-a,orders-b' },
};

/** https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Service.html */
export function service(name: string, targetGroup: string, taskDefinition: string, since: string): Service {
  return {
    serviceName: name,
    status: 'ACTIVE',
    taskDefinition,
    desiredCount: 2,
    runningCount: 2,
    loadBalancers: [{ targetGroupArn: targetGroup, containerName: 'web', containerPort: 8080 }],
    deployments: [
      {
        id: `ecs-svc/${name}`,
        status: 'PRIMARY',
        taskDefinition,
        desiredCount: 2,
        runningCount: 2,
        createdAt: new Date(since),
        rolloutState: 'COMPLETED',
      },
    ],
    deploymentController: { type: 'ECS' },
  };
}

/** A default action list as DescribeListeners returns it: an OIDC login first, then the weighted forward. */
export function actions(weightA: number, weightB: number): Action[] {
  return [
    {
      Type: 'authenticate-oidc',
      Order: 1,
      AuthenticateOidcConfig: {
        Issuer: 'https://idp.example.com',
        AuthorizationEndpoint: 'https://idp.example.com/authorize',
        TokenEndpoint: 'https://idp.example.com/token',
        UserInfoEndpoint: 'https://idp.example.com/userinfo',
        ClientId: 'orders',
      },
    },
    {
      Type: 'forward',
      Order: 2,
      ForwardConfig: {
        TargetGroups: [
          { TargetGroupArn: TG_A, Weight: weightA },
          { TargetGroupArn: TG_B, Weight: weightB },
        ],
        TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 3600 },
      },
    },
  ];
}
