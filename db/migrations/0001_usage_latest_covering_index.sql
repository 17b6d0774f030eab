-- Covering index for the position's latest-report-per-device scan (see db/src/schema/instances.ts).
CREATE INDEX IF NOT EXISTS "usage_reports_device_latest_idx" ON "usage_reports" USING btree ("smart_account_id","product_instance_id","license_id","as_of" DESC,"id" DESC) INCLUDE ("virtual_account_id","quantity");
