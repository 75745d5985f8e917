-- hand-written
-- A record's resolution row is refreshed only when its resolution facts changed. Most writes
-- (every create of an unresolved record, most updates, most history rows) change none, and the
-- refresh was still paying for its two statements and the three statement-level rollup triggers
-- they fire on report_resolutions (about 0.7 ms a create). With no ids it now returns at once.
CREATE OR REPLACE FUNCTION report_refresh_resolutions(ids uuid[], lock boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
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
