-- indicator_facts: one row per indicator of the latest finished (status 'done') run of each source file,
-- with the report's organisation, fiscal year, kind and project beside the typed target and actual.
-- Written by hand (drizzle-kit generate --custom): drizzle-kit does not manage this view.
CREATE VIEW "indicator_facts" AS
SELECT
	i."id" AS "indicator_id",
	r."id" AS "report_id",
	r."run_id",
	sf."id" AS "source_file_id",
	sf."document_id",
	sf."sha256",
	sf."original_name" AS "file_name",
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
WHERE r."run_id" = (
	SELECT max(er."id") FROM "extraction_runs" er
	WHERE er."source_file_id" = sf."id" AND er."status" = 'done'
);
