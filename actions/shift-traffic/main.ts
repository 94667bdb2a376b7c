import { run } from '../bundle';

await run('shift-traffic');
