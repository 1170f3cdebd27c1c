ALTER TABLE "source_files" ALTER COLUMN "sha256" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "source_files" ALTER COLUMN "archive_path" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "source_files" ADD COLUMN "logical_path" text;--> statement-breakpoint
ALTER TABLE "source_files" ADD COLUMN "archive_member_path" text;--> statement-breakpoint
ALTER TABLE "source_files" ADD COLUMN "container_id" bigint;--> statement-breakpoint
ALTER TABLE "source_files" ADD COLUMN "document_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "source_files" ADD COLUMN "is_current" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "source_files" ADD CONSTRAINT "source_files_container_id_source_files_id_fk" FOREIGN KEY ("container_id") REFERENCES "public"."source_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "source_files_logical_path_idx" ON "source_files" USING btree ("logical_path");--> statement-breakpoint
CREATE INDEX "source_files_container_idx" ON "source_files" USING btree ("container_id");