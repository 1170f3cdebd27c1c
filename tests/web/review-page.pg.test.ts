// The review page in a real browser (Debian's chromium through playwright-core) against a real Postgres:
// filter to not-attained rows, open the document, see the row's box on the page picture, correct it, re-run
// the document and find the correction still applied, then export CSV and XLSX from the page and read them back.
// JIXIAO_UPDATE_SCREENSHOT=1 also writes docs/review-page.png.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixture, ROOT, startTestApi, TOKEN, type TestApi } from '../api/api-fixture.ts';

const CHROMIUM = '/usr/bin/chromium';
let t: TestApi;
let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  t = await startTestApi('web', [fixture('forms/authored-city-transport-3pages/form.pdf')]);
  profile = await mkdtemp(join(tmpdir(), 'jixiao-chromium-'));
  // a fresh profile each run (playwright passes it to chromium as --user-data-dir)
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1440, height: 860 },
    acceptDownloads: true,
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await t?.dispose();
  if (profile) await rm(profile, { recursive: true, force: true });
});

it('filters, shows the row on its page, corrects it across a re-run, and exports', async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // the indicator table, filtered to not-attained rows with the form's own controls
  await page.goto(t.url + '/');
  const all = await page.locator('table.indicators tbody tr').count();
  await page.selectOption('select[name=attained]', 'no');
  await Promise.all([page.waitForURL(/attained=no/), page.click('form.filters button[type=submit]')]);
  const rows = page.locator('table.indicators tbody tr');
  const n = await rows.count();
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(all);
  expect(await page.locator('table.indicators tbody tr.not-attained').count()).toBe(n);
  const level3 = (await rows.first().locator('td').nth(5).textContent())!;

  // the document view: the selected row's box is drawn over the page picture
  await Promise.all([page.waitForURL(/\/documents\/\d+/), rows.first().locator('a').click()]);
  const selected = page.locator('.form-rows tr.selected');
  await expect.poll(() => selected.count()).toBe(1);
  expect(await selected.locator('td').nth(2).textContent()).toBe(level3);
  const box = page.locator('.row-box');
  await box.waitFor({ state: 'visible' });
  await page.locator('.page-img').evaluate((img: HTMLImageElement) => img.decode());
  const onPage = await page.locator('.page-img').boundingBox();
  const drawn = await box.boundingBox();
  expect(drawn!.width).toBeGreaterThan(onPage!.width * 0.2);
  expect(drawn!.y).toBeGreaterThanOrEqual(onPage!.y);
  expect(drawn!.y + drawn!.height).toBeLessThanOrEqual(onPage!.y + onPage!.height + 1);

  // a correction: the analyst's name and token, then the actual value the target asks for
  await page.fill('#who input[name=by]', '测试员');
  await page.dispatchEvent('#who input[name=by]', 'change');
  await page.fill('#who input[name=token]', TOKEN);
  await page.dispatchEvent('#who input[name=token]', 'change');
  await page.selectOption('form.correct select[name=field]', 'actual');
  const target = (await selected.locator('td[data-field=target]').textContent())!;
  const newActual = target.replace(/^[≥≧>＞≤≦<＜=＝]+/, '');
  await page.fill('form.correct input[name=value]', newActual);
  await page.click('form.correct button[type=submit]');
  await expect.poll(() => page.locator('.correct-status').textContent()).toBe('已保存');
  expect(await selected.locator('td[data-field=actual]').textContent()).toBe(newActual);
  expect(await selected.locator('td.att').textContent()).toBe('达成');
  if (process.env.JIXIAO_UPDATE_SCREENSHOT === '1') await page.screenshot({ path: join(ROOT, 'docs/review-page.png') });

  // re-run the document from the page: it reloads when the run is done, and the correction still applies
  const rowId = await selected.getAttribute('id');
  await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.click('button.reprocess')]);
  const again = page.locator(`#${rowId}`);
  expect(await again.locator('td[data-field=actual]').textContent()).toBe(newActual);
  expect(await again.locator('td[data-field=actual]').getAttribute('class')).toContain('corrected');
  expect(await page.locator('.versions .run').count()).toBe(2);

  // exports from the table's buttons, read back
  await page.goto(t.url + '/?attained=no');
  const csvDownload = await Promise.all([page.waitForEvent('download'), page.click('a.button:text("CSV")')]).then(([d]) => d);
  const csv = await readFile((await csvDownload.path())!);
  expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const lines = csv.toString('utf8').trim().split('\r\n');
  expect(lines).toHaveLength(n - 1 + 1); // the corrected row is attained now
  expect(lines.slice(1).some((l) => l.includes(level3))).toBe(false);
  const xlsxDownload = await Promise.all([page.waitForEvent('download'), page.click('a.button:text("Excel")')]).then(([d]) => d);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await xlsxDownload.path())!);
  expect(book.worksheets[0]!.rowCount).toBe(n);
  expect(errors).toEqual([]);
}, 90_000);
