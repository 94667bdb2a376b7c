import { createHash } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { Clock } from '@deploy-actions/core';
import type { StackClients } from './clients';
import { MAX_BODY_BYTES, type StackDeployInputs } from './inputs';

/**
 * TemplateBody, or over 51,200 bytes the template uploaded to template-bucket and its TemplateURL (the limit:
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateChangeSet.html).
 */
export async function templateSource(
  clients: StackClients,
  i: StackDeployInputs,
  clock: Clock,
): Promise<{ TemplateBody: string } | { TemplateURL: string }> {
  if (Buffer.byteLength(i.body, 'utf8') <= MAX_BODY_BYTES || !i.templateBucket)
    return { TemplateBody: i.body };
  const sha = createHash('sha256').update(i.body).digest('hex').slice(0, 16);
  const key = `deploy-green/${i.stackName}/${clock.now()}-${sha}.template`;
  const s3 = await clients.s3();
  await s3.send(new PutObjectCommand({ Bucket: i.templateBucket, Key: key, Body: i.body }));
  const region = await s3.config.region();
  return { TemplateURL: `https://${i.templateBucket}.s3.${region}.amazonaws.com/${key}` };
}
