CREATE INDEX "records_open_group_sla_due_idx" ON "records" USING btree ("type","group_id",coalesce("sla_due_at", 'infinity'::timestamptz),"id") WHERE state not in ('resolved', 'closed', 'canceled', 'cancelled', 'fulfilled', 'rejected', 'done', 'review');--> statement-breakpoint
CREATE INDEX "records_open_group_created_idx" ON "records" USING btree ("type","group_id","created_at","id") WHERE state not in ('resolved', 'closed', 'canceled', 'cancelled', 'fulfilled', 'rejected', 'done', 'review');--> statement-breakpoint
CREATE INDEX "records_open_group_updated_idx" ON "records" USING btree ("type","group_id","updated_at","id") WHERE state not in ('resolved', 'closed', 'canceled', 'cancelled', 'fulfilled', 'rejected', 'done', 'review');--> statement-breakpoint
CREATE INDEX "records_open_group_number_idx" ON "records" USING btree ("type","group_id","number","id") WHERE state not in ('resolved', 'closed', 'canceled', 'cancelled', 'fulfilled', 'rejected', 'done', 'review');--> statement-breakpoint
-- hand-written
-- A requester's counts by state and priority from the requester index alone (index-only scan).
DROP INDEX "records_requester_created_idx";
--> statement-breakpoint
CREATE INDEX "records_requester_created_idx" ON "records" USING btree ("requester_id","type","created_at","id") INCLUDE ("state","priority");

--> statement-breakpoint
-- The queue badges count open work on these partial indexes. Carrying the state (and the due
-- instant, whose expression alone an index-only scan cannot use) lets them count from the index
-- alone where the visibility map allows; exact either way.
DROP INDEX "records_open_assignee_priority_idx";
--> statement-breakpoint
CREATE INDEX "records_open_assignee_priority_idx" ON "records" USING btree ("type","assignee_id","priority",coalesce("sla_due_at", 'infinity'::timestamptz),"id") INCLUDE ("state") WHERE state not in ('resolved', 'closed', 'canceled', 'cancelled', 'fulfilled', 'rejected', 'done', 'review');
--> statement-breakpoint
-- (Created here only, with its INCLUDE columns: the schema's plain definition is not run.)
CREATE INDEX "records_open_unassigned_priority_idx" ON "records" USING btree ("type","priority",coalesce("sla_due_at", 'infinity'::timestamptz),"id") INCLUDE ("state", "assignee_id") WHERE state not in ('resolved', 'closed', 'canceled', 'cancelled', 'fulfilled', 'rejected', 'done', 'review') and "records"."assignee_id" is null;
--> statement-breakpoint
DROP INDEX "records_open_group_priority_idx";
--> statement-breakpoint
CREATE INDEX "records_open_group_priority_idx" ON "records" USING btree ("type","group_id","priority",coalesce("sla_due_at", 'infinity'::timestamptz),"id") INCLUDE ("state") WHERE state not in ('resolved', 'closed', 'canceled', 'cancelled', 'fulfilled', 'rejected', 'done', 'review');
--> statement-breakpoint
DROP INDEX "records_open_sla_due_idx";
--> statement-breakpoint
CREATE INDEX "records_open_sla_due_idx" ON "records" USING btree ("type",coalesce("sla_due_at", 'infinity'::timestamptz),"id") INCLUDE ("state", "sla_due_at") WHERE state not in ('resolved', 'closed', 'canceled', 'cancelled', 'fulfilled', 'rejected', 'done', 'review');
