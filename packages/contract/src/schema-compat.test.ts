// The project's schema is our public interface: it may add to the shared contract, never rename or drop.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema, upstreamSchemaPath } from './json-schema.ts';

type Json = unknown;

/** Every path/rule in `upstream` must appear unchanged in `ours` (objects may gain keys). */
function missingRules(upstream: Json, ours: Json, path = '$'): string[] {
  if (upstream === null || typeof upstream !== 'object') {
    return JSON.stringify(upstream) === JSON.stringify(ours) ? [] : [`${path}: ${JSON.stringify(upstream)} != ${JSON.stringify(ours)}`];
  }
  if (Array.isArray(upstream)) {
    if (!Array.isArray(ours)) return [`${path}: expected array`];
    // `required` and enums: every upstream member must still be there
    return upstream.flatMap((item, i) =>
      ours.some((o) => missingRules(item, o).length === 0) ? [] : [`${path}[${i}]: ${JSON.stringify(item)} missing`],
    );
  }
  if (ours === null || typeof ours !== 'object' || Array.isArray(ours)) return [`${path}: expected object`];
  return Object.entries(upstream as Record<string, Json>).flatMap(([k, v]) =>
    k === '$id' ? [] : missingRules(v, (ours as Record<string, Json>)[k], `${path}.${k}`),
  );
}

describe('project schema', () => {
  const upstream = JSON.parse(readFileSync(upstreamSchemaPath, 'utf8'));

  it('holds every field and rule of the shared contract', () => {
    expect(missingRules(upstream, reportJsonSchema)).toEqual([]);
  });

  it('detects a dropped field (the check itself can fail)', () => {
    const broken = structuredClone(reportJsonSchema) as any;
    delete broken.$defs.Indicator.properties.level3;
    broken.$defs.Value.properties.kind.enum = ['number'];
    expect(missingRules(upstream, broken).length).toBeGreaterThanOrEqual(2);
  });

  const shared = fileURLToPath(new URL('../../../../shared/contract/report.schema.json', import.meta.url));
  it.runIf(existsSync(shared))('vendored upstream copy equals ../shared/contract', () => {
    expect(JSON.parse(readFileSync(shared, 'utf8'))).toEqual(upstream);
  });
});
