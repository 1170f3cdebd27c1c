// docker-compose.yml is valid and runs the archive on MinIO: checked with Debian's docker-compose (.ci/run installs
// it), which reads the file exactly as a deployment would.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const hasCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;
const compose = (...args: string[]) => execFileSync('docker-compose', ['-f', 'docker-compose.yml', ...args], { cwd: ROOT, encoding: 'utf8' });

describe.skipIf(!hasCompose)('docker-compose.yml (skipped: docker-compose is not installed)', () => {
  it('validates, with a MinIO service the watcher and worker keep their archive in', () => {
    compose('config', '-q');
    expect(compose('config', '--services').split('\n')).toEqual(expect.arrayContaining(['minio', 'postgres', 'redis', 'worker', 'watcher']));
    const resolved = compose('config');
    expect(resolved).toMatch(/ARCHIVE_URL: s3:\/\/jixiao-archive/);
    expect(resolved).toMatch(/S3_ENDPOINT: http:\/\/minio:9000/);
    expect(resolved).not.toMatch(/ARCHIVE_DIR/);
  });
});
