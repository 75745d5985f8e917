-- hand-written
-- A create's live announcement and its words for the misspelling index are written once per
-- statement, from the inserted rows, by the statement-level insert trigger (0035), instead of by
-- two row triggers that each ran a function and an insert per record. Creates made at the same
-- time go in one statement (see src/modules/records/insert.ts), so a group of eight records ran
-- sixteen trigger functions for these two; it now runs none beyond the one it already ran. Updates
-- keep their row triggers: an update's transition table cannot be limited to title and description.
-- The words are inserted in sorted order, so two statements adding the same new words take their
-- locks in one order and cannot deadlock.
CREATE OR REPLACE FUNCTION records_track_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO record_count_deltas (type, state, priority, n)
    SELECT type, state, priority, count(*) FROM new_rows GROUP BY 1, 2, 3;
  INSERT INTO report_rollup_deltas (source, at, type, service_id, priority, band, n, nv, sv, hits)
    SELECT f.source, f.at, f.type, f.service_id, f.priority, f.band, count(*), sum(f.nv), sum(f.sv), sum(f.hits)
    FROM new_rows r CROSS JOIN LATERAL report_record_facts(r::records) f
    GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO notice_outbox (channel, payload)
    SELECT 'steward_live', json_build_object(
      'k', 'record', 'r', id, 't', type, 'n', number, 'v', version, 'q', requester_id)::text
    FROM new_rows;
  INSERT INTO record_search_words (word)
    SELECT DISTINCT w FROM new_rows, unnest(tsvector_to_array(search)) w
    WHERE w ~ '^[[:alpha:]]{3,30}$'
    ORDER BY 1
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER records_live ON records;
--> statement-breakpoint
CREATE TRIGGER records_live AFTER UPDATE ON records
  FOR EACH ROW EXECUTE FUNCTION steward_live_record();
--> statement-breakpoint
DROP TRIGGER record_search_words_track ON records;
--> statement-breakpoint
CREATE TRIGGER record_search_words_track AFTER UPDATE OF title, description ON records
  FOR EACH ROW EXECUTE FUNCTION record_search_words_track();
