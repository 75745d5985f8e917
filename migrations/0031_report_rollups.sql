CREATE TABLE "report_resolutions" (
	"record_id" uuid PRIMARY KEY NOT NULL,
	"resolved_at" timestamp with time zone NOT NULL,
	"type" text NOT NULL,
	"service_id" uuid,
	"priority" integer,
	"first_contact" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_rollup_deltas" (
	"source" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"type" text,
	"service_id" uuid,
	"priority" integer,
	"band" text,
	"n" bigint NOT NULL,
	"nv" bigint NOT NULL,
	"sv" numeric NOT NULL,
	"hits" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_rollups" (
	"source" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"type" text,
	"service_id" uuid,
	"priority" integer,
	"band" text,
	"n" bigint NOT NULL,
	"nv" bigint NOT NULL,
	"sv" numeric NOT NULL,
	"hits" bigint NOT NULL,
	CONSTRAINT "report_rollups_key" UNIQUE NULLS NOT DISTINCT("source","at","type","service_id","priority","band")
);
--> statement-breakpoint
ALTER TABLE "report_clock_durations" ADD COLUMN "kind" text;--> statement-breakpoint
ALTER TABLE "report_clock_durations" ADD COLUMN "metric" text;--> statement-breakpoint
ALTER TABLE "report_clock_durations" ADD COLUMN "stopped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "report_clock_durations" ADD COLUMN "type" text;--> statement-breakpoint
ALTER TABLE "report_resolutions" ADD CONSTRAINT "report_resolutions_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_rollup_deltas_source_idx" ON "report_rollup_deltas" USING btree ("source","at");--> statement-breakpoint
CREATE INDEX "record_history_regrouped_idx" ON "record_history" USING btree ("record_id") WHERE "record_history"."field" = 'groupId' and "record_history"."old_value" is not null;--> statement-breakpoint
CREATE INDEX "records_type_resolved_idx" ON "records" USING btree ("type","resolved_at");--> statement-breakpoint
CREATE INDEX "records_type_open_until_idx" ON "records" USING btree ("type",coalesce(least("resolved_at", "closed_at"), 'infinity'::timestamptz));--> statement-breakpoint
CREATE INDEX "sla_clocks_met_breached_idx" ON "sla_clocks" USING btree ("kind","stopped_at","record_id") WHERE "sla_clocks"."state" = 'met' and "sla_clocks"."due_at" <= "sla_clocks"."stopped_at";--> statement-breakpoint
CREATE INDEX "sla_clocks_open_due_idx" ON "sla_clocks" USING btree ("kind","due_at","record_id") WHERE "sla_clocks"."state" in ('running', 'paused');
--> statement-breakpoint
-- hand-written
-- Rollups of the KPI populations that depend on one row of one table (see docs/reporting.md).
-- Each source row yields a few facts; statement triggers append the facts of the rows a
-- statement wrote (+1) and of the rows it replaced or removed (-1) to report_rollup_deltas, in
-- the writing transaction. A fact is computed from the row's own columns only, so removing a
-- row (or its old version) takes away exactly what adding it added.
CREATE FUNCTION report_record_facts(r records)
RETURNS TABLE (source text, at timestamptz, type text, service_id uuid, priority integer, band text,
  nv integer, sv numeric, hits integer)
LANGUAGE sql STABLE AS $$
  SELECT 'opened', date_trunc('day', r.created_at, 'UTC'), r.type, r.service_id, r.priority, NULL::text, 0, 0::numeric, 0
  UNION ALL SELECT 'opened_hourly', date_trunc('hour', r.created_at, 'UTC'), r.type, r.service_id, r.priority, NULL, 0, 0, 0
  UNION ALL SELECT 'resolved', date_trunc('day', r.resolved_at, 'UTC'), r.type, r.service_id, r.priority, NULL, 1,
    extract(epoch from (r.resolved_at - r.created_at)), (r.reopen_count > 0)::integer WHERE r.resolved_at IS NOT NULL
  UNION ALL SELECT 'ended', date_trunc('day', greatest(r.created_at, least(r.resolved_at, r.closed_at)), 'UTC'),
    r.type, r.service_id, r.priority, NULL, 0, 0, 0 WHERE least(r.resolved_at, r.closed_at) IS NOT NULL
$$;
--> statement-breakpoint
CREATE FUNCTION report_clock_facts(c sla_clocks)
RETURNS TABLE (source text, at timestamptz, type text, service_id uuid, priority integer, band text,
  nv integer, sv numeric, hits integer)
LANGUAGE sql STABLE AS $$
  SELECT 'clock:' || c.kind, date_trunc('day', c.stopped_at, 'UTC'), NULL::text, NULL::uuid, c.priority, c.metric, 0, 0::numeric,
    (NOT (c.due_at IS NOT NULL AND c.due_at <= c.stopped_at))::integer
  WHERE c.state = 'met' AND c.stopped_at IS NOT NULL
$$;
--> statement-breakpoint
CREATE FUNCTION report_duration_facts(d report_clock_durations)
RETURNS TABLE (source text, at timestamptz, type text, service_id uuid, priority integer, band text,
  nv integer, sv numeric, hits integer)
LANGUAGE sql STABLE AS $$
  SELECT 'work:' || d.kind || ':' || d.metric, date_trunc('day', d.stopped_at, 'UTC'), d.type, NULL::uuid, NULL::integer,
    NULL::text, 1, d.working_seconds::numeric, 0
  WHERE d.stopped_at IS NOT NULL AND d.kind IS NOT NULL
$$;
--> statement-breakpoint
CREATE FUNCTION report_survey_facts(s csat_surveys)
RETURNS TABLE (source text, at timestamptz, type text, service_id uuid, priority integer, band text,
  nv integer, sv numeric, hits integer)
LANGUAGE sql STABLE AS $$
  SELECT 'csat', date_trunc('day', s.answered_at, 'UTC'), NULL::text, NULL::uuid, NULL::integer, s.score::text,
    (s.score IS NOT NULL)::integer, coalesce(s.score, 0)::numeric, (s.score >= 4)::integer
  WHERE s.answered_at IS NOT NULL
$$;
--> statement-breakpoint
-- Records: raised (daily and hourly), resolved (measure: calendar seconds to resolve; hit: reopened
-- before) and ended (resolved or closed, at the latest of that and raising) for the backlog.
CREATE FUNCTION report_rollups_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_rollup_deltas (source, at, type, service_id, priority, band, n, nv, sv, hits)
      SELECT f.source, f.at, f.type, f.service_id, f.priority, f.band, count(*), sum(f.nv), sum(f.sv), sum(f.hits)
      FROM new_rows r CROSS JOIN LATERAL report_record_facts(r::records) f
      GROUP BY 1, 2, 3, 4, 5, 6;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO report_rollup_deltas (source, at, type, service_id, priority, band, n, nv, sv, hits)
      SELECT f.source, f.at, f.type, f.service_id, f.priority, f.band, -count(*), -sum(f.nv), -sum(f.sv), -sum(f.hits)
      FROM old_rows r CROSS JOIN LATERAL report_record_facts(r::records) f
      GROUP BY 1, 2, 3, 4, 5, 6;
  ELSE
    INSERT INTO report_rollup_deltas (source, at, type, service_id, priority, band, n, nv, sv, hits)
      SELECT f.source, f.at, f.type, f.service_id, f.priority, f.band, sum(f.sign), sum(f.sign * f.nv),
        sum(f.sign * f.sv), sum(f.sign * f.hits)
      FROM (
        SELECT 1 AS sign, f.* FROM new_rows n JOIN old_rows o ON o.id = n.id
          CROSS JOIN LATERAL report_record_facts(n::records) f
          WHERE (o.type, o.service_id, o.priority, o.created_at, o.resolved_at, o.closed_at, o.reopen_count) IS DISTINCT FROM (n.type, n.service_id, n.priority, n.created_at, n.resolved_at, n.closed_at, n.reopen_count)
        UNION ALL
        SELECT -1, f.* FROM new_rows n JOIN old_rows o ON o.id = n.id
          CROSS JOIN LATERAL report_record_facts(o::records) f
          WHERE (o.type, o.service_id, o.priority, o.created_at, o.resolved_at, o.closed_at, o.reopen_count) IS DISTINCT FROM (n.type, n.service_id, n.priority, n.created_at, n.resolved_at, n.closed_at, n.reopen_count)
      ) f
      GROUP BY 1, 2, 3, 4, 5, 6
      HAVING sum(f.sign) <> 0 OR sum(f.sign * f.nv) <> 0 OR sum(f.sign * f.sv) <> 0 OR sum(f.sign * f.hits) <> 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_rollups_records_insert AFTER INSERT ON records REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_records();
--> statement-breakpoint
CREATE TRIGGER report_rollups_records_delete AFTER DELETE ON records REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_records();
--> statement-breakpoint
CREATE TRIGGER report_rollups_records_update AFTER UPDATE ON records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_records();
--> statement-breakpoint
-- Met SLA, OLA and UC clocks on the day they stopped; a hit when met before they fell due. Clocks
-- still running or paused are not rolled up (whether they breached depends on now).
CREATE FUNCTION report_rollups_clocks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_rollup_deltas (source, at, type, service_id, priority, band, n, nv, sv, hits)
      SELECT f.source, f.at, f.type, f.service_id, f.priority, f.band, count(*), sum(f.nv), sum(f.sv), sum(f.hits)
      FROM new_rows r CROSS JOIN LATERAL report_clock_facts(r::sla_clocks) f
      GROUP BY 1, 2, 3, 4, 5, 6;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO report_rollup_deltas (source, at, type, service_id, priority, band, n, nv, sv, hits)
      SELECT f.source, f.at, f.type, f.service_id, f.priority, f.band, -count(*), -sum(f.nv), -sum(f.sv), -sum(f.hits)
      FROM old_rows r CROSS JOIN LATERAL report_clock_facts(r::sla_clocks) f
      GROUP BY 1, 2, 3, 4, 5, 6;
  ELSE
    INSERT INTO report_rollup_deltas (source, at, type, service_id, priority, band, n, nv, sv, hits)
      SELECT f.source, f.at, f.type, f.service_id, f.priority, f.band, sum(f.sign), sum(f.sign * f.nv),
        sum(f.sign * f.sv), sum(f.sign * f.hits)
      FROM (
        SELECT 1 AS sign, f.* FROM new_rows n JOIN old_rows o ON o.id = n.id
          CROSS JOIN LATERAL report_clock_facts(n::sla_clocks) f
          WHERE (o.kind, o.metric, o.state, o.stopped_at, o.due_at, o.priority) IS DISTINCT FROM (n.kind, n.metric, n.state, n.stopped_at, n.due_at, n.priority)
        UNION ALL
        SELECT -1, f.* FROM new_rows n JOIN old_rows o ON o.id = n.id
          CROSS JOIN LATERAL report_clock_facts(o::sla_clocks) f
          WHERE (o.kind, o.metric, o.state, o.stopped_at, o.due_at, o.priority) IS DISTINCT FROM (n.kind, n.metric, n.state, n.stopped_at, n.due_at, n.priority)
      ) f
      GROUP BY 1, 2, 3, 4, 5, 6
      HAVING sum(f.sign) <> 0 OR sum(f.sign * f.nv) <> 0 OR sum(f.sign * f.sv) <> 0 OR sum(f.sign * f.hits) <> 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_rollups_clocks_insert AFTER INSERT ON sla_clocks REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_clocks();
--> statement-breakpoint
CREATE TRIGGER report_rollups_clocks_delete AFTER DELETE ON sla_clocks REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_clocks();
--> statement-breakpoint
CREATE TRIGGER report_rollups_clocks_update AFTER UPDATE ON sla_clocks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_clocks();
--> statement-breakpoint
-- The working time of met clocks, from the copies of the clock's facts kept on the row.
CREATE FUNCTION report_rollups_durations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_rollup_deltas (source, at, type, service_id, priority, band, n, nv, sv, hits)
      SELECT f.source, f.at, f.type, f.service_id, f.priority, f.band, count(*), sum(f.nv), sum(f.sv), sum(f.hits)
      FROM new_rows r CROSS JOIN LATERAL report_duration_facts(r::report_clock_durations) f
      GROUP BY 1, 2, 3, 4, 5, 6;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO report_rollup_deltas (source, at, type, service_id, priority, band, n, nv, sv, hits)
      SELECT f.source, f.at, f.type, f.service_id, f.priority, f.band, -count(*), -sum(f.nv), -sum(f.sv), -sum(f.hits)
      FROM old_rows r CROSS JOIN LATERAL report_duration_facts(r::report_clock_durations) f
      GROUP BY 1, 2, 3, 4, 5, 6;
  ELSE
    INSERT INTO report_rollup_deltas (source, at, type, service_id, priority, band, n, nv, sv, hits)
      SELECT f.source, f.at, f.type, f.service_id, f.priority, f.band, sum(f.sign), sum(f.sign * f.nv),
        sum(f.sign * f.sv), sum(f.sign * f.hits)
      FROM (
        SELECT 1 AS sign, f.* FROM new_rows n JOIN old_rows o ON o.clock_id = n.clock_id
          CROSS JOIN LATERAL report_duration_facts(n::report_clock_durations) f
          WHERE (o.kind, o.metric, o.stopped_at, o.type, o.working_seconds) IS DISTINCT FROM (n.kind, n.metric, n.stopped_at, n.type, n.working_seconds)
        UNION ALL
        SELECT -1, f.* FROM new_rows n JOIN old_rows o ON o.clock_id = n.clock_id
          CROSS JOIN LATERAL report_duration_facts(o::report_clock_durations) f
          WHERE (o.kind, o.metric, o.stopped_at, o.type, o.working_seconds) IS DISTINCT FROM (n.kind, n.metric, n.stopped_at, n.type, n.working_seconds)
      ) f
      GROUP BY 1, 2, 3, 4, 5, 6
      HAVING sum(f.sign) <> 0 OR sum(f.sign * f.nv) <> 0 OR sum(f.sign * f.sv) <> 0 OR sum(f.sign * f.hits) <> 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_rollups_durations_insert AFTER INSERT ON report_clock_durations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_durations();
--> statement-breakpoint
CREATE TRIGGER report_rollups_durations_delete AFTER DELETE ON report_clock_durations REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_durations();
--> statement-breakpoint
CREATE TRIGGER report_rollups_durations_update AFTER UPDATE ON report_clock_durations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_durations();
--> statement-breakpoint
-- Satisfaction answers on the day they were given; the band is the score.
CREATE FUNCTION report_rollups_surveys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_rollup_deltas (source, at, type, service_id, priority, band, n, nv, sv, hits)
      SELECT f.source, f.at, f.type, f.service_id, f.priority, f.band, count(*), sum(f.nv), sum(f.sv), sum(f.hits)
      FROM new_rows r CROSS JOIN LATERAL report_survey_facts(r::csat_surveys) f
      GROUP BY 1, 2, 3, 4, 5, 6;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO report_rollup_deltas (source, at, type, service_id, priority, band, n, nv, sv, hits)
      SELECT f.source, f.at, f.type, f.service_id, f.priority, f.band, -count(*), -sum(f.nv), -sum(f.sv), -sum(f.hits)
      FROM old_rows r CROSS JOIN LATERAL report_survey_facts(r::csat_surveys) f
      GROUP BY 1, 2, 3, 4, 5, 6;
  ELSE
    INSERT INTO report_rollup_deltas (source, at, type, service_id, priority, band, n, nv, sv, hits)
      SELECT f.source, f.at, f.type, f.service_id, f.priority, f.band, sum(f.sign), sum(f.sign * f.nv),
        sum(f.sign * f.sv), sum(f.sign * f.hits)
      FROM (
        SELECT 1 AS sign, f.* FROM new_rows n JOIN old_rows o ON o.id = n.id
          CROSS JOIN LATERAL report_survey_facts(n::csat_surveys) f
          WHERE (o.answered_at, o.score) IS DISTINCT FROM (n.answered_at, n.score)
        UNION ALL
        SELECT -1, f.* FROM new_rows n JOIN old_rows o ON o.id = n.id
          CROSS JOIN LATERAL report_survey_facts(o::csat_surveys) f
          WHERE (o.answered_at, o.score) IS DISTINCT FROM (n.answered_at, n.score)
      ) f
      GROUP BY 1, 2, 3, 4, 5, 6
      HAVING sum(f.sign) <> 0 OR sum(f.sign * f.nv) <> 0 OR sum(f.sign * f.sv) <> 0 OR sum(f.sign * f.hits) <> 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_rollups_surveys_insert AFTER INSERT ON csat_surveys REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_surveys();
--> statement-breakpoint
CREATE TRIGGER report_rollups_surveys_delete AFTER DELETE ON csat_surveys REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_surveys();
--> statement-breakpoint
CREATE TRIGGER report_rollups_surveys_update AFTER UPDATE ON csat_surveys REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_surveys();
--> statement-breakpoint
-- Rows written before the rollups: the durations' copies of their clocks' facts, then the totals.
UPDATE report_clock_durations d SET kind = c.kind, metric = c.metric, stopped_at = c.stopped_at, type = r.type
  FROM sla_clocks c JOIN records r ON r.id = c.record_id WHERE c.id = d.clock_id;
--> statement-breakpoint
DELETE FROM report_rollup_deltas;
--> statement-breakpoint
INSERT INTO report_rollups (source, at, type, service_id, priority, band, n, nv, sv, hits)
  SELECT f.source, f.at, f.type, f.service_id, f.priority, f.band, count(*), sum(f.nv), sum(f.sv), sum(f.hits)
  FROM (
    SELECT f.* FROM records r CROSS JOIN LATERAL report_record_facts(r) f
    UNION ALL SELECT f.* FROM sla_clocks c CROSS JOIN LATERAL report_clock_facts(c) f
    UNION ALL SELECT f.* FROM report_clock_durations d CROSS JOIN LATERAL report_duration_facts(d) f
    UNION ALL SELECT f.* FROM csat_surveys s CROSS JOIN LATERAL report_survey_facts(s) f
  ) f
  GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
-- hand-written
-- First-contact resolution depends on the record and on its history (passed between groups), so
-- a record's row in report_resolutions is recomputed from both tables whenever either changes,
-- in the writing transaction, after taking the record's row lock (FOR NO KEY UPDATE: what an
-- update of the record takes; it does not wait for foreign-key checks). Two transactions touching
-- one record's facts thus take turns, and the later one (each statement of a function reads
-- afresh under READ COMMITTED) computes from what the earlier one committed.
CREATE FUNCTION report_refresh_resolutions(ids uuid[], lock boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- Records inserted by this statement are seen by no one else yet: nothing to wait for.
  IF lock THEN
    PERFORM 1 FROM records WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
  END IF;
  DELETE FROM report_resolutions s WHERE s.record_id = ANY(ids)
    AND NOT EXISTS (SELECT 1 FROM records r WHERE r.id = s.record_id AND r.resolved_at IS NOT NULL);
  INSERT INTO report_resolutions (record_id, resolved_at, type, service_id, priority, first_contact)
    SELECT r.id, r.resolved_at, r.type, r.service_id, r.priority,
      r.reopen_count = 0 AND NOT EXISTS (SELECT 1 FROM record_history h
        WHERE h.record_id = r.id AND h.field = 'groupId' AND h.old_value IS NOT NULL)
    FROM records r WHERE r.id = ANY(ids) AND r.resolved_at IS NOT NULL
  ON CONFLICT (record_id) DO UPDATE SET resolved_at = excluded.resolved_at, type = excluded.type,
    service_id = excluded.service_id, priority = excluded.priority, first_contact = excluded.first_contact
  WHERE (report_resolutions.resolved_at, report_resolutions.type, report_resolutions.service_id,
      report_resolutions.priority, report_resolutions.first_contact)
    IS DISTINCT FROM (excluded.resolved_at, excluded.type, excluded.service_id, excluded.priority, excluded.first_contact);
END $$;
--> statement-breakpoint
CREATE FUNCTION report_resolutions_records() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM report_refresh_resolutions(ARRAY(SELECT id FROM new_rows WHERE resolved_at IS NOT NULL), false);
  ELSE
    PERFORM report_refresh_resolutions(ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (o.resolved_at, o.reopen_count, o.type, o.service_id, o.priority)
        IS DISTINCT FROM (n.resolved_at, n.reopen_count, n.type, n.service_id, n.priority)), true);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_resolutions_records_insert AFTER INSERT ON records REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_resolutions_records();
--> statement-breakpoint
CREATE TRIGGER report_resolutions_records_update AFTER UPDATE ON records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_resolutions_records();
--> statement-breakpoint
CREATE FUNCTION report_resolutions_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM report_refresh_resolutions(ARRAY(SELECT DISTINCT record_id FROM new_rows
      WHERE field = 'groupId' AND old_value IS NOT NULL), true);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM report_refresh_resolutions(ARRAY(SELECT DISTINCT record_id FROM old_rows
      WHERE field = 'groupId' AND old_value IS NOT NULL), true);
  ELSE
    PERFORM report_refresh_resolutions(ARRAY(
      SELECT record_id FROM new_rows WHERE field = 'groupId' AND old_value IS NOT NULL
      UNION SELECT record_id FROM old_rows WHERE field = 'groupId' AND old_value IS NOT NULL), true);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_resolutions_history_insert AFTER INSERT ON record_history REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_resolutions_history();
--> statement-breakpoint
CREATE TRIGGER report_resolutions_history_delete AFTER DELETE ON record_history REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_resolutions_history();
--> statement-breakpoint
CREATE TRIGGER report_resolutions_history_update AFTER UPDATE ON record_history REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_resolutions_history();
--> statement-breakpoint
-- The rollup of resolutions (source first_contact): from the row alone, as the others.
CREATE FUNCTION report_resolution_facts(s report_resolutions)
RETURNS TABLE (source text, at timestamptz, type text, service_id uuid, priority integer, band text,
  nv integer, sv numeric, hits integer)
LANGUAGE sql STABLE AS $$
  SELECT 'first_contact', date_trunc('day', s.resolved_at, 'UTC'), s.type, s.service_id, s.priority, NULL::text,
    0, 0::numeric, s.first_contact::integer
$$;

--> statement-breakpoint
CREATE FUNCTION report_rollups_resolutions_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_rollup_deltas (source, at, type, service_id, priority, band, n, nv, sv, hits)
      SELECT f.source, f.at, f.type, f.service_id, f.priority, f.band, count(*), sum(f.nv), sum(f.sv), sum(f.hits)
      FROM new_rows r CROSS JOIN LATERAL report_resolution_facts(r::report_resolutions) f
      GROUP BY 1, 2, 3, 4, 5, 6;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO report_rollup_deltas (source, at, type, service_id, priority, band, n, nv, sv, hits)
      SELECT f.source, f.at, f.type, f.service_id, f.priority, f.band, -count(*), -sum(f.nv), -sum(f.sv), -sum(f.hits)
      FROM old_rows r CROSS JOIN LATERAL report_resolution_facts(r::report_resolutions) f
      GROUP BY 1, 2, 3, 4, 5, 6;
  ELSE
    INSERT INTO report_rollup_deltas (source, at, type, service_id, priority, band, n, nv, sv, hits)
      SELECT f.source, f.at, f.type, f.service_id, f.priority, f.band, sum(f.sign), sum(f.sign * f.nv),
        sum(f.sign * f.sv), sum(f.sign * f.hits)
      FROM (
        SELECT 1 AS sign, f.* FROM new_rows n JOIN old_rows o ON o.record_id = n.record_id
          CROSS JOIN LATERAL report_resolution_facts(n::report_resolutions) f
          WHERE (o.resolved_at, o.type, o.service_id, o.priority, o.first_contact) IS DISTINCT FROM (n.resolved_at, n.type, n.service_id, n.priority, n.first_contact)
        UNION ALL
        SELECT -1, f.* FROM new_rows n JOIN old_rows o ON o.record_id = n.record_id
          CROSS JOIN LATERAL report_resolution_facts(o::report_resolutions) f
          WHERE (o.resolved_at, o.type, o.service_id, o.priority, o.first_contact) IS DISTINCT FROM (n.resolved_at, n.type, n.service_id, n.priority, n.first_contact)
      ) f
      GROUP BY 1, 2, 3, 4, 5, 6
      HAVING sum(f.sign) <> 0 OR sum(f.sign * f.nv) <> 0 OR sum(f.sign * f.sv) <> 0 OR sum(f.sign * f.hits) <> 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_rollups_resolutions_rollup_insert AFTER INSERT ON report_resolutions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_resolutions_rollup();
--> statement-breakpoint
CREATE TRIGGER report_rollups_resolutions_rollup_delete AFTER DELETE ON report_resolutions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_resolutions_rollup();
--> statement-breakpoint
CREATE TRIGGER report_rollups_resolutions_rollup_update AFTER UPDATE ON report_resolutions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_rollups_resolutions_rollup();
--> statement-breakpoint
-- Records resolved before: their rows (the trigger above rolls them up).
INSERT INTO report_resolutions (record_id, resolved_at, type, service_id, priority, first_contact)
  SELECT r.id, r.resolved_at, r.type, r.service_id, r.priority,
    r.reopen_count = 0 AND NOT EXISTS (SELECT 1 FROM record_history h
      WHERE h.record_id = r.id AND h.field = 'groupId' AND h.old_value IS NOT NULL)
  FROM records r WHERE r.resolved_at IS NOT NULL;
