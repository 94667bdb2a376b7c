import { actionsRuntime } from '@deploy-actions/core/actions-runtime';
import { runRollback } from '@deploy-actions/lambda/run/rollback';

await runRollback(actionsRuntime());
