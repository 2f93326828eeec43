#!/usr/bin/env node
// The executable does one thing: run main() and set the exit code from it.
// It runs the bundled CLI (dist/bundle, made by npm run build), which starts faster.
import { main } from '../dist/bundle/main.js';
import { nodeIo } from '../dist/bundle/node-io.js';

process.exitCode = await main(nodeIo(process.argv.slice(2)));
