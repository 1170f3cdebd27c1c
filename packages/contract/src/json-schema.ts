// The project's own JSON Schema (public interface) and an ajv validator for it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const schemaPath = fileURLToPath(new URL('../schema/report.schema.json', import.meta.url));
export const upstreamSchemaPath = fileURLToPath(new URL('../schema/upstream/report.schema.json', import.meta.url));

export const reportJsonSchema: Record<string, unknown> = JSON.parse(readFileSync(schemaPath, 'utf8'));

let compiled: ((data: unknown) => boolean) & { errors?: unknown } | undefined;

/** Validates an Extraction against the project's JSON Schema; returns the ajv errors, or [] when valid. */
export function schemaErrors(data: unknown, schema: Record<string, unknown> = reportJsonSchema): string[] {
  const validate =
    schema === reportJsonSchema
      ? (compiled ??= new (Ajv2020 as unknown as typeof Ajv2020.default)({ allErrors: true, strict: false }).compile(schema))
      : new (Ajv2020 as unknown as typeof Ajv2020.default)({ allErrors: true, strict: false }).compile(schema);
  if (validate(data)) return [];
  return ((validate.errors ?? []) as Array<{ instancePath: string; message?: string }>).map(
    (e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim(),
  );
}
