-- hand-written
-- The at-risk check reads a record's running clocks from this index alone (created here only,
-- with its INCLUDE columns: the schema's plain definition is not run).
CREATE INDEX "sla_clocks_running_record_idx" ON "sla_clocks" USING btree ("record_id") INCLUDE ("agreement_id", "due_at", "target_seconds", "target_version", "id") WHERE "sla_clocks"."state" = 'running';
