import { actionsRuntime } from '@deploy-actions/core/actions-runtime';
import { runRecordHistory } from '@deploy-actions/lambda/run/record-history';

await runRecordHistory(actionsRuntime());
