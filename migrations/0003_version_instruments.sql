-- What each contractual instrument covered in a calculation version (MWh applied, left, or the
-- quality criterion it failed), for the market-based Scope 2 disclosure.
ALTER TABLE calc_versions ADD COLUMN instruments jsonb NOT NULL DEFAULT '[]';
