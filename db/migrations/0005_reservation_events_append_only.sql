-- The reservation trail (reservation_events) and the classic PAK conversion record
-- (lot_conversions) are append-only: a correction is a new row, never an edit.
--
-- UPDATE and TRUNCATE are always refused. DELETE is refused unless the row's Smart Account no
-- longer exists, i.e. the delete is the ON DELETE CASCADE of removing the whole account (by the
-- time the cascade reaches these tables the smart_accounts row is gone). Why that test and not
-- `pg_trigger_depth() > 1`: any cascade runs at depth 2, so deleting one reservation or one
-- product instance would cascade into its trail and erase it; checking the account keeps the
-- trail for as long as the account exists. removeSmartAccount's fast path runs with
-- session_replication_role = replica, where ordinary triggers do not fire, and deletes the
-- account anyway.
CREATE FUNCTION "trueup_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM "public"."smart_accounts" WHERE "id" = OLD."smart_account_id") THEN
      RETURN OLD;
    END IF;
  END IF;
  IF TG_LEVEL = 'ROW' THEN
    RAISE EXCEPTION '% is append-only: % of row % refused', TG_TABLE_NAME, TG_OP, OLD."id"
      USING ERRCODE = 'restrict_violation', HINT = 'Record a new event instead.';
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'restrict_violation', HINT = 'Record a new event instead.';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "reservation_events_append_only"
  BEFORE UPDATE OR DELETE ON "reservation_events"
  FOR EACH ROW EXECUTE FUNCTION "trueup_append_only"();
--> statement-breakpoint
CREATE TRIGGER "reservation_events_no_truncate"
  BEFORE TRUNCATE ON "reservation_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "trueup_append_only"();
--> statement-breakpoint
CREATE TRIGGER "lot_conversions_append_only"
  BEFORE UPDATE OR DELETE ON "lot_conversions"
  FOR EACH ROW EXECUTE FUNCTION "trueup_append_only"();
--> statement-breakpoint
CREATE TRIGGER "lot_conversions_no_truncate"
  BEFORE TRUNCATE ON "lot_conversions"
  FOR EACH STATEMENT EXECUTE FUNCTION "trueup_append_only"();
