#!/usr/bin/env node
// The `threadlab` command. The CLI is TypeScript under lib/cli; tsx compiles it on load, so the
// same sources serve the site, the tests and the command line without a separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../lib/cli/main.ts');
process.exitCode = await main(process.argv);
