// The SDK-free part; the DynamoDB backend is '@deploy-actions/history/dynamodb', loaded after inputs are checked.
export * from './errors';
export * from './format';
export * from './record';
export * from './stats';
