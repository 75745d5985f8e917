CREATE TABLE "asset_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"asset_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"field" text NOT NULL,
	"old_value" text,
	"new_value" text
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"asset_tag" text NOT NULL,
	"serial_number" text,
	"name" text NOT NULL,
	"model" text,
	"state" text DEFAULT 'in_stock' NOT NULL,
	"ci_id" uuid,
	"assigned_to_id" uuid,
	"location" text,
	"supplier_id" uuid,
	"purchase_order" text,
	"cost" numeric(14, 2),
	"currency" text,
	"purchase_date" date,
	"warranty_end" date,
	"depreciation_method" text DEFAULT 'none' NOT NULL,
	"useful_life_months" integer,
	"salvage_value" numeric(14, 2),
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_coverage" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"ci_id" uuid,
	"asset_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_coverage_one_target" CHECK (("contract_coverage"."ci_id" is null) <> ("contract_coverage"."asset_id" is null))
);
--> statement-breakpoint
CREATE TABLE "contract_warnings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"contract_id" uuid NOT NULL,
	"end_date" date NOT NULL,
	"days_left" integer NOT NULL,
	"warned_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"supplier_id" uuid NOT NULL,
	"reference" text,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"cost" numeric(14, 2),
	"currency" text,
	"warn_days" integer DEFAULT 30 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_rows" (
	"import_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"outcome" text NOT NULL,
	"target_id" uuid,
	"message" text,
	CONSTRAINT "import_rows_import_id_row_pk" PRIMARY KEY("import_id","row")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"format" text NOT NULL,
	"filename" text NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"failure" text,
	"content" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "licence_entitlements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"licence_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"purchase_order" text,
	"purchased_on" date,
	"expires_on" date,
	"cost" numeric(14, 2),
	"currency" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licence_installations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"licence_id" uuid NOT NULL,
	"ci_id" uuid,
	"user_id" uuid,
	"cores" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "licence_installations_one_target" CHECK (("licence_installations"."ci_id" is null) <> ("licence_installations"."user_id" is null))
);
--> statement-breakpoint
CREATE TABLE "licences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product" text NOT NULL,
	"vendor" text NOT NULL,
	"metric" text NOT NULL,
	"contract_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ci_classes" (
	"key" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"parent_key" text,
	"abstract" boolean DEFAULT false NOT NULL,
	"attributes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"identifiers" jsonb,
	"builtin" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ci_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ci_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"field" text NOT NULL,
	"old_value" text,
	"new_value" text
);
--> statement-breakpoint
CREATE TABLE "record_cis" (
	"record_id" uuid NOT NULL,
	"ci_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_cis_record_id_ci_id_pk" PRIMARY KEY("record_id","ci_id")
);
--> statement-breakpoint
ALTER TABLE "asset_history" ADD CONSTRAINT "asset_history_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_history" ADD CONSTRAINT "asset_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_ci_id_cis_id_fk" FOREIGN KEY ("ci_id") REFERENCES "public"."cis"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_assigned_to_id_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_supplier_id_organisations_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_coverage" ADD CONSTRAINT "contract_coverage_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_coverage" ADD CONSTRAINT "contract_coverage_ci_id_cis_id_fk" FOREIGN KEY ("ci_id") REFERENCES "public"."cis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_coverage" ADD CONSTRAINT "contract_coverage_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_warnings" ADD CONSTRAINT "contract_warnings_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_supplier_id_organisations_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_entitlements" ADD CONSTRAINT "licence_entitlements_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_installations" ADD CONSTRAINT "licence_installations_licence_id_licences_id_fk" FOREIGN KEY ("licence_id") REFERENCES "public"."licences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_installations" ADD CONSTRAINT "licence_installations_ci_id_cis_id_fk" FOREIGN KEY ("ci_id") REFERENCES "public"."cis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_installations" ADD CONSTRAINT "licence_installations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licence_installations" ADD CONSTRAINT "licence_installations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licences" ADD CONSTRAINT "licences_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ci_history" ADD CONSTRAINT "ci_history_ci_id_cis_id_fk" FOREIGN KEY ("ci_id") REFERENCES "public"."cis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ci_history" ADD CONSTRAINT "ci_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_cis" ADD CONSTRAINT "record_cis_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_cis" ADD CONSTRAINT "record_cis_ci_id_cis_id_fk" FOREIGN KEY ("ci_id") REFERENCES "public"."cis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_cis" ADD CONSTRAINT "record_cis_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_history_asset_idx" ON "asset_history" USING btree ("asset_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_tag_lower_idx" ON "assets" USING btree (lower("asset_tag"));--> statement-breakpoint
CREATE INDEX "assets_tag_id_idx" ON "assets" USING btree ("asset_tag","id");--> statement-breakpoint
CREATE INDEX "assets_serial_lower_idx" ON "assets" USING btree (lower("serial_number"));--> statement-breakpoint
CREATE UNIQUE INDEX "assets_ci_idx" ON "assets" USING btree ("ci_id") WHERE "assets"."ci_id" is not null;--> statement-breakpoint
CREATE INDEX "assets_assigned_idx" ON "assets" USING btree ("assigned_to_id");--> statement-breakpoint
CREATE INDEX "assets_state_idx" ON "assets" USING btree ("state");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_coverage_ci_idx" ON "contract_coverage" USING btree ("contract_id","ci_id") WHERE "contract_coverage"."ci_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "contract_coverage_asset_idx" ON "contract_coverage" USING btree ("contract_id","asset_id") WHERE "contract_coverage"."asset_id" is not null;--> statement-breakpoint
CREATE INDEX "contract_coverage_by_ci_idx" ON "contract_coverage" USING btree ("ci_id");--> statement-breakpoint
CREATE INDEX "contract_coverage_by_asset_idx" ON "contract_coverage" USING btree ("asset_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_warnings_once_idx" ON "contract_warnings" USING btree ("contract_id","end_date");--> statement-breakpoint
CREATE INDEX "contracts_end_idx" ON "contracts" USING btree ("end_date");--> statement-breakpoint
CREATE INDEX "contracts_supplier_idx" ON "contracts" USING btree ("supplier_id");--> statement-breakpoint
CREATE INDEX "contracts_name_id_idx" ON "contracts" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "import_rows_outcome_idx" ON "import_rows" USING btree ("import_id","outcome","row");--> statement-breakpoint
CREATE INDEX "imports_created_idx" ON "imports" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "licence_entitlements_licence_idx" ON "licence_entitlements" USING btree ("licence_id");--> statement-breakpoint
CREATE UNIQUE INDEX "licence_installations_ci_idx" ON "licence_installations" USING btree ("licence_id","ci_id") WHERE "licence_installations"."ci_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "licence_installations_user_idx" ON "licence_installations" USING btree ("licence_id","user_id") WHERE "licence_installations"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "licence_installations_by_ci_idx" ON "licence_installations" USING btree ("ci_id");--> statement-breakpoint
CREATE INDEX "licence_installations_by_user_idx" ON "licence_installations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "licences_product_id_idx" ON "licences" USING btree ("product","id");--> statement-breakpoint
CREATE INDEX "ci_history_ci_idx" ON "ci_history" USING btree ("ci_id","id");--> statement-breakpoint
CREATE INDEX "record_cis_ci_idx" ON "record_cis" USING btree ("ci_id");--> statement-breakpoint
ALTER TABLE "cis" ADD CONSTRAINT "cis_class_key_ci_classes_key_fk" FOREIGN KEY ("class_key") REFERENCES "public"."ci_classes"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cis_name_id_idx" ON "cis" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "cis_owner_idx" ON "cis" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "cis_hostname_idx" ON "cis" USING btree (lower((attributes ->> 'hostname')));--> statement-breakpoint
CREATE INDEX "cis_serial_number_idx" ON "cis" USING btree (lower((attributes ->> 'serial_number')));--> statement-breakpoint
CREATE INDEX "cis_asset_tag_idx" ON "cis" USING btree (lower((attributes ->> 'asset_tag')));--> statement-breakpoint
CREATE INDEX "cis_instance_id_idx" ON "cis" USING btree (lower((attributes ->> 'instance_id')));