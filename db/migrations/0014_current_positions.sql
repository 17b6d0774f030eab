CREATE TABLE "current_positions" (
	"smart_account_id" integer NOT NULL,
	"virtual_account_id" integer NOT NULL,
	"license_id" integer NOT NULL,
	"owned_smart" integer NOT NULL,
	"owned_classic" integer NOT NULL,
	"ledger_in_use" integer,
	"ledger_as_of" date,
	"ledger_reserved" integer,
	"billing_type" text,
	"device_consumed" integer,
	"device_reserved" integer NOT NULL,
	"device_reported_on" date,
	"device_reserved_on" date,
	CONSTRAINT "current_positions_smart_account_id_virtual_account_id_license_id_pk" PRIMARY KEY("smart_account_id","virtual_account_id","license_id")
);
--> statement-breakpoint
CREATE TABLE "position_versions" (
	"smart_account_id" integer PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL,
	"as_of" date
);
--> statement-breakpoint
ALTER TABLE "current_positions" ADD CONSTRAINT "current_positions_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "position_versions" ADD CONSTRAINT "position_versions_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;