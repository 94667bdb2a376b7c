import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { errorMessage, type Matcher } from '@deploy-actions/core';

export type Verdict = 'healthy' | 'unhealthy' | 'inconclusive';

export interface GateResult {
  verdict: Verdict;
  /** One line a person can act on. */
  reason: string;
}

export interface GateContext {
  functionName: string;
  alias: string;
  blue: string;
  green: string;
  /** Percentage of traffic on green while judged. */
  percent: number;
  signal: AbortSignal;
}

/** A check run after each step; shift-traffic stops on anything but healthy. */
export interface Gate {
  name: string;
  evaluate(ctx: GateContext): Promise<GateResult>;
}

export interface InvokeCheck {
  payload: string;
  expect?: Matcher;
}

/** Invokes one version directly; a FunctionError, an unexpected body or a failed call is unhealthy (fail closed). */
export async function invokeVersion(
  lambda: LambdaClient,
  functionName: string,
  version: string,
  check: InvokeCheck,
): Promise<GateResult> {
  try {
    const out = await lambda.send(
      new InvokeCommand({
        FunctionName: functionName,
        Qualifier: version,
        Payload: new TextEncoder().encode(check.payload),
      }),
    );
    const body = out.Payload ? new TextDecoder().decode(out.Payload) : '';
    if (out.FunctionError) {
      return {
        verdict: 'unhealthy',
        reason: `v${version} returned a function error (${out.FunctionError}): ${clip(body)}`,
      };
    }
    if (check.expect && !check.expect.test(body)) {
      return {
        verdict: 'unhealthy',
        reason: `v${version} answered ${clip(body)}, which does not match ${check.expect.describe}`,
      };
    }
    return {
      verdict: 'healthy',
      reason: `v${version} answered the invoke${check.expect ? ` matching ${check.expect.describe}` : ''}`,
    };
  } catch (err) {
    return { verdict: 'unhealthy', reason: `invoking v${version} failed: ${errorMessage(err)}` };
  }
}

export function invokeGate(lambda: LambdaClient, check: InvokeCheck): Gate {
  return { name: 'invoke', evaluate: (ctx) => invokeVersion(lambda, ctx.functionName, ctx.green, check) };
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length > 200 ? `${one.slice(0, 197)}...` : one;
}
