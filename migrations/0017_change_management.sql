CREATE TABLE "calendar_feed_tokens" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "calendar_feed_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "change_windows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"ci_id" uuid,
	"service_id" uuid,
	"time_zone" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"rrule" text,
	"active_until" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cab_boards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"rule" text NOT NULL,
	"quorum" integer,
	"member_ids" uuid[] NOT NULL,
	"meets" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_cab_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"quorum" integer,
	"member_ids" uuid[] NOT NULL,
	"state" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "change_cab_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"comment" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_details" (
	"record_id" uuid PRIMARY KEY NOT NULL,
	"change_type" text NOT NULL,
	"template_id" uuid,
	"risk_answers" jsonb,
	"risk_score" integer,
	"risk_level" text,
	"planned_start" timestamp with time zone,
	"planned_end" timestamp with time zone,
	"actual_start" timestamp with time zone,
	"actual_end" timestamp with time zone,
	"implementation_plan" text,
	"backout_plan" text,
	"test_plan" text,
	"cab_id" uuid,
	"outcome" text,
	"pir_lessons" text,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"conflict_override_reason" text,
	"conflict_override_key" text,
	"conflict_override_by" uuid,
	"conflict_override_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "change_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category" text,
	"implementation_plan" text NOT NULL,
	"backout_plan" text NOT NULL,
	"test_plan" text DEFAULT '' NOT NULL,
	"risk_level" text DEFAULT 'low' NOT NULL,
	"duration_minutes" integer DEFAULT 60 NOT NULL,
	"group_id" uuid,
	"service_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_feed_tokens" ADD CONSTRAINT "calendar_feed_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_windows" ADD CONSTRAINT "change_windows_ci_id_cis_id_fk" FOREIGN KEY ("ci_id") REFERENCES "public"."cis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_windows" ADD CONSTRAINT "change_windows_service_id_cis_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."cis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_windows" ADD CONSTRAINT "change_windows_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cab_boards" ADD CONSTRAINT "cab_boards_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_cab_reviews" ADD CONSTRAINT "change_cab_reviews_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_cab_reviews" ADD CONSTRAINT "change_cab_reviews_board_id_cab_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."cab_boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_cab_votes" ADD CONSTRAINT "change_cab_votes_review_id_change_cab_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."change_cab_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_cab_votes" ADD CONSTRAINT "change_cab_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_details" ADD CONSTRAINT "change_details_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_details" ADD CONSTRAINT "change_details_template_id_change_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."change_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_details" ADD CONSTRAINT "change_details_cab_id_cab_boards_id_fk" FOREIGN KEY ("cab_id") REFERENCES "public"."cab_boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_details" ADD CONSTRAINT "change_details_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_details" ADD CONSTRAINT "change_details_conflict_override_by_users_id_fk" FOREIGN KEY ("conflict_override_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_templates" ADD CONSTRAINT "change_templates_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_templates" ADD CONSTRAINT "change_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "change_windows_kind_idx" ON "change_windows" USING btree ("kind","starts_at");--> statement-breakpoint
CREATE INDEX "change_windows_ci_idx" ON "change_windows" USING btree ("ci_id");--> statement-breakpoint
CREATE INDEX "change_windows_service_idx" ON "change_windows" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "change_cab_reviews_record_idx" ON "change_cab_reviews" USING btree ("record_id","started_at");--> statement-breakpoint
CREATE INDEX "change_cab_reviews_board_idx" ON "change_cab_reviews" USING btree ("board_id","state");--> statement-breakpoint
CREATE INDEX "change_cab_votes_review_idx" ON "change_cab_votes" USING btree ("review_id","at");--> statement-breakpoint
CREATE INDEX "change_details_planned_idx" ON "change_details" USING btree ("planned_start","planned_end");--> statement-breakpoint
-- hand-written
CREATE SEQUENCE IF NOT EXISTS record_number_chg START WITH 1001;
