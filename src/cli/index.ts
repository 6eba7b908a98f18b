#!/usr/bin/env node
/** Entry of the orchestrator-git command. */
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
