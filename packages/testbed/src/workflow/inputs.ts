// The inputs and secrets a workflow declares, checked and typed as GitHub does before any job starts:
// workflow_dispatch's choices and required inputs, workflow_call's types, defaults and secrets.
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { text, valueOf, type Value } from './expressions';
import { child, type WorkflowPlan } from './load';
import { isMapping } from '@actions/workflow-parser';

interface Declared {
  type?: string;
  required?: boolean;
  default?: Value;
  options?: string[];
}

function declared(plan: WorkflowPlan, event: string, section: 'inputs' | 'secrets' | 'outputs') {
  const on = plan.raw.find('on');
  const eventToken =
    on && 'find' in on ? (on as { find(k: string): TemplateToken | undefined }).find(event) : undefined;
  const token =
    eventToken && 'find' in eventToken
      ? (eventToken as { find(k: string): TemplateToken | undefined }).find(section)
      : undefined;
  if (!token) return {};
  return valueOf(token, {}, { failed: false, cancelled: false }) as Record<string, Declared>;
}

function typed(name: string, spec: Declared, given: Value | undefined, where: string): Value {
  const type = spec.type ?? 'string';
  if (given === undefined || given === '') {
    if (spec.required && spec.default === undefined) throw new Error(`${where}: input ${name} is required`);
    given = spec.default ?? (type === 'boolean' ? false : type === 'number' ? 0 : '');
  }
  if (type === 'boolean') return given === true || given === 'true';
  if (type === 'number') {
    const n = Number(given);
    if (!Number.isFinite(n)) throw new Error(`${where}: input ${name} must be a number, got ${text(given)}`);
    return n;
  }
  if (type === 'choice' && !(spec.options ?? []).includes(text(given))) {
    throw new Error(
      `${where}: input ${name} must be one of ${(spec.options ?? []).join(', ')}, got ${text(given)}`,
    );
  }
  return text(given);
}

/** The `inputs` context of a run: every declared input, typed, defaults applied; undeclared ones refused. */
export function inputsOf(
  plan: WorkflowPlan,
  event: 'workflow_dispatch' | 'workflow_call',
  given: Record<string, Value>,
) {
  const specs = declared(plan, event, 'inputs');
  for (const name of Object.keys(given)) {
    if (!(name in specs)) throw new Error(`${plan.file}: ${event} declares no input ${name}`);
  }
  return Object.fromEntries(Object.entries(specs).map(([n, s]) => [n, typed(n, s, given[n], plan.file)]));
}

/** The secrets a called workflow receives: only those it declares, required ones present. */
export function secretsOf(plan: WorkflowPlan, given: Record<string, string>) {
  const specs = declared(plan, 'workflow_call', 'secrets');
  for (const name of Object.keys(given)) {
    if (!(name in specs)) throw new Error(`${plan.file}: workflow_call declares no secret ${name}`);
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.required && !given[name]) throw new Error(`${plan.file}: secret ${name} is required`);
  }
  return given;
}

/** The `outputs` of a reusable workflow: name → its value: template. */
export function callOutputs(plan: WorkflowPlan): Map<string, TemplateToken> {
  const outputs = child(child(plan.raw.find('on'), 'workflow_call'), 'outputs');
  const out = new Map<string, TemplateToken>();
  if (!outputs || !isMapping(outputs)) return out;
  for (const { key, value } of outputs) {
    const v = child(value, 'value');
    if (v) out.set(text(valueOf(key, {}, { failed: false, cancelled: false })), v);
  }
  return out;
}
