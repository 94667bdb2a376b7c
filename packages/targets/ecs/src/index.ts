// The ECS target: two services behind one Application Load Balancer listener (or rule) that forwards to
// their two target groups with weights. A version is a task definition ARN.
import { InputError, type InputReader } from '@deploy-actions/core';
import type { DeployContext, DeployOutcome, Env, Target } from '@deploy-actions/release/target';
import type { EcsDeployInputs } from './deploy';
import { ECS_INPUTS, readEcsConfig, type EcsConfig } from './inputs';
import { isTaskDefinitionArn, label, parseListenerArn, parseTaskDefinitionArn } from './names';
import { parseImage, readTaskDefinitionFile } from './taskdef';

function readDeployInputs(inputs: InputReader, env: Env, cfg: EcsConfig): EcsDeployInputs {
  const path = inputs.text('task-definition');
  const file = path ? readTaskDefinitionFile(path, env.GITHUB_WORKSPACE || process.cwd()) : undefined;
  const name = inputs.text('container-name');
  const imageText = inputs.text('image');
  if (name && !imageText)
    throw new InputError('image', '', 'is required with container-name: the image to run in that container');
  if (imageText && !name)
    throw new InputError(
      'container-name',
      '',
      'is required with image: the container whose image it replaces',
    );
  if (!file && !imageText) {
    throw new InputError(
      'task-definition',
      '',
      "is required with target ecs unless container-name and image are given (then blue's task definition gets the new image)",
    );
  }
  const container = imageText ? { name, image: parseImage(imageText) } : undefined;
  if (file && container) {
    const names = (file.input.containerDefinitions ?? []).map((c) => c.name);
    if (!names.includes(name)) {
      throw new InputError(
        'container-name',
        name,
        `names no container of ${path} (it has ${names.join(', ')})`,
      );
    }
  }
  const countText = inputs.text('desired-count');
  // Green with no task would take traffic it cannot serve.
  const desiredCount = countText ? inputs.integer('desired-count', 0, 1, 5000) : undefined;
  const testText = inputs.text('test-listener-arn');
  const testListener = testText ? checkTestListener(testText, cfg) : undefined;
  return {
    ...(file && { file }),
    ...(container && { container }),
    ...(desiredCount !== undefined && { desiredCount }),
    ...(testListener && { testListener }),
  };
}

/** A listener other than production's, in the region of the rest: it is pointed at green alone. */
function checkTestListener(text: string, cfg: EcsConfig): string {
  const listener = parseListenerArn('test-listener-arn', text, false);
  if (listener.region !== cfg.aws.region) {
    throw new InputError(
      'test-listener-arn',
      text,
      `is in region ${listener.region}, not ${cfg.aws.region} like the services`,
    );
  }
  const production =
    cfg.router.kind === 'listener'
      ? cfg.router.arn
      : cfg.router.arn.replace(':listener-rule/', ':listener/').replace(/\/[0-9a-f]+$/, '');
  if (listener.value === production) {
    throw new InputError(
      'test-listener-arn',
      text,
      'is the production listener: the test listener is pointed at green alone, so it must be another listener',
    );
  }
  return listener.value;
}

async function deploy(cfg: EcsConfig, d: EcsDeployInputs, ctx: DeployContext): Promise<DeployOutcome> {
  const { ecsClients } = await import('./clients');
  const { deployEcs } = await import('./deploy');
  // The test listener's URL is read only for pre-traffic tests.
  const r = await deployEcs(await ecsClients(cfg.aws, ctx), cfg, d, { ...ctx, testUrl: !!ctx.beforeTraffic });
  return {
    ...(r.testUrl && { testUrl: r.testUrl }),
    env: { GREEN_SERVICE: r.greenSide.service, BLUE_SERVICE: r.blueSide.service },
    green: r.green,
    blue: r.blue,
    changed: r.changed,
    outputs: { 'green-service': r.greenSide.service, 'blue-service': r.blueSide.service },
    summary: {
      title: cfg.name,
      header: ['green version', 'blue version', 'changed', 'green service', 'blue service'],
      row: [label(r.green), label(r.blue), String(r.changed), r.greenSide.service, r.blueSide.service],
    },
  };
}

export const ecsTarget: Target<EcsConfig, EcsDeployInputs> = {
  kind: 'ecs',
  inputs: ECS_INPUTS,
  readConfig: readEcsConfig,
  // ALB weights are whole numbers; traffic moves in whole percents.
  percentDecimals: 0,
  parseVersion: parseTaskDefinitionArn,
  isVersion: (text) => text.startsWith('arn:') || isTaskDefinitionArn(text),
  // The SDK loads only now, after every input was checked.
  open: async (cfg, opts) => (await import('./session')).openEcs(cfg, opts),
  deploy: { readInputs: readDeployInputs, run: deploy },
  rollback: {
    readInputs: (inputs) => inputs.oneOf('scale-down', ['true', 'false'] as const, 'false') === 'true',
    after: async (cfg, scaleDown, done, ctx) =>
      scaleDown ? (await import('./scale-down')).scaleDownGreen(cfg, done, ctx) : {},
  },
};
