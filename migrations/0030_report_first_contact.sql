CREATE TABLE "report_resolutions" (
	"record_id" uuid PRIMARY KEY NOT NULL,
	"resolved_at" timestamp with time zone NOT NULL,
	"type" text NOT NULL,
	"service_id" uuid,
	"priority" integer,
	"first_contact" boolean NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_resolutions" ADD CONSTRAINT "report_resolutions_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;
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
