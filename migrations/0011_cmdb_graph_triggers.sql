-- Triggers that write every graph change into ci_graph_changes (see src/modules/cmdb/schema.ts).
-- Statement-level with transition tables, so a bulk import writes its log in one statement.
CREATE FUNCTION ci_graph_log_cis() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO ci_graph_changes (kind, ci_id, class_key, name, status)
      SELECT 'ci+', id, class_key, name, status FROM new_rows;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO ci_graph_changes (kind, ci_id) SELECT 'ci-', id FROM old_rows;
  ELSE
    INSERT INTO ci_graph_changes (kind, ci_id, class_key, name, status)
      SELECT 'ci+', n.id, n.class_key, n.name, n.status FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (o.class_key, o.name, o.status) IS DISTINCT FROM (n.class_key, n.name, n.status);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION ci_graph_log_relationships() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO ci_graph_changes (kind, rel_id, type_key, from_id, to_id)
      SELECT 'rel-', id, type_key, from_id, to_id FROM old_rows;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO ci_graph_changes (kind, rel_id, type_key, from_id, to_id)
      SELECT 'rel+', id, type_key, from_id, to_id FROM new_rows;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER ci_graph_cis_insert AFTER INSERT ON cis REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ci_graph_log_cis();
--> statement-breakpoint
CREATE TRIGGER ci_graph_cis_delete AFTER DELETE ON cis REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ci_graph_log_cis();
--> statement-breakpoint
CREATE TRIGGER ci_graph_cis_update AFTER UPDATE ON cis REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ci_graph_log_cis();
--> statement-breakpoint
CREATE TRIGGER ci_graph_relationships_insert AFTER INSERT ON ci_relationships REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ci_graph_log_relationships();
--> statement-breakpoint
CREATE TRIGGER ci_graph_relationships_delete AFTER DELETE ON ci_relationships REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ci_graph_log_relationships();
--> statement-breakpoint
CREATE TRIGGER ci_graph_relationships_update AFTER UPDATE ON ci_relationships REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION ci_graph_log_relationships();
