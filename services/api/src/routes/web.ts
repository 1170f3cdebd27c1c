// The review page: server-rendered HTML (indicator table, documents, one document) and its two static assets.
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import { countIndicators, indicatorFacets, listDocuments, listIndicators } from '@jixiao/db';
import type { ApiDeps } from '../deps.ts';
import { DocumentQuery, Id, IndicatorQuery, VersionQuery, filterOf } from '../schemas.ts';
import { documentPage, documentsPage } from '../web/document-page.ts';
import { indicatorsPage } from '../web/indicators-page.ts';
import { documentDetail } from './documents.ts';

const asset = (name: string) => readFileSync(new URL(`../web/assets/${name}`, import.meta.url));
const ASSETS: Record<string, { body: Buffer; type: string }> = {
  'review.js': { body: asset('review.js'), type: 'text/javascript; charset=utf-8' },
  'review.css': { body: asset('review.css'), type: 'text/css; charset=utf-8' },
};

/** Query-string values as strings (the first of repeated keys); blank ones dropped, as an empty form field sends them. */
function params(query: unknown): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s === 'string' && s.trim() !== '') out[k] = s.trim();
  }
  return out;
}

const issueText = (e: { issues: { path: PropertyKey[]; message: string }[] }) => e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');

export function webRoutes(deps: ApiDeps): FastifyPluginAsync {
  return async (app) => {
    const htmlReply = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };

    app.get('/', { schema: { hide: true } }, async (req, reply) => {
      const p = params(req.query);
      const parsed = IndicatorQuery.safeParse(p);
      const q = parsed.success ? parsed.data : IndicatorQuery.parse({});
      const filter = filterOf(q);
      const [counts, rows, facets] = await Promise.all([
        countIndicators(deps.db, filter),
        listIndicators(deps.db, filter, { sort: q.sort, order: q.order, limit: q.limit, offset: q.offset }),
        indicatorFacets(deps.db),
      ]);
      const error = parsed.success ? null : `筛选条件有误，已忽略：${issueText(parsed.error)}`;
      return reply.headers(htmlReply).send(indicatorsPage({ params: p, error, counts, rows, limit: q.limit, offset: q.offset, facets }));
    });

    app.get('/documents', { schema: { hide: true } }, async (req, reply) => {
      const p = params(req.query);
      const parsed = DocumentQuery.safeParse(p);
      const q = parsed.success ? parsed.data : DocumentQuery.parse({});
      const { limit, offset, ...filter } = q;
      const list = await listDocuments(deps.db, filter, { limit, offset });
      return reply.headers(htmlReply).send(documentsPage(p, list, parsed.success ? null : `筛选条件有误，已忽略：${issueText(parsed.error)}`));
    });

    app.get('/documents/:id', { schema: { hide: true } }, async (req, reply) => {
      const id = Id.safeParse((req.params as { id: string }).id);
      const version = VersionQuery.safeParse(req.query);
      if (!id.success || !version.success) return reply.code(400).type('text/plain; charset=utf-8').send('文档编号或版本号无效');
      const detail = await documentDetail(deps.db, id.data, version.data.version);
      if (!detail?.selected) return reply.code(404).type('text/plain; charset=utf-8').send('没有这个文档或版本');
      return reply.headers(htmlReply).send(documentPage(detail));
    });

    app.get('/favicon.ico', { schema: { hide: true } }, async (_req, reply) => reply.code(204).send());

    app.get('/assets/:name', { schema: { hide: true } }, async (req, reply) => {
      const name = (req.params as { name: string }).name;
      const a = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
      if (!a) return reply.code(404).send({ error: 'NotFound', message: 'no such asset' });
      return reply.type(a.type).header('cache-control', 'no-cache').send(a.body);
    });
  };
}
