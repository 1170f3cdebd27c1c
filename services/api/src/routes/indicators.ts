// Indicators: the filtered, sorted, paged query with counts; the filter values for drop-downs; exports.
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { countIndicators, indicatorFacets, listIndicators } from '@jixiao/db';
import type { ApiDeps } from '../deps.ts';
import { EXPORT_MEDIA_TYPES, exportIndicators } from '../export/run-export.ts';
import { ExportQuery, filterOf, IndicatorQuery } from '../schemas.ts';

export function indicatorRoutes(deps: ApiDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/api/indicators',
      { schema: { tags: ['indicators'], summary: 'indicator rows of current versions, corrections applied; filtered, sorted, paged', querystring: IndicatorQuery } },
      async (req) => {
        const filter = filterOf(req.query);
        const { sort, order, limit, offset } = req.query;
        const [counts, rows] = await Promise.all([countIndicators(deps.db, filter), listIndicators(deps.db, filter, { sort, order, limit, offset })]);
        return { total: counts.total, counts, limit, offset, rows };
      },
    );

    app.get('/api/indicators/facets', { schema: { tags: ['indicators'], summary: 'the values the filters can take' } }, async () => indicatorFacets(deps.db));

    app.get(
      '/api/export',
      { schema: { tags: ['indicators'], summary: 'the filtered indicators as CSV (UTF-8 with BOM), XLSX or contract JSON', querystring: ExportQuery } },
      async (req, reply) => {
        const { format } = req.query;
        const out = new PassThrough();
        exportIndicators(deps.db, filterOf(req.query), format, out).catch((err) => {
          req.log.error({ err }, 'export failed');
          out.destroy(err as Error);
        });
        return reply
          .type(EXPORT_MEDIA_TYPES[format])
          .header('content-disposition', `attachment; filename="jixiao-indicators.${format}"`)
          .send(out);
      },
    );
  };
}
