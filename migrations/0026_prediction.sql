CREATE TABLE "prediction_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trained_at" timestamp with time zone NOT NULL,
	"training_size" integer NOT NULL,
	"model" jsonb NOT NULL,
	"service_rates" jsonb NOT NULL,
	"quality" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prediction_scores" (
	"clock_id" uuid PRIMARY KEY NOT NULL,
	"record_id" uuid NOT NULL,
	"probability" real NOT NULL,
	"scored_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "prediction_scores" ADD CONSTRAINT "prediction_scores_clock_id_sla_clocks_id_fk" FOREIGN KEY ("clock_id") REFERENCES "public"."sla_clocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prediction_scores" ADD CONSTRAINT "prediction_scores_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "prediction_models_trained_idx" ON "prediction_models" USING btree ("trained_at");--> statement-breakpoint
CREATE INDEX "prediction_scores_record_idx" ON "prediction_scores" USING btree ("record_id");