// The revision template of green: blue's, with the image, the settings given and green's name. Decisions on
// data, no call.
import { DeployError } from '@deploy-actions/core';
import type { ContainerSettings, CloudRunDeployInputs } from './deploy-inputs';
import type { Container, RevisionTemplate } from './run-api';

/** The template to send and the update mask paths that name exactly what it changes. */
export function greenTemplate(
  blue: RevisionTemplate | undefined,
  d: CloudRunDeployInputs,
): { template: RevisionTemplate; mask: string[] } {
  const containers = blue?.containers?.length ? blue.containers : [{}];
  const at = ingressIndex(containers);
  const updated = containers.map((c, i) => (i === at ? withSettings(c, d.image, d.settings) : c));
  const s = d.settings;
  const template: RevisionTemplate = {
    revision: d.revision,
    containers: updated,
    ...(s.minInstances !== undefined && { scaling: { ...blue?.scaling, minInstanceCount: s.minInstances } }),
    ...(s.concurrency !== undefined && { maxInstanceRequestConcurrency: s.concurrency }),
  };
  const mask = [
    'template.revision',
    'template.containers',
    ...(s.minInstances !== undefined ? ['template.scaling.minInstanceCount'] : []),
    ...(s.concurrency !== undefined ? ['template.maxInstanceRequestConcurrency'] : []),
  ];
  return { template, mask };
}

/** The container that serves requests: the only one, or the one with a port (the others are sidecars). */
function ingressIndex(containers: Container[]): number {
  if (containers.length === 1) return 0;
  const withPorts = containers.flatMap((c, i) => (c.ports?.length ? [i] : []));
  if (withPorts.length !== 1) {
    throw new DeployError(
      `the service runs ${containers.length} containers and ${withPorts.length} of them declare a port: the image goes to the one ingress container, which must be the only one with a port`,
    );
  }
  return withPorts[0]!;
}

function withSettings(c: Container, image: string, s: ContainerSettings): Container {
  const limits = {
    ...c.resources?.limits,
    ...(s.cpu !== undefined && { cpu: s.cpu }),
    ...(s.memory !== undefined && { memory: s.memory }),
  };
  return {
    ...c,
    image,
    ...(s.env && { env: withEnv(c.env ?? [], s.env) }),
    ...((s.cpu !== undefined || s.memory !== undefined) && { resources: { ...c.resources, limits } }),
  };
}

/** The variables given, in their order, then blue's variables from secrets that are not named (kept). */
function withEnv(
  before: NonNullable<Container['env']>,
  given: Record<string, string>,
): NonNullable<Container['env']> {
  const fromSecrets = before.filter((e) => e.valueSource !== undefined && !(e.name in given));
  return [...Object.entries(given).map(([name, value]) => ({ name, value })), ...fromSecrets];
}

/** The image the ingress container of a revision runs. */
export function imageOf(containers: Container[] | undefined): string | undefined {
  if (!containers?.length) return undefined;
  try {
    return containers[ingressIndex(containers)]!.image;
  } catch {
    return undefined;
  }
}
