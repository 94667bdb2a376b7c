import type { Targets } from '@deploy-actions/release/run/common';
import { ecsTarget } from '@deploy-actions/target-ecs';
import { lambdaTarget } from '@deploy-actions/target-lambda';

/** Every target the actions release, by the name the `target` input gives; the first is the default. */
export const targets: Targets = {
  lambda: lambdaTarget as Targets[string],
  ecs: ecsTarget as Targets[string],
};
