CREATE TABLE "position_changes" (
	"smart_account_id" integer NOT NULL,
	"version" bigint NOT NULL,
	"virtual_account_ids" integer[],
	CONSTRAINT "position_changes_smart_account_id_version_pk" PRIMARY KEY("smart_account_id","version")
);
--> statement-breakpoint
ALTER TABLE "position_changes" ADD CONSTRAINT "position_changes_smart_account_id_smart_accounts_id_fk" FOREIGN KEY ("smart_account_id") REFERENCES "public"."smart_accounts"("id") ON DELETE cascade ON UPDATE no action;