// The engine's door: the pure page-cache model (state, step, runner, explorer, invariants, variants).
export * from './constants';
export * from './state';
export * from './errseq';
export * from './hash';
export * from './switches';
export * from './variants';
export * from './world';
export * from './step-context';
export * from './invariants';
export * from './op-registry';
export * from './step';
export * from './initial-state';
export * from './diff-state';
export * from './run-schedule';
export * from './explore';
export * from './model-version';
export type { OpDef, ArgName, KernelRef } from './ops/op-def';
