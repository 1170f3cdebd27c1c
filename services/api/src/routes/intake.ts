// Write routes that start extraction: reprocess (one document or a filter) and upload (the same as dropping a file
// in the inbox: the watcher's receiveFile archives and records it, then its runs are handed on).
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { queueRerun, runState, selectForReprocess, type ReprocessFilter } from '@jixiao/db';
import { EXTRACTOR_VERSION } from '@jixiao/pipeline';
import { isIgnoredName, receiveFile } from '@jixiao/watcher';
import { requireToken } from '../auth.ts';
import type { ApiDeps } from '../deps.ts';
import { DocumentParams, Id, ReprocessBody } from '../schemas.ts';

/** Only the last path segment of an uploaded name, without control characters; never a path of ours. */
export function safeFileName(name: string): string | null {
  const last = name.split(/[\\/]/).pop() ?? '';
  const clean = last.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? null : clean;
}

export function intakeRoutes(deps: ApiDeps): FastifyPluginAsync {
  const guard = requireToken(deps.token);

  async function rerun(filter: ReprocessFilter) {
    const targets = await selectForReprocess(deps.db, filter);
    const runs = [];
    for (const t of targets) {
      const runId = await queueRerun(deps.db, t.sourceFileId, EXTRACTOR_VERSION);
      await deps.dispatch({ runId, sha256: t.sha256, fileName: t.fileName });
      runs.push({ runId, sourceFileId: t.sourceFileId, fileName: t.fileName });
    }
    return { runs };
  }

  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/reprocess',
      { onRequest: guard, schema: { tags: ['intake'], summary: 'extract the selected documents again', security: [{ token: [] }], body: ReprocessBody } },
      async (req, reply) => {
        const b = req.body;
        if (b.documentId === undefined && !b.organisation && b.fiscalYear === undefined && !b.failed && !b.all)
          return reply.code(400).send({ error: 'BadRequest', message: 'say which documents: documentId, organisation, fiscalYear, failed, or all: true' });
        const filter: ReprocessFilter = {
          target: b.documentId === undefined ? undefined : String(b.documentId),
          organisation: b.organisation,
          year: b.fiscalYear,
          failed: b.failed,
          all: b.all,
        };
        return reply.code(202).send(await rerun(filter));
      },
    );

    app.post(
      '/api/documents/:id/reprocess',
      { onRequest: guard, schema: { tags: ['intake'], summary: 'extract every version of one document again', security: [{ token: [] }], params: DocumentParams } },
      async (req, reply) => {
        const result = await rerun({ target: String(req.params.id) });
        if (result.runs.length === 0) return reply.code(404).send({ error: 'NotFound', message: `no document ${req.params.id} with stored bytes` });
        return reply.code(202).send(result);
      },
    );

    app.get('/api/runs/:id', { schema: { tags: ['intake'], summary: 'a run’s status', params: z.object({ id: Id }) } }, async (req, reply) => {
      const run = await runState(deps.db, req.params.id);
      return run ?? reply.code(404).send({ error: 'NotFound', message: `no run ${req.params.id}` });
    });

    app.post(
      '/api/upload',
      {
        onRequest: guard,
        schema: { tags: ['intake'], summary: 'upload one file (multipart field "file"); the same as dropping it in the inbox', security: [{ token: [] }] },
      },
      async (req, reply) => {
        if (!req.isMultipart()) return reply.code(415).send({ error: 'UnsupportedMediaType', message: 'send the file as multipart/form-data in a field named "file"' });
        const part = await req.file();
        if (!part) return reply.code(400).send({ error: 'BadRequest', message: 'no file in the request' });
        const name = safeFileName(part.filename);
        if (!name || isIgnoredName(name)) {
          part.file.resume();
          return reply.code(400).send({ error: 'BadRequest', message: `not a file name that can be ingested: ${JSON.stringify(part.filename)}` });
        }
        await mkdir(deps.uploadDir, { recursive: true });
        const dir = await mkdtemp(join(deps.uploadDir, 'upload-'));
        try {
          const path = join(dir, name);
          await pipeline(part.file, createWriteStream(path));
          // @fastify/multipart stops at the size limit and marks the stream truncated instead of failing
          if (part.file.truncated)
            return reply.code(413).send({ error: 'FileTooLarge', message: `the file is over the limit of ${deps.limits.maxBytes} bytes (MAX_FILE_MB)` });
          const received = await receiveFile({ db: deps.db, archiveDir: deps.archiveDir, archiveLimits: deps.archiveLimits, maxBytes: deps.limits.maxBytes }, path, name);
          for (const job of received.jobs) await deps.dispatch(job);
          return reply.code(202).send({
            documentId: received.documentId,
            sourceFileId: received.sourceFileId,
            version: received.documentVersion,
            sha256: received.sha256,
            newFile: received.newFile,
            runIds: received.jobs.map((j) => j.runId),
          });
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    );
  };
}
