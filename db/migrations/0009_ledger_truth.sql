CREATE TYPE "public"."billing_type" AS ENUM('PREPAID', 'USAGE', 'SUBSCRIPTION');--> statement-breakpoint
CREATE TABLE "account_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "account_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"smart_account_id" integer NOT NULL,
	"virtual_account_name" text,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"user_name" text,
	"message" text NOT NULL,
	"license" text,
	"quantity" integer,
	"device" text,
	"udi_pid" text,
	"udi_serial" text,
	"from_virtual_account" text,
	"to_virtual_account" text,
	"satellite" text,
	"natural_key" text NOT NULL,
	"import_run_id" bigint,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "usage_reports" ADD COLUMN "reserved" integer;--> statement-breakpoint
ALTER TABLE "usage_reports" ADD COLUMN "billing_type" "billing_type";--> statement-breakpoint
ALTER TABLE "snapshot_lines" ADD COLUMN "billing_type" "billing_type";--> statement-breakpoint
ALTER TABLE "account_events" ADD CONSTRAINT "account_events_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_events" ADD CONSTRAINT "account_events_import_run_id_import_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."import_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_events_natural_key_uq" ON "account_events" USING btree ("smart_account_id","natural_key");--> statement-breakpoint
CREATE INDEX "account_events_time_idx" ON "account_events" USING btree ("smart_account_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "account_events_kind_time_idx" ON "account_events" USING btree ("smart_account_id","kind","occurred_at","id");--> statement-breakpoint
CREATE INDEX "account_events_device_idx" ON "account_events" USING btree ("smart_account_id","udi_serial") WHERE "account_events"."udi_serial" is not null;