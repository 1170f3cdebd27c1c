// Intake: a file arrives (the inbox, `jixiao ingest`, an upload) → hashed, stored, recorded, and its runs handed to
// the dispatcher. The one way in for every front door, so they cannot drift apart.
import { basename } from 'node:path';
import type { ExtractJob } from '@jixiao/queue';
import { receiveFile, type ReceiveDeps, type ReceivedFile } from './receive-file.ts';

export interface IntakeDeps extends ReceiveDeps {
  /** hand a recorded run on: to the queue, or to the stages in this process */
  dispatch: (job: ExtractJob) => Promise<void>;
}

export interface Intake {
  /** `logicalPath` is where the file sits in the inbox or the folder given (the identity of versions) */
  receive(path: string, logicalPath?: string): Promise<ReceivedFile>;
}

export function createIntake(deps: IntakeDeps): Intake {
  return {
    async receive(path, logicalPath = basename(path)) {
      // each run handed on as soon as it is recorded: a ZIP's first members are read while the rest unpack
      return receiveFile({ ...deps, onJob: deps.dispatch }, path, logicalPath);
    },
  };
}
