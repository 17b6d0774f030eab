-- Cisco's Event Log as imported (account_events) is append-only like the reservation trail:
-- the same trigger function as 0005 refuses UPDATE and TRUNCATE, and DELETE unless the row's
-- Smart Account is gone (the cascade of removing the whole account).
CREATE TRIGGER "account_events_append_only"
  BEFORE UPDATE OR DELETE ON "account_events"
  FOR EACH ROW EXECUTE FUNCTION "trueup_append_only"();
--> statement-breakpoint
CREATE TRIGGER "account_events_no_truncate"
  BEFORE TRUNCATE ON "account_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "trueup_append_only"();
