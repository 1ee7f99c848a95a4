-- An import refuses a row whose source_id the organisation's ledger holds already from another
-- import (it would count the same activity twice; src/app/import/import-file.ts), so it looks the
-- ids of each chunk up here. Rows without a source_id are not indexed.
CREATE INDEX activity_records_source ON activity_records (org_id, source_id) WHERE source_id IS NOT NULL;
