-- The audit log (table in 0001), written by the database itself: every change to an organisation's
-- model, mappings, imports, calculation versions and memberships appends one entry, whichever
-- program made it (CLI, API, or SQL typed by hand), when the change's transaction commits.
--
-- Each entry is chained to the one before it in its organisation:
--   hash = sha256 (hex) of the UTF-8 text of the fields org_id, seq, at (UTC,
--          'YYYY-MM-DDTHH:MI:SS.ffffffZ'), actor, action, detail (jsonb's text form) and
--          prev_hash, each written as "<number of characters>:<text>", one per line;
--   prev_hash = the previous entry's hash (64 zeros for an organisation's first entry).
-- Changing, removing or reordering an entry breaks the chain from there on; docs/audit-log.md
-- shows how to check it (`carbon-ledger audit verify`) and why its head hash is worth keeping
-- outside the database.
--
-- How: row triggers on the audited tables note each change in audit_pending; a deferred trigger
-- chains the noted changes into audit_log at commit, under a per-organisation lock held only
-- from then to the end of the commit (a long import does not hold back other changes, and the
-- lock is never taken before a row lock). Only these trigger functions (SECURITY DEFINER) write
-- either table: no role may insert into them itself, and UPDATE, DELETE and TRUNCATE of the log
-- are refused, for the owner too. Whoever can switch triggers off can still rewrite the log, but
-- not without breaking the chain.
--
-- The actor is the setting carbon_ledger.actor when the change is made (the CLI's user, the API's
-- signed-in member; a claim of the connecting program), else the database user.

CREATE TABLE audit_pending (
  org_id     bigint NOT NULL,
  pending_id bigint GENERATED ALWAYS AS IDENTITY,
  actor      text NOT NULL,
  action     text NOT NULL,
  detail     jsonb NOT NULL,
  PRIMARY KEY (org_id, pending_id)
);
-- A tenant table like the others (migration 0005), though no role but the owner's triggers uses it.
REVOKE ALL ON audit_pending FROM PUBLIC;
ALTER TABLE audit_pending ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_pending
  USING (org_id = nullif(current_setting('carbon_ledger.org_id', true), '')::bigint)
  WITH CHECK (org_id = nullif(current_setting('carbon_ledger.org_id', true), '')::bigint);
REVOKE INSERT ON audit_log FROM carbon_ledger_tenant;

CREATE FUNCTION audit_field(f text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT char_length(f)::text || ':' || f $$;

-- An entry's time as hashed and as read back (src/db/sql-audit-store.ts): UTC, to the microsecond.
CREATE FUNCTION audit_at_text(at timestamptz) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$;

CREATE FUNCTION audit_entry_text(org_id bigint, seq bigint, at timestamptz, actor text, action text, detail jsonb, prev_hash text)
RETURNS text LANGUAGE sql STABLE AS $$
  SELECT concat_ws(E'\n', audit_field(org_id::text), audit_field(seq::text),
    audit_field(audit_at_text(at)), audit_field(actor), audit_field(action),
    audit_field(detail::text), audit_field(prev_hash))
$$;

-- Rows reach audit_pending and audit_log only from the trigger functions below (trigger depth 2).
CREATE FUNCTION audit_refuse_direct() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION '% is written by the database''s audit triggers only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER audit_direct BEFORE INSERT ON audit_pending FOR EACH ROW EXECUTE FUNCTION audit_refuse_direct();
CREATE TRIGGER audit_direct BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_refuse_direct();

CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse();

-- At commit, one noted change becomes the organisation's next entry.
CREATE FUNCTION audit_chain_pending() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  last record;
  seq bigint;
  prev text;
  at timestamptz;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('carbon_ledger.audit_log:' || NEW.org_id, 0));
  SELECT a.seq, a.hash INTO last FROM audit_log a WHERE a.org_id = NEW.org_id ORDER BY a.seq DESC LIMIT 1;
  seq := coalesce(last.seq, 0) + 1;
  prev := coalesce(last.hash, repeat('0', 64));
  at := clock_timestamp();
  INSERT INTO audit_log (org_id, seq, at, actor, action, detail, prev_hash, hash)
    VALUES (NEW.org_id, seq, at, NEW.actor, NEW.action, NEW.detail, prev,
      encode(sha256(convert_to(audit_entry_text(NEW.org_id, seq, at, NEW.actor, NEW.action, NEW.detail, prev), 'UTF8')), 'hex'));
  DELETE FROM audit_pending WHERE org_id = NEW.org_id AND pending_id = NEW.pending_id;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER audit_chain AFTER INSERT ON audit_pending DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION audit_chain_pending();

-- One entry per changed row: action "<table>.<insert|update|delete>", detail {"row": …} (the row
-- after the change, before it for a delete, without org_id) and, for an update, {"changed":
-- {column: {"from": …, "to": …}}}. An update that changes nothing writes no entry (an upsert that
-- finds the row as it is). Trigger arguments name columns left out of the detail (large state
-- the entry does not need; the row it belongs to stays readable).
CREATE FUNCTION audit_row_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  left_out text[] := ARRAY['org_id'] || coalesce(TG_ARGV, '{}'); -- TG_ARGV is NULL without arguments
  old_row jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) - left_out END;
  new_row jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) - left_out END;
  changed jsonb;
  org bigint := CASE WHEN TG_OP = 'DELETE' THEN (to_jsonb(OLD) ->> 'org_id')::bigint ELSE (to_jsonb(NEW) ->> 'org_id')::bigint END;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT jsonb_object_agg(n.key, jsonb_build_object('from', old_row -> n.key, 'to', n.value)) INTO changed
      FROM jsonb_each(new_row) n WHERE (old_row -> n.key) IS DISTINCT FROM n.value;
    IF changed IS NULL THEN RETURN NULL; END IF;
  END IF;
  INSERT INTO audit_pending (org_id, actor, action, detail)
    VALUES (org, coalesce(nullif(current_setting('carbon_ledger.actor', true), ''), 'database user ' || session_user),
      TG_TABLE_NAME || '.' || lower(TG_OP),
      CASE WHEN TG_OP = 'UPDATE' THEN jsonb_build_object('row', new_row, 'changed', changed)
           ELSE jsonb_build_object('row', coalesce(new_row, old_row)) END);
  RETURN NULL;
END $$;

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON organisations FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON entities FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON entity_periods FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON sites FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON business_units FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON column_mappings FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON import_batches FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON calc_versions FOR EACH ROW EXECUTE FUNCTION audit_row_change('instruments', 'market_state', 'entity_periods');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON memberships FOR EACH ROW EXECUTE FUNCTION audit_row_change();
-- Metrics an import wrote are that import's entry; a metric set by hand, and an import
-- overwriting one, are entries of their own.
CREATE TRIGGER audit_insert AFTER INSERT ON org_metrics FOR EACH ROW WHEN (NEW.batch_id IS NULL) EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER audit_update AFTER UPDATE ON org_metrics FOR EACH ROW WHEN (OLD.batch_id IS NULL OR NEW.batch_id IS NULL) EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER audit_delete AFTER DELETE ON org_metrics FOR EACH ROW WHEN (OLD.batch_id IS NULL) EXECUTE FUNCTION audit_row_change();
