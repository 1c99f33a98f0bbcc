import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { serve, serveOnFreePort } from '../../scripts/serve.mjs';

const root = new URL('../../', import.meta.url).pathname;
const open: Server[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => new Promise((done) => server.close(done))));
});

/** Takes a free port with a bare server, as another program on the machine would. */
async function occupyPort(): Promise<number> {
  const blocker = createServer();
  open.push(blocker);
  await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
  return (blocker.address() as { port: number }).port;
}

describe('the demo server (npm start)', () => {
  it('reports a taken port as an EADDRINUSE rejection, not a crash', async () => {
    const port = await occupyPort();
    await expect(serve({ root, port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('moves on to the next free port when the wanted one is taken, and says which', async () => {
    const taken = await occupyPort();
    const { server, port } = await serveOnFreePort({ root, port: taken });
    open.push(server);
    expect(port).toBeGreaterThan(taken);
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(response.status).toBe(200);
  });
});
