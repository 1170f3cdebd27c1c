// The npm registry this project installs from lacks some other-platform builds of optional native packages
// (e.g. @turbo/darwin-64 at the exact version turbo pins). `npm install` skips them silently, but `npm ci`
// then refuses the lock ("Missing: @turbo/darwin-64@ from lock file"). This adds a lock entry for every
// optional dependency the lock lacks, marked optional and with the os/cpu its name states, so `npm ci`
// skips it on this platform exactly as `npm install` did. Run after changing dependencies:
//   node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const pkgs = lock.packages;

const OS = [['android', 'android'], ['darwin', 'darwin'], ['freebsd', 'freebsd'], ['win32', 'win32'], ['windows', 'win32'], ['linux', 'linux'], ['openbsd', 'openbsd'], ['sunos', 'sunos'], ['aix', 'aix']];
const CPU = [['arm64', 'arm64'], ['aarch64', 'arm64'], ['x64', 'x64'], ['64', 'x64'], ['ia32', 'ia32'], ['arm', 'arm'], ['riscv64', 'riscv64'], ['ppc64', 'ppc64'], ['s390x', 's390x'], ['loong64', 'loong64']];

function platformOf(name) {
  const tail = name.split('/').pop();
  const os = OS.find(([w]) => tail.includes(w))?.[1];
  const parts = tail.split('-');
  const cpu = CPU.find(([w]) => parts.includes(w))?.[1];
  return { os, cpu };
}

/** Where node would resolve `dep` from the package at `path` (walking up node_modules folders). */
function resolves(path, dep) {
  let base = path;
  for (;;) {
    if (pkgs[`${base ? base + '/' : ''}node_modules/${dep}`]) return true;
    if (!base) return false;
    const i = base.lastIndexOf('node_modules/');
    if (i < 0) return !!pkgs[`node_modules/${dep}`];
    base = base.slice(0, i).replace(/\/$/, '');
  }
}

let added = 0;
for (const [path, meta] of Object.entries(pkgs)) {
  for (const [dep, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    if (resolves(path, dep)) continue;
    const { os, cpu } = platformOf(dep);
    if (!os || (os === process.platform && (!cpu || cpu === process.arch))) continue; // only other platforms' builds may be missing
    const at = `${path ? path + '/' : ''}node_modules/${dep}`;
    pkgs[at] = { version: String(spec).replace(/^[\^~=]/, ''), optional: true, os: [os], ...(cpu ? { cpu: [cpu] } : {}) };
    added++;
  }
}
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`complete-lockfile: added ${added} other-platform optional entries`);
