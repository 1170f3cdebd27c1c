// Corrections: an analyst changes a target, actual, weight or score. What they type is parsed by the pipeline's
// own normaliser, attained is decided again by the same rule, and the edit is stored apart from the extraction.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Value } from '@jixiao/contract';
import { correctableRow, factRow, recordCorrection, type CorrectableRow } from '@jixiao/db';
import { attained, directionOf, normaliseCell } from '@jixiao/normalise';
import { requireToken } from '../auth.ts';
import type { ApiDeps } from '../deps.ts';
import { CorrectionBody } from '../schemas.ts';

/** A weight or score as typed: a number, optionally followed by 分; blank clears it. */
const NUMBER = /^([+-]?\d+(?:\.\d+)?)\s*分?$/;

function shown(field: string, current: CorrectableRow['current']): string | null {
  if (field === 'target') return current.target.raw;
  if (field === 'actual') return current.actual.raw;
  const n = field === 'weight' ? current.weight : current.score;
  return n === null ? null : String(n);
}

export function correctionRoutes(deps: ApiDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/api/corrections',
      {
        onRequest: requireToken(deps.token),
        schema: {
          tags: ['corrections'],
          summary: 'correct a target, actual, weight or score (value null puts the extracted value back)',
          security: [{ token: [] }],
          body: CorrectionBody,
        },
      },
      async (req, reply) => {
        const b = req.body;
        const key = { sourceFileId: b.sourceFileId, reportOrdinal: b.reportOrdinal, rowOrdinal: b.rowOrdinal };
        const row = await correctableRow(deps.db, key);
        if (!row) return reply.code(404).send({ error: 'NotFound', message: `version ${b.sourceFileId} has no report ${b.reportOrdinal} row ${b.rowOrdinal}` });
        let newParsed: Value | null = null;
        let newNumber: number | null = null;
        if (b.value !== null && (b.field === 'target' || b.field === 'actual')) {
          const unitHint = b.field === 'actual' ? row.current.target.unit : undefined;
          newParsed = normaliseCell(b.value, { fiscalYear: row.fiscalYear, unitHint });
          newNumber = newParsed.value;
        } else if (b.value !== null && b.value !== '') {
          const m = NUMBER.exec(b.value);
          if (!m) return reply.code(400).send({ error: 'BadRequest', message: `${b.field} must be a number (e.g. 10 or 9.5), got ${JSON.stringify(b.value)}` });
          newNumber = Number(m[1]);
        }
        let attainedAfter: boolean | null = null;
        if (b.field === 'target' || b.field === 'actual') {
          const target = b.field === 'target' ? (newParsed ?? row.extracted.target) : row.current.target;
          const actual = b.field === 'actual' ? (newParsed ?? row.extracted.actual) : row.current.actual;
          attainedAfter = attained(target, actual, directionOf(row));
        }
        const saved = await recordCorrection(deps.db, {
          ...key,
          field: b.field,
          level1: row.level1,
          level2: row.level2,
          level3: row.level3,
          oldValue: shown(b.field, row.current),
          newValue: b.value,
          newParsed,
          newNumber,
          attainedAfter,
          correctedBy: b.by,
          note: b.note ?? null,
        });
        const fact = await factRow(deps.db, key);
        req.log.info({ correctionId: saved.id, ...key, field: b.field, by: b.by }, 'correction stored');
        return reply.code(201).send({ correctionId: saved.id, correctedAt: saved.correctedAt, row: fact });
      },
    );
  };
}
