#!/usr/bin/env node
// The `waymark` command: `waymark validate <file.json>…`, `waymark schema`, `waymark --help`.
import { main } from '../dist/lib/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
