export * from './config';
export * from './checks';
export * from './evaluate';
export * from './gate';
export * from './report';
export * from './stats';
