// The target-agnostic engine: plans, routing, the shift loop and rollback; runners are under ./run.
export * from './plan';
export * from './routing';
export * from './checkpoint';
export * from './rollback';
export * from './shift/loop';
export * from './state';
export * from './target';
export type { Deps, Targets } from './run/common';
