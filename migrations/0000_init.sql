CREATE TYPE "public"."run_status" AS ENUM('queued', 'processing', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "documents" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_files" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"document_id" bigint NOT NULL,
	"original_name" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"media_type" text,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archive_path" text NOT NULL,
	CONSTRAINT "source_files_sha256_unique" UNIQUE("sha256")
);
--> statement-breakpoint
CREATE TABLE "extraction_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source_file_id" bigint NOT NULL,
	"status" "run_status" DEFAULT 'queued' NOT NULL,
	"extractor_version" text NOT NULL,
	"error_code" text,
	"error_message" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"read_ms" double precision,
	"reconstruct_ms" double precision,
	"normalise_ms" double precision,
	"store_ms" double precision,
	"page_count" integer,
	"ocr" boolean,
	"extraction" jsonb
);
--> statement-breakpoint
CREATE TABLE "funding_lines" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" bigint NOT NULL,
	"ordinal" integer NOT NULL,
	"label" text NOT NULL,
	"unit" text,
	"initial_budget" double precision,
	"annual_budget" double precision,
	"executed" double precision,
	"execution_rate" double precision,
	"weight" double precision,
	"score" double precision,
	"page" integer,
	"box" jsonb
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" bigint NOT NULL,
	"ordinal" integer NOT NULL,
	"goal_index" integer,
	"target" text,
	"actual" text
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" bigint NOT NULL,
	"source_file_id" bigint NOT NULL,
	"ordinal" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text,
	"organisation" text,
	"implementing_unit" text,
	"project_name" text,
	"fiscal_year" integer,
	"total_score" double precision,
	"grade" text,
	"page_from" integer,
	"page_to" integer
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" bigint NOT NULL,
	"ordinal" integer NOT NULL,
	"goal" text,
	"level1" text,
	"level2" text,
	"level3" text,
	"target_raw" text NOT NULL,
	"target_kind" text NOT NULL,
	"target_op" text,
	"target_value" double precision,
	"target_unit" text,
	"target_base" double precision,
	"target_base_unit" text,
	"target_min" double precision,
	"target_max" double precision,
	"target_date" text,
	"target_label" text,
	"target_note" text,
	"target_parts" jsonb,
	"actual_raw" text NOT NULL,
	"actual_kind" text NOT NULL,
	"actual_op" text,
	"actual_value" double precision,
	"actual_unit" text,
	"actual_base" double precision,
	"actual_base_unit" text,
	"actual_min" double precision,
	"actual_max" double precision,
	"actual_date" text,
	"actual_label" text,
	"actual_note" text,
	"actual_parts" jsonb,
	"weight" double precision,
	"score" double precision,
	"deviation" text,
	"attained" boolean,
	"core" boolean,
	"page" integer,
	"confidence" double precision,
	"box" jsonb,
	"target_box" jsonb,
	"actual_box" jsonb
);
--> statement-breakpoint
CREATE TABLE "warnings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" bigint NOT NULL,
	"ordinal" integer NOT NULL,
	"code" text NOT NULL,
	"message" text NOT NULL,
	"page" integer
);
--> statement-breakpoint
ALTER TABLE "source_files" ADD CONSTRAINT "source_files_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extraction_runs" ADD CONSTRAINT "extraction_runs_source_file_id_source_files_id_fk" FOREIGN KEY ("source_file_id") REFERENCES "public"."source_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_run_id_extraction_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."extraction_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_source_file_id_source_files_id_fk" FOREIGN KEY ("source_file_id") REFERENCES "public"."source_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_run_id_extraction_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."extraction_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "source_files_document_idx" ON "source_files" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "extraction_runs_source_file_idx" ON "extraction_runs" USING btree ("source_file_id");--> statement-breakpoint
CREATE INDEX "extraction_runs_status_idx" ON "extraction_runs" USING btree ("status");--> statement-breakpoint
CREATE INDEX "funding_lines_report_idx" ON "funding_lines" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "goals_report_idx" ON "goals" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "reports_run_idx" ON "reports" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "reports_organisation_idx" ON "reports" USING btree ("organisation");--> statement-breakpoint
CREATE INDEX "reports_fiscal_year_idx" ON "reports" USING btree ("fiscal_year");--> statement-breakpoint
CREATE INDEX "reports_kind_idx" ON "reports" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "indicators_report_idx" ON "indicators" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "indicators_attained_idx" ON "indicators" USING btree ("attained");--> statement-breakpoint
CREATE INDEX "indicators_levels_idx" ON "indicators" USING btree ("level1","level2");--> statement-breakpoint
CREATE INDEX "indicators_target_kind_idx" ON "indicators" USING btree ("target_kind");--> statement-breakpoint
CREATE INDEX "warnings_run_idx" ON "warnings" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "warnings_code_idx" ON "warnings" USING btree ("code");