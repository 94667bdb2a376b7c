// Loaded only when stack-name is given: the stack, then the function it holds; rollback's stack recovery.
import { table, type Log } from '@deploy-actions/core';
import type {
  DeployContext,
  DeployOutcome,
  OpenOptions,
  RolledBackFirst,
  Target,
} from '@deploy-actions/release/target';
import { openStackClients, type StackClients } from './clients';
import { deployStack, outputsOf, type StackResult } from './deploy';
import { functionFrom, liveVersion, output, releaseStackVersion, versionFrom } from './green';
import type { FnConfig, StackConfig, StackDeploy } from './index';
import { recoverStack } from './recover';

type Cfg = StackConfig<FnConfig>;

export interface WithStack {
  stack: StackResult;
  fn?: DeployOutcome;
  /** version-output: the version the stack published, released without publishing. */
  version?: { fn: string; green: string; blue: string; aliasCreated: boolean };
}

export async function deployWithStack<C extends FnConfig, D>(
  lambda: Target<C, D>,
  cfg: StackConfig<C>,
  d: StackDeploy<D>,
  ctx: DeployContext,
): Promise<WithStack> {
  const i = d.stack!;
  const clients = await openStackClients(cfg.aws, ctx.clients);
  const alias = cfg.alias ?? 'live';
  const stack = await deployStack({
    clients,
    inputs: i,
    log: ctx.log,
    clock: ctx.clock,
    description: ctx.description,
    liveVersion: async (existing) => {
      // Before an update the function may be known only from the stack's outputs as they are.
      const fn = cfg.functionName || (i.functionOutput && outputsOf(existing)[i.functionOutput]);
      return fn ? liveVersion(clients, functionFrom(fn), alias) : undefined;
    },
  });
  if (!cfg.functionName && !i.functionOutput) return { stack };
  const fn =
    cfg.functionName ||
    functionFrom(output(i.stackName, stack.outputs, i.functionOutput!, 'function-output'));
  if (i.versionOutput) {
    const green = versionFrom(
      i.stackName,
      i.versionOutput,
      output(i.stackName, stack.outputs, i.versionOutput, 'version-output'),
    );
    return { stack, version: { fn, ...(await releaseStackVersion(clients, fn, alias, green, ctx.log)) } };
  }
  const fnCfg = cfg.functionName ? cfg : d.configFor(fn);
  ctx.log.info(`Publishing a version of ${fn}, the function of stack ${i.stackName}.`);
  return { stack, fn: await lambda.deploy.run(fnCfg as C, d.lambda as D, ctx) };
}

/** rollback with stack-name: the stack first; traffic moves only when function-name is given too. */
export async function recoverWithRollback(
  cfg: Cfg,
  x: { resourcesToSkip: string[]; timeoutMs: number },
  ctx: OpenOptions & { log: Log },
): Promise<RolledBackFirst> {
  const clients: StackClients = await openStackClients(cfg.aws, ctx.clients);
  const r = await recoverStack({
    cfn: clients.cfn,
    stack: cfg.stack!,
    resourcesToSkip: x.resourcesToSkip,
    timeoutMs: x.timeoutMs,
    log: ctx.log,
  });
  const changed = r.action !== 'nothing';
  return {
    traffic: !!cfg.functionName,
    outputs: { 'stack-status': r.after, 'stack-changed': String(changed) },
    summary: [
      `#### Stack ${cfg.stack}`,
      '',
      table(['before', 'action', 'after'], [[r.before, r.action, r.after]]),
      '',
    ],
    record: { fromVersion: r.before, toVersion: r.after, changed },
  };
}
