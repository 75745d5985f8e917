-- Each instance holds the ids of the live services in its configuration cache, so a record raised
-- against a live service needs no query to check it. A write that changes which services are live
-- (a lifecycle move, a service created, a service's configuration item deleted), by whatever path,
-- tells every instance to drop that entry once it commits (through the notice outbox, 0034).
CREATE FUNCTION catalog_live_services_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO notice_outbox (channel, payload) VALUES ('steward_config', 'catalog:live-services');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER services_live_changed AFTER INSERT OR DELETE OR UPDATE OF lifecycle_status ON services
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_live_services_changed();
