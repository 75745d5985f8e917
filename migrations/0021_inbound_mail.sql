CREATE TABLE "inbound_mail_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"address" text NOT NULL,
	"name" text NOT NULL,
	"record_type" text NOT NULL,
	"service_id" uuid,
	"unknown_sender_policy" text NOT NULL,
	"stranger_reply_policy" text NOT NULL,
	"imap_mailbox" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbound_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"message_id" text NOT NULL,
	"from_address" text,
	"from_name" text,
	"to_addresses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"envelope" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"raw" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"detail" text,
	"address_id" uuid,
	"record_id" uuid,
	"sender_id" uuid,
	"threaded_by" text,
	"comment_id" uuid,
	"attempts" integer DEFAULT 0 NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mail_address_status" (
	"address" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"bounces" integer DEFAULT 1 NOT NULL,
	"last_bounce_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inbound_mail_addresses" ADD CONSTRAINT "inbound_mail_addresses_service_id_cis_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."cis"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_mail_addresses" ADD CONSTRAINT "inbound_mail_addresses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_address_id_inbound_mail_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."inbound_mail_addresses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_record_id_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."records"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_messages" ADD CONSTRAINT "inbound_messages_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_mail_addresses_address_idx" ON "inbound_mail_addresses" USING btree ("address");--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_messages_message_id_idx" ON "inbound_messages" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "inbound_messages_received_idx" ON "inbound_messages" USING btree ("received_at","id");--> statement-breakpoint
CREATE INDEX "inbound_messages_record_idx" ON "inbound_messages" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "inbound_messages_pending_idx" ON "inbound_messages" USING btree ("received_at") WHERE "inbound_messages"."status" = 'received';