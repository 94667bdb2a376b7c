import type { Targets } from '@deploy-actions/release/run/common';
import { withStacks } from '@deploy-actions/target-cloudformation';
import { cloudRunTarget } from '@deploy-actions/target-cloud-run';
import { ecsTarget } from '@deploy-actions/target-ecs';
import { CONFIG_INPUTS, lambdaTarget } from '@deploy-actions/target-lambda';

/** Every target the actions release, by the name the `target` input gives; the first is the default. */
export const targets: Targets = {
  // stack-name makes deploy-green deploy a CloudFormation/SAM stack first, and rollback recover it.
  // With a stack, the function's configuration is the template's.
  lambda: withStacks(lambdaTarget, CONFIG_INPUTS) as Targets[string],
  ecs: ecsTarget as Targets[string],
  'cloud-run': cloudRunTarget as Targets[string],
};
