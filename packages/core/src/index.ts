export * from './errors';
export * from './duration';
export * from './inputs';
export * from './github-inputs';
export * from './runtime';
export * from './aws';
export * from './proxy';
export * from './markdown';
