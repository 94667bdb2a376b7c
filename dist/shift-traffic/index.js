import { run } from '../bundle/index.js';

await run('shift-traffic');
