// `npm start`: install if needed, build, serve the demo app and print its URL.
import { ensureDependencies, run, root } from './setup.mjs';
import { serve } from './serve.mjs';

ensureDependencies();
run('npm run build');
const port = Number(process.env.PORT ?? 5173);
await serve({ root, port });
console.log(`\n  Waymark demo app: http://localhost:${port}/\n  debug overlay (why each experience shows or not, element picker): http://localhost:${port}/?waymark-debug\n`);
