ALTER TABLE "price_book_entries" ADD COLUMN "license_type" "license_type" DEFAULT 'TERM' NOT NULL;--> statement-breakpoint
ALTER TABLE "price_book_entries" ADD COLUMN "ea_unit_price_minor" bigint;