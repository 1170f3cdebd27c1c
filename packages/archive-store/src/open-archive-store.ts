// The store the settings name: S3 when ARCHIVE_URL is s3://…, else the local directory.
import type { ArchiveSettings } from '@jixiao/config';
import type { ArchiveStore } from './archive-store.ts';
import { openLocalStore } from './local-store.ts';
import { openS3Store } from './s3-store.ts';

export function openArchiveStore(settings: ArchiveSettings): ArchiveStore {
  return settings.kind === 's3' ? openS3Store(settings) : openLocalStore(settings.dir);
}
