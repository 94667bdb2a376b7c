// An existing function: every check that can refuse the deploy, then configuration and code into $LATEST.
import type { FunctionConfiguration } from '@aws-sdk/client-lambda';
import { createHash } from 'node:crypto';
import { DeployError } from '@deploy-actions/core';
import { readAlias } from './alias';
import type { FunctionSettings } from './config-inputs';
import type { CodeSource, DeployOptions, Prepared } from './deploy';
import { configChanges, configRequest, describeChange, type Change } from './deploy-config';
import { describeAlias } from './routing';
import { updateCode, updateConfiguration, waitUpdated, type Writer } from './update';
import { compatibility, getConfig } from './versions';

export async function prepareUpdate(
  o: DeployOptions,
  w: Writer,
  first: FunctionConfiguration,
): Promise<Prepared> {
  const wanted = o.settings ?? {};
  const { live, blue } = await preflight(o, first, wanted);

  let latest = first;
  if (latest.LastUpdateStatus === 'InProgress') {
    o.log.info(`An earlier update of ${o.functionName} is still in progress; waiting for it first.`);
    latest = await waitUpdated(w, 'an earlier update of the function');
  }
  const changes = configChanges(latest, wanted);
  let wrote = false;
  if (changes.length) {
    latest = await updateConfiguration(w, latest, configRequest(wanted, changes), wanted);
    wrote = true;
  }
  if (o.source.kind !== 'none' && codeMayDiffer(latest, o.source, wanted)) {
    const before = latest;
    wrote = true;
    latest = await updateCode(w, latest, o.source, wanted);
    changes.push(...codeChanges(before, latest));
  } else if (o.source.kind === 'zip') {
    o.log.info(
      `The code of ${o.source.path} is already $LATEST's (sha256 ${latest.CodeSha256}); not uploaded again.`,
    );
  }
  report(o, changes);
  return { latest, live, ...(blue && { blue }), changes, created: false, wrote };
}

/** Every check that can refuse the deploy, before the first write; returns the alias and the version it serves. */
async function preflight(o: DeployOptions, first: FunctionConfiguration, wanted: FunctionSettings) {
  checkPackageType(first, o.source, wanted);
  checkRole(first, wanted, o.alias);
  if (wanted.environment && first.Environment?.Error) {
    const e = first.Environment.Error;
    throw new DeployError(
      `The environment variables of ${o.functionName} cannot be read (${e.ErrorCode}: ${e.Message}), so env-vars cannot be compared with them: allow this role kms:Decrypt on the function's key. Nothing was changed.`,
    );
  }
  const live = await readAlias(o.lambda, o.functionName, o.alias);
  if (live?.green) {
    throw new DeployError(
      `Alias "${o.alias}" is split between v${live.version} and v${live.green} (${describeAlias(live)}): a deployment is in progress. Finish it with shift-traffic or undo it with rollback before deploying again.`,
    );
  }
  const blue = live && (await getConfig(o.lambda, o.functionName, live.version));
  const mismatch = blue && compatibility(blue, first);
  if (mismatch) {
    throw new DeployError(
      `The new version could not share alias "${o.alias}" with v${live!.version}: ${mismatch}. AWS requires the same execution role and dead-letter queue for a weighted alias; align the function configuration first.`,
    );
  }
  return { live, blue };
}

/** A .zip is compared by its hash (CodeSha256 is the package's base64 SHA-256); S3 and images only Lambda can tell. */
function codeMayDiffer(latest: FunctionConfiguration, source: CodeSource, wanted: FunctionSettings): boolean {
  if (wanted.architecture && (latest.Architectures?.[0] ?? 'x86_64') !== wanted.architecture) return true;
  if (source.kind !== 'zip') return true;
  return createHash('sha256').update(source.zip).digest('base64') !== latest.CodeSha256;
}

function codeChanges(before: FunctionConfiguration, after: FunctionConfiguration): Change[] {
  const changes: Change[] = [];
  if (before.CodeSha256 !== after.CodeSha256)
    changes.push({
      field: 'code',
      before: `sha256 ${before.CodeSha256}`,
      after: `sha256 ${after.CodeSha256}`,
    });
  const arch = (c: FunctionConfiguration) => c.Architectures?.[0] ?? 'x86_64';
  if (arch(before) !== arch(after))
    changes.push({ field: 'architectures', before: arch(before), after: arch(after) });
  return changes;
}

function report(o: DeployOptions, changes: Change[]): void {
  if (!changes.length) {
    o.log.info(`No change to the code or configuration of ${o.functionName}.`);
    return;
  }
  o.log.info(`Changed on ${o.functionName} ($LATEST):`);
  for (const c of changes) o.log.info(`  ${describeChange(c)}`);
}

/** Container image functions take neither runtime, handler nor layers: https://docs.aws.amazon.com/lambda/latest/dg/images-create.html */
function checkPackageType(cfg: FunctionConfiguration, source: CodeSource, wanted: FunctionSettings): void {
  const type = cfg.PackageType ?? 'Zip';
  if (source.kind === 'image' && type !== 'Image') {
    throw new DeployError(
      `image-uri was given but ${cfg.FunctionName} is a ${type} function: use zip-file or s3-bucket/s3-key.`,
    );
  }
  if ((source.kind === 'zip' || source.kind === 's3') && type === 'Image') {
    throw new DeployError(
      `${source.kind === 'zip' ? 'zip-file' : 's3-bucket'} was given but ${cfg.FunctionName} is a container image function: use image-uri.`,
    );
  }
  const zipOnly = (['runtime', 'handler', 'layers'] as const).filter((k) => wanted[k] !== undefined);
  if (type === 'Image' && zipOnly.length)
    throw new DeployError(
      `${zipOnly.join(', ')} was given but ${cfg.FunctionName} is a container image function, which takes none of them (the image brings its runtime, handler and dependencies). Nothing was changed.`,
    );
}

/**
 * Both versions of a weighted alias must share the execution role
 * (https://docs.aws.amazon.com/lambda/latest/dg/configuring-alias-routing.html): role sets a new function's role only.
 */
function checkRole(cfg: FunctionConfiguration, wanted: FunctionSettings, alias: string): void {
  if (!wanted.role || wanted.role === cfg.Role) return;
  throw new DeployError(
    `role ${wanted.role} differs from the execution role of ${cfg.FunctionName} (${cfg.Role}). deploy-green sets the role only when it creates a function: the new version and the one alias "${alias}" serves must share one role for a weighted alias, so a role change cannot be released blue/green. Change the role outside the release (and publish), or give the current role. Nothing was changed.`,
  );
}
