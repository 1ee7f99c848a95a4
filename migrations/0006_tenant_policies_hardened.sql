-- Row-level security, tightened (see 0005):
-- * an unset or empty carbon_ledger.org_id matches no row (nullif), instead of failing the cast;
-- * append-only tables stay append-only for the tenant role: the history of imports, results and
--   audit entries cannot be rewritten by any organisation request, whatever its SQL.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['organisations', 'entities', 'entity_periods', 'sites', 'business_units', 'org_metrics',
    'column_mappings', 'import_batches', 'activity_records', 'quarantined_rows', 'instruments', 'calc_versions',
    'results', 'result_rollups', 'audit_log']
  LOOP
    EXECUTE format('DROP POLICY tenant_isolation ON %I', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
      USING (org_id = nullif(current_setting('carbon_ledger.org_id', true), '')::bigint)
      WITH CHECK (org_id = nullif(current_setting('carbon_ledger.org_id', true), '')::bigint)$p$, t);
  END LOOP;
END $$;
REVOKE UPDATE, DELETE ON activity_records, quarantined_rows, instruments, results, result_rollups, audit_log FROM carbon_ledger_tenant;
