-- hand-written
-- A create's live announcement and its words for the misspelling index are written once per
-- statement, from the inserted rows, by one statement-level trigger, instead of by two row
-- triggers that each ran a function and an insert per record. Creates made at the same time go in
-- one statement (see src/modules/records/insert.ts), so a group of eight records ran sixteen
-- trigger functions for these two; it now runs one. Updates keep their row triggers: an update's
-- transition table cannot be limited to title and description.
-- The words are inserted in sorted order, so two statements adding the same new words take their
-- locks in one order and cannot deadlock.
CREATE FUNCTION records_announce_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
CREATE TRIGGER records_announce_insert AFTER INSERT ON records REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION records_announce_insert();
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
