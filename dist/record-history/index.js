import { run } from '../bundle/index.js';

await run('record-history');
