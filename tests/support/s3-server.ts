// An S3-compatible server for tests: s3rver (from the npm registry, no network needed) over real HTTP on a free
// port, its objects in a scratch folder. stop() and start() again on the same port make a store outage.
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { S3StoreSettings } from '@jixiao/archive-store';

export interface TestS3Server {
  endpoint: string;
  port: number;
  /** settings for a store in `bucket` (not created: the store's ready() makes it) */
  settings(bucket: string, prefix?: string): S3StoreSettings;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** s3rver accepts any signature made with these (its documented default keys). */
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export async function startS3Server(options: { address?: string } = {}): Promise<TestS3Server> {
  const address = options.address ?? '127.0.0.1';
  const directory = await mkdtemp(join(tmpdir(), 'jixiao-s3-'));
  let port = 0;
  let server: S3rver | null = null;
  const start = async () => {
    server = new S3rver({ address, port, silent: true, directory });
    ({ port } = await server.run());
  };
  const stop = async () => {
    const http = (server as unknown as { httpServer?: Server } | null)?.httpServer;
    // the SDK keeps connections alive: close them, or close() waits for them to time out
    http?.closeAllConnections();
    await server?.close();
    server = null;
  };
  await start();
  const host = address === '0.0.0.0' ? '127.0.0.1' : address;
  return {
    endpoint: `http://${host}:${port}`,
    port,
    settings: (bucket, prefix = '') => ({ bucket, prefix, endpoint: `http://${host}:${port}`, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS }),
    stop,
    start,
    async close() {
      await stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
