CREATE TABLE "indicator_corrections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source_file_id" bigint NOT NULL,
	"report_ordinal" integer NOT NULL,
	"row_ordinal" integer NOT NULL,
	"level1" text,
	"level2" text,
	"level3" text,
	"field" text NOT NULL,
	"old_value" text,
	"new_value" text,
	"new_parsed" jsonb,
	"new_number" double precision,
	"attained_after" boolean,
	"corrected_by" text NOT NULL,
	"corrected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "indicator_corrections" ADD CONSTRAINT "indicator_corrections_source_file_id_source_files_id_fk" FOREIGN KEY ("source_file_id") REFERENCES "public"."source_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_corrections_key_idx" ON "indicator_corrections" USING btree ("source_file_id","report_ordinal","row_ordinal");