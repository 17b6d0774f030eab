CREATE TYPE "public"."connection_mode" AS ENUM('DIRECT_CLOUD', 'ON_PREM', 'SLR', 'PLR');--> statement-breakpoint
CREATE TYPE "public"."entitlement_source" AS ENUM('SMART', 'CLASSIC_PAK');--> statement-breakpoint
CREATE TYPE "public"."environment" AS ENUM('PRODUCTION', 'NON_PRODUCTION', 'LAB');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('RUNNING', 'COMMITTED', 'FAILED');--> statement-breakpoint
CREATE TYPE "public"."instance_status" AS ENUM('ACTIVE', 'DECOMMISSIONED');--> statement-breakpoint
CREATE TYPE "public"."license_kind" AS ENUM('BASE', 'ADD_ON');--> statement-breakpoint
CREATE TYPE "public"."license_type" AS ENUM('TERM', 'PERPETUAL');--> statement-breakpoint
CREATE TYPE "public"."license_unit" AS ENUM('DEVICE', 'USER', 'COUNT');--> statement-breakpoint
CREATE TYPE "public"."reservation_event_type" AS ENUM('RESERVE', 'UPDATE', 'TRANSFER_IN', 'TRANSFER_OUT', 'RETURN');--> statement-breakpoint
CREATE TYPE "public"."reservation_type" AS ENUM('SLR', 'PLR');--> statement-breakpoint
CREATE TYPE "public"."scenario_status" AS ENUM('DRAFT', 'APPLIED', 'DISCARDED');--> statement-breakpoint
CREATE TYPE "public"."token_role" AS ENUM('VIEWER', 'ANALYST', 'ADMIN');--> statement-breakpoint
CREATE TYPE "public"."usage_source" AS ENUM('CSSM_EXPORT', 'SMART_LICENSING_API', 'RUM_REPORT', 'ON_PREM_SYNC', 'DEMO');--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "import_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"smart_account_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"sha256" text,
	"as_of" date NOT NULL,
	"status" "import_status" DEFAULT 'RUNNING' NOT NULL,
	"row_counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "satellites" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "satellites_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"smart_account_id" integer NOT NULL,
	"name" text NOT NULL,
	"hostname" text,
	"last_sync_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "smart_accounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "smart_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"domain" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "smart_accounts_domain_unique" UNIQUE("domain")
);
--> statement-breakpoint
CREATE TABLE "virtual_accounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "virtual_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"smart_account_id" integer NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"business_unit" text,
	"region" text,
	"environment" "environment" DEFAULT 'PRODUCTION' NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"locked" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licenses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "licenses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"smart_account_id" integer NOT NULL,
	"name" text NOT NULL,
	"entitlement_tag" text,
	"product_family" text,
	"unit" "license_unit" DEFAULT 'DEVICE' NOT NULL,
	"kind" "license_kind" DEFAULT 'BASE' NOT NULL,
	"required_base_license_id" integer
);
--> statement-breakpoint
CREATE TABLE "price_book_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "price_book_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"smart_account_id" integer NOT NULL,
	"license_id" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"list_price_minor" bigint NOT NULL,
	"discount_basis_points" integer DEFAULT 0 NOT NULL,
	"support_rate_basis_points" integer DEFAULT 0 NOT NULL,
	"ea_suite" text,
	"in_enterprise_agreement" boolean DEFAULT false NOT NULL,
	"valid_from" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entitlement_lots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "entitlement_lots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"smart_account_id" integer NOT NULL,
	"virtual_account_id" integer NOT NULL,
	"license_id" integer NOT NULL,
	"quantity" integer NOT NULL,
	"license_type" "license_type" NOT NULL,
	"start_date" date,
	"end_date" date,
	"source" "entitlement_source" DEFAULT 'SMART' NOT NULL,
	"subscription_id" text,
	"order_number" text,
	"sku" text,
	"pak_number" text,
	"parent_lot_id" bigint,
	"import_run_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_instances" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "product_instances_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"smart_account_id" integer NOT NULL,
	"virtual_account_id" integer NOT NULL,
	"name" text NOT NULL,
	"udi_pid" text,
	"udi_serial" text,
	"hostname" text,
	"product_type" text,
	"connection_mode" "connection_mode" DEFAULT 'DIRECT_CLOUD' NOT NULL,
	"satellite_id" integer,
	"status" "instance_status" DEFAULT 'ACTIVE' NOT NULL,
	"replaced_by_id" bigint,
	"last_contact_at" timestamp with time zone,
	"import_run_id" bigint
);
--> statement-breakpoint
CREATE TABLE "usage_reports" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "usage_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"smart_account_id" integer NOT NULL,
	"virtual_account_id" integer NOT NULL,
	"license_id" integer NOT NULL,
	"product_instance_id" bigint,
	"quantity" integer NOT NULL,
	"source" "usage_source" NOT NULL,
	"as_of" date NOT NULL,
	"import_run_id" bigint
);
--> statement-breakpoint
CREATE TABLE "reservation_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reservation_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"smart_account_id" integer NOT NULL,
	"reservation_id" bigint NOT NULL,
	"event_type" "reservation_event_type" NOT NULL,
	"quantity_delta" integer NOT NULL,
	"occurred_on" date NOT NULL,
	"actor" text,
	"note" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reservations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reservations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"smart_account_id" integer NOT NULL,
	"virtual_account_id" integer NOT NULL,
	"product_instance_id" bigint NOT NULL,
	"license_id" integer NOT NULL,
	"reservation_type" "reservation_type" NOT NULL,
	"authorization_code" text
);
--> statement-breakpoint
CREATE TABLE "scenario_moves" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scenario_moves_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"smart_account_id" integer NOT NULL,
	"scenario_id" integer NOT NULL,
	"position" integer NOT NULL,
	"license_id" integer NOT NULL,
	"license_type" "license_type",
	"quantity" integer NOT NULL,
	"from_virtual_account_id" integer NOT NULL,
	"to_virtual_account_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scenarios" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scenarios_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"smart_account_id" integer NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"status" "scenario_status" DEFAULT 'DRAFT' NOT NULL,
	"as_of" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "snapshot_lines" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "snapshot_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"smart_account_id" integer NOT NULL,
	"snapshot_id" integer NOT NULL,
	"virtual_account_id" integer NOT NULL,
	"license_id" integer NOT NULL,
	"owned" integer NOT NULL,
	"consumed" integer NOT NULL,
	"reserved" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "snapshots" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "snapshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"smart_account_id" integer NOT NULL,
	"name" text NOT NULL,
	"as_of" date NOT NULL,
	"include_classic" boolean DEFAULT true NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transfers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "transfers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"smart_account_id" integer NOT NULL,
	"scenario_id" integer,
	"license_id" integer NOT NULL,
	"license_type" "license_type" NOT NULL,
	"quantity" integer NOT NULL,
	"from_virtual_account_id" integer NOT NULL,
	"to_virtual_account_id" integer NOT NULL,
	"source_lot_id" bigint,
	"target_lot_id" bigint,
	"actor" text,
	"transferred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_token_grants" (
	"token_id" integer NOT NULL,
	"smart_account_id" integer NOT NULL,
	CONSTRAINT "api_token_grants_token_id_smart_account_id_pk" PRIMARY KEY("token_id","smart_account_id")
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "api_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"role" "token_role" DEFAULT 'VIEWER' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "import_runs" ADD CONSTRAINT "import_runs_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satellites" ADD CONSTRAINT "satellites_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "virtual_accounts" ADD CONSTRAINT "virtual_accounts_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "licenses" ADD CONSTRAINT "licenses_required_base_license_id_licenses_id_fk" FOREIGN KEY ("required_base_license_id") REFERENCES "public"."licenses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_book_entries" ADD CONSTRAINT "price_book_entries_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_book_entries" ADD CONSTRAINT "price_book_entries_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_lots" ADD CONSTRAINT "entitlement_lots_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_lots" ADD CONSTRAINT "entitlement_lots_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_lots" ADD CONSTRAINT "entitlement_lots_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_lots" ADD CONSTRAINT "entitlement_lots_parent_lot_id_entitlement_lots_id_fk" FOREIGN KEY ("parent_lot_id") REFERENCES "public"."entitlement_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entitlement_lots" ADD CONSTRAINT "entitlement_lots_import_run_id_import_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."import_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_instances" ADD CONSTRAINT "product_instances_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_instances" ADD CONSTRAINT "product_instances_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_instances" ADD CONSTRAINT "product_instances_satellite_id_satellites_id_fk" FOREIGN KEY ("satellite_id") REFERENCES "public"."satellites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_instances" ADD CONSTRAINT "product_instances_replaced_by_id_product_instances_id_fk" FOREIGN KEY ("replaced_by_id") REFERENCES "public"."product_instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_instances" ADD CONSTRAINT "product_instances_import_run_id_import_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."import_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_reports" ADD CONSTRAINT "usage_reports_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_reports" ADD CONSTRAINT "usage_reports_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_reports" ADD CONSTRAINT "usage_reports_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_reports" ADD CONSTRAINT "usage_reports_product_instance_id_product_instances_id_fk" FOREIGN KEY ("product_instance_id") REFERENCES "public"."product_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_reports" ADD CONSTRAINT "usage_reports_import_run_id_import_runs_id_fk" FOREIGN KEY ("import_run_id") REFERENCES "public"."import_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_events" ADD CONSTRAINT "reservation_events_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_events" ADD CONSTRAINT "reservation_events_reservation_id_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."reservations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_product_instance_id_product_instances_id_fk" FOREIGN KEY ("product_instance_id") REFERENCES "public"."product_instances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_moves" ADD CONSTRAINT "scenario_moves_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_moves" ADD CONSTRAINT "scenario_moves_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_moves" ADD CONSTRAINT "scenario_moves_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_moves" ADD CONSTRAINT "scenario_moves_from_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("from_virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_moves" ADD CONSTRAINT "scenario_moves_to_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("to_virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenarios" ADD CONSTRAINT "scenarios_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_lines" ADD CONSTRAINT "snapshot_lines_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_lines" ADD CONSTRAINT "snapshot_lines_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_lines" ADD CONSTRAINT "snapshot_lines_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_lines" ADD CONSTRAINT "snapshot_lines_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_from_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("from_virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_to_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("to_virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_source_lot_id_entitlement_lots_id_fk" FOREIGN KEY ("source_lot_id") REFERENCES "public"."entitlement_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_target_lot_id_entitlement_lots_id_fk" FOREIGN KEY ("target_lot_id") REFERENCES "public"."entitlement_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_token_grants" ADD CONSTRAINT "api_token_grants_token_id_api_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."api_tokens"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_token_grants" ADD CONSTRAINT "api_token_grants_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_runs_sa_idx" ON "import_runs" USING btree ("smart_account_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "satellites_sa_name_uq" ON "satellites" USING btree ("smart_account_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "virtual_accounts_sa_name_uq" ON "virtual_accounts" USING btree ("smart_account_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "virtual_accounts_one_default_uq" ON "virtual_accounts" USING btree ("smart_account_id") WHERE "virtual_accounts"."is_default";--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_sa_name_uq" ON "licenses" USING btree ("smart_account_id","name");--> statement-breakpoint
CREATE INDEX "licenses_sa_tag_idx" ON "licenses" USING btree ("smart_account_id","entitlement_tag");--> statement-breakpoint
CREATE UNIQUE INDEX "price_book_sa_license_currency_from_uq" ON "price_book_entries" USING btree ("smart_account_id","license_id","currency","valid_from");--> statement-breakpoint
CREATE INDEX "entitlement_lots_position_idx" ON "entitlement_lots" USING btree ("smart_account_id","virtual_account_id","license_id","source","start_date","end_date","quantity");--> statement-breakpoint
CREATE INDEX "entitlement_lots_expiry_idx" ON "entitlement_lots" USING btree ("smart_account_id","end_date") WHERE "entitlement_lots"."license_type" = 'TERM';--> statement-breakpoint
CREATE UNIQUE INDEX "product_instances_sa_udi_uq" ON "product_instances" USING btree ("smart_account_id","udi_pid","udi_serial");--> statement-breakpoint
CREATE INDEX "product_instances_va_idx" ON "product_instances" USING btree ("smart_account_id","virtual_account_id","id");--> statement-breakpoint
CREATE INDEX "usage_reports_va_license_idx" ON "usage_reports" USING btree ("smart_account_id","virtual_account_id","license_id","as_of");--> statement-breakpoint
CREATE INDEX "reservation_events_reservation_idx" ON "reservation_events" USING btree ("smart_account_id","reservation_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "reservations_instance_license_uq" ON "reservations" USING btree ("smart_account_id","product_instance_id","license_id");--> statement-breakpoint
CREATE INDEX "reservations_va_idx" ON "reservations" USING btree ("smart_account_id","virtual_account_id","license_id");--> statement-breakpoint
CREATE INDEX "scenario_moves_scenario_idx" ON "scenario_moves" USING btree ("smart_account_id","scenario_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "scenarios_sa_name_uq" ON "scenarios" USING btree ("smart_account_id","name");--> statement-breakpoint
CREATE INDEX "snapshot_lines_snapshot_idx" ON "snapshot_lines" USING btree ("smart_account_id","snapshot_id");--> statement-breakpoint
CREATE UNIQUE INDEX "snapshots_sa_name_uq" ON "snapshots" USING btree ("smart_account_id","name");--> statement-breakpoint
CREATE INDEX "transfers_sa_idx" ON "transfers" USING btree ("smart_account_id","transferred_at");--> statement-breakpoint
CREATE INDEX "api_token_grants_sa_idx" ON "api_token_grants" USING btree ("smart_account_id");