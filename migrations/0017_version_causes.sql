-- Why a version was made, as data (src/app/ledger/version-cause.ts): an import (its file and
-- batch), a recalculation someone asked for (who, and their note), the recalculate command, the
-- demo's load. `reason` keeps the same in English, as the CLI prints it; the web app words the
-- cause in the reader's language. NULL for a version made with a free reason, or before this migration.
ALTER TABLE calc_versions ADD COLUMN cause jsonb;
