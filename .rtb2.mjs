import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
const out = await build({ entryPoints: [process.argv[2]], bundle: true, format: 'esm', write: false, platform: 'node', logLevel: 'warning' });
writeFileSync(process.argv[3], out.outputFiles[0].text);
