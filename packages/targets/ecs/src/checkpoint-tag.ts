// A checkpointed rollout's checkpoint, kept in a tag of the listener (or rule) that splits the traffic. ALB has no
// write that changes the weights and a tag together, so the tag is written right after the weights (and both
// are read back). A run killed between the two leaves weights one step ahead of the tag; the routing is the
// truth, so the next run finds a checkpoint whose step's weight differs from the routing and refuses with that
// reason, changing nothing: rollback (which clears the tag) or a new start resolves it.
import {
  AddTagsCommand,
  DescribeTagsCommand,
  RemoveTagsCommand,
  type ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';

/** The tag's key; its value is the checkpoint (at most 200 characters; tag values take 256). */
export const CHECKPOINT_TAG = 'deploy-actions:checkpoint';

/** The tag's value, or undefined when the resource has none. */
export async function readCheckpointTag(
  elb: ElasticLoadBalancingV2Client,
  arn: string,
): Promise<string | undefined> {
  // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeTags.html
  let r;
  try {
    r = await elb.send(new DescribeTagsCommand({ ResourceArns: [arn] }));
  } catch (err) {
    // A missing router is reported by the read of its actions.
    const name = (err as { name?: string }).name;
    if (name === 'ListenerNotFoundException' || name === 'RuleNotFoundException') return undefined;
    throw err;
  }
  const tags = r?.TagDescriptions?.find((d) => d.ResourceArn === arn)?.Tags ?? [];
  return tags.find((t) => t.Key === CHECKPOINT_TAG)?.Value;
}

/** Sets the tag (AddTags replaces a tag with the same key), or removes it when `value` is undefined. */
export async function writeCheckpointTag(
  elb: ElasticLoadBalancingV2Client,
  arn: string,
  value: string | undefined,
): Promise<void> {
  // https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_AddTags.html
  if (value !== undefined) {
    await elb.send(
      new AddTagsCommand({ ResourceArns: [arn], Tags: [{ Key: CHECKPOINT_TAG, Value: value }] }),
    );
  } else {
    await elb.send(new RemoveTagsCommand({ ResourceArns: [arn], TagKeys: [CHECKPOINT_TAG] }));
  }
}
