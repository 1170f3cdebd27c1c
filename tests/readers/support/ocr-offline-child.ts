// Run by ocr-offline.ocr.test.ts in a child process with the network refused (support/no-network.cjs):
// starts the OCR engine from local language data and reads one rendered value, printing the text as JSON.
import { createCanvas } from '@napi-rs/canvas';
import { createOcrEngine } from '../../../packages/readers/src/ocr/engine.ts';

const model = (process.argv[2] ?? 'fast') as 'fast' | 'best';
const canvas = createCanvas(360, 90);
const ctx = canvas.getContext('2d');
ctx.fillStyle = '#ffffff';
ctx.fillRect(0, 0, 360, 90);
ctx.fillStyle = '#000000';
ctx.font = '40px "Noto Sans CJK SC"';
ctx.fillText('526人次', 30, 60);
const engine = await createOcrEngine({ workers: 1, model });
try {
  const lines = await engine.recognise(canvas.toBuffer('image/png'), 'line');
  process.stdout.write(JSON.stringify({ model: engine.data.model, langPath: engine.data.langPath, text: lines.map((l) => l.text).join('') }) + '\n');
} finally {
  await engine.terminate();
}
