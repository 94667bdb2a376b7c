// Bad stack inputs of rollback: each fails naming the input before any call; the bases recover a stack at rest
// (nothing to do) and then reach the alias write.
import { FN } from './generators';
import { badInputSuite, type Base } from './harness';
import { rollbackStackCategories, STACK, stackFixture } from './stack-generators';

const rollbackBases: Base[] = [
  { label: 'stack and alias', inputs: { 'function-name': FN, 'stack-name': STACK, to: '2' } },
  {
    label: 'stack and alias, timeout',
    inputs: { 'function-name': FN, 'stack-name': STACK, to: '2', 'stack-timeout': '20m' },
  },
];

badInputSuite({
  action: 'rollback',
  bases: rollbackBases,
  categories: rollbackStackCategories,
  fixture: stackFixture,
});
