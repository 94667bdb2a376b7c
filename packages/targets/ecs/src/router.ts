// The listener (or rule) that splits traffic between two ECS services' target groups, as the engine's
// router. ALB has no revision lock: read the whole forward action (and the checkpoint tag) just before each
// write, compare it with what this run last read, write, and read it back.
import {
  DescribeListenersCommand,
  DescribeRulesCommand,
  ModifyListenerCommand,
  ModifyRuleCommand,
  type Action,
  type ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { DescribeServicesCommand, type ECSClient, type Service } from '@aws-sdk/client-ecs';
import { ConcurrentChangeError, DeployError, InputError } from '@deploy-actions/core';
import { checkpointOf, encodeCheckpoint } from '@deploy-actions/release/checkpoint';
import {
  describeRouting,
  holdsCheckpoint,
  sameRouting,
  type Routing,
  type RoutingState,
} from '@deploy-actions/release/routing';
import type { Router } from '@deploy-actions/release/target';
import { readCheckpointTag, writeCheckpointTag } from './checkpoint-tag';
import { fingerprint, forwardGroups, withWeights } from './forward';
import type { EcsConfig } from './inputs';
import { label } from './names';

/** One service of the pair as read: its target group, weight and the task definition it runs. */
export interface Side {
  service: string;
  targetGroup: string;
  weight: number;
  taskDefinition: string;
  /** When its running deployment began: the newer side of a split is green. */
  since: number;
  desiredCount: number;
}

export interface Pair {
  actions: Action[];
  services: [Service, Service];
  sides: [Side, Side];
  routing: RoutingState;
  /** The checkpoint tag's value, when read (router reads and writes read it; deploys and metrics need not). */
  tag?: string;
}

export interface Clients {
  ecs: ECSClient;
  elb: ElasticLoadBalancingV2Client;
}

export function listenerRouter(
  c: Clients,
  cfg: EcsConfig,
): Router & { pair(): Promise<Pair | undefined>; lastPair(): Pair | undefined } {
  const what = `${cfg.router.kind === 'rule' ? 'listener rule' : 'listener'} ${shortArn(cfg.router.arn)}`;
  const describe = (r: Routing) => describeRouting(r, label);
  let last: Pair | undefined;
  const pair = async (tags = false) => (last = await readPair(c, cfg, what, tags));
  return {
    name: what,
    noun: cfg.router.kind === 'rule' ? 'listener rule' : 'listener',
    missing: `${capitalised(what)} does not exist: create it with weights 100/0 to blue's target group first (see the ECS page)`,
    label,
    pair: () => pair(),
    lastPair: () => last,
    read: async () => (await pair(true))?.routing,
    write: async (to, from, checkpoint) => {
      const now = await pair(true);
      if (!now || now.routing.revision !== from.revision) {
        throw new ConcurrentChangeError(
          `${capitalised(what)} was changed by someone else since this run read it (now ${now ? describe(now.routing) : 'gone'}); this run changed nothing more.`,
        );
      }
      const actions = withWeights(now.actions, weightsFor(now.sides, to));
      if (cfg.router.kind === 'rule') {
        await c.elb.send(new ModifyRuleCommand({ RuleArn: cfg.router.arn, Actions: actions }));
      } else {
        await c.elb.send(new ModifyListenerCommand({ ListenerArn: cfg.router.arn, DefaultActions: actions }));
      }
      // Not atomic with the weights: see checkpoint-tag.ts for how a reader treats a run killed in between.
      const tag = checkpoint ? encodeCheckpoint(checkpoint) : undefined;
      if (tag !== undefined || holdsCheckpoint(now.routing))
        await writeCheckpointTag(c.elb, cfg.router.arn, tag);
      const after = await pair(true);
      const tagged = tag !== undefined ? after?.tag === tag : after && !holdsCheckpoint(after.routing);
      if (!after || !sameRouting(after.routing, to) || !tagged) {
        throw new DeployError(
          `${capitalised(what)} was written to ${describe(to)}${tag ? ` with checkpoint "${tag}"` : ''} but reading it back shows ${after ? `${describe(after.routing)}${after.tag ? ` with checkpoint "${after.tag}"` : ''}` : 'nothing'}.`,
        );
      }
      return after.routing;
    },
    checkPair: async (_blue, green) => {
      const p = last ?? (await pair());
      if (p) runningOnOneSide(p, green, 'green-version', cfg);
    },
    checkVersion: async (version, input) => {
      const p = last ?? (await pair());
      if (p) runningOnOneSide(p, version, input, cfg);
    },
  };
}

/** The weights that make `to` true: blue's service takes what green's does not. */
function weightsFor(sides: [Side, Side], to: Routing): Map<string, number> {
  const percent = Math.round(to.greenWeight * 100);
  const weight = (s: Side) => {
    if (to.green && s.taskDefinition === to.green) return percent;
    if (s.taskDefinition === to.version) return to.green ? 100 - percent : 100;
    return 0;
  };
  return new Map(sides.map((s) => [s.targetGroup, weight(s)]));
}

function runningOnOneSide(p: Pair, version: string, input: string, cfg: EcsConfig): void {
  const on = p.sides.filter((s) => s.taskDefinition === version);
  const empty = on.length === 1 && on[0]!.desiredCount === 0 ? on[0] : undefined;
  if (empty) {
    throw new DeployError(
      `${empty.service}, which runs ${label(version)}, is scaled to 0 tasks: traffic sent there would find no task. Scale it up first (aws ecs update-service --desired-count), then run this again.`,
    );
  }
  if (on.length === 0) {
    throw new InputError(
      input,
      version,
      `runs on neither ${cfg.services.join(' nor ')}: traffic can only go to a task definition a service runs (deploy it with deploy-green first)`,
    );
  }
  if (on.length === 2) {
    throw new InputError(
      input,
      version,
      `runs on both ${cfg.services.join(' and ')}: one of them must run the other version to split traffic`,
    );
  }
}

async function readPair(c: Clients, cfg: EcsConfig, what: string, tags: boolean): Promise<Pair | undefined> {
  const [actions, services, tag] = await Promise.all([
    readActions(c.elb, cfg),
    readServices(c.ecs, cfg),
    tags ? readCheckpointTag(c.elb, cfg.router.arn) : undefined,
  ]);
  if (!actions) return undefined;
  const groups = forwardGroups(actions, capitalised(what));
  const sides = services.map((s) => side(s, groups, what)) as [Side, Side];
  const stray = groups.filter((g) => g.weight > 0 && !sides.some((s) => s.targetGroup === g.arn));
  if (stray.length) {
    throw new DeployError(
      `${capitalised(what)} also sends traffic to target group ${stray[0]!.arn}, which neither ${cfg.services.join(' nor ')} is registered to; give it weight 0 first`,
    );
  }
  const routing = routingOf(sides);
  return {
    actions,
    services,
    sides,
    ...(tag !== undefined && { tag }),
    routing: {
      ...routing,
      // The tag is part of what a write compares: a checkpoint moved by another run is a concurrent change.
      revision: `${fingerprint(actions)}|${sides.map((s) => s.taskDefinition).join('|')}|${tag ?? ''}`,
      ...checkpointOf(tag),
    },
  };
}

/** Where traffic goes: the weighted side alone, or blue and green of a split (green is the newer deployment). */
export function routingOf(sides: [Side, Side]): Routing {
  const [a, b] = sides;
  const total = a.weight + b.weight;
  if (total === 0)
    throw new DeployError(`neither ${a.service} nor ${b.service} gets any traffic (both weights are 0)`);
  if (a.taskDefinition === b.taskDefinition || b.weight === 0)
    return { version: a.taskDefinition, greenWeight: 0 };
  if (a.weight === 0) return { version: b.taskDefinition, greenWeight: 0 };
  const [blue, green] = a.since <= b.since ? [a, b] : [b, a];
  return { version: blue.taskDefinition, green: green.taskDefinition, greenWeight: green.weight / total };
}

function side(s: Service, groups: { arn: string; weight: number }[], what: string): Side {
  const registered = (s.loadBalancers ?? []).map((l) => l.targetGroupArn).filter((a): a is string => !!a);
  const matched = groups.filter((g) => registered.includes(g.arn));
  if (matched.length !== 1) {
    throw new DeployError(
      `service ${s.serviceName} must be registered to exactly one of the target groups ${what} forwards to (it is to ${matched.length})`,
    );
  }
  const primary = (s.deployments ?? []).find((d) => d.status === 'PRIMARY');
  return {
    service: s.serviceName ?? '',
    targetGroup: matched[0]!.arn,
    weight: matched[0]!.weight,
    taskDefinition: primary?.taskDefinition ?? s.taskDefinition ?? '',
    since: (primary?.createdAt ?? s.createdAt ?? new Date(0)).getTime(),
    desiredCount: s.desiredCount ?? 0,
  };
}

async function readActions(elb: ElasticLoadBalancingV2Client, cfg: EcsConfig): Promise<Action[] | undefined> {
  try {
    if (cfg.router.kind === 'rule') {
      const r = await elb.send(new DescribeRulesCommand({ RuleArns: [cfg.router.arn] }));
      return r.Rules?.[0]?.Actions ?? undefined;
    }
    const l = await elb.send(new DescribeListenersCommand({ ListenerArns: [cfg.router.arn] }));
    return l.Listeners?.[0]?.DefaultActions ?? undefined;
  } catch (err) {
    if (
      (err as { name?: string }).name === 'ListenerNotFoundException' ||
      (err as { name?: string }).name === 'RuleNotFoundException'
    )
      return undefined;
    throw err;
  }
}

async function readServices(ecs: ECSClient, cfg: EcsConfig): Promise<[Service, Service]> {
  const r = await ecs.send(
    new DescribeServicesCommand({ cluster: cfg.cluster, services: [...cfg.services] }),
  );
  return cfg.services.map((name) => {
    const s = r.services?.find((x) => x.serviceName === name && x.status !== 'INACTIVE');
    if (!s)
      throw new DeployError(`service ${name} does not exist (or is inactive) in cluster ${cfg.cluster}`);
    return s;
  }) as [Service, Service];
}

/** `app/orders/50dc.../f2f7...`: the part of an ARN after its resource type. */
function shortArn(arn: string): string {
  return arn.slice(arn.indexOf('/') + 1);
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
