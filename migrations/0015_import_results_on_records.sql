-- An import calculated as it is read (src/app/ledger/extend-version.ts) stores each record's result
-- in the record's own row, written by the same COPY, instead of a second row in results. A record
-- is written once and never changed (the tenant role may only insert), and the version its import
-- made is the only one that calculated it in that pass, so the row can hold that result for good.
-- Writing one keyed row per activity instead of two took about 1.5 s off a PGlite import of
-- 1,000,000 rows (docs/benchmarks.md). A whole recalculation still writes its results to results.
ALTER TABLE activity_records
  -- the version whose result this is (the one its import made); NULL when the import only stored the record
  ADD COLUMN result_version_id bigint,
  ADD COLUMN co2e_kg double precision,
  ADD COLUMN market_co2e_kg double precision,
  ADD COLUMN biogenic_co2_kg double precision,
  ADD COLUMN result_factor_id text,
  ADD COLUMN result_method text,
  ADD COLUMN market_parts jsonb,
  ADD CONSTRAINT activity_records_result CHECK (
    (result_version_id IS NULL) = (co2e_kg IS NULL) AND (co2e_kg IS NULL) = (biogenic_co2_kg IS NULL)
    AND (co2e_kg IS NULL) = (result_factor_id IS NULL));

-- A source of a version's results is either rows of results (of source_version_id) or the records
-- themselves (those whose result_version_id is source_version_id).
ALTER TABLE version_result_sources ADD COLUMN results_on_records boolean NOT NULL DEFAULT false;

-- Each version's result for each record, wherever it is stored. Reads of single records look their
-- source up per record with the same conditions (RESULT_OF_RECORD in src/db/sql-calc-store.ts);
-- keep the two alike.
CREATE OR REPLACE VIEW version_results WITH (security_invoker = true) AS
  SELECT s.org_id, s.version_id, r.record_id, r.co2e_kg, r.market_co2e_kg, r.biogenic_co2_kg, r.factor_id, r.method, r.market_parts
  FROM version_result_sources s
  JOIN results r ON r.org_id = s.org_id AND r.version_id = s.source_version_id
   AND r.record_id >= s.from_record_id AND (s.to_record_id IS NULL OR r.record_id < s.to_record_id)
  WHERE NOT s.results_on_records
  UNION ALL
  SELECT s.org_id, s.version_id, a.record_id, a.co2e_kg, a.market_co2e_kg, a.biogenic_co2_kg, a.result_factor_id, a.result_method, a.market_parts
  FROM version_result_sources s
  JOIN activity_records a ON a.org_id = s.org_id AND a.result_version_id = s.source_version_id
   AND a.record_id >= s.from_record_id AND (s.to_record_id IS NULL OR a.record_id < s.to_record_id)
  WHERE s.results_on_records;
