#!/usr/bin/env node
// The executable does one thing: run the command line and set the exit code from it.
// launch() (src/cli/launch.ts) runs the bundled CLI with V8's code cache, which starts faster. This file is
// CommonJS because an ES module as the entry point costs every run Node's ES module loader (bench/README.md).
'use strict';

require('../dist/bundle/launch.cjs')
  .launch(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
