-- hand-written
-- Derived facts follow a record's write only when the facts it feeds changed. The counts, the
-- report rollups and the resolutions each had a statement-level trigger on every update of a
-- record, so an update that touched none of their columns (an assignment, a due instant, a
-- description) still ran three trigger functions with their transition tables: about 0.5 ms of
-- database time per update, and an SLA create pays it once more for the due instant it sets. On
-- update they are now row-level triggers behind a WHEN clause, which the server evaluates without
-- calling any function; a bulk update that does change these facts writes one delta per row, which
-- the rollup compaction folds as before. A create runs one statement-level function for its counts
-- and rollups instead of two, and a resolution row only for a record inserted as resolved. Clock
-- rollups and the record dimensions a clock copies follow the same rule. Deletes keep their
-- statement-level triggers.
DROP TRIGGER record_counts_insert ON records;
--> statement-breakpoint
DROP TRIGGER report_rollups_records_insert ON records;
--> statement-breakpoint
DROP TRIGGER report_resolutions_records_insert ON records;
--> statement-breakpoint
DROP TRIGGER record_counts_update ON records;
--> statement-breakpoint
DROP TRIGGER report_rollups_records_update ON records;
--> statement-breakpoint
DROP TRIGGER report_resolutions_records_update ON records;
--> statement-breakpoint
CREATE FUNCTION records_track_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO record_count_deltas (type, state, priority, n)
    SELECT type, state, priority, count(*) FROM new_rows GROUP BY 1, 2, 3;
  INSERT INTO report_rollup_deltas (source, at, type, service_id, priority, band, n, nv, sv, hits)
    SELECT f.source, f.at, f.type, f.service_id, f.priority, f.band, count(*), sum(f.nv), sum(f.sv), sum(f.hits)
    FROM new_rows r CROSS JOIN LATERAL report_record_facts(r::records) f
    GROUP BY 1, 2, 3, 4, 5, 6;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER records_track_insert AFTER INSERT ON records REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION records_track_insert();
--> statement-breakpoint
CREATE FUNCTION record_counts_track_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO record_count_deltas (type, state, priority, n)
    VALUES (NEW.type, NEW.state, NEW.priority, 1), (OLD.type, OLD.state, OLD.priority, -1);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER record_counts_update AFTER UPDATE ON records FOR EACH ROW
  WHEN ((OLD.type, OLD.state, OLD.priority) IS DISTINCT FROM (NEW.type, NEW.state, NEW.priority))
  EXECUTE FUNCTION record_counts_track_row();
--> statement-breakpoint
CREATE FUNCTION report_rollups_record_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_rollup_deltas (source, at, type, service_id, priority, band, n, nv, sv, hits)
    SELECT f.source, f.at, f.type, f.service_id, f.priority, f.band, sum(f.sign), sum(f.sign * f.nv),
      sum(f.sign * f.sv), sum(f.sign * f.hits)
    FROM (
      SELECT 1 AS sign, f.* FROM report_record_facts(NEW) f
      UNION ALL SELECT -1, f.* FROM report_record_facts(OLD) f
    ) f
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(f.sign) <> 0 OR sum(f.sign * f.nv) <> 0 OR sum(f.sign * f.sv) <> 0 OR sum(f.sign * f.hits) <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_rollups_records_update AFTER UPDATE ON records FOR EACH ROW
  WHEN ((OLD.type, OLD.service_id, OLD.priority, OLD.created_at, OLD.resolved_at, OLD.closed_at, OLD.reopen_count)
    IS DISTINCT FROM (NEW.type, NEW.service_id, NEW.priority, NEW.created_at, NEW.resolved_at, NEW.closed_at, NEW.reopen_count))
  EXECUTE FUNCTION report_rollups_record_row();
--> statement-breakpoint
CREATE FUNCTION report_resolutions_record_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A row inserted by this statement is seen by no one else yet: nothing to wait for.
  PERFORM report_refresh_resolutions(ARRAY[NEW.id], TG_OP = 'UPDATE');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_resolutions_records_insert AFTER INSERT ON records FOR EACH ROW
  WHEN (NEW.resolved_at IS NOT NULL)
  EXECUTE FUNCTION report_resolutions_record_row();
--> statement-breakpoint
CREATE TRIGGER report_resolutions_records_update AFTER UPDATE ON records FOR EACH ROW
  WHEN ((OLD.resolved_at, OLD.reopen_count, OLD.type, OLD.service_id, OLD.priority)
    IS DISTINCT FROM (NEW.resolved_at, NEW.reopen_count, NEW.type, NEW.service_id, NEW.priority))
  EXECUTE FUNCTION report_resolutions_record_row();
--> statement-breakpoint
DROP FUNCTION report_resolutions_records();
--> statement-breakpoint
-- A group change in the history feeds first-contact resolution; any other history row feeds nothing.
DROP TRIGGER report_resolutions_history_insert ON record_history;
--> statement-breakpoint
CREATE FUNCTION report_resolutions_history_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh_resolutions(ARRAY[NEW.record_id], true);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_resolutions_history_insert AFTER INSERT ON record_history FOR EACH ROW
  WHEN (NEW.field = 'groupId' AND NEW.old_value IS NOT NULL)
  EXECUTE FUNCTION report_resolutions_history_row();
--> statement-breakpoint
-- A clock feeds the rollups only once met; a running, paused or breached clock feeds nothing.
DROP TRIGGER report_rollups_clocks_insert ON sla_clocks;
--> statement-breakpoint
DROP TRIGGER report_rollups_clocks_update ON sla_clocks;
--> statement-breakpoint
CREATE FUNCTION report_rollups_clock_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_rollup_deltas (source, at, type, service_id, priority, band, n, nv, sv, hits)
    SELECT f.source, f.at, f.type, f.service_id, f.priority, f.band, sum(f.sign), sum(f.sign * f.nv),
      sum(f.sign * f.sv), sum(f.sign * f.hits)
    FROM (
      SELECT 1 AS sign, f.* FROM report_clock_facts(NEW) f
      UNION ALL SELECT -1, f.* FROM report_clock_facts(OLD) f WHERE TG_OP = 'UPDATE'
    ) f
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(f.sign) <> 0 OR sum(f.sign * f.nv) <> 0 OR sum(f.sign * f.sv) <> 0 OR sum(f.sign * f.hits) <> 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER report_rollups_clocks_insert AFTER INSERT ON sla_clocks FOR EACH ROW
  WHEN (NEW.state = 'met' AND NEW.stopped_at IS NOT NULL)
  EXECUTE FUNCTION report_rollups_clock_row();
--> statement-breakpoint
CREATE TRIGGER report_rollups_clocks_update AFTER UPDATE ON sla_clocks FOR EACH ROW
  WHEN ((OLD.state = 'met' AND OLD.stopped_at IS NOT NULL) OR (NEW.state = 'met' AND NEW.stopped_at IS NOT NULL))
  EXECUTE FUNCTION report_rollups_clock_row();
--> statement-breakpoint
-- A clock written with its record's type and service (as the clock code does) needs no lookup.
DROP TRIGGER sla_clocks_record_dims ON sla_clocks;
--> statement-breakpoint
CREATE TRIGGER sla_clocks_record_dims BEFORE INSERT ON sla_clocks FOR EACH ROW
  WHEN (NEW.record_type IS NULL)
  EXECUTE FUNCTION report_copy_record_dims();
