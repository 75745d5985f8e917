-- Human record numbers for service requests and their fulfilment tasks (see src/modules/records/numbering.ts).
CREATE SEQUENCE IF NOT EXISTS record_number_req START WITH 1001;
--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS record_number_rtk START WITH 1001;
