-- Provenance for imported metrics and instruments, as activity_records already have: the batch
-- (→ file name, content hash) and the row of the file each came from. NULL for values entered
-- by hand (OrgStore.setMetric).
ALTER TABLE org_metrics ADD COLUMN batch_id bigint, ADD COLUMN row_number integer;
ALTER TABLE org_metrics ADD FOREIGN KEY (org_id, batch_id) REFERENCES import_batches ON DELETE CASCADE;
ALTER TABLE instruments ADD COLUMN row_number integer;
