// The forms of Cloud Run's names, checked without any call: a bad one is an input error naming its input.
import { InputError } from '@deploy-actions/core';

// Service names: at most 49 characters, lowercase letters, digits and hyphens, a letter first, no hyphen last:
// https://cloud.google.com/run/docs/deploying#service
const SERVICE = /^[a-z](?:[-a-z0-9]{0,47}[a-z0-9])?$/;
// Revision names follow the same rule as resource names, at most 63 characters:
// https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.services#RevisionTemplate
const REVISION = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
const SUFFIX = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
// Project IDs: 6 to 30 lowercase letters, digits and hyphens, a letter first, optionally domain-scoped:
// https://cloud.google.com/resource-manager/docs/creating-managing-projects#before_you_begin
const PROJECT = /^(?:[a-z0-9][-a-z0-9.]{0,61}[a-z0-9]:)?[a-z][-a-z0-9]{4,28}[a-z0-9]$/;
// Cloud Run regions (https://cloud.google.com/run/docs/locations) are all of this shape: us-central1, europe-west4.
const REGION = /^(?:africa|asia|australia|europe|me|northamerica|southamerica|us)-[a-z]+[1-9]\d?$/;
const TAG = /^[a-z](?:[-a-z0-9]*[a-z0-9])?$/;
/** Tag and service name together make the tag's host name; Cloud Run allows 46 characters for both. */
export const MAX_TAG_AND_SERVICE = 46;
const REVISION_PREFIX = 'revision:';

export function parseService(value: string): string {
  if (value === '')
    throw new InputError('service', value, 'is required with target cloud-run: the Cloud Run service');
  if (!SERVICE.test(value)) {
    throw new InputError(
      'service',
      value,
      'must be a Cloud Run service name: at most 49 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen',
    );
  }
  return value;
}

export function parseRegion(value: string): string {
  if (value === '')
    throw new InputError(
      'region',
      value,
      'is required with target cloud-run: the service’s region, such as us-central1',
    );
  if (!REGION.test(value)) {
    throw new InputError(
      'region',
      value,
      'must be a Google Cloud region such as us-central1 or europe-west4',
    );
  }
  return value;
}

export function parseProject(value: string, fromEnv: string | undefined): string {
  const text = value || fromEnv || '';
  if (text === '') {
    throw new InputError(
      'project',
      '',
      'is required when google-github-actions/auth has not set GOOGLE_CLOUD_PROJECT (or GCLOUD_PROJECT, CLOUDSDK_CORE_PROJECT): the project ID',
    );
  }
  if (!PROJECT.test(text)) {
    throw new InputError(
      'project',
      text,
      'must be a Google Cloud project ID: 6 to 30 lowercase letters, digits and hyphens, starting with a letter',
    );
  }
  return text;
}

/** A revision name, as `green-version` gives it or `revision:NAME` as rollback's `to` does. */
export function parseRevision(input: string, value: string): string {
  const name = value.startsWith(REVISION_PREFIX) ? value.slice(REVISION_PREFIX.length) : value;
  if (!REVISION.test(name)) {
    throw new InputError(
      input,
      value,
      'must be a Cloud Run revision name (revision:NAME for to): at most 63 lowercase letters, digits and hyphens, starting with a letter',
    );
  }
  return name;
}

export function isRevisionReference(text: string): boolean {
  return text.startsWith(REVISION_PREFIX);
}

/** `{service}-{suffix}`, the name Cloud Run requires of a named revision. */
export function revisionName(service: string, suffix: string, input = 'revision-suffix'): string {
  const name = `${service}-${suffix}`;
  if (!SUFFIX.test(suffix)) {
    throw new InputError(
      input,
      suffix,
      'must be lowercase letters, digits and hyphens, starting and ending with a letter or digit',
    );
  }
  if (name.length > 63) {
    throw new InputError(
      input,
      suffix,
      `makes revision name ${name} of ${name.length} characters; service name, hyphen and suffix may have 63`,
    );
  }
  return name;
}

/** The default suffix: the short commit and the run attempt, so that a re-run of one attempt finds its revision. */
export function defaultSuffix(env: Record<string, string | undefined>): string {
  const sha = (env.GITHUB_SHA ?? '')
    .toLowerCase()
    .replace(/[^0-9a-f]/g, '')
    .slice(0, 7);
  const attempt = /^\d{1,6}$/.test(env.GITHUB_RUN_ATTEMPT ?? '') ? env.GITHUB_RUN_ATTEMPT : '1';
  if (!sha) {
    throw new InputError(
      'revision-suffix',
      '',
      'is required outside a GitHub Actions run (GITHUB_SHA is not set): lowercase letters, digits and hyphens',
    );
  }
  return `${sha}-${attempt}`;
}

export function parseTag(value: string, service: string): string {
  if (!TAG.test(value) || value.length > 63) {
    throw new InputError(
      'tag',
      value,
      'must be lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen',
    );
  }
  // https://cloud.google.com/run/docs/rollouts-rollbacks-traffic-migration#tags
  if (value.length + service.length > MAX_TAG_AND_SERVICE) {
    throw new InputError(
      'tag',
      value,
      `and service ${service} have ${value.length + service.length} characters together; Cloud Run allows ${MAX_TAG_AND_SERVICE}`,
    );
  }
  return value;
}

// A registry path with its registry host (Artifact Registry, gcr.io, docker.io...), then a tag or a digest:
// https://cloud.google.com/run/docs/deploying#images
const HOST = /^(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,}(?::\d{1,5})?$|^localhost(?::\d{1,5})?$/;
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const IMAGE_TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

export function parseImage(value: string): string {
  const bad = () =>
    new InputError(
      'image',
      value,
      'must be a container image in a registry: HOST/PATH:TAG or HOST/PATH@sha256:DIGEST, for example us-docker.pkg.dev/my-project/app/orders:1.4.2',
    );
  if (value === '')
    throw new InputError('image', value, 'is required with target cloud-run: the container image to deploy');
  if (value.length > 1024) throw bad();
  const at = value.indexOf('@');
  const reference = at >= 0 ? value.slice(0, at) : value;
  const digest = at >= 0 ? value.slice(at + 1) : undefined;
  if (digest !== undefined && !DIGEST.test(digest)) throw bad();
  const slash = reference.indexOf('/');
  if (slash < 0 || !HOST.test(reference.slice(0, slash))) throw bad();
  let path = reference.slice(slash + 1);
  const colon = path.lastIndexOf(':');
  if (colon >= 0) {
    if (!IMAGE_TAG.test(path.slice(colon + 1))) throw bad();
    path = path.slice(0, colon);
  } else if (digest === undefined) throw bad();
  if (!path.split('/').every((c) => COMPONENT.test(c))) throw bad();
  return value;
}
