-- What a quarantined row needs to be given back as the file had it:
-- - `label`: how the file numbered it (`row` of a spreadsheet, `line` of NDJSON, `item` of a JSON
--   array), as the import reported it: a .json file may hold either kind of JSON;
-- - `columns`: the file's columns in their order (`raw`, a jsonb object, keeps no order).
-- NULL for rows quarantined before this migration (read as `row`, and in jsonb's key order).
ALTER TABLE quarantined_rows ADD COLUMN label text CHECK (label IN ('row', 'line', 'item')), ADD COLUMN columns text[];
