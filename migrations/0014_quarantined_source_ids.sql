-- A quarantined activity row keeps the source id its mapping gave it (NULL when it had none, and for
-- rows quarantined before this migration), so that the listing of a batch's quarantined rows can say
-- which of them a later import has brought in since (src/db/sql-import-store.ts, listQuarantined):
-- the fixed file of `quarantine --csv` leaves those out. The look-up uses activity_records_source.
ALTER TABLE quarantined_rows ADD COLUMN source_id text;
