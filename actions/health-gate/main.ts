import { run } from '../bundle';

await run('health-gate');
