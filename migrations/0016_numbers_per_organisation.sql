-- Batch and calculation-version numbers count per organisation: an organisation's imports read
-- 1, 2, 3, 4, and so do its versions, whatever other organisations or a rejected import or a dry
-- run (both rolled back) did meanwhile. A gap in an audit trail reads as something removed, so the
-- numbers are no longer drawn from sequences shared by every organisation, which leave gaps. Each is
-- the organisation's highest plus one, taken while the organisation's ledger lock is held
-- (pg_advisory_xact_lock(1, org_id); src/db/sql-import-store.ts and sql-calc-store.ts), so two
-- transactions cannot take the same one. Numbers given before this migration stay as they are.
ALTER TABLE import_batches ALTER COLUMN batch_id DROP IDENTITY;
ALTER TABLE calc_versions ALTER COLUMN version_id DROP IDENTITY;
