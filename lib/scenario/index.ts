// The scenario layer's door: file format, validation, content hash, compile, run, explore, judge.
// Disk loading is Node-only and lives behind the separate door ./node.ts.
export * from './schema';
export * from './validate-scenario';
export * from './compile-scenario';
export * from './scenario-hash';
export * from './run-scenario';
export * from './judge-scenarios';
export * from './verdict-table';
