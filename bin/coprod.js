#!/usr/bin/env node
// The executable does one thing: run main() and set the exit code from it.
import { main } from '../dist/cli/main.js';
import { nodeIo } from '../dist/cli/node-io.js';

process.exitCode = await main(nodeIo(process.argv.slice(2)));
