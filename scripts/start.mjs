// `npm start`: install if needed, build, serve the demo app and print its URL.
import { ensureDependencies, run, root } from './setup.mjs';
import { serveOnFreePort } from './serve.mjs';

ensureDependencies();
run('npm run build');
const wanted = Number(process.env.PORT ?? 5173);
let port;
try {
  ({ port } = await serveOnFreePort({ root, port: wanted }));
} catch (error) {
  console.error(`\n  [waymark] could not start the demo server: ${error.message}\n`);
  process.exit(1);
}
if (port !== wanted) console.log(`\n  [waymark] port ${wanted} is in use, so the demo runs on ${port}.`);
console.log(`\n  Waymark demo app: http://localhost:${port}/\n  debug overlay (why each experience shows or not, element picker): http://localhost:${port}/?waymark-debug\n`);
