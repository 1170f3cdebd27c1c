// The archive: every received file's bytes kept once, under their sha256, whatever name or ZIP they came in.
// One small interface with two homes: a local directory (the embedded set-up) and an S3-compatible object store
// (several hosts share it). Whatever a store throws other than MissingArchived is an outage: callers retry it
// like a database outage and never fail a file for it.
import { join } from 'node:path';
import type { Readable } from 'node:stream';

export interface ArchiveStore {
  /** where the bytes go, for logs: a directory or s3://bucket/prefix */
  readonly location: string;
  /** make the directory or the bucket when missing; called once at start */
  ready(): Promise<void>;
  /** keep bytes (in memory, or a file this process owns and may move) under their hash; returns the archive path */
  put(sha256: string, body: Uint8Array | { path: string; sizeBytes: number }): Promise<string>;
  /** the bytes; MissingArchived when none are kept, FileTooLarge-style refusal left to the caller via maxBytes */
  get(sha256: string, maxBytes?: number): Promise<Uint8Array>;
  /** the bytes as a stream with their size, for sending on without holding them (MissingArchived when none) */
  open(sha256: string): Promise<{ sizeBytes: number; body: Readable }>;
  /**
   * a path on this host to read the bytes from, for a reader in another process (the extraction child reads
   * the file itself, so the bytes never pass through this process); refused like `get` when missing or over
   * maxBytes. Absent when the store keeps no local files (S3).
   */
  localPath?(sha256: string, maxBytes?: number): Promise<string>;
  exists(sha256: string): Promise<boolean>;
  close(): Promise<void>;
}

/** No bytes are kept under this hash (or they are larger than the caller will read). */
export class MissingArchived extends Error {
  constructor(
    readonly sha256: string,
    message: string,
    readonly tooLarge: { sizeBytes: number; maxBytes: number } | null = null,
  ) {
    super(message);
    this.name = 'MissingArchived';
  }
}

export function isMissingArchived(e: unknown): e is MissingArchived {
  return e instanceof Error && e.name === 'MissingArchived';
}

/** ab/cd/<sha256>: two levels of 256 folders keep any one folder (or listing) small. Stored as source_files.archive_path. */
export function archivePathOf(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${JSON.stringify(sha256)}`);
  return join(sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

export function refuseTooLarge(sha256: string, sizeBytes: number, maxBytes: number | undefined): void {
  if (maxBytes !== undefined && sizeBytes > maxBytes)
    throw new MissingArchived(sha256, `${sizeBytes} bytes is over the limit of ${maxBytes} bytes`, { sizeBytes, maxBytes });
}
