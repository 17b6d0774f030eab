CREATE TABLE "scenario_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scenario_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"smart_account_id" integer NOT NULL,
	"scenario_id" integer NOT NULL,
	"event_type" text NOT NULL,
	"version" integer NOT NULL,
	"actor" text NOT NULL,
	"detail" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "scenarios" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "scenarios" ADD COLUMN "author" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
ALTER TABLE "scenarios" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "scenarios" ADD COLUMN "applied_by" text;--> statement-breakpoint
ALTER TABLE "scenarios" ADD COLUMN "applied_on" date;--> statement-breakpoint
ALTER TABLE "scenarios" ADD COLUMN "discarded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "effective_on" date;--> statement-breakpoint
ALTER TABLE "scenario_events" ADD CONSTRAINT "scenario_events_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_events" ADD CONSTRAINT "scenario_events_scenario_id_scenarios_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenarios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scenario_events_scenario_idx" ON "scenario_events" USING btree ("smart_account_id","scenario_id","id");--> statement-breakpoint
CREATE INDEX "transfers_scenario_idx" ON "transfers" USING btree ("scenario_id");