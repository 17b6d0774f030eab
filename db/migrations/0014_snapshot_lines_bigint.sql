ALTER TABLE "snapshot_lines" ALTER COLUMN "owned" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "snapshot_lines" ALTER COLUMN "consumed" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "snapshot_lines" ALTER COLUMN "reserved" SET DATA TYPE bigint;