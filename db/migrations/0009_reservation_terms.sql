ALTER TABLE "reservations" ADD COLUMN "license_type" "license_type";--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "start_date" date;--> statement-breakpoint
ALTER TABLE "reservations" ADD COLUMN "end_date" date;