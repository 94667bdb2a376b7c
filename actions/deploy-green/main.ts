import { actionsRuntime } from '@deploy-actions/core/actions-runtime';
import { runDeployGreen } from '@deploy-actions/lambda/run/deploy-green';

await runDeployGreen(actionsRuntime());
