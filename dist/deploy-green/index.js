import { run } from '../bundle/index.js';

await run('deploy-green');
