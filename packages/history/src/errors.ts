// What a history store can refuse, typed so that the runners name the input that gave the value
// (deployment-id, to, dynamodb-table); the stores know no inputs.

/** A record id that names no record, or a record of something else. */
export class RecordError extends Error {
  constructor(
    readonly id: string,
    readonly problem: string,
  ) {
    super(`deployment id "${id}" ${problem}`);
    this.name = 'RecordError';
  }
}

/** The configured store does not exist (a DynamoDB table not created yet). */
export class StoreMissingError extends Error {
  constructor(
    readonly store: string,
    readonly problem: string,
  ) {
    super(`history store "${store}" ${problem}`);
    this.name = 'StoreMissingError';
  }
}
