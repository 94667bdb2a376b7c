import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { errorMessage } from '@deploy-actions/core';
import { clip, type CheckResult, type HealthConfig, type Subject } from '@deploy-actions/health';

/** Invokes the version itself (not the alias), so the answer is the version's own. */
export async function checkInvoke(
  lambda: LambdaClient,
  cfg: NonNullable<HealthConfig['invoke']>,
  functionName: string,
  t: Pick<Subject, 'version'>,
): Promise<CheckResult> {
  const threshold = { expect: cfg.expect?.describe ?? 'no function error' };
  try {
    const out = await lambda.send(
      new InvokeCommand({
        FunctionName: functionName,
        Qualifier: t.version,
        Payload: new TextEncoder().encode(cfg.payload),
      }),
    );
    const body = out.Payload ? new TextDecoder().decode(out.Payload) : '';
    const observed = { functionError: out.FunctionError ?? null, response: clip(body) };
    if (out.FunctionError) {
      return {
        check: 'invoke',
        verdict: 'unhealthy',
        reason: `v${t.version} returned a function error (${out.FunctionError}): ${clip(body)}`,
        observed,
        threshold,
      };
    }
    if (cfg.expect && !cfg.expect.test(body)) {
      return {
        check: 'invoke',
        verdict: 'unhealthy',
        reason: `v${t.version} answered ${clip(body)}, which does not match ${cfg.expect.describe}`,
        observed,
        threshold,
      };
    }
    return {
      check: 'invoke',
      verdict: 'healthy',
      reason: `v${t.version} answered the invoke${cfg.expect ? ` matching ${cfg.expect.describe}` : ''}`,
      observed,
      threshold,
    };
  } catch (err) {
    return {
      check: 'invoke',
      verdict: 'unhealthy',
      reason: `invoking v${t.version} failed: ${errorMessage(err)}`,
      observed: {},
      threshold,
    };
  }
}
