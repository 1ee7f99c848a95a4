-- The organisation's entity periods (ownership %, financial and operational control from each date)
-- as they were when a calculation version was made, so that a report of that version
-- (`--calc-version N`) applies the consolidation shares it was published with, not today's.
-- NULL for versions made before this migration: their reports apply today's periods, and say so.
ALTER TABLE calc_versions ADD COLUMN entity_periods jsonb;
