import { actionsRuntime } from '@deploy-actions/core/actions-runtime';
import { runHealthGate } from '@deploy-actions/lambda/run/health-gate';

await runHealthGate(actionsRuntime());
