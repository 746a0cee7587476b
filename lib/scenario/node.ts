// The scenario layer's Node-only door: loading scenario files from disk.
export * from './load-scenarios.node';
