-- A version no longer holds a copy of every result it carries over. Its results are read through
-- its result sources: for each range of record ids, the version whose rows hold them. A whole
-- recalculation's version is its own single source (every record from id 0 on). A version that an
-- import made by extending the latest one (src/app/ledger/extend-version.ts) inherits that
-- version's sources for the records before the batch's first record, and is the source of the
-- batch's own records, which come after every earlier one. So an import writes the results of its
-- own records only, and what it costs no longer grows with the organisation's earlier records.
CREATE TABLE version_result_sources (
  org_id            bigint NOT NULL,
  version_id        bigint NOT NULL,
  -- the records with from_record_id <= record_id < to_record_id (no upper bound when NULL) ...
  from_record_id    bigint NOT NULL,
  to_record_id      bigint,
  -- ... have their result in this version's rows of results
  source_version_id bigint NOT NULL,
  PRIMARY KEY (org_id, version_id, from_record_id),
  FOREIGN KEY (org_id, version_id) REFERENCES calc_versions ON DELETE CASCADE,
  -- Checked at commit: deleting an organisation removes its versions and their sources in one
  -- statement, in no particular order; a source version alone still cannot be deleted.
  FOREIGN KEY (org_id, source_version_id) REFERENCES calc_versions DEFERRABLE INITIALLY DEFERRED,
  CHECK (from_record_id >= 0 AND (to_record_id IS NULL OR to_record_id > from_record_id))
);

-- Every version made before this migration holds all its results itself.
INSERT INTO version_result_sources (org_id, version_id, from_record_id, to_record_id, source_version_id)
  SELECT org_id, version_id, 0, NULL, version_id FROM calc_versions;

-- A version extended k times in a row holds k + 1 sources, so a chain of k imports stores about
-- k²/2 rows here (a few per import, against a copy of every result before); a whole recalculation
-- (a new factor library, GWP set, site or instruments) starts a new chain of one.

-- Each version's result for each record, wherever it is stored: what reads of a whole version use.
-- Reads of single records look their source up per record with the same conditions
-- (RESULT_OF_RECORD in src/db/sql-calc-store.ts); keep the two alike.
CREATE VIEW version_results WITH (security_invoker = true) AS
  SELECT s.org_id, s.version_id, r.record_id, r.co2e_kg, r.market_co2e_kg, r.biogenic_co2_kg, r.factor_id, r.method, r.market_parts
  FROM version_result_sources s
  JOIN results r ON r.org_id = s.org_id AND r.version_id = s.source_version_id
   AND r.record_id >= s.from_record_id AND (s.to_record_id IS NULL OR r.record_id < s.to_record_id);

-- Tenant isolation as for the other append-only tables (migration 0005).
GRANT SELECT, INSERT ON version_result_sources TO carbon_ledger_tenant;
GRANT SELECT ON version_results TO carbon_ledger_tenant;
ALTER TABLE version_result_sources ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON version_result_sources
  USING (org_id = nullif(current_setting('carbon_ledger.org_id', true), '')::bigint)
  WITH CHECK (org_id = nullif(current_setting('carbon_ledger.org_id', true), '')::bigint);
