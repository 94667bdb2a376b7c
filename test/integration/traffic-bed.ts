// What the traffic simulator's integration tests share: one moto per file, a function with alias `live` split
// between versions 1 and 2, and queries of the per-version metrics the simulator writes.
import { afterAll, beforeAll } from '@jest/globals';
import {
  CloudWatchClient,
  GetMetricDataCommand,
  type Dimension,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { CreateAliasCommand, LambdaClient, PublishVersionCommand } from '@aws-sdk/client-lambda';
import { clientConfig, createLambdaFunction, startMoto, type Moto } from '@deploy-actions/testbed/moto';
import type { Traffic } from '@deploy-actions/testbed/traffic';

export const ALIAS = 'live';
export const SCALE = 60;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

export function dims(fn: string, version?: string): Dimension[] {
  const d = [
    { Name: 'FunctionName', Value: fn },
    { Name: 'Resource', Value: `${fn}:${ALIAS}` },
  ];
  return version ? [...d, { Name: 'ExecutedVersion', Value: version }] : d;
}

export function query(id: string, metric: string, d: Dimension[], stat: string): MetricDataQuery {
  return {
    Id: id,
    MetricStat: {
      Metric: { Namespace: 'AWS/Lambda', MetricName: metric, Dimensions: d },
      Period: 60,
      Stat: stat,
    },
  };
}

export interface TrafficBed {
  moto: Moto;
  cloudwatch: CloudWatchClient;
  /** Versions 1 and 2 of a new function, alias `live` on 1 with the given extra weights. */
  fixture(name: string, weights?: Record<string, number>): Promise<void>;
  /** Sum of each query's values over [from, to), by query id. */
  metricSums(from: number, to: number, queries: MetricDataQuery[]): Promise<Record<string, number>>;
  /** Stops the simulator after the file, whatever a test left running. */
  track(t: Traffic): Traffic;
}

/** Registers the jest hooks of one moto per file. */
export function useTrafficBed(): TrafficBed {
  const running: Traffic[] = [];
  const bed = {} as TrafficBed;
  beforeAll(async () => {
    bed.moto = await startMoto();
    bed.cloudwatch = new CloudWatchClient(clientConfig(bed.moto.url, { maxAttempts: 1 }));
  });
  afterAll(async () => {
    await Promise.allSettled(running.map((t) => t.stop()));
    bed.cloudwatch?.destroy();
    await bed.moto?.stop();
  });
  bed.track = (t) => {
    running.push(t);
    return t;
  };
  bed.fixture = async (name, weights) => {
    await createLambdaFunction(bed.moto.url, { name });
    const lambda = new LambdaClient(clientConfig(bed.moto.url));
    try {
      await lambda.send(new PublishVersionCommand({ FunctionName: name, Description: 'blue' }));
      await lambda.send(new PublishVersionCommand({ FunctionName: name, Description: 'green' }));
      await lambda.send(
        new CreateAliasCommand({
          FunctionName: name,
          Name: ALIAS,
          FunctionVersion: '1',
          RoutingConfig: weights ? { AdditionalVersionWeights: weights } : undefined,
        }),
      );
    } finally {
      lambda.destroy();
    }
  };
  bed.metricSums = async (from, to, queries) => {
    const out = await bed.cloudwatch.send(
      new GetMetricDataCommand({
        StartTime: new Date(from),
        EndTime: new Date(to),
        MetricDataQueries: queries,
      }),
    );
    return Object.fromEntries(
      (out.MetricDataResults ?? []).map((r) => [r.Id!, (r.Values ?? []).reduce((n, v) => n + v, 0)]),
    );
  };
  return bed;
}
