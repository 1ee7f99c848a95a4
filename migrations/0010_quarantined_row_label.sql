-- How the file numbered a quarantined row (`row` of a spreadsheet, `line` of NDJSON, `item` of a
-- JSON array), as the import reported it: a .json file may hold either kind of JSON. NULL for rows
-- quarantined before this migration (read as `row`).
ALTER TABLE quarantined_rows ADD COLUMN label text CHECK (label IN ('row', 'line', 'item'));
