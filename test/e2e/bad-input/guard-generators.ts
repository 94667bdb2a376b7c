// The production guard's inputs: require-environment on deploy-green, shift-traffic and rollback, and
// record-history's approved-by. A bad value fails the step naming the input, before any AWS call or GitHub request.
import fc from 'fast-check';
import type { Action, Category } from './harness';
import { unknownWord, one, word } from './generators';

/** Not a GitHub environment name: empty parts between slashes, over 255 characters, control characters. */
export const badEnvironmentName = fc.oneof(
  fc.constantFrom(
    '/',
    '//',
    'prod//eu',
    '/production',
    'production/',
    'prod/ /eu',
    'a\u0007bell',
    'prod\u001b[31m',
  ),
  fc.integer({ min: 256, max: 600 }).map((n) => 'p'.repeat(n)),
  fc
    .tuple(word, fc.constantFrom('\n::error::pwned', '\r\nx', '\u0000nul', '\tx', '\u0085next'), word)
    .map(([a, b, c]) => a + b + c),
);

export function guardCategories(
  action: Extract<Action, 'deploy-green' | 'shift-traffic' | 'rollback'>,
): Category[] {
  return [
    {
      action,
      label: 'require-environment not an environment name',
      names: ['require-environment'],
      bad: one('require-environment', badEnvironmentName),
    },
  ];
}

/** Not GitHub logins separated by commas. */
export const badApprovedBy = fc.oneof(
  fc.constantFrom('-alice', 'alice-', 'al--ice', 'a b', 'alice,,bob', ',', 'alice;bob', 'ålice', '@alice'),
  fc.integer({ min: 40, max: 80 }).map((n) => 'a'.repeat(n)),
  fc.tuple(word, fc.constantFrom('\n::error::pwned', '\r\nx', '\u0000nul')).map(([a, b]) => a + b),
);

export function approvedByCategories(isStarted: (b: Record<string, string>) => boolean): Category[] {
  return [
    {
      action: 'record-history',
      label: 'approved-by not GitHub logins',
      names: ['approved-by'],
      bases: isStarted,
      bad: one('approved-by', badApprovedBy),
    },
    {
      action: 'record-history',
      label: 'approved-by without status started',
      names: ['approved-by'],
      bases: (b) => !isStarted(b) && (b.status ?? '') !== '',
      bad: one('approved-by', fc.constantFrom('alice', 'alice,bob')),
    },
    {
      action: 'record-history',
      label: 'release-kind unknown',
      names: ['release-kind'],
      bases: isStarted,
      bad: one(
        'release-kind',
        unknownWord(['release', 'hotfix'], ['hot-fix', 'patch', 'emergency', 'Hotfixes']),
      ),
    },
    {
      action: 'record-history',
      label: 'release-kind hotfix without status started',
      names: ['release-kind'],
      bases: (b) => !isStarted(b) && (b.status ?? '') !== '',
      bad: one('release-kind', fc.constantFrom('hotfix', 'HOTFIX')),
    },
  ];
}
