#!/usr/bin/env node
// The `waymark` command: `waymark validate <file.json>…`, `waymark schema`, `waymark --help`.
import { main } from '../dist/lib/cli/main.js';

// `waymark schema | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
