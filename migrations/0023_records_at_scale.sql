CREATE TABLE "record_count_deltas" (
	"type" text NOT NULL,
	"state" text NOT NULL,
	"priority" integer NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_counts" (
	"type" text NOT NULL,
	"state" text NOT NULL,
	"priority" integer NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "record_counts_type_state_priority_pk" PRIMARY KEY("type","state","priority")
);
--> statement-breakpoint
CREATE TABLE "record_search_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP INDEX "records_type_priority_idx";--> statement-breakpoint
DROP INDEX "records_requester_idx";--> statement-breakpoint
ALTER TABLE "records" drop column "search";--> statement-breakpoint
ALTER TABLE "records" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B')) STORED;--> statement-breakpoint
ALTER TABLE "record_comments" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', body)) STORED;--> statement-breakpoint
CREATE INDEX "record_comments_search_idx" ON "record_comments" USING gin ("search");--> statement-breakpoint
CREATE INDEX "record_comments_created_idx" ON "record_comments" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "record_comments_public_search_idx" ON "record_comments" USING gin ("search") WHERE visibility = 'public';--> statement-breakpoint
CREATE INDEX "records_type_priority_due_idx" ON "records" USING btree ("type","priority",coalesce("sla_due_at", 'infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "records_open_group_priority_idx" ON "records" USING btree ("type","group_id","priority",coalesce("sla_due_at", 'infinity'::timestamptz),"id") WHERE state not in ('resolved', 'closed', 'canceled', 'cancelled', 'fulfilled', 'rejected', 'done', 'review');--> statement-breakpoint
CREATE INDEX "records_open_assignee_priority_idx" ON "records" USING btree ("type","assignee_id","priority",coalesce("sla_due_at", 'infinity'::timestamptz),"id") WHERE state not in ('resolved', 'closed', 'canceled', 'cancelled', 'fulfilled', 'rejected', 'done', 'review');--> statement-breakpoint
CREATE INDEX "records_open_priority_idx" ON "records" USING btree ("type","priority",coalesce("sla_due_at", 'infinity'::timestamptz),"id") WHERE state not in ('resolved', 'closed', 'canceled', 'cancelled', 'fulfilled', 'rejected', 'done', 'review');--> statement-breakpoint
CREATE INDEX "records_open_sla_due_idx" ON "records" USING btree ("type",coalesce("sla_due_at", 'infinity'::timestamptz),"id") WHERE state not in ('resolved', 'closed', 'canceled', 'cancelled', 'fulfilled', 'rejected', 'done', 'review');--> statement-breakpoint
CREATE INDEX "records_requester_created_idx" ON "records" USING btree ("requester_id","type","created_at","id");--> statement-breakpoint
CREATE INDEX "records_updated_idx" ON "records" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "sla_clocks_running_target_idx" ON "sla_clocks" USING btree ("target_seconds") WHERE "sla_clocks"."state" = 'running';--> statement-breakpoint
-- hand-written
-- Dropping the generated column dropped its full-text index: build it on the new vector.
CREATE INDEX "records_search_idx" ON "records" USING gin ("search");
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX "record_search_words_trgm_idx" ON "record_search_words" USING gin ("word" gin_trgm_ops);
--> statement-breakpoint
-- Exact counts by type, state and priority: every change of a record appends signed deltas in
-- its own transaction (statement-level, so a bulk write appends one row per total it changes).
CREATE FUNCTION record_counts_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO record_count_deltas (type, state, priority, n)
      SELECT type, state, priority, count(*) FROM new_rows GROUP BY 1, 2, 3;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO record_count_deltas (type, state, priority, n)
      SELECT type, state, priority, -count(*) FROM old_rows GROUP BY 1, 2, 3;
  ELSE
    INSERT INTO record_count_deltas (type, state, priority, n)
      SELECT type, state, priority, sum(n) FROM (
        SELECT n.type, n.state, n.priority, 1 AS n FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE (o.type, o.state, o.priority) IS DISTINCT FROM (n.type, n.state, n.priority)
        UNION ALL
        SELECT o.type, o.state, o.priority, -1 FROM new_rows n JOIN old_rows o ON o.id = n.id
          WHERE (o.type, o.state, o.priority) IS DISTINCT FROM (n.type, n.state, n.priority)
      ) d GROUP BY 1, 2, 3 HAVING sum(n) <> 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER record_counts_insert AFTER INSERT ON records REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION record_counts_track();
--> statement-breakpoint
CREATE TRIGGER record_counts_delete AFTER DELETE ON records REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION record_counts_track();
--> statement-breakpoint
CREATE TRIGGER record_counts_update AFTER UPDATE ON records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION record_counts_track();
--> statement-breakpoint
-- The vocabulary of titles and descriptions, for misspelt words: lexemes of letters only.
CREATE FUNCTION record_search_words_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO record_search_words (word)
    SELECT DISTINCT w FROM unnest(tsvector_to_array(NEW.search)) w
    WHERE w ~ '^[[:alpha:]]{3,30}$'
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER record_search_words_track AFTER INSERT OR UPDATE OF title, description ON records
  FOR EACH ROW EXECUTE FUNCTION record_search_words_track();
--> statement-breakpoint
INSERT INTO record_counts (type, state, priority, n)
  SELECT type, state, priority, count(*) FROM records GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO record_search_words (word)
  SELECT word FROM ts_stat('SELECT search FROM records') WHERE word ~ '^[[:alpha:]]{3,30}$'
  ON CONFLICT DO NOTHING;
