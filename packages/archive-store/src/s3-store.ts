// The archive in an S3-compatible object store (ARCHIVE_URL=s3://BUCKET/PREFIX): MinIO, Ceph or AWS, shared by
// every host. Objects are keyed PREFIX/ab/cd/<sha256>, so the same bytes are written once whoever receives them.
import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { ArchiveSettings } from '@jixiao/config';
import { archivePathOf, MissingArchived, refuseTooLarge, type ArchiveStore } from './archive-store.ts';

/** ARCHIVE_URL and the S3_* settings, as packages/config reads them */
export type S3StoreSettings = Omit<Extract<ArchiveSettings, { kind: 's3' }>, 'kind'>;

const notFound = (err: unknown) =>
  err instanceof S3ServiceException && (err.$metadata.httpStatusCode === 404 || err.name === 'NoSuchKey' || err.name === 'NotFound');

export function openS3Store(settings: S3StoreSettings): ArchiveStore {
  const client = new S3Client({
    endpoint: settings.endpoint ?? undefined,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: settings.credentials ?? undefined,
    // checksums only where S3 demands them: MinIO, Ceph and older gateways refuse the SDK's newer defaults
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // an unreachable store must fail the call (to be retried later), not hang the job
    requestHandler: { connectionTimeout: 5000, requestTimeout: 120_000 },
  });
  const { bucket } = settings;
  const keyOf = (sha256: string) => (settings.prefix ? `${settings.prefix}/` : '') + archivePathOf(sha256);
  async function getObject(sha256: string) {
    const key = keyOf(sha256);
    try {
      return await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    } catch (err) {
      if (notFound(err)) throw new MissingArchived(sha256, `no bytes are kept under ${sha256} in s3://${bucket}/${key}`);
      throw err;
    }
  }
  return {
    location: `s3://${bucket}/${settings.prefix}`,
    async ready() {
      try {
        await client.send(new HeadBucketCommand({ Bucket: bucket }));
      } catch (err) {
        if (!notFound(err)) throw err;
        await client.send(new CreateBucketCommand({ Bucket: bucket })).catch((e: unknown) => {
          // another host made it meanwhile
          if (!(e instanceof S3ServiceException && /BucketAlready(OwnedByYou|Exists)/.test(e.name))) throw e;
        });
      }
    },
    async put(sha256, body) {
      if (body instanceof Uint8Array) {
        await client.send(new PutObjectCommand({ Bucket: bucket, Key: keyOf(sha256), Body: body, ContentLength: body.length }));
      } else {
        await client.send(
          new PutObjectCommand({ Bucket: bucket, Key: keyOf(sha256), Body: createReadStream(body.path), ContentLength: body.sizeBytes }),
        );
        // the local store moves the file away; this one leaves nothing behind either
        await unlink(body.path).catch(() => {});
      }
      return archivePathOf(sha256);
    },
    async get(sha256, maxBytes) {
      const res = await getObject(sha256);
      const body = res.Body!;
      try {
        // refused before the body is read: the size comes with the headers
        refuseTooLarge(sha256, res.ContentLength ?? 0, maxBytes);
      } catch (err) {
        (body as { destroy?: () => void }).destroy?.();
        throw err;
      }
      return body.transformToByteArray();
    },
    async open(sha256) {
      const res = await getObject(sha256);
      return { sizeBytes: res.ContentLength ?? 0, body: res.Body as Readable };
    },
    async exists(sha256) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: keyOf(sha256) }));
        return true;
      } catch (err) {
        if (notFound(err)) return false;
        throw err;
      }
    },
    close: async () => client.destroy(),
  };
}
