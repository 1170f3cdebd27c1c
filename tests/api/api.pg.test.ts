// The analysts' API against a real Postgres: filters, provenance, page images, corrections that survive a re-run,
// exports read back, write protection and upload limits. Rows come from the real stages over fixture files.
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Extraction } from '@jixiao/contract';
import { buildServer } from '@jixiao/api';
import { openLocalStore } from '@jixiao/archive-store';
import { fixture, multipartBody, startTestApi, TOKEN, type TestApi } from './api-fixture.ts';

const PDF = fixture('forms/authored-city-transport-3pages/form.pdf');
const DOCX = fixture('forms/seed-003/form.docx');
const SCAN = fixture('scans/seed-004-p2-200dpi.jpg');
const auth = { authorization: `Bearer ${TOKEN}` };

let t: TestApi;
const get = (url: string) => t.api.app.inject({ method: 'GET', url });
const json = async (url: string) => {
  const res = await get(url);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
  return res.json();
};
async function documentIdOf(fileName: string): Promise<number> {
  const list = await json('/api/documents?limit=100');
  return list.rows.find((d: { fileName: string }) => d.fileName === fileName).documentId;
}

beforeAll(async () => {
  t = await startTestApi('api', [PDF, DOCX, SCAN]);
}, 180_000);
afterAll(async () => t?.dispose());

describe('documents', () => {
  it('lists documents with filters and refuses a bad one with a clear message', async () => {
    const all = await json('/api/documents');
    expect(all.total).toBe(3);
    const pdfDoc = all.rows.find((d: { fileName: string }) => d.fileName === 'form.pdf');
    expect(pdfDoc).toMatchObject({ status: 'done', mediaType: 'application/pdf', version: 1 });
    expect(pdfDoc.indicators).toBeGreaterThan(20);
    const byOrg = await json(`/api/documents?organisation=${encodeURIComponent(pdfDoc.organisation.slice(1, 4))}`);
    expect(byOrg.rows.map((d: { documentId: number }) => d.documentId)).toContain(pdfDoc.documentId);
    const byYear = await json(`/api/documents?fiscalYear=${pdfDoc.fiscalYear}&status=done`);
    expect(byYear.rows.every((d: { fiscalYear: number }) => d.fiscalYear === pdfDoc.fiscalYear)).toBe(true);
    const warned = await json('/api/documents?hasWarnings=true');
    expect(warned.rows.every((d: { warnings: number }) => d.warnings > 0)).toBe(true);

    const bad = await get('/api/documents?fiscalYear=next');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/fiscalYear/);
    expect((await get('/api/documents/0')).statusCode).toBe(400);
    expect((await get('/api/documents/..%2F..%2Fetc%2Fpasswd/file')).statusCode).toBe(400);
    expect((await get('/api/documents/999999')).statusCode).toBe(404);
  });

  it('gives one document with versions, runs and rows whose boxes lie on their page', async () => {
    const id = await documentIdOf('form.pdf');
    const d = await json(`/api/documents/${id}`);
    expect(d.versions).toHaveLength(1);
    expect(d.versions[0].runs[0].status).toBe('done');
    expect(d.selected.pageCount).toBe(3);
    expect(Array.isArray(d.selected.warnings)).toBe(true);
    const rows = d.selected.indicators;
    expect(rows.length).toBeGreaterThan(20);
    const funding = d.selected.reports.flatMap((r: { funding: unknown[] }) => r.funding);
    expect(funding.length).toBeGreaterThan(0);
    expect(funding.every((f: { page: number | null; box: unknown }) => f.page !== null && f.box)).toBe(true);
    expect(d.selected.reports[0]).toMatchObject({ pageFrom: 1 });
    const page = await get(`/api/documents/${id}/pages/1`);
    const width = Number(page.headers['x-page-width']);
    const height = Number(page.headers['x-page-height']);
    const withBoxes = rows.filter((r: { box: unknown }) => r.box);
    expect(withBoxes.length / rows.length).toBeGreaterThan(0.9);
    for (const r of withBoxes) {
      expect(r.page).toBeGreaterThanOrEqual(1);
      expect(r.box.x0).toBeGreaterThanOrEqual(0);
      expect(r.box.x1).toBeLessThanOrEqual(width + 1);
      expect(r.box.y1).toBeLessThanOrEqual(height + 1);
      expect(r.box.y0).toBeLessThan(r.box.y1);
    }
  });

  it('serves the original bytes and PNG pictures of PDF and image pages', async () => {
    const id = await documentIdOf('form.pdf');
    const file = await get(`/api/documents/${id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(await readFile(PDF))).toBe(true);
    expect(file.headers['content-disposition']).toContain('form.pdf');

    const page = await get(`/api/documents/${id}/pages/2`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('image/png');
    expect(page.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect(Number(page.headers['x-page-count'])).toBe(3);
    expect((await get(`/api/documents/${id}/pages/4`)).statusCode).toBe(404);

    const scan = await get(`/api/documents/${await documentIdOf('seed-004-p2-200dpi.jpg')}/pages/1`);
    expect(scan.statusCode).toBe(200);
    // the scan's page size in points follows its resolution: an A4 page at 200 dpi is about 595 × 842 pt
    expect(Number(scan.headers['x-page-width'])).toBeGreaterThan(400);
    const docx = await get(`/api/documents/${await documentIdOf('form.docx')}/pages/1`);
    expect(docx.statusCode).toBe(415);
  });

  it('shows a deskewed scan straightened, so its rows\' boxes sit on the table\'s rules', async () => {
    const id = await documentIdOf('seed-004-p2-200dpi.jpg');
    const d = await json(`/api/documents/${id}`);
    const run = await t.database.db.execute(sql`select extraction -> 'source' -> 'pageGeometry' as g from extraction_runs where id = ${d.selected.runId}`);
    // the fixture was scanned 1.2° anticlockwise (fixtures/scans/manifest.json)
    const [geometry] = (run as unknown as { rows: { g: { skewDegrees: number }[] }[] }).rows[0]!.g;
    expect(geometry!.skewDegrees).toBeCloseTo(-1.2, 0);

    const page = await get(`/api/documents/${id}/pages/1`);
    expect(page.statusCode, page.body.slice(0, 200)).toBe(200);
    const { data, info } = await sharp(page.rawPayload).greyscale().raw().toBuffer({ resolveWithObject: true });
    const scale = info.width / Number(page.headers['x-page-width']);
    /** share of an edge's length with a pixel darker than the grey paper (about 218) within 3 px: the rule the box was cut along */
    const onRule = (x0: number, x1: number, y: number) => {
      let hits = 0, n = 0;
      for (let x = Math.round(x0 + (x1 - x0) * 0.05); x < x1 - (x1 - x0) * 0.05; x++, n++) {
        for (let dy = -3; dy <= 3; dy++) if (data[((Math.round(y) + dy) * info.width + x) * info.channels]! < 190) { hits++; break; }
      }
      return hits / n;
    };
    const rows = d.selected.indicators.filter((r: { page: number; box: unknown }) => r.page === 1 && r.box);
    expect(rows.length).toBeGreaterThan(5);
    const shares = rows.flatMap((r: { box: { x0: number; x1: number; y0: number; y1: number } }) => {
      const [x0, x1] = [r.box.x0 * scale, r.box.x1 * scale];
      return [onRule(x0, x1, r.box.y0 * scale), onRule(x0, x1, r.box.y1 * scale)];
    }).sort((a: number, b: number) => a - b);
    // on the unturned original a 1.2° lean puts most of each edge beside its rule
    expect(shares[Math.floor(shares.length / 2)]).toBeGreaterThan(0.9);
  });
});

describe('indicators', () => {
  it('filters, counts, sorts and pages', async () => {
    const all = await json('/api/indicators?limit=1000');
    expect(all.total).toBe(all.rows.length);
    expect(all.counts.attained + all.counts.notAttained + all.counts.unknown).toBe(all.total);

    const no = await json('/api/indicators?attained=no');
    expect(no.total).toBe(all.counts.notAttained);
    expect(no.total).toBeGreaterThan(0);
    expect(no.rows.every((r: { attained: boolean }) => r.attained === false)).toBe(true);
    // the contract's own words for attained (true | false | null) beside the synonyms
    for (const [word, same, n] of [['false', 'no', all.counts.notAttained], ['true', 'yes', all.counts.attained], ['null', 'unknown', all.counts.unknown]] as const) {
      const spelled = await json(`/api/indicators?attained=${word}&limit=1000`);
      expect(spelled.total, `attained=${word}`).toBe(n);
      expect(spelled.rows).toEqual((await json(`/api/indicators?attained=${same}&limit=1000`)).rows);
    }
    expect((await json('/api/indicators?corrected=false')).total).toBe(all.total);

    const first = await json('/api/indicators?limit=5&offset=0&sort=level3');
    const second = await json('/api/indicators?limit=5&offset=5&sort=level3');
    const ids = [...first.rows, ...second.rows].map((r: { indicatorId: number }) => r.indicatorId);
    expect(new Set(ids).size).toBe(10);

    const byScore = await json('/api/indicators?sort=score&order=desc&limit=50');
    const scores = byScore.rows.map((r: { score: number | null }) => r.score).filter((s: number | null) => s !== null);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const word = all.rows.find((r: { level3: string | null }) => r.level3 && r.level3.length > 3).level3.slice(1, 3);
    const search = await json(`/api/indicators?q=${encodeURIComponent(word)}`);
    expect(search.total).toBeGreaterThan(0);
    expect(search.rows.every((r: { level3: string }) => r.level3.includes(word))).toBe(true);

    const level1 = all.rows[0].level1;
    const byLevel = await json(`/api/indicators?level1=${encodeURIComponent(level1)}&limit=1000`);
    expect(byLevel.rows.every((r: { level1: string }) => r.level1 === level1)).toBe(true);

    // the scan was read by OCR: its rows carry a confidence, and the low-confidence filter keeps only those below
    const scanRows = all.rows.filter((r: { fileName: string }) => r.fileName.endsWith('.jpg'));
    expect(scanRows.length).toBeGreaterThan(0);
    expect(scanRows.some((r: { confidence: number | null }) => r.confidence !== null)).toBe(true);
    const low = await json('/api/indicators?lowConfidence=true&confidenceBelow=0.99&limit=1000');
    expect(low.rows.every((r: { confidence: number }) => r.confidence !== null && r.confidence < 0.99)).toBe(true);

    const bad = await get('/api/indicators?attained=maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/attained/);
    expect((await get('/api/indicators?limit=100000')).statusCode).toBe(400);
  });
});

describe('corrections', () => {
  it('stores a correction apart, applies it in the views, keeps it across a re-run, and reverts it', async () => {
    const id = await documentIdOf('form.pdf');
    const { rows } = await json(`/api/indicators?documentId=${id}&attained=no`);
    const row = rows[0];
    const key = { sourceFileId: row.sourceFileId, reportOrdinal: row.reportOrdinal, rowOrdinal: row.rowOrdinal };
    const post = (body: object, headers: Record<string, string> = auth) =>
      t.api.app.inject({ method: 'POST', url: '/api/corrections', headers, payload: body });

    expect((await post({ ...key, field: 'actual', value: '1', by: 'x' }, {})).statusCode).toBe(401);
    expect((await post({ ...key, field: 'actual', value: '1', by: 'x' }, { authorization: 'Bearer wrong-token-000000' })).statusCode).toBe(401);
    expect((await post({ ...key, field: 'weight', value: 'heavy', by: '王' })).statusCode).toBe(400);
    expect((await post({ ...key, rowOrdinal: 999, field: 'weight', value: '1', by: '王' })).statusCode).toBe(404);

    // the actual printed as the target asks: attained by the normaliser's own rule
    const fixed = await post({ ...key, field: 'actual', value: row.targetRaw.replace(/^[≥≧>＞≤≦<＜=＝]+/, ''), by: '王分析', note: '核对原件' });
    expect(fixed.statusCode, fixed.body).toBe(201);
    expect(fixed.json().row).toMatchObject({ corrected: true, correctedFields: ['actual'], extractedActualRaw: row.actualRaw, attained: true });
    const weight = await post({ ...key, field: 'weight', value: '3分', by: '王分析' });
    expect(weight.json().row).toMatchObject({ weight: 3, extractedWeight: row.weight, correctedFields: ['actual', 'weight'] });

    const history = (await json(`/api/documents/${id}`)).selected.corrections;
    expect(history[0]).toMatchObject({ field: 'weight', oldValue: String(row.weight), newValue: '3分', correctedBy: '王分析' });
    expect(history[1]).toMatchObject({ field: 'actual', oldValue: row.actualRaw, note: '核对原件' });

    const re = await t.api.app.inject({ method: 'POST', url: `/api/documents/${id}/reprocess`, headers: auth });
    expect(re.statusCode, re.body).toBe(202);
    await t.api.idle();
    const run = await json(`/api/runs/${re.json().runs[0].runId}`);
    expect(run.status).toBe('done');
    const after = (await json(`/api/indicators?documentId=${id}&corrected=true`)).rows;
    expect(after).toHaveLength(1);
    expect(after[0].indicatorId).not.toBe(row.indicatorId);
    expect(after[0].runId).toBe(run.runId);
    expect(after[0]).toMatchObject({ ...key, level3: row.level3, weight: 3, attained: true });

    const reverted = await post({ ...key, field: 'actual', value: null, by: '王分析' });
    expect(reverted.json().row).toMatchObject({ actualRaw: row.actualRaw, attained: false, correctedFields: ['weight'] });
  });
});

describe('exports', () => {
  it('writes CSV with a BOM, typed XLSX and contract JSON for the same filter', async () => {
    const filter = 'attained=no';
    const total = (await json(`/api/indicators?${filter}`)).total;

    const csv = await get(`/api/export?format=csv&${filter}`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^document_id,document_version,file_name,organisation/);
    expect(lines).toHaveLength(total + 1);
    expect(csv.body).toMatch(/[\u4e00-\u9fff]/);

    const xlsx = await get(`/api/export?format=xlsx&${filter}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(total + 1);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('三级指标');
    const weightCol = header.indexOf('分值') + 1;
    expect(typeof sheet.getRow(2).getCell(weightCol).value).toBe('number');
    expect(sheet.getRow(2).getCell(header.indexOf('是否达成') + 1).value).toBe(false);

    const out = await get(`/api/export?format=json&${filter}`);
    const extractions = out.json() as unknown[];
    const parsed = extractions.map((e) => Extraction.parse(e));
    const indicators = parsed.flatMap((e) => e.reports.flatMap((r) => r.indicators));
    expect(indicators).toHaveLength(total);
    expect(indicators.every((i) => i.attained === false)).toBe(true);

    expect((await get('/api/export?format=pdf')).statusCode).toBe(400);
  });
});

describe('writes', () => {
  it('uploads a file like the inbox does, capped by the file size limit', async () => {
    const bytes = await readFile(fixture('forms/seed-001/form.pdf'));
    const res = await upload(t.api.app, '../../etc/上传.pdf', bytes);
    expect(res.statusCode, res.body).toBe(202);
    await t.api.idle();
    const d = await json(`/api/documents/${res.json().documentId}`);
    expect(d.selected.fileName).toBe('上传.pdf');
    expect(d.selected.runs[0].status).toBe('done');
    expect(d.selected.indicators.length).toBeGreaterThan(0);

    const again = await upload(t.api.app, 'copy.pdf', bytes);
    expect(again.json()).toMatchObject({ newFile: false, runIds: [] });

    const small = await buildServer({ ...depsOf(t), limits: { ...t.config.limits, maxBytes: 1000 } });
    const big = await upload(small, 'big.pdf', bytes);
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toMatch(/limit/);
    await small.close();
  });

  it('is read-only without a token', async () => {
    const readOnly = await buildServer({ ...depsOf(t), token: null });
    const res = await readOnly.inject({ method: 'POST', url: '/api/reprocess', headers: auth, payload: { all: true } });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/API_TOKEN/);
    expect((await readOnly.inject({ method: 'GET', url: '/api/indicators?limit=1' })).statusCode).toBe(200);
    await readOnly.close();
    const vague = await t.api.app.inject({ method: 'POST', url: '/api/reprocess', headers: auth, payload: {} });
    expect(vague.statusCode).toBe(400);
  });

  it('re-runs the documents a filter selects', async () => {
    const id = await documentIdOf('form.docx');
    const { organisation } = (await json(`/api/documents/${id}`)).selected.reports[0];
    const res = await t.api.app.inject({ method: 'POST', url: '/api/reprocess', headers: auth, payload: { organisation } });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json().runs.map((r: { fileName: string }) => r.fileName)).toEqual(['form.docx']);
    await t.api.idle();
    expect((await json(`/api/runs/${res.json().runs[0].runId}`)).status).toBe('done');
  });

  it('publishes an OpenAPI document generated from the schemas', async () => {
    const doc = await json('/openapi.json');
    expect(doc.openapi).toMatch(/^3\./);
    const params = doc.paths['/api/indicators'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['organisation', 'fiscalYear', 'attained', 'lowConfidence', 'q', 'sort', 'limit']));
    expect(doc.paths['/api/corrections'].post.requestBody).toBeDefined();
  });
});

function upload(app: TestApi['api']['app'], name: string, bytes: Uint8Array) {
  const { payload, headers } = multipartBody(name, bytes);
  return app.inject({ method: 'POST', url: '/api/upload', headers: { ...auth, ...headers }, payload });
}

function depsOf(api: TestApi) {
  return {
    db: api.database.db,
    driver: 'pg' as const,
    store: openLocalStore(api.config.archiveDir),
    spoolDir: api.config.spoolDir,
    limits: api.config.limits,
    token: TOKEN,
    dispatch: async () => {},
    uploadDir: api.config.dataDir + '/uploads',
    logger: pino({ level: 'silent' }),
  };
}

describe('the boundary', () => {
  const from = (remoteAddress: string, url: string, headers: Record<string, string> = {}) => t.api.app.inject({ method: 'GET', url, remoteAddress, headers });

  it('asks every /api route for the token off loopback, and none on it', async () => {
    expect((await from('10.1.2.3', '/api/documents')).statusCode).toBe(401);
    expect((await from('10.1.2.3', '/api/documents/1/file')).statusCode).toBe(401);
    expect((await from('10.1.2.3', '/api/documents', auth)).statusCode).toBe(200);
    expect((await from('127.0.0.1', '/api/documents')).statusCode).toBe(200);
  });

  it('sends CSP with frame-ancestors and nosniff on every answer', async () => {
    for (const url of ['/', '/api/documents', '/no-such-page']) {
      const res = await get(url);
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it.each([
    ['a NUL', '/api/documents?organisation=%00'],
    ['a lone surrogate', '/api/documents?organisation=%ED%A0%80'],
    ['broken percent-encoding', '/api/documents?organisation=%E4%B8'],
  ])('answers 400 to %s in a query', async (_what, url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('BadRequest');
  });

  it('answers 400 to broken multipart, and a long CJK name is not a server error', async () => {
    const cut = multipartBody('form.txt', new Uint8Array(64));
    const broken = await t.api.app.inject({ method: 'POST', url: '/api/upload', headers: { ...cut.headers, ...auth }, payload: cut.payload.subarray(0, 80) });
    expect(broken.statusCode).toBe(400);
    const long = multipartBody('绩'.repeat(300) + '.txt', new Uint8Array(Buffer.from('项目名称\t测试\n')));
    const named = await t.api.app.inject({ method: 'POST', url: '/api/upload', headers: { ...long.headers, ...auth }, payload: long.payload });
    expect(named.statusCode, named.body).toBeLessThan(500);
  });
});
