// A TCP forwarder the test can cut and restore: an outage of whatever lies behind it (Postgres, Redis, the object
// store), or a way to reach a server that listens on 127.0.0.1 only from another network namespace.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface TcpForwarder {
  readonly port: number;
  /** refuse new connections and cut the open ones */
  stop(): Promise<void>;
  /** listen again on the same address and port */
  start(): Promise<void>;
}

export async function startTcpForwarder(target: { host: string; port: number }, listen: { host?: string; port?: number } = {}): Promise<TcpForwarder> {
  const host = listen.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  let server: Server;
  let bound = listen.port ?? 0;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        const upstream = connect(target.port, target.host);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const close = () => (client.destroy(), upstream.destroy(), sockets.delete(client), sockets.delete(upstream));
        client.on('error', close).on('close', close);
        upstream.on('error', close).on('close', close);
      });
      server.once('error', reject);
      server.listen(bound, host, () => {
        bound = (server.address() as { port: number }).port;
        resolve();
      });
    });
  await start();
  return {
    get port() {
      return bound;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
    start,
  };
}

/** A forwarder to the test Postgres server. */
export function startPostgresForwarder(adminDatabaseUrl: string, listen: { host?: string; port?: number } = {}): Promise<TcpForwarder> {
  const target = new URL(adminDatabaseUrl);
  return startTcpForwarder({ host: target.hostname, port: Number(target.port || 5432) }, listen);
}
