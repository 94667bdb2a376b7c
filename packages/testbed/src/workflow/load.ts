// A workflow file as the harness runs it: parsed and checked by @actions/workflow-parser (what GitHub
// accepts), its structure (needs, if, step ids) from the parser's model, and the keys the model leaves out
// (with:, permissions:, timeout-minutes:) from the parsed tokens. Anything the shipped workflows do not use
// is refused by name, so a new construct fails loudly instead of running wrongly.
import { readFileSync } from 'node:fs';
import type { MappingToken, TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import {
  NoOperationTraceWriter,
  convertWorkflowTemplate,
  isMapping,
  isSequence,
  isString,
  parseWorkflow,
} from '@actions/workflow-parser';

type Mapping = MappingToken;

/** A key of a mapping token; undefined for anything else. */
export function child(token: TemplateToken | undefined, key: string): TemplateToken | undefined {
  return token && isMapping(token) ? token.find(key) : undefined;
}

export interface StepPlan {
  id: string;
  /** The condition, status function included (the parser adds success() when there is none). */
  if: string;
  raw: Mapping;
  uses?: string;
  run?: TemplateToken;
}

export interface JobPlan {
  id: string;
  needs: string[];
  if: string;
  raw: Mapping;
  /** `uses:` of a job that calls a reusable workflow. */
  calls?: string;
  steps: StepPlan[];
}

export interface WorkflowPlan {
  file: string;
  name: string;
  raw: Mapping;
  triggers: string[];
  /** The cron expressions of on: schedule, in order. */
  schedules: string[];
  jobs: JobPlan[];
}

const KEYS = {
  workflow: ['name', 'on', 'permissions', 'concurrency', 'jobs', 'env'],
  job: [
    'name',
    'needs',
    'if',
    'runs-on',
    'environment',
    'timeout-minutes',
    'concurrency',
    'permissions',
    'outputs',
    'steps',
    'env',
  ],
  call: ['name', 'needs', 'if', 'uses', 'with', 'secrets', 'permissions'],
  step: ['id', 'name', 'uses', 'with', 'run', 'env', 'if', 'continue-on-error'],
};

/** The keys of a mapping token, refusing any the harness does not run. */
function checkKeys(raw: Mapping, allowed: string[], where: string): void {
  for (const { key } of raw) {
    const name = isString(key) ? key.value : String(key);
    if (!allowed.includes(name))
      throw new Error(`workflow harness: ${where} uses ${name}:, which it does not run`);
  }
}

function mapping(token: TemplateToken | undefined, where: string): Mapping {
  if (!token || !isMapping(token)) throw new Error(`workflow harness: ${where} is not a mapping`);
  return token;
}

function stepsOf(raw: Mapping, converted: { id: string; if?: { expression: string } }[], where: string) {
  const seq = raw.find('steps');
  if (!seq || !isSequence(seq)) throw new Error(`workflow harness: ${where} has no steps`);
  return converted.map((step, i): StepPlan => {
    const stepRaw = mapping(seq.get(i), `${where}.steps[${i}]`);
    checkKeys(stepRaw, KEYS.step, `${where}.steps[${i}]`);
    const uses = stepRaw.find('uses');
    return {
      id: step.id,
      if: step.if?.expression ?? 'success()',
      raw: stepRaw,
      ...(uses && isString(uses) && { uses: uses.value }),
      ...(stepRaw.find('run') && { run: stepRaw.find('run') }),
    };
  });
}

export async function loadWorkflow(file: string): Promise<WorkflowPlan> {
  const parsed = parseWorkflow(
    { name: file, content: readFileSync(file, 'utf8') },
    new NoOperationTraceWriter(),
  );
  const errors = parsed.context.errors.getErrors();
  if (errors.length || !parsed.value) {
    throw new Error(`${file} is not a valid workflow: ${errors.map((e) => e.message).join('; ')}`);
  }
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  if (template.errors?.length) {
    throw new Error(`${file}: ${template.errors.map((e) => e.Message).join('; ')}`);
  }
  const raw = mapping(parsed.value, file);
  checkKeys(raw, KEYS.workflow, file);
  const rawJobs = mapping(raw.find('jobs'), `${file} jobs`);
  const name = raw.find('name');
  const jobs = template.jobs.map((job): JobPlan => {
    const id = job.id.value;
    const jobRaw = mapping(rawJobs.find(id), `job ${id}`);
    const base = { id, needs: (job.needs ?? []).map((n) => n.value), if: job.if.expression, raw: jobRaw };
    if (job.type === 'reusableWorkflowJob') {
      checkKeys(jobRaw, KEYS.call, `job ${id}`);
      return { ...base, calls: job.ref.value, steps: [] };
    }
    checkKeys(jobRaw, KEYS.job, `job ${id}`);
    return {
      ...base,
      steps: stepsOf(
        jobRaw,
        job.steps as unknown as { id: string; if?: { expression: string } }[],
        `job ${id}`,
      ),
    };
  });
  return {
    file,
    name: name && isString(name) ? name.value : file,
    raw,
    triggers: Object.keys(template.events).filter((k) => template.events[k] !== undefined),
    schedules: (template.events.schedule ?? []).map((s) => s.cron),
    jobs,
  };
}
