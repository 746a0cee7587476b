// lib/kb's Node-only door: loading the knowledge base from disk. Servers and the CLI import this;
// pages and the browser use lib/kb/index.ts. (The .js suffix: tsx would read `.node` as an addon.)
export { loadAnnotations, type LoadedAnnotation } from './load-annotations.node.js';
export { loadInvariants, loadSubsystems, type LoadedCatalogue } from './load-catalogues.node.js';
export { completeAllAnchors } from './complete-anchors.node.js';
