CREATE TABLE "lot_conversions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "lot_conversions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"smart_account_id" integer NOT NULL,
	"virtual_account_id" integer NOT NULL,
	"license_id" integer NOT NULL,
	"source_lot_id" bigint NOT NULL,
	"smart_lot_id" bigint NOT NULL,
	"remainder_lot_id" bigint,
	"quantity" integer NOT NULL,
	"occurred_on" date NOT NULL,
	"actor" text NOT NULL,
	"note" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reservation_events" ADD COLUMN "from_product_instance_id" bigint;--> statement-breakpoint
ALTER TABLE "reservation_events" ADD COLUMN "to_product_instance_id" bigint;--> statement-breakpoint
ALTER TABLE "reservation_events" ADD COLUMN "quantity_after" integer;--> statement-breakpoint
ALTER TABLE "lot_conversions" ADD CONSTRAINT "lot_conversions_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lot_conversions" ADD CONSTRAINT "lot_conversions_virtual_account_id_virtual_accounts_id_fk" FOREIGN KEY ("virtual_account_id") REFERENCES "public"."virtual_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lot_conversions" ADD CONSTRAINT "lot_conversions_license_id_licenses_id_fk" FOREIGN KEY ("license_id") REFERENCES "public"."licenses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lot_conversions" ADD CONSTRAINT "lot_conversions_source_lot_id_entitlement_lots_id_fk" FOREIGN KEY ("source_lot_id") REFERENCES "public"."entitlement_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lot_conversions" ADD CONSTRAINT "lot_conversions_smart_lot_id_entitlement_lots_id_fk" FOREIGN KEY ("smart_lot_id") REFERENCES "public"."entitlement_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lot_conversions" ADD CONSTRAINT "lot_conversions_remainder_lot_id_entitlement_lots_id_fk" FOREIGN KEY ("remainder_lot_id") REFERENCES "public"."entitlement_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lot_conversions_sa_idx" ON "lot_conversions" USING btree ("smart_account_id","occurred_on","id");--> statement-breakpoint
ALTER TABLE "reservation_events" ADD CONSTRAINT "reservation_events_from_product_instance_id_product_instances_id_fk" FOREIGN KEY ("from_product_instance_id") REFERENCES "public"."product_instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservation_events" ADD CONSTRAINT "reservation_events_to_product_instance_id_product_instances_id_fk" FOREIGN KEY ("to_product_instance_id") REFERENCES "public"."product_instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reservation_events_account_idx" ON "reservation_events" USING btree ("smart_account_id","occurred_on","id");--> statement-breakpoint
CREATE INDEX "reservation_events_from_instance_idx" ON "reservation_events" USING btree ("from_product_instance_id") WHERE "reservation_events"."from_product_instance_id" is not null;--> statement-breakpoint
CREATE INDEX "reservation_events_to_instance_idx" ON "reservation_events" USING btree ("to_product_instance_id") WHERE "reservation_events"."to_product_instance_id" is not null;