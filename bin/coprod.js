#!/usr/bin/env node
// The executable does one thing: run the command line and set the exit code from it.
// launch() runs the bundled CLI (dist/bundle, made by npm run build) with V8's code cache, which starts faster.
import { launch } from '../dist/cli/launch.js';

process.exitCode = await launch(process.argv.slice(2));
