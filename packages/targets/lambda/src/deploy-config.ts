// What the configuration inputs change on a function, as a report and as the UpdateFunctionConfiguration request.
import type { FunctionConfiguration, UpdateFunctionConfigurationRequest } from '@aws-sdk/client-lambda';
import { table } from '@deploy-actions/core';
import type { FunctionSettings } from './config-inputs';

/** One field that differs, named as its input; env-vars shows keys only. */
export interface Change {
  field: string;
  before: string;
  after: string;
}

type Field = Exclude<keyof FunctionSettings, 'role' | 'architecture'>;

// Lambda's defaults for a field a configuration leaves out: https://docs.aws.amazon.com/lambda/latest/api/API_FunctionConfiguration.html
const CURRENT: Record<Field, (c: FunctionConfiguration) => unknown> = {
  memorySize: (c) => c.MemorySize ?? 128,
  timeout: (c) => c.Timeout ?? 3,
  environment: (c) => c.Environment?.Variables ?? {},
  layers: (c) => (c.Layers ?? []).map((l) => l.Arn ?? ''),
  runtime: (c) => c.Runtime ?? '',
  handler: (c) => c.Handler ?? '',
  ephemeralStorage: (c) => c.EphemeralStorage?.Size ?? 512,
  tracingMode: (c) => c.TracingConfig?.Mode ?? 'PassThrough',
  description: (c) => c.Description ?? '',
};

const INPUT: Record<Field, string> = {
  memorySize: 'memory-size',
  timeout: 'timeout',
  environment: 'env-vars',
  layers: 'layers',
  runtime: 'runtime',
  handler: 'handler',
  ephemeralStorage: 'ephemeral-storage',
  tracingMode: 'tracing-mode',
  description: 'function-description',
};

const FIELDS = Object.keys(INPUT) as Field[];

/** The fields given whose value differs from the function's, in input order. */
export function configChanges(current: FunctionConfiguration, wanted: FunctionSettings): Change[] {
  const changes: Change[] = [];
  for (const field of FIELDS) {
    const after = wanted[field];
    if (after === undefined) continue;
    const before = CURRENT[field](current);
    if (same(before, after)) continue;
    changes.push(
      field === 'environment'
        ? envChange(before as Record<string, string>, after as Record<string, string>)
        : { field: INPUT[field], before: show(field, before), after: show(field, after) },
    );
  }
  return changes;
}

/** Only the fields that change; Lambda leaves every other one as it is. */
export function configRequest(
  wanted: FunctionSettings,
  changes: Change[],
): Partial<UpdateFunctionConfigurationRequest> {
  const changed = new Set(changes.map((c) => c.field));
  const has = (f: Field) => changed.has(INPUT[f]) && wanted[f] !== undefined;
  return {
    ...(has('memorySize') && { MemorySize: wanted.memorySize }),
    ...(has('timeout') && { Timeout: wanted.timeout }),
    ...(has('environment') && { Environment: { Variables: wanted.environment } }),
    ...(has('layers') && { Layers: wanted.layers }),
    ...(has('runtime') && { Runtime: wanted.runtime as UpdateFunctionConfigurationRequest['Runtime'] }),
    ...(has('handler') && { Handler: wanted.handler }),
    ...(has('ephemeralStorage') && { EphemeralStorage: { Size: wanted.ephemeralStorage! } }),
    ...(has('tracingMode') && { TracingConfig: { Mode: wanted.tracingMode } }),
    ...(has('description') && { Description: wanted.description }),
  };
}

/** Every field a new function gets, as changes from nothing. */
export function creationReport(wanted: FunctionSettings): Change[] {
  const changes: Change[] = [];
  for (const field of FIELDS) {
    const after = wanted[field];
    if (after === undefined) continue;
    changes.push(
      field === 'environment'
        ? envChange({}, after as Record<string, string>)
        : { field: INPUT[field], before: '(new)', after: show(field, after) },
    );
  }
  if (wanted.role) changes.push({ field: 'role', before: '(new)', after: wanted.role });
  if (wanted.architecture)
    changes.push({ field: 'architectures', before: '(new)', after: wanted.architecture });
  return changes;
}

// What tells $LATEST from a version of the same code and configuration (the version's Description is the publish's).
const NOT_CONFIGURATION = new Set([
  '$metadata',
  'FunctionArn',
  'Version',
  'LastModified',
  'RevisionId',
  'Description',
  'State',
  'StateReason',
  'StateReasonCode',
  'LastUpdateStatus',
  'LastUpdateStatusReason',
  'LastUpdateStatusReasonCode',
]);

/**
 * $LATEST holds exactly what `version` holds: every other field compared, so that anything unknown counts as
 * a difference and gets published.
 */
export function sameAsVersion(latest: FunctionConfiguration, version: FunctionConfiguration): boolean {
  const keys = new Set([...Object.keys(latest), ...Object.keys(version)]);
  const get = (c: FunctionConfiguration, k: string) =>
    JSON.stringify((c as Record<string, unknown>)[k] ?? null);
  return [...keys].every((k) => NOT_CONFIGURATION.has(k) || get(latest, k) === get(version, k));
}

/** The job summary's part: what changed on the function, field by field. */
export function changeSection(changes: Change[], created: boolean): string {
  const title = created ? '#### Function created' : '#### Function changes';
  if (!changes.length) return `${title}\n\nNo change to the code or configuration.\n`;
  return `${title}\n\n${table(
    ['field', 'before', 'after'],
    changes.map((c) => [c.field, c.before, c.after]),
  )}\n`;
}

export function describeChange(c: Change): string {
  return `${c.field}: ${c.before} → ${c.after}`;
}

function envChange(before: Record<string, string>, after: Record<string, string>): Change {
  const added = Object.keys(after).filter((k) => !(k in before));
  const removed = Object.keys(before).filter((k) => !(k in after));
  const changed = Object.keys(after).filter((k) => k in before && before[k] !== after[k]);
  const notes = [
    added.length ? `added ${added.join(', ')}` : '',
    removed.length ? `removed ${removed.join(', ')}` : '',
    changed.length ? `value changed: ${changed.join(', ')}` : '',
  ].filter(Boolean);
  const keys = (vars: Record<string, string>) => Object.keys(vars).sort().join(', ') || '(none)';
  return { field: 'env-vars', before: keys(before), after: `${keys(after)} (${notes.join('; ')})` };
}

function show(field: Field, value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(none)';
  if (value === '') return '(none)';
  if (field === 'memorySize' || field === 'ephemeralStorage') return `${String(value)} MB`;
  if (field === 'timeout') return `${String(value)} s`;
  return String(value);
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a as object);
    const kb = Object.keys(b as object);
    return (
      ka.length === kb.length &&
      ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k])
    );
  }
  return a === b;
}
