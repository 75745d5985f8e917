-- A signed-in user's organisation is kept with their cached sign-in (see auth/cache.ts), so that a
-- record they raise for themselves needs no read of it before its SLA clocks are chosen. A write
-- that changes a user's organisation, by whatever path (an administrator's edit, an organisation's
-- removal setting it to null, a script), tells every instance to drop that user's cached sign-in
-- once it commits (through the notice outbox, 0034).
CREATE FUNCTION auth_user_organisation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO notice_outbox (channel, payload) VALUES ('steward_auth', NEW.id::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER users_organisation_changed AFTER UPDATE OF organisation_id ON users
  FOR EACH ROW WHEN (OLD.organisation_id IS DISTINCT FROM NEW.organisation_id)
  EXECUTE FUNCTION auth_user_organisation_changed();
