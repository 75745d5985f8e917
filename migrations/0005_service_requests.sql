CREATE TABLE "catalog_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category" text,
	"active" boolean DEFAULT true NOT NULL,
	"form" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"approval_policy" jsonb,
	"task_templates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_approval_levels" (
	"request_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"name" text NOT NULL,
	"rule" text NOT NULL,
	"quorum" integer,
	"approver_ids" uuid[] NOT NULL,
	"state" text NOT NULL,
	"started_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	CONSTRAINT "request_approval_levels_request_id_level_pk" PRIMARY KEY("request_id","level")
);
--> statement-breakpoint
CREATE TABLE "request_approval_votes" (
	"request_id" uuid NOT NULL,
	"level" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "request_approval_votes_request_id_level_user_id_pk" PRIMARY KEY("request_id","level","user_id")
);
--> statement-breakpoint
CREATE TABLE "request_details" (
	"record_id" uuid PRIMARY KEY NOT NULL,
	"catalog_item_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"form" jsonb NOT NULL,
	"task_templates" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "request_tasks" (
	"record_id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"template_index" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_service_id_cis_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."cis"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_items" ADD CONSTRAINT "catalog_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_approval_levels" ADD CONSTRAINT "request_approval_levels_request_id_records_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_approval_votes" ADD CONSTRAINT "request_approval_votes_request_id_records_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_approval_votes" ADD CONSTRAINT "request_approval_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_details" ADD CONSTRAINT "request_details_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_details" ADD CONSTRAINT "request_details_catalog_item_id_catalog_items_id_fk" FOREIGN KEY ("catalog_item_id") REFERENCES "public"."catalog_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_tasks" ADD CONSTRAINT "request_tasks_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_tasks" ADD CONSTRAINT "request_tasks_request_id_records_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_items_active_name_idx" ON "catalog_items" USING btree ("active","name");--> statement-breakpoint
CREATE INDEX "catalog_items_service_idx" ON "catalog_items" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "request_approval_levels_approvers_idx" ON "request_approval_levels" USING gin ("approver_ids");--> statement-breakpoint
CREATE INDEX "request_details_item_idx" ON "request_details" USING btree ("catalog_item_id");--> statement-breakpoint
CREATE INDEX "request_tasks_request_idx" ON "request_tasks" USING btree ("request_id","sequence");