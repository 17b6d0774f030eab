ALTER TABLE "snapshot_lines" ALTER COLUMN "owned" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "snapshot_lines" ALTER COLUMN "consumed" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "snapshot_lines" ALTER COLUMN "reserved" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "current_positions" ALTER COLUMN "owned_smart" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "current_positions" ALTER COLUMN "owned_classic" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "current_positions" ALTER COLUMN "ledger_in_use" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "current_positions" ALTER COLUMN "ledger_reserved" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "current_positions" ALTER COLUMN "device_consumed" SET DATA TYPE bigint;--> statement-breakpoint
ALTER TABLE "current_positions" ALTER COLUMN "device_reserved" SET DATA TYPE bigint;