// One way to pick a port for a server we start ourselves (PostgreSQL for the collector's tests, WebKitWebDriver),
// shared by scripts/ and tools/. Node built-ins only: it runs before anything is installed.
import { createServer } from 'node:net';

/** A port free on 127.0.0.1 now: the OS picks it, and it is released before being handed on. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
