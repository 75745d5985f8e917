CREATE TABLE "ci_relationships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type_key" text NOT NULL,
	"from_id" uuid NOT NULL,
	"to_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cis" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"class_key" text NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'in_use' NOT NULL,
	"owner_id" uuid,
	"support_group_id" uuid,
	"location" text,
	"description" text DEFAULT '' NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(description, ''))) STORED
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"email" text,
	"phone" text,
	"website" text,
	"notes" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ci_relationships" ADD CONSTRAINT "ci_relationships_from_id_cis_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."cis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ci_relationships" ADD CONSTRAINT "ci_relationships_to_id_cis_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."cis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ci_relationships" ADD CONSTRAINT "ci_relationships_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cis" ADD CONSTRAINT "cis_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cis" ADD CONSTRAINT "cis_support_group_id_groups_id_fk" FOREIGN KEY ("support_group_id") REFERENCES "public"."groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ci_relationships_unique_idx" ON "ci_relationships" USING btree ("from_id","type_key","to_id");--> statement-breakpoint
CREATE INDEX "ci_relationships_to_idx" ON "ci_relationships" USING btree ("to_id","type_key");--> statement-breakpoint
CREATE INDEX "cis_class_name_idx" ON "cis" USING btree ("class_key","name","id");--> statement-breakpoint
CREATE INDEX "cis_name_lower_idx" ON "cis" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "cis_support_group_idx" ON "cis" USING btree ("support_group_id");--> statement-breakpoint
CREATE INDEX "cis_search_idx" ON "cis" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_name_lower_idx" ON "organisations" USING btree (lower("name"));