-- Live updates: announce every record change and every new comment on the steward_live channel.
-- NOTIFY is delivered when (and only if) the writing transaction commits; identical payloads in
-- one transaction are sent once. Payload keys are short: NOTIFY payloads are capped at 8,000 bytes.
CREATE OR REPLACE FUNCTION steward_live_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('steward_live', json_build_object(
    'k', 'record', 'r', NEW.id, 't', NEW.type, 'n', NEW.number, 'v', NEW.version, 'q', NEW.requester_id)::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER records_live AFTER INSERT OR UPDATE ON records
  FOR EACH ROW EXECUTE FUNCTION steward_live_record();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION steward_live_comment() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r records%ROWTYPE;
BEGIN
  SELECT * INTO r FROM records WHERE id = NEW.record_id;
  PERFORM pg_notify('steward_live', json_build_object(
    'k', 'comment', 'r', r.id, 't', r.type, 'n', r.number, 'v', r.version, 'q', r.requester_id,
    'i', NEW.visibility <> 'public')::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER record_comments_live AFTER INSERT ON record_comments
  FOR EACH ROW EXECUTE FUNCTION steward_live_comment();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION steward_live_notification() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('steward_live', json_build_object('k', 'notification', 'u', NEW.recipient_id)::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER notifications_live AFTER INSERT ON notifications
  FOR EACH ROW EXECUTE FUNCTION steward_live_notification();
