// OCR must never download models or language data: tesseract.js falls back to a CDN when langPath is unset,
// and model hubs are a habit of OCR libraries. Each engine runs in a child process whose network is refused
// in the main thread and in every worker thread (support/no-network.cjs, preloaded); it must still read text,
// and nothing may have tried to connect.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { languageData } from '../../packages/readers/src/ocr/language-data.ts';
import { paddleModels } from '../../packages/readers/src/ocr/paddle-models.ts';

const support = path.join(import.meta.dirname, 'support');
const root = path.join(import.meta.dirname, '../..');

describe('OCR language data', () => {
  it('always names a local directory, never a URL', () => {
    for (const model of ['fast', 'best'] as const) {
      const data = languageData(model);
      expect(path.isAbsolute(data.langPath)).toBe(true);
      expect(data.langPath).not.toMatch(/^[a-z]+:\/\//i);
      expect(existsSync(path.join(data.langPath, data.gzip ? 'chi_sim.traineddata.gz' : 'chi_sim.traineddata'))).toBe(true);
    }
  });

  it('finds the PP-OCR model and its character list on disk', () => {
    const models = paddleModels();
    expect(existsSync(models.recognition)).toBe(true);
    // blank + 6,623 characters + space: the recogniser's output classes
    expect(models.classes).toHaveLength(6625);
    expect(models.classes).toContain('≥');
  });

  it.each(['paddle', 'tesseract:fast', 'tesseract:best'] as const)('reads text with the network refused (%s)', (engine) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ocr-offline-'));
    const marker = path.join(dir, 'attempts');
    try {
      const out = execFileSync(process.execPath, ['--require', path.join(support, 'no-network.cjs'), '--import', 'tsx', path.join(support, 'ocr-offline-child.ts'), engine], {
        cwd: root,
        env: { ...process.env, NO_NETWORK_MARKER: marker },
        encoding: 'utf8',
        timeout: 60_000,
      });
      const result = JSON.parse(out.trim().split('\n').pop()!) as { text: string; langPath: string };
      expect(result.text).toContain('526');
      // the guard really was in place, in the main thread and in tesseract's worker thread
      expect(readFileSync(`${marker}.loaded`, 'utf8')).toMatch(engine === 'paddle' ? /main/ : /main[\s\S]*worker/);
      expect(existsSync(marker) ? readFileSync(marker, 'utf8') : '').toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
