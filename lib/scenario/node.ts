// The scenario layer's Node-only door: loading scenario files from disk. The `.js` suffix is
// needed here (and only here): without it resolvers read `.node` as a native-addon extension.
export * from './load-scenarios.node.js';
