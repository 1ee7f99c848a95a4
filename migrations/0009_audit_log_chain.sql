-- The audit log (table in 0001), written by the database itself: every change to an organisation's
-- model, mappings, imports, calculation versions and memberships appends one entry, whichever
-- program made it (CLI, API, or SQL typed by hand), in the same transaction as the change.
--
-- Each entry is chained to the one before it in its organisation:
--   hash = sha256 of the UTF-8 text, fields joined by a newline:
--          org_id, seq, at (UTC, 'YYYY-MM-DDTHH:MI:SS.ffffffZ'), actor, action, detail (jsonb's
--          text form), prev_hash
--   prev_hash = the previous entry's hash (64 zeros for an organisation's first entry).
-- Changing, removing or reordering an entry breaks the chain from there on; docs/audit-log.md
-- shows how to check it (`carbon-ledger audit verify`) and why its head hash is worth keeping
-- outside the database.
--
-- The actor is the setting carbon_ledger.actor (the CLI's user, the API's signed-in member), else
-- the database user.

CREATE FUNCTION audit_entry_text(org_id bigint, seq bigint, at timestamptz, actor text, action text, detail jsonb, prev_hash text)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws(E'\n', org_id::text, seq::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    actor, action, detail::text, prev_hash)
$$;

-- Whatever an INSERT gives, the chain's fields are the database's: one entry at a time per
-- organisation (a transaction-scoped advisory lock), numbered after the last one.
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last record;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('carbon_ledger.audit_log'), NEW.org_id::integer);
  SELECT a.seq, a.hash INTO last FROM audit_log a WHERE a.org_id = NEW.org_id ORDER BY a.seq DESC LIMIT 1;
  NEW.seq := coalesce(last.seq, 0) + 1;
  NEW.prev_hash := coalesce(last.hash, repeat('0', 64));
  NEW.at := clock_timestamp();
  NEW.actor := coalesce(nullif(current_setting('carbon_ledger.actor', true), ''), 'database user ' || session_user);
  NEW.hash := encode(sha256(convert_to(audit_entry_text(NEW.org_id, NEW.seq, NEW.at, NEW.actor, NEW.action, NEW.detail, NEW.prev_hash), 'UTF8')), 'hex');
  RETURN NEW;
END $$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

-- Append-only, for the owner too (the tenant role has only SELECT and INSERT, migration 0005).
CREATE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse();

-- One entry per changed row: action "<table>.<insert|update|delete>", detail {"row": …} (the row
-- after the change, before it for a delete, without org_id) and, for an update, {"changed":
-- {column: {"from": …, "to": …}}}. An update that changes nothing writes no entry (an upsert that
-- finds the row as it is). Trigger arguments name columns left out of the detail (large state
-- the entry does not need; the row it belongs to stays readable).
CREATE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
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
  INSERT INTO audit_log (org_id, seq, actor, action, detail, prev_hash, hash)
    VALUES (org, 0, '', TG_TABLE_NAME || '.' || lower(TG_OP),
      CASE WHEN TG_OP = 'UPDATE' THEN jsonb_build_object('row', new_row, 'changed', changed)
           ELSE jsonb_build_object('row', coalesce(new_row, old_row)) END, '', '');
  RETURN NULL;
END $$;

CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON organisations FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON entities FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON entity_periods FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON sites FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON business_units FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON column_mappings FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON import_batches FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON calc_versions FOR EACH ROW EXECUTE FUNCTION audit_row_change('instruments', 'market_state');
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON memberships FOR EACH ROW EXECUTE FUNCTION audit_row_change();
-- Metrics an import wrote are that import's entry; metrics set one by one are their own.
CREATE TRIGGER audit AFTER INSERT OR UPDATE ON org_metrics FOR EACH ROW WHEN (NEW.batch_id IS NULL) EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER audit_delete AFTER DELETE ON org_metrics FOR EACH ROW EXECUTE FUNCTION audit_row_change();
