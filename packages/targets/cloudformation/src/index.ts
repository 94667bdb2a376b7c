// CloudFormation/SAM stacks as a deployer for the Lambda target: `stack-name` makes deploy-green create or update the
// stack through a change set before the Lambda deployer publishes, and makes rollback recover the stack. Without
// stack-name every call goes to the Lambda target unchanged.
import { InputError, InputReader, resolveRegion } from '@deploy-actions/core';
import type { DeployOutcome, Env, Target, TargetConfig } from '@deploy-actions/release/target';
import {
  readResourcesToSkip,
  readStackDeployInputs,
  readStackName,
  refuseWithoutStack,
  stackTimeout,
  STACK_INPUTS,
  type StackDeployInputs,
} from './inputs';
import { stackOnlyOutcome, withStackOutcome } from './outcome';

/** The Lambda config the wrapped target reads, as far as stacks use it. */
export type FnConfig = TargetConfig & { functionName?: string; alias?: string };
export type StackConfig<C extends FnConfig> = C & { stack?: string; alias?: string };

export interface StackDeploy<D> {
  stack?: StackDeployInputs;
  /** The Lambda deployer's inputs; undefined for a stack with no function to release. */
  lambda?: D;
  /** The Lambda config for a function named by a stack output, read with that name as function-name. */
  configFor(functionName: string): FnConfig;
}

// Lambda alias names: https://docs.aws.amazon.com/lambda/latest/api/API_CreateAlias.html
const ALIAS = /^(?!^[0-9]+$)[a-zA-Z0-9-_]{1,128}$/;

/**
 * The Lambda target, with stacks. `configInputs` name the function's configuration, which a stack owns: with
 * stack-name they are refused, as a change made beside the template would drift from it.
 */
export function withStacks<C extends FnConfig, D>(
  lambda: Target<C, D>,
  configInputs: readonly string[] = [],
): Target<StackConfig<C>, StackDeploy<D>> {
  const readConfig: Target<StackConfig<C>, StackDeploy<D>>['readConfig'] = (inputs, env, opts) => {
    const stack = readStackName(inputs);
    if (!stack) {
      refuseWithoutStack(inputs);
      return lambda.readConfig(inputs, env, opts) as StackConfig<C> | undefined;
    }
    const fn = lambda.readConfig(inputs, env, { ...opts, optional: true });
    return fn ? { ...fn, stack } : (stackAloneConfig(inputs, env, stack) as StackConfig<C>);
  };

  return {
    ...lambda,
    inputs: [...lambda.inputs, ...STACK_INPUTS],
    readConfig,
    open: (cfg, opts) => {
      if (!cfg.functionName)
        throw new InputError(
          'function-name',
          '',
          `is required to move traffic; stack ${cfg.stack} alone has none`,
        );
      return lambda.open(cfg, opts);
    },
    deploy: {
      readInputs: (inputs, env, cfg) => {
        if (cfg.stack) refuseGiven(inputs, configInputs, `is the stack's to set: change it in the template`);
        return readDeploy(lambda, inputs, env, cfg);
      },
      run: async (cfg, d, ctx): Promise<DeployOutcome> => {
        if (!d.stack) return lambda.deploy.run(cfg, d.lambda as D, ctx);
        const { deployWithStack } = await import('./run');
        const r = await deployWithStack(lambda, cfg, d, ctx);
        return r.fn
          ? withStackOutcome(r.stack, r.fn, d.stack)
          : stackOnlyOutcome(r.stack, d.stack, r.version);
      },
    },
    rollback: {
      readInputs: (inputs) => readRollbackInputs(lambda, inputs),
      before: async (cfg, extra, ctx) => {
        const x = extra as { resourcesToSkip?: string[]; timeoutMs?: number };
        if (!cfg.stack) return { traffic: true, outputs: {} };
        const { recoverWithRollback } = await import('./run');
        return recoverWithRollback(
          cfg,
          { resourcesToSkip: x.resourcesToSkip ?? [], timeoutMs: x.timeoutMs ?? 3_600_000 },
          ctx,
        );
      },
      after: async (cfg, extra, done, ctx) =>
        lambda.rollback ? lambda.rollback.after(cfg, (extra as { lambda: unknown }).lambda, done, ctx) : {},
    },
  };
}

/** The stack alone, or its function named by an output: no function config yet, but the alias is checked now. */
function stackAloneConfig(inputs: InputReader, env: Env, stack: string): StackConfig<FnConfig> {
  const alias = inputs.text('alias') || 'live';
  if (!ALIAS.test(alias)) throw new InputError('alias', alias, 'must be a Lambda alias name');
  const region = resolveRegion(inputs.text('aws-region'), env);
  const maxAttempts = inputs.integer('max-attempts', 10, 1, 20);
  return {
    name: `stack ${stack}`,
    aws: { region, maxAttempts },
    history: { targetKind: 'cloudformation', resource: stack },
    stack,
    alias,
  };
}

function readRollbackInputs<C extends FnConfig, D>(lambda: Target<C, D>, inputs: InputReader) {
  const stack = readStackName(inputs);
  const to = inputs.text('to');
  // A stack alone goes back to its previous template; versions are the alias's.
  if (stack && !inputs.text('function-name') && to && to !== 'previous')
    throw new InputError('to', to, 'needs function-name: a stack alone rolls back to its previous template');
  return {
    lambda: lambda.rollback?.readInputs(inputs),
    ...(stack && { resourcesToSkip: readResourcesToSkip(inputs), timeoutMs: stackTimeout(inputs) }),
  };
}

function readDeploy<C extends FnConfig, D>(
  lambda: Target<C, D>,
  inputs: InputReader,
  env: Env,
  cfg: StackConfig<C>,
): StackDeploy<D> {
  // The Lambda config of a function a stack output names, read as if function-name named it.
  const configFor = (fn: string) =>
    lambda.readConfig(
      new InputReader((n) => (n === 'function-name' ? fn : inputs.text(n, { multiline: true }))),
      env,
    )!;
  if (!cfg.stack) return { lambda: lambda.deploy.readInputs(inputs, env, cfg), configFor };
  const stack = readStackDeployInputs(inputs, cfg.stack, env.GITHUB_WORKSPACE || process.cwd());
  const fnGiven = !!cfg.functionName;
  if (stack.functionOutput && fnGiven)
    throw new InputError(
      'function-output',
      stack.functionOutput,
      'cannot be combined with function-name: give one',
    );
  if (!fnGiven && !stack.functionOutput) {
    if (stack.versionOutput)
      throw new InputError('version-output', stack.versionOutput, 'needs function-name or function-output');
    refuseGiven(
      inputs,
      lambda.inputs,
      'needs function-name or function-output: this stack has no function to release',
    );
    return { stack, configFor };
  }
  if (stack.versionOutput) {
    refuseGiven(
      inputs,
      lambda.inputs,
      'cannot be combined with version-output: the stack publishes the version',
    );
    return { stack, configFor };
  }
  // With function-output the name is known only after the stack: its inputs are checked with a stand-in name.
  const fnCfg = (fnGiven ? cfg : configFor('stack-output-function')) as C;
  return { stack, lambda: lambda.deploy.readInputs(inputs, env, fnCfg), configFor };
}

function refuseGiven(inputs: InputReader, names: readonly string[], why: string): void {
  for (const name of names) {
    if (name === 'function-name' || name === 'alias') continue;
    const value = inputs.text(name, { multiline: true });
    if (value !== '') throw new InputError(name, value, why);
  }
}

export { STACK_INPUTS } from './inputs';
