import { actionsRuntime } from '@deploy-actions/core/actions-runtime';
import { runShiftTrafficStep } from '@deploy-actions/lambda/run/shift-traffic';

await runShiftTrafficStep(actionsRuntime());
