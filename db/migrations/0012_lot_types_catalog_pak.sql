CREATE TYPE "public"."entitlement_type" AS ENUM('TERM', 'PERPETUAL', 'SUBSCRIPTION', 'USAGE');--> statement-breakpoint
ALTER TYPE "public"."license_type" ADD VALUE 'UNKNOWN';--> statement-breakpoint
ALTER TABLE "licenses" ADD COLUMN "entitlement_type" "entitlement_type";--> statement-breakpoint
ALTER TABLE "entitlement_lots" ADD COLUMN "device_serial" text;