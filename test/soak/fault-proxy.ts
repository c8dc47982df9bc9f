import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRng } from '../../server/src/demo/seeded-random';

/** What the proxy did, by tRPC procedure (`sync.push`, `sync.pull`, …). */
export interface ProxyCounts {
  forwarded: Record<string, number>;
  /** Answers the server gave that the client never got (its socket destroyed instead). */
  dropped: Record<string, number>;
  /** Requests the server did not answer (killed, or not started yet): the client's socket destroyed too. */
  unreachable: Record<string, number>;
}

export interface FaultProxy {
  readonly url: string;
  /** `sync.push` requests of at least `minBytes` sent on to the server and not answered yet. */
  pushesInFlight(minBytes?: number): number;
  counts(): ProxyCounts;
  close(): Promise<void>;
}

/** `/trpc/sync.push?…` → `sync.push`. */
const procedureOf = (url: string | undefined) => /^\/trpc\/([^?]*)/.exec(url ?? '')?.[1] ?? url ?? '?';

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let ended = false;
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      ended = true;
      ok(Buffer.concat(chunks));
    });
    req.on('error', fail);
    req.on('close', () => ended || fail(new Error('closed before the end of the body')));
  });
}

/**
 * A loopback HTTP proxy in front of the server at `target` that forwards every request and waits for the whole
 * answer, then, with probability `drop` (seeded), destroys the client's socket instead of replying: the server
 * applied the request, the client saw the network fail, as when a connection dies on the way back. A request the
 * server does not answer (killed, restarting) fails the same way for the client, as it would without the proxy.
 */
export async function startFaultProxy(opts: { target: string; drop: number; seed: number }): Promise<FaultProxy> {
  const rng = createRng(opts.seed);
  const target = new URL(opts.target);
  // No kept-alive sockets to the server: one that a kill cut would fail the next request for no reason of its own.
  const agent = new Agent({ keepAlive: false });
  const counts: ProxyCounts = { forwarded: {}, dropped: {}, unreachable: {} };
  /** The body sizes of the pushes at the server. */
  const pushesAtServer = new Set<{ bytes: number }>();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const procedure = procedureOf(req.url);
    const body = await readBody(req);
    const push = procedure === 'sync.push' ? { bytes: body.length } : null;
    if (push) pushesAtServer.add(push);
    let settled = false;
    /** Once per request, whichever of the answer and an error comes first. */
    const settle = () => {
      if (settled) return false;
      settled = true;
      if (push) pushesAtServer.delete(push);
      return true;
    };
    const unreachable = () => {
      bump(counts.unreachable, procedure);
      req.socket.destroy();
    };
    const upstream = request({
      agent,
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: target.host },
    });
    upstream.on('response', async (answer) => {
      const payload = await readBody(answer).catch(() => null);
      if (!settle()) return;
      if (payload === null) return unreachable();
      bump(counts.forwarded, procedure);
      if (rng.chance(opts.drop)) {
        bump(counts.dropped, procedure);
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      res.end(payload);
    });
    upstream.on('error', () => {
      if (settle()) unreachable();
    });
    upstream.end(body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    pushesInFlight: (minBytes = 0) => [...pushesAtServer].filter((p) => p.bytes >= minBytes).length,
    counts: () => structuredClone(counts),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
        agent.destroy();
      }),
  };
}
