// A checkpoint read beside the routing must agree with it: the routing is the truth, and a checkpoint whose step
// would route otherwise (someone changed the weights outside the suite, or an ALB run was killed between its
// weight write and its tag write) is refused with the reason, changing nothing.
import { DeployError } from '@deploy-actions/core';
import type { Checkpoint } from '../checkpoint';
import type { PlanStep } from '../plan';
import { capital, percentOf, type RoutingState } from '../routing';
import { describeOf, stepLabel, type RolloutOptions } from './rollout';

export function checkStep(
  o: Pick<RolloutOptions, 'router' | 'green' | 'plan'>,
  now: RoutingState,
  cp: Checkpoint,
): { blue: string; step: PlanStep } {
  const { plan, router, green } = o;
  const step = plan.steps[cp.step];
  // The last step is 100%: promotion clears the checkpoint, so no checkpoint stands at it.
  if (!step || cp.step >= plan.steps.length - 1) {
    throw new DeployError(
      `${capital(router.name)} holds a checkpoint at step ${cp.step + 1}, which plan ${plan.name} (${plan.steps.length} steps) never waits at. The routing is the truth: ${describeOf(o)(now)}. Roll back and start again; this run changed nothing.`,
    );
  }
  const routed = now.green === green ? percentOf(now.greenWeight) : undefined;
  if (routed !== step.percent) {
    throw new DeployError(
      `${capital(router.name)} holds a checkpoint at step ${stepLabel(plan, cp.step)} (${step.percent}% on ${router.label(green)}) but routes ${describeOf(o)(now)}. The routing is the truth and disagrees: this run changed nothing. Roll back (which clears the checkpoint) and start again.`,
    );
  }
  return { blue: now.version, step };
}
