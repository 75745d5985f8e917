CREATE TABLE "knowledge_article_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"article_id" uuid NOT NULL,
	"user_id" uuid,
	"viewed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "knowledge_article_views" ADD CONSTRAINT "knowledge_article_views_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_views" ADD CONSTRAINT "knowledge_article_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_article_views_at_idx" ON "knowledge_article_views" USING btree ("viewed_at");--> statement-breakpoint
CREATE INDEX "knowledge_article_views_article_idx" ON "knowledge_article_views" USING btree ("article_id","viewed_at");--> statement-breakpoint
CREATE INDEX "knowledge_deflections_created_idx" ON "knowledge_deflections" USING btree ("created_at");--> statement-breakpoint
-- hand-written
-- The change schedule's overlap query (changes whose planned window meets a range) through a GiST index on the window, so a conflict check reads the overlapping changes only, not every change planned before the range ends.
CREATE INDEX IF NOT EXISTS "change_details_planned_range_idx" ON "change_details" USING gist (tstzrange("planned_start", greatest("planned_start", "planned_end")));
