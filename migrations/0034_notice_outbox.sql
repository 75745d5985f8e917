-- Notices leave the changing transaction through an unlogged outbox instead of NOTIFY.
-- PostgreSQL holds one lock per database from a notifying transaction's pre-commit until its commit
-- is flushed, so every record write (each announced live through its trigger) committed one at a
-- time, each waiting for its own WAL flush. The live triggers now write their announcement to
-- notice_outbox (an unlogged table: no WAL), and each instance's relay sends the committed rows by
-- NOTIFY in a statement that writes no WAL and so commits without a flush.
CREATE UNLOGGED TABLE "notice_outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"payload" text NOT NULL
);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION steward_live_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO notice_outbox (channel, payload) VALUES ('steward_live', json_build_object(
    'k', 'record', 'r', NEW.id, 't', NEW.type, 'n', NEW.number, 'v', NEW.version, 'q', NEW.requester_id)::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION steward_live_comment() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r records%ROWTYPE;
BEGIN
  SELECT * INTO r FROM records WHERE id = NEW.record_id;
  INSERT INTO notice_outbox (channel, payload) VALUES ('steward_live', json_build_object(
    'k', 'comment', 'r', r.id, 't', r.type, 'n', r.number, 'v', r.version, 'q', r.requester_id,
    'i', NEW.visibility <> 'public')::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION steward_live_notification() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO notice_outbox (channel, payload)
    VALUES ('steward_live', json_build_object('k', 'notification', 'u', NEW.recipient_id)::text);
  RETURN NULL;
END $$;
