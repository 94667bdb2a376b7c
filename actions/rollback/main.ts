import { run } from '../bundle';

await run('rollback');
