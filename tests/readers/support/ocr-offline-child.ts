// Run by ocr-offline.ocr.test.ts in a child process with the network refused (support/no-network.cjs):
// starts an OCR engine from its local model files and reads one rendered value, printing the text as JSON.
import { createCanvas } from '@napi-rs/canvas';
import { createOcrEngine, type OcrEngineName } from '../../../packages/readers/src/ocr/engine.ts';

const [kind, model] = (process.argv[2] ?? 'paddle').split(':') as [OcrEngineName, 'fast' | 'best' | undefined];
const canvas = createCanvas(360, 90);
const ctx = canvas.getContext('2d');
ctx.fillStyle = '#ffffff';
ctx.fillRect(0, 0, 360, 90);
ctx.fillStyle = '#000000';
ctx.font = '40px "Noto Sans CJK SC"';
ctx.fillText('526人次', 30, 60);
const rgba = ctx.getImageData(0, 0, 360, 90).data;
const grey = new Uint8Array(360 * 90);
for (let i = 0; i < grey.length; i++) grey[i] = rgba[i * 4]!;
const engine = await createOcrEngine({ kind, workers: 1, model });
try {
  const lines = await engine.recognise({ data: grey, width: 360, height: 90, dpi: 300, lines: [] }, 'line');
  process.stdout.write(JSON.stringify({ model: engine.data.model, langPath: engine.data.langPath, text: lines.map((l) => l.text).join('') }) + '\n');
} finally {
  await engine.terminate();
}
