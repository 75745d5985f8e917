CREATE TABLE "improvement_details" (
	"record_id" uuid PRIMARY KEY NOT NULL,
	"source_kind" text NOT NULL,
	"source_ref" text,
	"kpi_filter" jsonb,
	"expected_benefit" text DEFAULT '' NOT NULL,
	"service_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"kpi_keys" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"outcome_days" integer DEFAULT 30 NOT NULL,
	"baseline_at" timestamp with time zone,
	"baseline" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "improvement_dismissals" (
	"kpi_key" text NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"through" timestamp with time zone NOT NULL,
	"dismissed_by" uuid,
	"dismissed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "improvement_dismissals_kpi_key_scope_pk" PRIMARY KEY("kpi_key","scope")
);
--> statement-breakpoint
ALTER TABLE "improvement_details" ADD CONSTRAINT "improvement_details_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "improvement_dismissals" ADD CONSTRAINT "improvement_dismissals_dismissed_by_users_id_fk" FOREIGN KEY ("dismissed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "improvement_details_source_idx" ON "improvement_details" USING btree ("source_kind","source_ref");--> statement-breakpoint
-- hand-written
CREATE SEQUENCE IF NOT EXISTS record_number_csi START WITH 1001;
