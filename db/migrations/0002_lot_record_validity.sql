ALTER TABLE "entitlement_lots" ADD COLUMN "effective_from" date;--> statement-breakpoint
ALTER TABLE "entitlement_lots" ADD COLUMN "superseded_on" date;