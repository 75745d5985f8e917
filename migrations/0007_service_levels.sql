CREATE TABLE "service_customers" (
	"service_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "service_customers_service_id_organisation_id_pk" PRIMARY KEY("service_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"ci_id" uuid PRIMARY KEY NOT NULL,
	"lifecycle_status" text DEFAULT 'pipeline' NOT NULL,
	"category" text,
	"lifecycle_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "sla_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clock_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"threshold" integer NOT NULL,
	"target_version" integer NOT NULL,
	"reached_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sla_clocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"metric" text NOT NULL,
	"group_id" uuid,
	"engagement_id" uuid,
	"customer_id" uuid,
	"calendar_id" uuid NOT NULL,
	"priority" integer NOT NULL,
	"target_seconds" integer NOT NULL,
	"target_version" integer DEFAULT 1 NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"selected_at" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"stopped_at" timestamp with time zone,
	"stop_reason" text,
	"due_at" timestamp with time zone,
	"next_check_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"record_id" uuid NOT NULL,
	"clock_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"cause" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_pauses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"record_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supplier_engagements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"supplier_id" uuid NOT NULL,
	"reference" text,
	"note" text DEFAULT '' NOT NULL,
	"engaged_at" timestamp with time zone NOT NULL,
	"engaged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"released_by" uuid,
	"release_note" text
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lineage_id" uuid NOT NULL,
	"version_number" integer DEFAULT 1 NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"service_id" uuid,
	"customer_id" uuid,
	"group_id" uuid,
	"supplier_id" uuid,
	"requirement_id" uuid,
	"calendar_id" uuid NOT NULL,
	"targets" jsonb NOT NULL,
	"warning_thresholds" integer[] NOT NULL,
	"record_types" text[],
	"priorities" integer[],
	"availability_target" numeric(6, 3),
	"obligations" text DEFAULT '' NOT NULL,
	"on_reassign" text DEFAULT 'restart' NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"effective_to" timestamp with time zone,
	"agreed_by" uuid,
	"agreed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "business_calendars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"time_zone" text NOT NULL,
	"intervals" jsonb NOT NULL,
	"holidays" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_level_requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_id" uuid NOT NULL,
	"customer_id" uuid,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"calendar_id" uuid NOT NULL,
	"availability_target" numeric(6, 3),
	"targets" jsonb NOT NULL,
	"obligations" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "records" ADD COLUMN "sla_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "service_customers" ADD CONSTRAINT "service_customers_service_id_services_ci_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("ci_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_customers" ADD CONSTRAINT "service_customers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_ci_id_cis_id_fk" FOREIGN KEY ("ci_id") REFERENCES "public"."cis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_alerts" ADD CONSTRAINT "sla_alerts_clock_id_sla_clocks_id_fk" FOREIGN KEY ("clock_id") REFERENCES "public"."sla_clocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_alerts" ADD CONSTRAINT "sla_alerts_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_engagement_id_supplier_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."supplier_engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_customer_id_organisations_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_calendar_id_business_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."business_calendars"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_events" ADD CONSTRAINT "sla_events_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_events" ADD CONSTRAINT "sla_events_clock_id_sla_clocks_id_fk" FOREIGN KEY ("clock_id") REFERENCES "public"."sla_clocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_events" ADD CONSTRAINT "sla_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_pauses" ADD CONSTRAINT "sla_pauses_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_engagements" ADD CONSTRAINT "supplier_engagements_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_engagements" ADD CONSTRAINT "supplier_engagements_supplier_id_organisations_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_engagements" ADD CONSTRAINT "supplier_engagements_engaged_by_users_id_fk" FOREIGN KEY ("engaged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplier_engagements" ADD CONSTRAINT "supplier_engagements_released_by_users_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_service_id_services_ci_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("ci_id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_customer_id_organisations_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_supplier_id_organisations_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_requirement_id_service_level_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."service_level_requirements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_calendar_id_business_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."business_calendars"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_agreed_by_users_id_fk" FOREIGN KEY ("agreed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_level_requirements" ADD CONSTRAINT "service_level_requirements_service_id_services_ci_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("ci_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_level_requirements" ADD CONSTRAINT "service_level_requirements_customer_id_organisations_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_level_requirements" ADD CONSTRAINT "service_level_requirements_calendar_id_business_calendars_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."business_calendars"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_level_requirements" ADD CONSTRAINT "service_level_requirements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_customers_org_idx" ON "service_customers" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "services_lifecycle_idx" ON "services" USING btree ("lifecycle_status");--> statement-breakpoint
CREATE UNIQUE INDEX "sla_alerts_once_idx" ON "sla_alerts" USING btree ("clock_id","kind","threshold","target_version");--> statement-breakpoint
CREATE INDEX "sla_alerts_undelivered_idx" ON "sla_alerts" USING btree ("fired_at") WHERE "sla_alerts"."delivered_at" is null;--> statement-breakpoint
CREATE INDEX "sla_alerts_record_idx" ON "sla_alerts" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "sla_clocks_record_idx" ON "sla_clocks" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "sla_clocks_next_check_idx" ON "sla_clocks" USING btree ("next_check_at") WHERE "sla_clocks"."next_check_at" is not null;--> statement-breakpoint
CREATE INDEX "sla_clocks_calendar_idx" ON "sla_clocks" USING btree ("calendar_id");--> statement-breakpoint
CREATE INDEX "sla_events_record_idx" ON "sla_events" USING btree ("record_id","at","id");--> statement-breakpoint
CREATE INDEX "sla_pauses_record_idx" ON "sla_pauses" USING btree ("record_id","started_at");--> statement-breakpoint
CREATE INDEX "supplier_engagements_record_idx" ON "supplier_engagements" USING btree ("record_id","engaged_at");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_lineage_version_idx" ON "agreements" USING btree ("lineage_id","version_number");--> statement-breakpoint
CREATE INDEX "agreements_kind_status_idx" ON "agreements" USING btree ("kind","status");--> statement-breakpoint
CREATE INDEX "agreements_service_idx" ON "agreements" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "agreements_group_idx" ON "agreements" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "agreements_supplier_idx" ON "agreements" USING btree ("supplier_id");--> statement-breakpoint
CREATE INDEX "agreements_name_idx" ON "agreements" USING btree ("name","id");--> statement-breakpoint
CREATE UNIQUE INDEX "business_calendars_name_lower_idx" ON "business_calendars" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "slr_service_idx" ON "service_level_requirements" USING btree ("service_id","created_at");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "records" ADD CONSTRAINT "records_service_id_cis_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."cis"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "records_service_idx" ON "records" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "records_type_sla_due_idx" ON "records" USING btree ("type",coalesce("sla_due_at", 'infinity'::timestamptz),"id");