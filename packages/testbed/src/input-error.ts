import { InputError } from '@deploy-actions/core';

/** Runs fn and returns the InputError it throws; anything else fails the test. */
export function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected an InputError, nothing was thrown');
}
