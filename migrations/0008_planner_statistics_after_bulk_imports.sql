-- The planner's statistics after a bulk import. PostgreSQL's autovacuum analyzes a table some time
-- after it grew; PGlite has no autovacuum at all. Until then a table loaded by one large import has
-- no statistics, and the planner sorted every record of an organisation to show one page of 50
-- (seconds on 1,000,000 records, instead of under a millisecond). So an import that wrote more
-- than 50 + a tenth of the records the planner last counted (reltuples, autovacuum's default
-- threshold) analyzes the ledger's tables itself. SECURITY DEFINER: the API's tenant role may not
-- analyze tables it does not own; the search path puts pg_temp last, so that a temporary table
-- cannot stand in for a ledger table.
CREATE FUNCTION refresh_ledger_statistics(written bigint) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF written <= 50 + 0.1 * greatest((SELECT reltuples FROM pg_class WHERE oid = 'activity_records'::regclass), 0) THEN
    RETURN false;
  END IF;
  ANALYZE activity_records, results, version_result_sources, calc_versions, result_rollups, import_batches,
    sites, entities, business_units;
  RETURN true;
END $$;
REVOKE ALL ON FUNCTION refresh_ledger_statistics(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION refresh_ledger_statistics(bigint) TO carbon_ledger_tenant;
