// The Cloud Run target: a service's traffic split between two revisions. A version is a revision name.
import type { InputReader } from '@deploy-actions/core';
import type { DeployContext, DeployOutcome, Env, Target } from '@deploy-actions/release/target';
import { holdToken } from './auth';
import { readDeployInputs, type CloudRunDeployInputs } from './deploy-inputs';
import { CLOUD_RUN_INPUTS, readAccessToken, readCloudRunConfig, type CloudRunConfig } from './inputs';
import { isRevisionReference, parseRevision } from './names';

function readConfig(
  inputs: InputReader,
  env: Env,
  opts?: { optional?: boolean; region?: boolean },
): CloudRunConfig | undefined {
  const cfg = readCloudRunConfig(inputs, env, opts);
  if (cfg) holdToken(cfg, readAccessToken(inputs));
  return cfg;
}

async function deploy(
  cfg: CloudRunConfig,
  d: CloudRunDeployInputs,
  ctx: DeployContext,
): Promise<DeployOutcome> {
  const { openRunApi } = await import('./session');
  const { deployCloudRun } = await import('./deploy');
  const { api } = await openRunApi(cfg, ctx);
  const r = await deployCloudRun(api, cfg, d, ctx);
  return {
    ...(r.greenUrl && { testUrl: r.greenUrl }),
    green: r.green,
    blue: r.blue,
    changed: r.changed,
    outputs: { 'green-url': r.greenUrl ?? '', 'service-created': String(r.created) },
    summary: {
      title: cfg.name,
      header: ['green version', 'blue version', 'changed', 'tag', 'green URL'],
      row: [r.green, r.blue, String(r.changed), d.tag, r.greenUrl ?? '(none)'],
    },
  };
}

export const cloudRunTarget: Target<CloudRunConfig, CloudRunDeployInputs> = {
  kind: 'cloud-run',
  platform: 'Cloud Run',
  inputs: CLOUD_RUN_INPUTS,
  readConfig,
  // Traffic percents of a service are whole numbers.
  percentDecimals: 0,
  parseVersion: parseRevision,
  isVersion: isRevisionReference,
  // The REST client and google-auth-library load only now, after every input was checked.
  open: async (cfg, opts) => (await import('./session')).openCloudRun(cfg, opts),
  deploy: { readInputs: readDeployInputs, run: deploy },
  rollback: {
    readInputs: (inputs) => inputs.oneOf('remove-green', ['true', 'false'] as const, 'false') === 'true',
    after: async (cfg, removeGreen, done, ctx) => {
      if (!removeGreen) return {};
      const { openRunApi } = await import('./session');
      const { removeGreenTags } = await import('./remove-green');
      return removeGreenTags((await openRunApi(cfg, ctx)).api, cfg, done, ctx.log);
    },
  },
};
