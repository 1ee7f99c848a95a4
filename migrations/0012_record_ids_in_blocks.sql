-- An import draws its records' ids ahead of writing them (src/db/sql-import-store.ts). One
-- nextval per id cost a large import seconds on the server (1,000,000 calls for 1,000,000 rows,
-- most of a second on PostgreSQL and three on PGlite), all while nothing else could use the
-- connection. The sequence now steps by 1,000: each nextval reserves the block of 1,000 ids that
-- starts at its value, and no other nextval can return an id inside it, so a block is the
-- drawer's alone whoever draws at the same moment. A record inserted without an id takes the first
-- of a block; the rest of a block an import does not use is a gap (ids identify, they do not count).
ALTER TABLE activity_records ALTER COLUMN record_id SET INCREMENT BY 1000;
