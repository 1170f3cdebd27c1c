// Normaliser throughput: every seed target/actual cell (packages/normalise/src/seed-cells.cases.ts),
// repeated, on one core. Goal: ≥ 500,000 cells/s. `npx tsx scripts/bench-normalise.ts [seconds]`.
// The rate is per CPU-second of this (single-threaded) process, so other jobs on the machine do not
// distort it; the wall-clock rate is printed beside it.
import { attained, normaliseCell } from '@jixiao/normalise';
import { SEED_CELLS } from '../packages/normalise/src/seed-cells.cases.ts';

const cells = SEED_CELLS.map((c) => ({ text: c.text, options: { fiscalYear: c.fiscalYear } }));
const seconds = Number(process.argv[2] ?? 3);

function run(rounds: number): number {
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    for (const c of cells) sink += normaliseCell(c.text, c.options).raw.length;
  }
  return sink;
}

run(2000); // warm up: let the JIT settle before measuring

let rounds = 0;
let sink = 0;
const cpuStart = process.cpuUsage();
const start = process.hrtime.bigint();
let elapsed = 0;
while (elapsed < seconds) {
  sink += run(200);
  rounds += 200;
  elapsed = Number(process.hrtime.bigint() - start) / 1e9;
}
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const perSecond = (rounds * cells.length) / cpuSeconds;
const perWallSecond = (rounds * cells.length) / elapsed;

// attained() over the seed rows' target/actual pairs (same order in the case table)
const pairs = SEED_CELLS.filter((c) => c.column === 'target').map((t) => {
  const a = SEED_CELLS.find((c) => c.seed === t.seed && c.column === 'actual') ?? t;
  return [normaliseCell(t.text, { fiscalYear: t.fiscalYear }), normaliseCell(a.text, { fiscalYear: a.fiscalYear })] as const;
});
const aStart = process.hrtime.bigint();
let aCount = 0;
while (Number(process.hrtime.bigint() - aStart) / 1e9 < 1) {
  for (const [t, a] of pairs) if (attained(t, a)) sink++;
  aCount += pairs.length;
}
const aPerSecond = aCount / (Number(process.hrtime.bigint() - aStart) / 1e9);

process.stdout.write(
  `normaliseCell: ${cells.length} seed cells × ${rounds} rounds in ${cpuSeconds.toFixed(2)} CPU-s → ${Math.round(perSecond).toLocaleString('en')} cells/s per core (goal ≥ 500,000) ${perSecond >= 500_000 ? 'OK' : 'BELOW GOAL'}\n` +
    `               wall clock ${elapsed.toFixed(2)} s → ${Math.round(perWallSecond).toLocaleString('en')} cells/s\n` +
    `attained:      ${Math.round(aPerSecond).toLocaleString('en')} pairs/s\n` +
    `(checksum ${sink})\n`,
);
