// Bad stack inputs of deploy-green (rollback's: stack-rollback.test.ts): each fails naming the input, before any call
// reaches AWS; the valid bases each reach a write against a stack in the emulator.
import { ALARM, ARN, FN } from './generators';
import { badInputSuite, type Base } from './harness';
import { deployStackCategories, STACK, stackFixture, TEMPLATE } from './stack-generators';

const deployBases: Base[] = [
  { label: 'stack alone', inputs: { 'stack-name': STACK, 'template-file': TEMPLATE } },
  {
    label: 'stack and function, every stack input',
    inputs: {
      'function-name': FN,
      'stack-name': STACK,
      'template-file': TEMPLATE,
      parameters: 'Retention: 14',
      capabilities: 'CAPABILITY_IAM,CAPABILITY_AUTO_EXPAND',
      'stack-tags': 'team=orders\ncost-centre=42',
      'role-arn': 'arn:aws:iam::123456789012:role/cloudformation-orders',
      'template-bucket': 'orders-templates',
      'stack-timeout': '30m',
      'recreate-failed': 'true',
      'rollback-alarms': ALARM,
      'rollback-monitoring-minutes': '5',
    },
  },
  {
    label: 'stack with its function in an output',
    inputs: {
      'stack-name': STACK,
      'template-file': TEMPLATE,
      'function-output': 'FunctionName',
      'zip-file': 'build.zip',
    },
  },
  {
    label: 'stack publishing its version',
    inputs: {
      'function-name': ARN,
      'stack-name': STACK,
      'template-file': TEMPLATE,
      'version-output': 'Version',
    },
  },
];

// One suite per file: each suite points the environment at its own emulator.
badInputSuite({
  action: 'deploy-green',
  bases: deployBases,
  categories: deployStackCategories,
  fixture: stackFixture,
});
