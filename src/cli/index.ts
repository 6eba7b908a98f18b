#!/usr/bin/env node
/** Entry of the orchestrator-git command. */
import { main } from './main.js';
import { preferBaselineWasm } from '../state/sqlite.js';

// Before sql.js is compiled: a short run gains nothing from V8 re-compiling its WebAssembly (docs/benchmarks.md).
preferBaselineWasm();
process.exitCode = await main(process.argv.slice(2));
