-- An SLA event goes with its record (record_id cascades), as the record's clocks do, and clocks
-- are deleted only with their record, so the event's clock needs no foreign key of its own. The key
-- cost every create under an agreement one check per event, and deleting a record a scan of every
-- event for each of its clocks (clock_id has no index).
ALTER TABLE "sla_events" DROP CONSTRAINT "sla_events_clock_id_sla_clocks_id_fk";--> statement-breakpoint
-- hand-written
-- Reports read open clocks by kind and due instant through sla_clocks_open_due_idx (migration
-- 0031); this older index on (kind, metric, due_at) served the same reads and cost every new clock
-- one more index entry.
DROP INDEX IF EXISTS "report_sla_clocks_due_idx";
