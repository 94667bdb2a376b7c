import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { InputError } from '@deploy-actions/core';
import type { StackClients } from './clients';

/**
 * rollback-alarms as ARNs, as RollbackTrigger wants them; a name that matches no alarm is the input's error,
 * found by a read before any write.
 */
export async function resolveAlarmArns(clients: StackClients, alarms: string[]): Promise<string[]> {
  const names = alarms.filter((a) => !a.startsWith('arn:'));
  if (!names.length) return alarms;
  const cw = await clients.cloudwatch();
  const found = new Map<string, string>();
  let token: string | undefined;
  do {
    const out = await cw.send(
      new DescribeAlarmsCommand({
        AlarmNames: names,
        AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
        NextToken: token,
      }),
    );
    for (const a of [...(out.MetricAlarms ?? []), ...(out.CompositeAlarms ?? [])])
      if (a.AlarmName && a.AlarmArn) found.set(a.AlarmName, a.AlarmArn);
    token = out.NextToken;
  } while (token);
  const missing = names.filter((n) => !found.has(n));
  if (missing.length)
    throw new InputError(
      'rollback-alarms',
      missing.join(', '),
      'names no CloudWatch alarm in this account and region',
    );
  return alarms.map((a) => found.get(a) ?? a);
}
