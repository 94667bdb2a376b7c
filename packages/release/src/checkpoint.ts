// Where a checkpointed rollout stands, kept with the traffic it describes (the Lambda alias's Description, a tag
// of the ALB listener or rule): one line of at most 200 characters, in characters both places take
// (ELB tag values allow letters, digits, spaces and + - = . _ : / @:
// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-rule-tags.html).
//
//   deploy-actions/1 g=7 p=3f2a9c01 s=2 t=1767225600 r=123456789.1
//
// g: green (or @ and a hash of it when long), p: hash of the plan, s: index of the current step in the plan,
// t: when that step began (epoch seconds), r: the run that wrote it (run id.attempt).
//
// Format 2 adds the watch after promotion (watch-after): the routing is 100% green, s is the plan's last step,
// t is when the watch began, w how long it lasts (seconds) and b the version to go back to. A step checkpoint is
// still written in format 1, and both formats are read.
//
//   deploy-actions/2 g=7 p=3f2a9c01 s=5 t=1767225600 r=123456789.1 w=86400 b=6
import { createHash } from 'node:crypto';
import type { Plan } from './plan';

export interface Checkpoint {
  /** The rollout's green as greenKey gives it. */
  green: string;
  /** planHash of the rollout's plan. */
  plan: string;
  /** Index of the current step in the plan. */
  step: number;
  /** When the current step began, epoch ms (whole seconds). */
  since: number;
  /** The run that wrote it: GITHUB_RUN_ID.GITHUB_RUN_ATTEMPT. */
  run: string;
  /** Set in the watch after promotion (format 2): its length and the version a rollback goes back to. */
  watch?: { ms: number; blue: string };
}

export const CHECKPOINT_PREFIX = 'deploy-actions/';
export const CHECKPOINT_FORMAT = 1;
/** The format of a checkpoint in the watch after promotion. */
export const WATCH_FORMAT = 2;
export const CHECKPOINT_MAX = 200;

const GREEN = /^[A-Za-z0-9_.:/+-]{1,100}$/;
const GREEN_FIELD = /^(?:[A-Za-z0-9_.:/+-]{1,100}|@[0-9a-f]{12})$/;
const RUN = /^[A-Za-z0-9_-]{1,40}\.\d{1,6}$/;
const FIELDS = ['g', 'p', 's', 't', 'r'] as const;
const WATCH_FIELDS = ['w', 'b'] as const;
type Fields = Record<(typeof FIELDS)[number], string> &
  Partial<Record<(typeof WATCH_FIELDS)[number], string>>;

/** The green as a checkpoint names it: itself, or @ and a hash when it is long or has other characters. */
export function greenKey(version: string): string {
  return GREEN.test(version) ? version : `@${sha256(version).slice(0, 12)}`;
}

/** A watch checkpoint that fits: green in full, or as its hash when the line would be too long with it. */
export function fitWatch(c: Checkpoint, version: string): Checkpoint {
  try {
    encodeCheckpoint(c);
    return c;
  } catch {
    return { ...c, green: `@${sha256(version).slice(0, 12)}` };
  }
}

/** Whether a checkpoint's g names this version, in full or as the hash a long checkpoint falls back to. */
export function isGreen(key: string, version: string): boolean {
  return key === greenKey(version) || key === `@${sha256(version).slice(0, 12)}`;
}

/** 8 hex digits over the plan's percentages and bakes: a rollout is advanced only by the plan it started with. */
export function planHash(plan: Plan): string {
  return sha256(plan.steps.map((s) => `${s.percent}:${s.bakeMs}`).join(',')).slice(0, 8);
}

/** The run id a checkpoint records, from the runner's GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT. */
export function runOf(env: Record<string, string | undefined>): string {
  const id = (env.GITHUB_RUN_ID ?? '').replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || 'local';
  const attempt = /^\d{1,6}$/.test(env.GITHUB_RUN_ATTEMPT ?? '') ? env.GITHUB_RUN_ATTEMPT : '1';
  return `${id}.${attempt}`;
}

export function encodeCheckpoint(c: Checkpoint): string {
  const fields: Fields = {
    g: c.green,
    p: c.plan,
    s: String(c.step),
    t: String(Math.floor(c.since / 1000)),
    r: c.run,
    ...(c.watch && { w: String(Math.floor(c.watch.ms / 1000)), b: c.watch.blue }),
  };
  const keys = c.watch ? [...FIELDS, ...WATCH_FIELDS] : FIELDS;
  const format = c.watch ? WATCH_FORMAT : CHECKPOINT_FORMAT;
  const text = `${CHECKPOINT_PREFIX}${format} ${keys.map((k) => `${k}=${fields[k]}`).join(' ')}`;
  const problem = invalid(fields);
  if (problem || text.length > CHECKPOINT_MAX) {
    throw new Error(`cannot write checkpoint "${text}": ${problem ?? `over ${CHECKPOINT_MAX} characters`}`);
  }
  return text;
}

/**
 * A checkpoint from the text the router holds: undefined when the text is not one of ours (a user's own alias
 * description); an Error naming what is wrong when it is ours but malformed.
 */
export function parseCheckpoint(text: string | undefined): Checkpoint | undefined {
  const value = text?.trim() ?? '';
  if (!value.startsWith(CHECKPOINT_PREFIX)) return undefined;
  const [head, ...parts] = value.split(' ');
  const format = head!.slice(CHECKPOINT_PREFIX.length);
  if (format !== String(CHECKPOINT_FORMAT) && format !== String(WATCH_FORMAT)) {
    throw new Error(
      `checkpoint "${value}" is in format ${format || '(none)'}; this version of deploy-actions reads formats ${CHECKPOINT_FORMAT} and ${WATCH_FORMAT}`,
    );
  }
  const known: readonly string[] = format === String(WATCH_FORMAT) ? [...FIELDS, ...WATCH_FIELDS] : FIELDS;
  const fields: Record<string, string> = {};
  for (const part of parts) {
    const at = part.indexOf('=');
    const key = part.slice(0, at);
    if (at < 1 || !known.includes(key) || key in fields) {
      throw new Error(`checkpoint "${value}" has an unknown or repeated field "${part}"`);
    }
    fields[key] = part.slice(at + 1);
  }
  const missing = known.filter((k) => !(k in fields));
  if (missing.length) throw new Error(`checkpoint "${value}" lacks ${missing.join(', ')}`);
  const problem = invalid(fields as Fields);
  if (problem) throw new Error(`checkpoint "${value}" ${problem}`);
  return {
    green: fields.g!,
    plan: fields.p!,
    step: Number(fields.s),
    since: Number(fields.t) * 1000,
    run: fields.r!,
    ...(fields.w !== undefined && { watch: { ms: Number(fields.w) * 1000, blue: fields.b! } }),
  };
}

/** What a router read holds: its checkpoint, or why the text of ours there is not one. */
export function checkpointOf(text: string | undefined): {
  checkpoint?: Checkpoint;
  checkpointError?: string;
} {
  try {
    const checkpoint = parseCheckpoint(text);
    return checkpoint ? { checkpoint } : {};
  } catch (err) {
    return { checkpointError: (err as Error).message };
  }
}

function invalid(f: Fields): string | undefined {
  if (!GREEN_FIELD.test(f.g)) return `has green "${f.g}", not a version in checkpoint form`;
  if (!/^[0-9a-f]{8}$/.test(f.p)) return `has plan hash "${f.p}", not 8 hex digits`;
  if (!/^(?:0|[1-9]\d?)$/.test(f.s)) return `has step "${f.s}", not a step index from 0 to 99`;
  if (!/^[1-9]\d{0,10}$/.test(f.t)) return `has start "${f.t}", not a time in epoch seconds`;
  if (!RUN.test(f.r)) return `has run "${f.r}", not RUN_ID.ATTEMPT`;
  if (f.w !== undefined && !/^[1-9]\d{0,8}$/.test(f.w)) return `has watch "${f.w}", not a length in seconds`;
  if (f.b !== undefined && !GREEN.test(f.b)) return `has blue "${f.b}", not a version in checkpoint form`;
  return undefined;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
