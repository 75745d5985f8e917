CREATE TABLE "csat_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid NOT NULL,
	"requester_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"resolved_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"score" integer,
	"comment" text,
	"answered_at" timestamp with time zone,
	"answered_via" text,
	CONSTRAINT "csat_surveys_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "csat_surveys_score_range" CHECK ("csat_surveys"."score" is null or "csat_surveys"."score" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "csat_surveys" ADD CONSTRAINT "csat_surveys_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csat_surveys" ADD CONSTRAINT "csat_surveys_requester_id_users_id_fk" FOREIGN KEY ("requester_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "csat_surveys_record_idx" ON "csat_surveys" USING btree ("record_id","created_at");--> statement-breakpoint
CREATE INDEX "csat_surveys_requester_pending_idx" ON "csat_surveys" USING btree ("requester_id","expires_at") WHERE answered_at is null;--> statement-breakpoint
CREATE INDEX "csat_surveys_answered_idx" ON "csat_surveys" USING btree ("answered_at");--> statement-breakpoint
CREATE INDEX "csat_surveys_created_idx" ON "csat_surveys" USING btree ("created_at");