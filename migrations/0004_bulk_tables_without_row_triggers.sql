-- Foreign keys on the bulk tables cost a row trigger per inserted row (queued until the end of
-- the COPY statement), which dominated imports and recalculations of millions of rows. Their
-- integrity does not depend on them: activity records, quarantined rows and instruments are
-- written in the same transaction as their import batch, and results and rollups in the same
-- transaction as their calculation version (src/app/import/import-file.ts,
-- src/app/ledger/recalculate.ts). The keys on the small tables stay.
ALTER TABLE activity_records DROP CONSTRAINT activity_records_org_id_batch_id_fkey;
ALTER TABLE results DROP CONSTRAINT results_org_id_version_id_fkey;
ALTER TABLE result_rollups DROP CONSTRAINT result_rollups_org_id_version_id_fkey;
