/** Bad input: names the input, the value given and the accepted form. Raised before any AWS write. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly value: string,
    readonly expected: string,
  ) {
    // One line always: the message reaches the log, where a newline could start a workflow command.
    // eslint-disable-next-line no-control-regex
    const reason = expected.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
    super(`Input "${input}" ${value === '' ? 'is empty' : `has value ${quote(value)}`}: ${reason}`);
    this.name = 'InputError';
  }
}

/** The alias changed under us: another deployment is at work, so we stop and change nothing more. */
export class ConcurrentChangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConcurrentChangeError';
  }
}

/** A failure with a message written for the person reading the log. */
export class DeployError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeployError';
  }
}

export class CancelledError extends Error {
  constructor(readonly signal: string) {
    super(`run cancelled (${signal})`);
    this.name = 'CancelledError';
  }
}

/** JSON-quoted and clipped; JSON leaves U+2028/U+2029 raw, and they would break the line. */
function quote(value: string): string {
  return JSON.stringify(clip(value))
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function clip(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}

/** The AWS SDK's exception name, if the error came from AWS. */
export function awsErrorName(err: unknown): string | undefined {
  if (err && typeof err === 'object' && 'name' in err && '$metadata' in err) return String(err.name);
  return undefined;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
