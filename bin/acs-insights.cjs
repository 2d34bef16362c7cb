#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's require hook, so a clone needs no build step.
require("tsx/cjs");
void require("../src/cli/main.ts").main(process.argv.slice(2));
