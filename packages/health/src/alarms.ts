import type { CloudWatchClient, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { errorMessage, InputError } from '@deploy-actions/core';
import type { HealthConfig } from './config';
import { cloudwatchSdk } from './client';
import { unreadable, type CheckResult, type Verdict } from './result';

/** Every alarm the config names, read once; names that match nothing are the alarms input's error. */
export async function resolveAlarms(cw: CloudWatchClient, alarms: HealthConfig['alarms']): Promise<string[]> {
  const found = await describeAlarms(cw, alarms);
  const byName = new Set(found.map((a) => a.AlarmName));
  const missing = alarms.names.filter((n) => !byName.has(n));
  if (missing.length)
    throw new InputError(
      'alarms',
      missing.join(', '),
      'names no CloudWatch alarm in this account and region',
    );
  for (const prefix of alarms.prefixes) {
    if (!found.some((a) => a.AlarmName?.startsWith(prefix))) {
      throw new InputError('alarms', `${prefix}*`, 'matches no CloudWatch alarm in this account and region');
    }
  }
  return [...byName].filter((n): n is string => !!n).sort();
}

async function describeAlarms(cw: CloudWatchClient, alarms: HealthConfig['alarms']): Promise<MetricAlarm[]> {
  const { DescribeAlarmsCommand } = await cloudwatchSdk();
  const out: MetricAlarm[] = [];
  const pages: { AlarmNames?: string[]; AlarmNamePrefix?: string }[] = [
    ...(alarms.names.length ? [{ AlarmNames: alarms.names }] : []),
    ...alarms.prefixes.map((p) => ({ AlarmNamePrefix: p })),
  ];
  for (const filter of pages) {
    let token: string | undefined;
    do {
      const r = await cw.send(
        new DescribeAlarmsCommand({
          ...filter,
          AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
          NextToken: token,
        }),
      );
      out.push(...(r.MetricAlarms ?? []), ...((r.CompositeAlarms ?? []) as MetricAlarm[]));
      token = r.NextToken;
    } while (token);
  }
  // A name and a prefix may find the same alarm.
  return [...new Map(out.map((a) => [a.AlarmName, a])).values()];
}

/** Any alarm in ALARM is unhealthy; INSUFFICIENT_DATA is inconclusive; a read that fails is unhealthy. */
export async function checkAlarms(
  cw: CloudWatchClient,
  alarms: HealthConfig['alarms'],
): Promise<CheckResult> {
  let found: MetricAlarm[];
  try {
    found = await describeAlarms(cw, alarms);
  } catch (err) {
    return unreadable('alarms', `could not read the alarms: ${errorMessage(err)}`);
  }
  const inAlarm = found.filter((a) => a.StateValue === 'ALARM').map((a) => a.AlarmName);
  const noData = found.filter((a) => a.StateValue === 'INSUFFICIENT_DATA').map((a) => a.AlarmName);
  const observed = {
    alarms: found.length,
    inAlarm: inAlarm.join(', ') || null,
    insufficientData: noData.join(', ') || null,
  };
  const result = (verdict: Verdict, reason: string): CheckResult => ({
    check: 'alarms',
    verdict,
    reason,
    observed,
    threshold: { inAlarm: 'none' },
  });
  if (inAlarm.length) return result('unhealthy', `alarm ${inAlarm.join(', ')} in ALARM`);
  if (noData.length) return result('inconclusive', `alarm ${noData.join(', ')} has INSUFFICIENT_DATA`);
  return result('healthy', `${found.length} alarm(s) OK`);
}
