// The new task definition: a file as the console or describe-task-definition writes it, or blue's own,
// with one container's image replaced.
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { RegisterTaskDefinitionCommandInput, TaskDefinition } from '@aws-sdk/client-ecs';
import { InputError } from '@deploy-actions/core';

// Fields DescribeTaskDefinition returns that RegisterTaskDefinition does not take:
// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinition.html
export const READ_ONLY_KEYS = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
  'inferenceAccelerators',
] as const;

export interface TaskDefinitionFile {
  path: string;
  input: RegisterTaskDefinitionCommandInput;
  /** Read-only keys found in the file and left out, for the log. */
  dropped: string[];
}

// An image reference as Docker defines it: [registry/]path[:tag][@digest], the path in lowercase components,
// a tag of at most 128 characters (https://docs.docker.com/reference/cli/docker/image/tag/); ECS takes at
// most 255 characters (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html).
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const REGISTRY = /^[a-zA-Z0-9.-]+(?::\d{1,5})?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-fA-F0-9]{64}$/;

export function isImageReference(value: string): boolean {
  if (value.length > 255) return false;
  const [named = '', digest, ...extra] = value.split('@');
  if (extra.length || (digest !== undefined && !DIGEST.test(digest))) return false;
  const colon = named.indexOf(':', named.lastIndexOf('/') + 1);
  const path = colon >= 0 ? named.slice(0, colon) : named;
  if (colon >= 0 && !TAG.test(named.slice(colon + 1))) return false;
  const parts = path.split('/');
  // A first part with a dot, a port or localhost is the registry host.
  const host = parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!) ? parts.shift()! : undefined;
  return (host === undefined || REGISTRY.test(host)) && parts.every((p) => COMPONENT.test(p));
}

export function parseImage(value: string): string {
  if (!isImageReference(value)) {
    throw new InputError(
      'image',
      value,
      'must be a container image reference: REGISTRY/REPOSITORY:TAG or @sha256:DIGEST, for example 123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1.4.2',
    );
  }
  return value;
}

export function readTaskDefinitionFile(path: string, workspace: string): TaskDefinitionFile {
  const full = isAbsolute(path) ? path : resolve(workspace, path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch {
    throw new InputError(
      'task-definition',
      path,
      'must be the path of an existing JSON file (relative to the workspace)',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InputError('task-definition', path, `is not valid JSON (${(err as Error).message})`);
  }
  // describe-task-definition wraps it: { "taskDefinition": { ... } }.
  const body =
    json && typeof json === 'object' && 'taskDefinition' in json
      ? (json as { taskDefinition: unknown }).taskDefinition
      : json;
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new InputError('task-definition', path, 'must hold a task definition object');
  }
  const { input, dropped } = registerable(body as TaskDefinition);
  if (
    !input.family ||
    !Array.isArray(input.containerDefinitions) ||
    input.containerDefinitions.length === 0
  ) {
    throw new InputError(
      'task-definition',
      path,
      'must hold a task definition with family and containerDefinitions',
    );
  }
  return { path, input, dropped };
}

/** What RegisterTaskDefinition takes of a described task definition, and the keys left out. */
export function registerable(td: TaskDefinition): {
  input: RegisterTaskDefinitionCommandInput;
  dropped: string[];
} {
  const input: Record<string, unknown> = { ...td };
  const dropped = READ_ONLY_KEYS.filter((k) => k in input);
  for (const k of dropped) delete input[k];
  return { input: input as unknown as RegisterTaskDefinitionCommandInput, dropped };
}

/** The task definition with `container`'s image replaced; a container it lacks is that input's error. */
export function withImage(
  input: RegisterTaskDefinitionCommandInput,
  container: string,
  image: string,
): RegisterTaskDefinitionCommandInput {
  const names = (input.containerDefinitions ?? []).map((c) => c.name);
  if (!names.includes(container)) {
    throw new InputError(
      'container-name',
      container,
      `names no container of the task definition (it has ${names.join(', ') || 'none'})`,
    );
  }
  return {
    ...input,
    containerDefinitions: input.containerDefinitions!.map((c) =>
      c.name === container ? { ...c, image } : c,
    ),
  };
}

/** Whether two task definitions would run the same thing: what `changed` reports. */
export function sameDefinition(
  a: RegisterTaskDefinitionCommandInput,
  b: RegisterTaskDefinitionCommandInput,
): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => p.localeCompare(q)))
      : x,
  );
}
