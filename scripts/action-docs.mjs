// Writes the inputs and outputs tables of each action's README.md from its action.yml.
// --check writes nothing and fails when a README is stale or missing.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
const repo = 'org/deploy-actions';

const markers = {
  inputs: ['<!-- inputs:start -->', '<!-- inputs:end -->'],
  outputs: ['<!-- outputs:start -->', '<!-- outputs:end -->'],
};

// A table cell stays on one line and a pipe must not end it.
function cell(value) {
  return String(value ?? '')
    .trim()
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

function code(value) {
  const text = String(value);
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function table(header, rows, empty) {
  if (rows.length === 0) return empty;
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

function inputsTable(action) {
  const rows = Object.entries(action.inputs ?? {}).map(([id, input]) => [
    code(id),
    cell(input?.description),
    input?.required === true || input?.required === 'true' ? 'yes' : 'no',
    input?.default === undefined || input?.default === null ? '' : cell(code(input.default)),
  ]);
  return table(['input', 'description', 'required', 'default'], rows, 'This action has no inputs.');
}

function outputsTable(action) {
  const rows = Object.entries(action.outputs ?? {}).map(([id, output]) => [
    code(id),
    cell(output?.description),
  ]);
  return table(['output', 'description'], rows, 'This action has no outputs.');
}

// Blank lines keep the end marker from being read as a table row.
function section(kind, body) {
  const [start, end] = markers[kind];
  return `${start}\n\n${body}\n\n${end}`;
}

function usage(name, action) {
  const required = Object.entries(action.inputs ?? {}).filter(
    ([, input]) => input?.required === true || input?.required === 'true',
  );
  const lines = [`- uses: ${repo}/${name}@v1`];
  if (required.length) {
    lines.push('  with:');
    for (const [id] of required) lines.push(`    ${id}: <${id}>`);
  }
  return ['```yaml', ...lines, '```'].join('\n');
}

function fresh(name, action) {
  return [
    `# ${action.name ?? name}`,
    '',
    cell(action.description).replace(/<br>/g, ' '),
    '',
    '## Usage',
    '',
    usage(name, action),
    '',
    '## Inputs',
    '',
    section('inputs', inputsTable(action)),
    '',
    '## Outputs',
    '',
    section('outputs', outputsTable(action)),
    '',
  ].join('\n');
}

// Replaces the text between a marker pair, or appends the section when the pair is absent.
function splice(text, kind, title, body) {
  const [start, end] = markers[kind];
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  if (from === -1 || to === -1) {
    return `${text.replace(/\n*$/, '\n')}\n## ${title}\n\n${section(kind, body)}\n`;
  }
  return text.slice(0, from) + section(kind, body) + text.slice(to + end.length);
}

function expected(name, action, current) {
  if (current === null) return fresh(name, action);
  const withInputs = splice(current, 'inputs', 'Inputs', inputsTable(action));
  return splice(withInputs, 'outputs', 'Outputs', outputsTable(action));
}

const names = readdirSync(root, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'action.yml')))
  .map((e) => e.name)
  .sort();

const differing = [];
for (const name of names) {
  const action = parse(readFileSync(join(root, name, 'action.yml'), 'utf8')) ?? {};
  const readme = join(root, name, 'README.md');
  const current = existsSync(readme) ? readFileSync(readme, 'utf8') : null;
  const next = expected(name, action, current);
  if (next === current) continue;
  differing.push(`${name}/README.md${current === null ? ' (missing)' : ''}`);
  if (!check) writeFileSync(readme, next);
}

if (check) {
  if (differing.length) {
    console.error(`README tables are out of date; run "npm run docs". Differs: ${differing.join(', ')}`);
    process.exit(1);
  }
  console.log(`action READMEs match action.yml (${names.length} actions)`);
} else {
  console.log(differing.length ? `wrote ${differing.join(', ')}` : `action READMEs already up to date`);
}
