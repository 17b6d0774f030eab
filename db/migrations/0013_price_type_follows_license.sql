ALTER TABLE "price_book_entries" ALTER COLUMN "license_type" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "price_book_entries" ALTER COLUMN "license_type" DROP NOT NULL;