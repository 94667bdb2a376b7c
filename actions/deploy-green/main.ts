import { run } from '../bundle';

await run('deploy-green');
