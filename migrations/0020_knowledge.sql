CREATE SEQUENCE "public"."knowledge_article_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1001 CACHE 1;--> statement-breakpoint
CREATE TABLE "knowledge_article_cis" (
	"article_id" uuid NOT NULL,
	"ci_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "knowledge_article_cis_article_id_ci_id_pk" PRIMARY KEY("article_id","ci_id")
);
--> statement-breakpoint
CREATE TABLE "knowledge_article_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"comment" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_article_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"category_id" uuid NOT NULL,
	"audience" text DEFAULT 'internal' NOT NULL,
	"audience_service_id" uuid,
	"state" text DEFAULT 'draft' NOT NULL,
	"owner_id" uuid NOT NULL,
	"review_by" date,
	"review_reminded_for" date,
	"current_version" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"retired_at" timestamp with time zone,
	"known_error_id" uuid,
	"view_count" integer DEFAULT 0 NOT NULL,
	"helpful_count" integer DEFAULT 0 NOT NULL,
	"not_helpful_count" integer DEFAULT 0 NOT NULL,
	"deflection_count" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector((case language when 'en' then 'english'::regconfig when 'fr' then 'french'::regconfig when 'de' then 'german'::regconfig when 'es' then 'spanish'::regconfig when 'it' then 'italian'::regconfig when 'nl' then 'dutch'::regconfig else 'simple'::regconfig end), coalesce(title, '')), 'A') || setweight(to_tsvector((case language when 'en' then 'english'::regconfig when 'fr' then 'french'::regconfig when 'de' then 'german'::regconfig when 'es' then 'spanish'::regconfig when 'it' then 'italian'::regconfig when 'nl' then 'dutch'::regconfig else 'simple'::regconfig end), coalesce(summary, '')), 'B') || setweight(to_tsvector((case language when 'en' then 'english'::regconfig when 'fr' then 'french'::regconfig when 'de' then 'german'::regconfig when 'es' then 'spanish'::regconfig when 'it' then 'italian'::regconfig when 'nl' then 'dutch'::regconfig else 'simple'::regconfig end), coalesce(body, '')), 'C')) STORED
);
--> statement-breakpoint
CREATE TABLE "knowledge_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_category_reviewers" (
	"category_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "knowledge_category_reviewers_category_id_user_id_pk" PRIMARY KEY("category_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "knowledge_deflections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"user_id" uuid,
	"query" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"user_id" uuid,
	"helpful" boolean NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_record_links" (
	"article_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"linked_by" uuid,
	"linked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "knowledge_record_links_article_id_record_id_pk" PRIMARY KEY("article_id","record_id")
);
--> statement-breakpoint
ALTER TABLE "knowledge_article_cis" ADD CONSTRAINT "knowledge_article_cis_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_cis" ADD CONSTRAINT "knowledge_article_cis_ci_id_cis_id_fk" FOREIGN KEY ("ci_id") REFERENCES "public"."cis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_events" ADD CONSTRAINT "knowledge_article_events_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_events" ADD CONSTRAINT "knowledge_article_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_category_id_knowledge_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."knowledge_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_audience_service_id_cis_id_fk" FOREIGN KEY ("audience_service_id") REFERENCES "public"."cis"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_known_error_id_known_errors_id_fk" FOREIGN KEY ("known_error_id") REFERENCES "public"."known_errors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_categories" ADD CONSTRAINT "knowledge_categories_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_category_reviewers" ADD CONSTRAINT "knowledge_category_reviewers_category_id_knowledge_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."knowledge_categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_category_reviewers" ADD CONSTRAINT "knowledge_category_reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_deflections" ADD CONSTRAINT "knowledge_deflections_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_deflections" ADD CONSTRAINT "knowledge_deflections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_feedback" ADD CONSTRAINT "knowledge_feedback_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_feedback" ADD CONSTRAINT "knowledge_feedback_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_record_links" ADD CONSTRAINT "knowledge_record_links_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_record_links" ADD CONSTRAINT "knowledge_record_links_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_record_links" ADD CONSTRAINT "knowledge_record_links_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_article_cis_ci_idx" ON "knowledge_article_cis" USING btree ("ci_id");--> statement-breakpoint
CREATE INDEX "knowledge_article_events_article_idx" ON "knowledge_article_events" USING btree ("article_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_article_versions_idx" ON "knowledge_article_versions" USING btree ("article_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_articles_number_idx" ON "knowledge_articles" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_articles_known_error_idx" ON "knowledge_articles" USING btree ("known_error_id");--> statement-breakpoint
CREATE INDEX "knowledge_articles_state_idx" ON "knowledge_articles" USING btree ("state","updated_at","id");--> statement-breakpoint
CREATE INDEX "knowledge_articles_category_idx" ON "knowledge_articles" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "knowledge_articles_review_by_idx" ON "knowledge_articles" USING btree ("review_by") WHERE "knowledge_articles"."state" = 'published';--> statement-breakpoint
CREATE INDEX "knowledge_articles_search_idx" ON "knowledge_articles" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_categories_name_idx" ON "knowledge_categories" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "knowledge_reviewers_user_idx" ON "knowledge_category_reviewers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "knowledge_deflections_article_idx" ON "knowledge_deflections" USING btree ("article_id");--> statement-breakpoint
CREATE INDEX "knowledge_feedback_article_idx" ON "knowledge_feedback" USING btree ("article_id","created_at");--> statement-breakpoint
CREATE INDEX "knowledge_record_links_record_idx" ON "knowledge_record_links" USING btree ("record_id");--> statement-breakpoint
-- hand-written
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "knowledge_articles_title_trgm_idx" ON "knowledge_articles" USING gin ("title" gin_trgm_ops);
