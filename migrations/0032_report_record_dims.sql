ALTER TABLE "csat_surveys" ADD COLUMN "record_type" text;--> statement-breakpoint
ALTER TABLE "csat_surveys" ADD COLUMN "record_service_id" uuid;--> statement-breakpoint
ALTER TABLE "report_clock_durations" ADD COLUMN "service_id" uuid;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD COLUMN "record_type" text;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD COLUMN "record_service_id" uuid;
--> statement-breakpoint
-- hand-written
-- The record's type and service, copied onto its clocks, their durations and its satisfaction
-- surveys, so their rollups keep the two dimensions every report filters on (a service review is
-- one service's incidents and requests) and a service's clocks are found without the record.
-- The copies are set when a row is written and follow the record when it changes either, in the
-- same transaction (the update takes the rows' locks, so a concurrent writer of a clock sees
-- the record's new values). Facts still come from the row alone (migration `report_rollups`).
CREATE FUNCTION report_copy_record_dims() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT r.type, r.service_id INTO NEW.record_type, NEW.record_service_id FROM records r WHERE r.id = NEW.record_id;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER sla_clocks_record_dims BEFORE INSERT ON sla_clocks
  FOR EACH ROW EXECUTE FUNCTION report_copy_record_dims();
--> statement-breakpoint
CREATE TRIGGER csat_surveys_record_dims BEFORE INSERT ON csat_surveys
  FOR EACH ROW EXECUTE FUNCTION report_copy_record_dims();
--> statement-breakpoint
CREATE FUNCTION report_follow_record_dims() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sla_clocks SET record_type = NEW.type, record_service_id = NEW.service_id WHERE record_id = NEW.id;
  UPDATE csat_surveys SET record_type = NEW.type, record_service_id = NEW.service_id WHERE record_id = NEW.id;
  UPDATE report_clock_durations SET type = NEW.type, service_id = NEW.service_id WHERE record_id = NEW.id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER records_report_dims AFTER UPDATE OF type, service_id ON records FOR EACH ROW
  WHEN ((OLD.type, OLD.service_id) IS DISTINCT FROM (NEW.type, NEW.service_id))
  EXECUTE FUNCTION report_follow_record_dims();
--> statement-breakpoint
-- The facts with the copies: met clocks, the working time of met clocks and satisfaction answers
-- by the record's type and service; surveys sent (source csat_sent, on the day sent; a hit once
-- answered) for the response rate.
CREATE OR REPLACE FUNCTION report_clock_facts(c sla_clocks)
RETURNS TABLE (source text, at timestamptz, type text, service_id uuid, priority integer, band text,
  nv integer, sv numeric, hits integer)
LANGUAGE sql STABLE AS $$
  SELECT 'clock:' || c.kind, date_trunc('day', c.stopped_at, 'UTC'), c.record_type, c.record_service_id, c.priority,
    c.metric, 0, 0::numeric, (NOT (c.due_at IS NOT NULL AND c.due_at <= c.stopped_at))::integer
  WHERE c.state = 'met' AND c.stopped_at IS NOT NULL
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_duration_facts(d report_clock_durations)
RETURNS TABLE (source text, at timestamptz, type text, service_id uuid, priority integer, band text,
  nv integer, sv numeric, hits integer)
LANGUAGE sql STABLE AS $$
  SELECT 'work:' || d.kind || ':' || d.metric, date_trunc('day', d.stopped_at, 'UTC'), d.type, d.service_id, NULL::integer,
    NULL::text, 1, d.working_seconds::numeric, 0
  WHERE d.stopped_at IS NOT NULL AND d.kind IS NOT NULL
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_survey_facts(s csat_surveys)
RETURNS TABLE (source text, at timestamptz, type text, service_id uuid, priority integer, band text,
  nv integer, sv numeric, hits integer)
LANGUAGE sql STABLE AS $$
  SELECT x.source, date_trunc('day', x.at, 'UTC'), s.record_type, s.record_service_id, NULL::integer, x.band,
    x.nv, x.sv, x.hits
  FROM (VALUES
    ('csat', s.answered_at, s.score::text, (s.score IS NOT NULL)::integer, coalesce(s.score, 0)::numeric,
      (s.score >= 4)::integer),
    ('csat_sent', s.created_at, NULL::text, 0, 0::numeric, (s.answered_at IS NOT NULL)::integer)
  ) x (source, at, band, nv, sv, hits)
  WHERE x.at IS NOT NULL
$$;
--> statement-breakpoint
-- An update now adds the new rows' facts and takes away the old rows' (those that did not change
-- cancel out) instead of comparing a list of the columns the facts read: a column the facts
-- start reading can no longer be missed.
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_rollups_clocks() RETURNS trigger LANGUAGE plpgsql AS $$
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
        SELECT 1 AS sign, f.* FROM new_rows r CROSS JOIN LATERAL report_clock_facts(r::sla_clocks) f
        UNION ALL SELECT -1, f.* FROM old_rows r CROSS JOIN LATERAL report_clock_facts(r::sla_clocks) f
      ) f
      GROUP BY 1, 2, 3, 4, 5, 6
      HAVING sum(f.sign) <> 0 OR sum(f.sign * f.nv) <> 0 OR sum(f.sign * f.sv) <> 0 OR sum(f.sign * f.hits) <> 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_rollups_durations() RETURNS trigger LANGUAGE plpgsql AS $$
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
        SELECT 1 AS sign, f.* FROM new_rows r CROSS JOIN LATERAL report_duration_facts(r::report_clock_durations) f
        UNION ALL SELECT -1, f.* FROM old_rows r CROSS JOIN LATERAL report_duration_facts(r::report_clock_durations) f
      ) f
      GROUP BY 1, 2, 3, 4, 5, 6
      HAVING sum(f.sign) <> 0 OR sum(f.sign * f.nv) <> 0 OR sum(f.sign * f.sv) <> 0 OR sum(f.sign * f.hits) <> 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_rollups_surveys() RETURNS trigger LANGUAGE plpgsql AS $$
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
        SELECT 1 AS sign, f.* FROM new_rows r CROSS JOIN LATERAL report_survey_facts(r::csat_surveys) f
        UNION ALL SELECT -1, f.* FROM old_rows r CROSS JOIN LATERAL report_survey_facts(r::csat_surveys) f
      ) f
      GROUP BY 1, 2, 3, 4, 5, 6
      HAVING sum(f.sign) <> 0 OR sum(f.sign * f.nv) <> 0 OR sum(f.sign * f.sv) <> 0 OR sum(f.sign * f.hits) <> 0;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Rows written before: their copies (with the rollup triggers of these tables off: their facts are
-- recomputed below), the index of a service's met clocks, then these sources' totals again.
ALTER TABLE sla_clocks DISABLE TRIGGER report_rollups_clocks_update;
--> statement-breakpoint
ALTER TABLE csat_surveys DISABLE TRIGGER report_rollups_surveys_update;
--> statement-breakpoint
ALTER TABLE report_clock_durations DISABLE TRIGGER report_rollups_durations_update;
--> statement-breakpoint
UPDATE sla_clocks c SET record_type = r.type, record_service_id = r.service_id FROM records r WHERE r.id = c.record_id;
--> statement-breakpoint
UPDATE csat_surveys s SET record_type = r.type, record_service_id = r.service_id FROM records r WHERE r.id = s.record_id;
--> statement-breakpoint
UPDATE report_clock_durations d SET type = r.type, service_id = r.service_id FROM records r WHERE r.id = d.record_id;
--> statement-breakpoint
ALTER TABLE sla_clocks ENABLE TRIGGER report_rollups_clocks_update;
--> statement-breakpoint
ALTER TABLE csat_surveys ENABLE TRIGGER report_rollups_surveys_update;
--> statement-breakpoint
ALTER TABLE report_clock_durations ENABLE TRIGGER report_rollups_durations_update;
--> statement-breakpoint
CREATE INDEX "sla_clocks_service_met_idx" ON "sla_clocks" USING btree ("record_service_id","stopped_at") INCLUDE ("due_at", "agreement_id", "metric", "id") WHERE "sla_clocks"."state" = 'met';
--> statement-breakpoint
DELETE FROM report_rollup_deltas WHERE source LIKE 'clock:%' OR source LIKE 'work:%' OR source IN ('csat', 'csat_sent');
--> statement-breakpoint
DELETE FROM report_rollups WHERE source LIKE 'clock:%' OR source LIKE 'work:%' OR source IN ('csat', 'csat_sent');
--> statement-breakpoint
INSERT INTO report_rollups (source, at, type, service_id, priority, band, n, nv, sv, hits)
  SELECT f.source, f.at, f.type, f.service_id, f.priority, f.band, count(*), sum(f.nv), sum(f.sv), sum(f.hits)
  FROM (
    SELECT f.* FROM sla_clocks c CROSS JOIN LATERAL report_clock_facts(c) f
    UNION ALL SELECT f.* FROM report_clock_durations d CROSS JOIN LATERAL report_duration_facts(d) f
    UNION ALL SELECT f.* FROM csat_surveys s CROSS JOIN LATERAL report_survey_facts(s) f
  ) f
  GROUP BY 1, 2, 3, 4, 5, 6;
