CREATE TABLE "dashboards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"widgets" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_clock_durations" (
	"clock_id" uuid PRIMARY KEY NOT NULL,
	"record_id" uuid NOT NULL,
	"working_seconds" double precision NOT NULL,
	"calendar_seconds" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"schedule_id" uuid NOT NULL,
	"period_from" timestamp with time zone NOT NULL,
	"period_to" timestamp with time zone NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"recipients" text[] NOT NULL,
	"mail_id" uuid,
	"filename" text,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "report_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"report" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"format" text NOT NULL,
	"frequency" text NOT NULL,
	"recipient_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"recipient_group_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dashboards" ADD CONSTRAINT "dashboards_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboards" ADD CONSTRAINT "dashboards_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_clock_durations" ADD CONSTRAINT "report_clock_durations_clock_id_sla_clocks_id_fk" FOREIGN KEY ("clock_id") REFERENCES "public"."sla_clocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_clock_durations" ADD CONSTRAINT "report_clock_durations_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_deliveries" ADD CONSTRAINT "report_deliveries_schedule_id_report_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."report_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_schedules" ADD CONSTRAINT "report_schedules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dashboards_owner_idx" ON "dashboards" USING btree ("owner_id","name");--> statement-breakpoint
CREATE INDEX "dashboards_shared_idx" ON "dashboards" USING btree ("name") WHERE "dashboards"."shared";--> statement-breakpoint
CREATE INDEX "report_clock_durations_record_idx" ON "report_clock_durations" USING btree ("record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_deliveries_once_idx" ON "report_deliveries" USING btree ("schedule_id","period_from");--> statement-breakpoint
CREATE INDEX "report_deliveries_ran_idx" ON "report_deliveries" USING btree ("schedule_id","ran_at");--> statement-breakpoint
CREATE INDEX "report_schedules_due_idx" ON "report_schedules" USING btree ("next_run_at") WHERE "report_schedules"."active";--> statement-breakpoint
-- hand-written
-- Reporting reads records by when they were resolved and clocks by when they stopped or fall due.
CREATE INDEX IF NOT EXISTS "report_records_resolved_idx" ON "records" USING btree ("resolved_at") WHERE "resolved_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "report_records_created_idx" ON "records" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "report_sla_clocks_stopped_idx" ON "sla_clocks" USING btree ("kind", "metric", "stopped_at") WHERE "state" = 'met';--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "report_sla_clocks_due_idx" ON "sla_clocks" USING btree ("kind", "metric", "due_at") WHERE "state" IN ('running', 'paused');
