-- Analyst corrections on top of the extraction (packages/db/src/schema/corrections.ts).
-- indicator_corrections_current: the newest edit of each field of each corrected row, reverted fields left out.
-- indicator_facts_all / indicator_facts: as in 0003, with the corrections applied to target, actual, weight,
-- score and attained, the extracted values kept beside them (extracted_*), and the row's provenance (report and
-- row ordinals, boxes). Written by hand (drizzle-kit generate --custom): drizzle-kit does not manage views.
CREATE VIEW "indicator_corrections_current" AS
WITH "latest" AS (
	SELECT DISTINCT ON ("source_file_id", "report_ordinal", "row_ordinal", "field") *
	FROM "indicator_corrections"
	ORDER BY "source_file_id", "report_ordinal", "row_ordinal", "field", "id" DESC
), "latest_value_edit" AS (
	-- attained() as of the newest target or actual edit, reverted or not
	SELECT DISTINCT ON ("source_file_id", "report_ordinal", "row_ordinal") "source_file_id", "report_ordinal", "row_ordinal", "attained_after"
	FROM "indicator_corrections"
	WHERE "field" IN ('target', 'actual')
	ORDER BY "source_file_id", "report_ordinal", "row_ordinal", "id" DESC
)
SELECT
	l."source_file_id",
	l."report_ordinal",
	l."row_ordinal",
	(array_agg(l."level1"))[1] AS "level1",
	(array_agg(l."level2"))[1] AS "level2",
	(array_agg(l."level3"))[1] AS "level3",
	(array_agg(l."new_parsed") FILTER (WHERE l."field" = 'target'))[1] AS "target",
	(array_agg(l."new_parsed") FILTER (WHERE l."field" = 'actual'))[1] AS "actual",
	bool_or(l."field" = 'weight') AS "has_weight",
	(array_agg(l."new_number") FILTER (WHERE l."field" = 'weight'))[1] AS "weight",
	bool_or(l."field" = 'score') AS "has_score",
	(array_agg(l."new_number") FILTER (WHERE l."field" = 'score'))[1] AS "score",
	(array_agg(v."attained_after"))[1] AS "attained",
	array_agg(l."field" ORDER BY l."field") AS "fields",
	max(l."corrected_at") AS "last_corrected_at"
FROM "latest" l
LEFT JOIN "latest_value_edit" v USING ("source_file_id", "report_ordinal", "row_ordinal")
WHERE l."new_value" IS NOT NULL
GROUP BY l."source_file_id", l."report_ordinal", l."row_ordinal";
--> statement-breakpoint
DROP VIEW IF EXISTS "indicator_facts";
--> statement-breakpoint
DROP VIEW IF EXISTS "indicator_facts_all";
--> statement-breakpoint
CREATE VIEW "indicator_facts_all" AS
SELECT
	i."id" AS "indicator_id",
	r."id" AS "report_id",
	r."run_id",
	sf."id" AS "source_file_id",
	sf."document_id",
	sf."document_version",
	sf."is_current",
	sf."sha256",
	sf."original_name" AS "file_name",
	sf."archive_member_path",
	r."organisation",
	r."implementing_unit",
	r."fiscal_year",
	r."kind" AS "report_kind",
	r."project_name",
	r."title" AS "report_title",
	i."goal",
	i."level1",
	i."level2",
	i."level3",
	CASE WHEN c."target" IS NULL THEN i."target_raw" ELSE c."target"->>'raw' END AS "target_raw",
	CASE WHEN c."target" IS NULL THEN i."target_kind" ELSE c."target"->>'kind' END AS "target_kind",
	CASE WHEN c."target" IS NULL THEN i."target_op" ELSE c."target"->>'op' END AS "target_op",
	CASE WHEN c."target" IS NULL THEN i."target_value" ELSE (c."target"->>'value')::double precision END AS "target_value",
	CASE WHEN c."target" IS NULL THEN i."target_unit" ELSE c."target"->>'unit' END AS "target_unit",
	CASE WHEN c."target" IS NULL THEN i."target_date" ELSE c."target"->>'date' END AS "target_date",
	CASE WHEN c."actual" IS NULL THEN i."actual_raw" ELSE c."actual"->>'raw' END AS "actual_raw",
	CASE WHEN c."actual" IS NULL THEN i."actual_kind" ELSE c."actual"->>'kind' END AS "actual_kind",
	CASE WHEN c."actual" IS NULL THEN i."actual_op" ELSE c."actual"->>'op' END AS "actual_op",
	CASE WHEN c."actual" IS NULL THEN i."actual_value" ELSE (c."actual"->>'value')::double precision END AS "actual_value",
	CASE WHEN c."actual" IS NULL THEN i."actual_unit" ELSE c."actual"->>'unit' END AS "actual_unit",
	CASE WHEN c."actual" IS NULL THEN i."actual_date" ELSE c."actual"->>'date' END AS "actual_date",
	CASE WHEN c."has_weight" THEN c."weight" ELSE i."weight" END AS "weight",
	CASE WHEN c."has_score" THEN c."score" ELSE i."score" END AS "score",
	CASE WHEN c."target" IS NULL AND c."actual" IS NULL THEN i."attained" ELSE c."attained" END AS "attained",
	i."deviation",
	i."core",
	i."page",
	i."confidence",
	r."ordinal" AS "report_ordinal",
	i."ordinal" AS "row_ordinal",
	i."box",
	i."target_box",
	i."actual_box",
	c."source_file_id" IS NOT NULL AS "corrected",
	c."fields" AS "corrected_fields",
	c."last_corrected_at",
	i."target_raw" AS "extracted_target_raw",
	i."actual_raw" AS "extracted_actual_raw",
	i."weight" AS "extracted_weight",
	i."score" AS "extracted_score",
	i."attained" AS "extracted_attained"
FROM "indicators" i
JOIN "reports" r ON r."id" = i."report_id"
JOIN "source_files" sf ON sf."id" = r."source_file_id"
-- the levels guard: a correction applies only to the row it was made on (see corrections.ts)
LEFT JOIN "indicator_corrections_current" c
	ON c."source_file_id" = sf."id" AND c."report_ordinal" = r."ordinal" AND c."row_ordinal" = i."ordinal"
	AND c."level1" IS NOT DISTINCT FROM i."level1" AND c."level2" IS NOT DISTINCT FROM i."level2"
	AND c."level3" IS NOT DISTINCT FROM i."level3";
--> statement-breakpoint
CREATE VIEW "indicator_facts" AS
SELECT * FROM "indicator_facts_all" WHERE "is_current";
