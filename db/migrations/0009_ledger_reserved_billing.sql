CREATE TYPE "public"."billing_type" AS ENUM('PREPAID', 'USAGE', 'SUBSCRIPTION');--> statement-breakpoint
ALTER TABLE "usage_reports" ADD COLUMN "reserved" integer;--> statement-breakpoint
ALTER TABLE "usage_reports" ADD COLUMN "billing_type" "billing_type";--> statement-breakpoint
ALTER TABLE "snapshot_lines" ADD COLUMN "billing_type" "billing_type";