CREATE TABLE "ci_graph_changes" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"xid" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"kind" text NOT NULL,
	"ci_id" uuid,
	"class_key" text,
	"name" text,
	"status" text,
	"type_key" text,
	"from_id" uuid,
	"to_id" uuid,
	"rel_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ci_graph_changes_xid_idx" ON "ci_graph_changes" USING btree ("xid");--> statement-breakpoint
CREATE INDEX "ci_graph_changes_created_idx" ON "ci_graph_changes" USING btree ("created_at");