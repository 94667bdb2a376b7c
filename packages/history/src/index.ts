// The SDK-free part; the DynamoDB backend is '@deploy-actions/history/dynamodb', loaded after inputs are checked.
export * from './record';
export * from './stats';
