// The Lambda target: an alias's weighted routing between two published versions.
import { InputError, type InputReader } from '@deploy-actions/core';
import type { DeployContext, DeployOutcome, Env, Target } from '@deploy-actions/release/target';
import { readConfigInputs, type ConfigInputs } from './config-inputs';
import type { CodeSource } from './deploy';
import { changeSection } from './deploy-config';
import { LAMBDA_INPUTS, readLambdaConfig, readSource, type LambdaConfig } from './inputs';
import { parseVersion } from './names';

interface DeployInputs extends ConfigInputs {
  source: CodeSource;
  smoke?: { payload: string; expect: ReturnType<InputReader['matcher']> };
}

function readDeployInputs(inputs: InputReader, env: Env, cfg: LambdaConfig): DeployInputs {
  const source = readSource(inputs, env.GITHUB_WORKSPACE || process.cwd());
  const config = readConfigInputs(inputs, source, cfg.aws.region);
  const smokePayload = inputs.json('smoke-payload');
  const smokeExpect = inputs.matcher('smoke-expect');
  if (smokeExpect && !smokePayload)
    throw new InputError('smoke-expect', inputs.text('smoke-expect'), 'needs smoke-payload');
  return {
    source,
    ...config,
    ...(smokePayload && { smoke: { payload: smokePayload, expect: smokeExpect } }),
  };
}

async function deploy(cfg: LambdaConfig, d: DeployInputs, ctx: DeployContext): Promise<DeployOutcome> {
  // One after the other: both need the SDK, and parallel imports sharing it trip jest's ESM loader.
  const { openClient } = await import('./session');
  const { deployGreen } = await import('./deploy');
  const lambda = await openClient(cfg, ctx);
  const r = await deployGreen({
    lambda,
    functionName: cfg.functionName,
    alias: cfg.alias,
    source: d.source,
    settings: d.settings,
    createIfMissing: d.createIfMissing,
    description: ctx.description,
    waitTimeoutMs: ctx.waitTimeoutMs,
    ...(d.smoke && { smoke: d.smoke }),
    log: ctx.log,
    clock: ctx.clock,
    ...(ctx.beforeTraffic && { beforeTraffic: ctx.beforeTraffic }),
  });
  return {
    green: r.greenVersion,
    blue: r.blueVersion,
    changed: r.changed,
    outputs: {
      'function-arn': r.functionArn,
      'code-sha256': r.codeSha256,
      'alias-created': String(r.aliasCreated),
      'function-created': String(r.functionCreated),
    },
    summary: {
      title: cfg.functionName,
      header: ['green version', 'blue version', 'changed', 'alias', 'code sha256'],
      row: [
        r.greenVersion,
        r.blueVersion || '(first deploy)',
        String(r.changed),
        r.aliasCreated ? `${cfg.alias} created on v${r.greenVersion}` : `${cfg.alias} unchanged`,
        r.codeSha256,
      ],
    },
    sections: [changeSection(r.changes, r.functionCreated)],
    env: { GREEN_QUALIFIED_ARN: r.functionArn },
  };
}

export const lambdaTarget: Target<LambdaConfig, DeployInputs> = {
  kind: 'lambda',
  inputs: LAMBDA_INPUTS,
  readConfig: readLambdaConfig,
  percentDecimals: 2,
  parseVersion,
  // $LATEST gets parseVersion's own explanation rather than "not a deployment id".
  isVersion: (text) => /^\d+$/.test(text) || text === '$LATEST',
  // The SDK loads only now, after every input was checked.
  open: async (cfg, opts) => (await import('./session')).openLambda(cfg, opts),
  deploy: { readInputs: readDeployInputs, run: deploy },
};

export { CONFIG_INPUTS } from './config-inputs';
