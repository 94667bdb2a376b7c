// The Lambda target as the runners get it, over a fake or mocked client.
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { systemClock, type Clock } from '@deploy-actions/core';
import type { Targets } from '@deploy-actions/release/run/common';
import { lambdaTarget } from '../src/index';
import type { LambdaConfig } from '../src/inputs';
import { aliasRouter, lambdaSignals } from '../src/session';

export const TARGETS: Targets = { lambda: lambdaTarget as Targets[string] };

export const ORDERS: LambdaConfig = {
  functionName: 'orders',
  alias: 'live',
  aws: { region: 'us-east-1', maxAttempts: 3 },
  name: 'orders:live',
  history: { targetKind: 'lambda', resource: 'orders:live' },
};

export function ordersRouter(client: LambdaClient, clock: Clock = systemClock) {
  return aliasRouter(client, ORDERS, clock);
}

export function ordersSignals(client: LambdaClient) {
  return lambdaSignals(client, ORDERS);
}

/** Runner deps with the Lambda client given. */
export function lambdaDeps(client: LambdaClient, clock?: Clock) {
  return { clients: { lambda: async () => client }, ...(clock && { clock }) };
}
