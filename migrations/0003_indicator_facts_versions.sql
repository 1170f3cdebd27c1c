-- Versions (docs/versions.md). A source file holds the rows of its latest successful run only (a re-run replaces
-- them in one transaction), so the views no longer pick a run. indicator_facts shows the current version of
-- each document; indicator_facts_all every version, with document_version and is_current to tell them apart.
-- Written by hand (drizzle-kit generate --custom): drizzle-kit does not manage these views.
-- Files finished before versions existed are each the current (only) version of their document.
UPDATE "source_files" sf SET "is_current" = true
WHERE EXISTS (SELECT 1 FROM "extraction_runs" er WHERE er."source_file_id" = sf."id" AND er."status" = 'done');
--> statement-breakpoint
-- Rows of earlier runs of the same file, left by the pre-versions schema, would now show twice.
DELETE FROM "reports" r
WHERE r."run_id" <> (
	SELECT max(er."id") FROM "extraction_runs" er
	WHERE er."source_file_id" = r."source_file_id" AND er."status" = 'done'
);
--> statement-breakpoint
DROP VIEW IF EXISTS "indicator_facts";
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
	i."target_raw",
	i."target_kind",
	i."target_op",
	i."target_value",
	i."target_unit",
	i."target_date",
	i."actual_raw",
	i."actual_kind",
	i."actual_op",
	i."actual_value",
	i."actual_unit",
	i."actual_date",
	i."weight",
	i."score",
	i."attained",
	i."deviation",
	i."core",
	i."page",
	i."confidence"
FROM "indicators" i
JOIN "reports" r ON r."id" = i."report_id"
JOIN "source_files" sf ON sf."id" = r."source_file_id";
--> statement-breakpoint
CREATE VIEW "indicator_facts" AS
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
	i."target_raw",
	i."target_kind",
	i."target_op",
	i."target_value",
	i."target_unit",
	i."target_date",
	i."actual_raw",
	i."actual_kind",
	i."actual_op",
	i."actual_value",
	i."actual_unit",
	i."actual_date",
	i."weight",
	i."score",
	i."attained",
	i."deviation",
	i."core",
	i."page",
	i."confidence"
FROM "indicators" i
JOIN "reports" r ON r."id" = i."report_id"
JOIN "source_files" sf ON sf."id" = r."source_file_id"
WHERE sf."is_current";
