// deploy-green's pre-traffic test inputs, bad for every target: test-command, test-url, test-timeout.
import { badTestCommand, badTestTimeout, badTestUrl, one } from './generators';
import type { Category } from './harness';

export const testCategories = (action: 'deploy-green'): Category[] => [
  {
    action,
    label: 'test-command with a NUL byte or over 64 KB',
    names: ['test-command'],
    bad: one('test-command', badTestCommand),
  },
  {
    action,
    label: 'test-url not an http(s) URL, or with credentials',
    names: ['test-url'],
    bad: one('test-url', badTestUrl),
  },
  {
    action,
    label: 'test-timeout malformed, 0 or over 1h',
    names: ['test-timeout'],
    bad: one('test-timeout', badTestTimeout),
  },
];
