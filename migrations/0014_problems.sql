CREATE TABLE "known_errors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid NOT NULL,
	"title" text NOT NULL,
	"symptoms" text NOT NULL,
	"workaround" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(symptoms, '')), 'B') || setweight(to_tsvector('english', coalesce(workaround, '')), 'C')) STORED
);
--> statement-breakpoint
CREATE TABLE "problem_details" (
	"record_id" uuid PRIMARY KEY NOT NULL,
	"root_cause" text,
	"rca_method" text,
	"contributing_factors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"workaround" text,
	"proactive" boolean DEFAULT false NOT NULL,
	"closure_reason" text
);
--> statement-breakpoint
ALTER TABLE "known_errors" ADD CONSTRAINT "known_errors_problem_id_records_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "known_errors" ADD CONSTRAINT "known_errors_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_details" ADD CONSTRAINT "problem_details_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "known_errors_problem_idx" ON "known_errors" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "known_errors_status_idx" ON "known_errors" USING btree ("status");--> statement-breakpoint
CREATE INDEX "known_errors_search_idx" ON "known_errors" USING gin ("search");--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS record_number_prb START WITH 1001;