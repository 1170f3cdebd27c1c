// Documents: the filtered list, one document (versions, runs, failures, warnings, extracted rows), its original
// bytes and a picture of any page.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { correctionHistory, documentVersions, listDocuments, pageGeometry, versionContent, versionFile, type Db } from '@jixiao/db';
import pLimit from 'p-limit';
import { MissingBytes, openArchived, readArchived } from '../archive-file.ts';
import type { ApiDeps } from '../deps.ts';
import { DEFAULT_MAX_PAGE_PIXELS, PageOutOfRange, PreviewTooLarge, renderPageImage, UnreadablePdf, UnsupportedPreview, type PageImage } from '../page-image.ts';
import { DocumentParams, DocumentQuery, PageParams, VersionQuery } from '../schemas.ts';

type Versions = NonNullable<Awaited<ReturnType<typeof documentVersions>>>;

/** The version asked for, else the current one, else the newest. */
export function pickVersion(detail: Versions, version: number | undefined) {
  if (version !== undefined) return detail.versions.find((v) => v.version === version) ?? null;
  return detail.versions.find((v) => v.isCurrent) ?? detail.versions[0] ?? null;
}

export async function documentDetail(db: Db, id: number, version?: number) {
  const detail = await documentVersions(db, id);
  if (!detail) return null;
  const chosen = pickVersion(detail, version);
  if (!chosen) return { ...detail, selected: null };
  const content = await versionContent(db, chosen.sourceFileId);
  const failures = detail.versions.flatMap((v) => v.runs.filter((r) => r.status === 'failed').map((r) => ({ version: v.version, ...r })));
  return { ...detail, selected: { ...chosen, ...content, failures, corrections: await correctionHistory(db, chosen.sourceFileId) } };
}

const notFound = (what: string) => ({ error: 'NotFound', message: what });

export function documentRoutes(deps: ApiDeps): FastifyPluginAsync {
  // page pictures are rendered one at a time: each can take a few hundred MB while it is drawn
  const renders = pLimit(1);
  // rendered pages, newest last; a page is drawn once and then served from memory
  const pageCache = new Map<string, PageImage>();
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/api/documents', { schema: { tags: ['documents'], summary: 'documents, filtered', querystring: DocumentQuery } }, async (req) => {
      const { limit, offset, ...filter } = req.query;
      return listDocuments(deps.db, filter, { limit, offset });
    });

    app.get(
      '/api/documents/:id',
      { schema: { tags: ['documents'], summary: 'one document: versions, runs, failures, warnings and rows', params: DocumentParams, querystring: VersionQuery } },
      async (req, reply) => {
        const detail = await documentDetail(deps.db, req.params.id, req.query.version);
        if (!detail) return reply.code(404).send(notFound(`no document ${req.params.id}`));
        if (!detail.selected) return reply.code(404).send(notFound(`document ${req.params.id} has no version ${req.query.version}`));
        return detail;
      },
    );

    const versionBytes = async (id: number, version: number | undefined) => {
      const detail = await documentVersions(deps.db, id);
      const chosen = detail && pickVersion(detail, version);
      if (!chosen) return null;
      const file = await versionFile(deps.db, chosen.sourceFileId);
      return file && { ...file, sourceFileId: chosen.sourceFileId };
    };

    app.get(
      '/api/documents/:id/file',
      { schema: { tags: ['documents'], summary: 'the original bytes of a version', params: DocumentParams, querystring: VersionQuery } },
      async (req, reply) => {
        const file = await versionBytes(req.params.id, req.query.version);
        if (!file) return reply.code(404).send(notFound(`no such document or version`));
        try {
          // streamed: a 100 MB original must not sit in the server's memory once per request
          const { sizeBytes: size, body } = await openArchived(deps.store, file);
          return reply
            .type(file.mediaType ?? 'application/octet-stream')
            .header('content-length', size)
            .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
            .send(body);
        } catch (e) {
          if (e instanceof MissingBytes) return reply.code(404).send(notFound(e.message));
          throw e;
        }
      },
    );

    app.get(
      '/api/documents/:id/pages/:page',
      {
        schema: {
          tags: ['documents'],
          summary: 'a PNG of one page (PDF and image sources); X-Page-Width/X-Page-Height give the page size in box coordinates (points)',
          params: PageParams,
          querystring: VersionQuery,
        },
      },
      async (req, reply) => {
        const file = await versionBytes(req.params.id, req.query.version);
        if (!file) return reply.code(404).send(notFound('no such document or version'));
        // a scan OCR turned or deskewed is shown the same way: its boxes are on the straightened page
        const geometry = await pageGeometry(deps.db, file.sourceFileId, req.params.page);
        const key = `${file.sourceFileId}:${req.params.page}:${geometry ? `${geometry.turn}:${geometry.skewDegrees}` : ''}`;
        let image = pageCache.get(key);
        if (!image) {
          try {
            const bytes = await readArchived(deps.store, file, deps.limits.maxBytes);
            const maxPixels = deps.limits.maxPagePixels ?? DEFAULT_MAX_PAGE_PIXELS;
            image = await renders(() => renderPageImage(bytes, file.mediaType ?? '', req.params.page, file.fileName, maxPixels, geometry));
          } catch (e) {
            if (e instanceof PageOutOfRange || e instanceof MissingBytes) return reply.code(404).send(notFound(e.message));
            if (e instanceof UnsupportedPreview || e instanceof UnreadablePdf) return reply.code(415).send({ error: 'UnsupportedMediaType', message: e.message });
            if (e instanceof PreviewTooLarge) return reply.code(422).send({ error: 'PageTooLarge', message: e.message });
            throw e;
          }
          pageCache.set(key, image);
          if (pageCache.size > 40) pageCache.delete(pageCache.keys().next().value!);
        }
        return reply
          .type('image/png')
          .header('x-page-width', image.widthPt.toFixed(2))
          .header('x-page-height', image.heightPt.toFixed(2))
          .header('x-page-count', String(image.pageCount))
          .header('access-control-expose-headers', 'x-page-width, x-page-height, x-page-count')
          .header('cache-control', 'private, max-age=3600')
          .send(image.png);
      },
    );
  };
}
