import { run } from '../bundle';

await run('record-history');
