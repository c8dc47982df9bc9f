import { serve as nodeServe } from '@hono/node-server';
import type { AddressInfo } from 'node:net';

interface Fetchable {
  fetch: (request: Request, ...rest: never[]) => Response | Promise<Response>;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listen on `host:port` (port 0 picks a free one) and resolve once listening. */
export function serve({
  app,
  port,
  host = '127.0.0.1',
}: {
  app: Fetchable;
  port: number;
  host?: string;
}): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = nodeServe({ fetch: app.fetch as never, port, hostname: host }, (info: AddressInfo) => {
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            // Keep-alive connections would hold close() open.
            if ('closeAllConnections' in server) (server as { closeAllConnections(): void }).closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
