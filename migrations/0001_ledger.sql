-- The ledger schema. Every tenant table carries org_id as the first column of its primary key, so
-- that the schema can be distributed by organisation (Citus: distribute every tenant table by org_id).

CREATE TABLE organisations (
  org_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slug          text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name          text NOT NULL,
  consolidation text NOT NULL CHECK (consolidation IN ('equity_share', 'financial_control', 'operational_control')),
  -- Month (1–12) the reporting year starts; 1 = calendar years, 7 = July–June ("FY2022" ends June 2022).
  year_start_month smallint NOT NULL DEFAULT 1 CHECK (year_start_month BETWEEN 1 AND 12),
  currency      text NOT NULL DEFAULT 'USD',
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE entities (
  org_id    bigint NOT NULL REFERENCES organisations ON DELETE CASCADE,
  entity_id bigint GENERATED ALWAYS AS IDENTITY,
  name      text NOT NULL,
  country   text,
  PRIMARY KEY (org_id, entity_id),
  UNIQUE (org_id, name)
);

-- Ownership and control of an entity from valid_from until the next row's valid_from.
CREATE TABLE entity_periods (
  org_id              bigint NOT NULL,
  entity_id           bigint NOT NULL,
  valid_from          date NOT NULL,
  ownership_pct       numeric(7, 4) NOT NULL CHECK (ownership_pct BETWEEN 0 AND 100),
  financial_control   boolean NOT NULL,
  operational_control boolean NOT NULL,
  PRIMARY KEY (org_id, entity_id, valid_from),
  FOREIGN KEY (org_id, entity_id) REFERENCES entities ON DELETE CASCADE
);

CREATE TABLE sites (
  org_id    bigint NOT NULL,
  site_id   bigint GENERATED ALWAYS AS IDENTITY,
  name      text NOT NULL,
  entity_id bigint NOT NULL,
  country   text NOT NULL,
  -- Grid sub-region for location-based factors (e.g. US-RFCE, CN-YN); the country when there is none.
  grid_region text NOT NULL,
  -- Electricity market for market-based Scope 2 (country or sub-region).
  market    text NOT NULL,
  PRIMARY KEY (org_id, site_id),
  UNIQUE (org_id, name),
  FOREIGN KEY (org_id, entity_id) REFERENCES entities
);

CREATE TABLE business_units (
  org_id  bigint NOT NULL REFERENCES organisations ON DELETE CASCADE,
  unit_id bigint GENERATED ALWAYS AS IDENTITY,
  name    text NOT NULL,
  PRIMARY KEY (org_id, unit_id),
  UNIQUE (org_id, name)
);

-- Organisation metrics (revenue, employees…) per month or reporting period, for intensities.
CREATE TABLE org_metrics (
  org_id       bigint NOT NULL REFERENCES organisations ON DELETE CASCADE,
  metric       text NOT NULL,
  period_start date NOT NULL,
  period_end   date NOT NULL,
  value        double precision NOT NULL,
  unit         text NOT NULL,
  PRIMARY KEY (org_id, metric, period_start),
  CHECK (period_end > period_start)
);

-- Saved column mappings per source (utility bills, fuel cards…); built-in ones live in code.
CREATE TABLE column_mappings (
  org_id     bigint NOT NULL REFERENCES organisations ON DELETE CASCADE,
  name       text NOT NULL,
  definition jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, name)
);

CREATE TABLE import_batches (
  org_id       bigint NOT NULL REFERENCES organisations ON DELETE CASCADE,
  batch_id     bigint GENERATED ALWAYS AS IDENTITY,
  file_name    text NOT NULL,
  content_hash text NOT NULL,
  mapping      text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('activities', 'instruments', 'metrics')),
  rows_total   integer NOT NULL,
  rows_imported integer NOT NULL,
  rows_quarantined integer NOT NULL,
  imported_by  text NOT NULL,
  imported_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, batch_id),
  UNIQUE (org_id, content_hash)
);

-- One activity row as imported, with its provenance (batch → file, hash; row number).
CREATE TABLE activity_records (
  org_id      bigint NOT NULL,
  record_id   bigint GENERATED ALWAYS AS IDENTITY,
  batch_id    bigint NOT NULL,
  row_number  integer NOT NULL,
  source_id   text,
  site_id     bigint NOT NULL,
  unit_id     bigint,
  period_start date NOT NULL,
  period_end  date NOT NULL,
  scope       smallint NOT NULL CHECK (scope IN (1, 2, 3)),
  category    smallint CHECK (category BETWEEN 1 AND 15),
  method      text,
  quantity    double precision NOT NULL,
  unit        text NOT NULL,
  price_year  smallint,
  factor_id   text,
  activity    text,
  carrier     text,
  supplier    text,
  PRIMARY KEY (org_id, record_id),
  FOREIGN KEY (org_id, batch_id) REFERENCES import_batches ON DELETE CASCADE
);
CREATE INDEX activity_records_batch ON activity_records (org_id, batch_id);

-- Rows a --quarantine import kept apart, with their errors.
CREATE TABLE quarantined_rows (
  org_id     bigint NOT NULL,
  batch_id   bigint NOT NULL,
  row_number integer NOT NULL,
  raw        jsonb NOT NULL,
  errors     jsonb NOT NULL,
  PRIMARY KEY (org_id, batch_id, row_number),
  FOREIGN KEY (org_id, batch_id) REFERENCES import_batches ON DELETE CASCADE
);

-- Contractual instruments for market-based Scope 2.
CREATE TABLE instruments (
  org_id      bigint NOT NULL,
  instrument_id text NOT NULL,
  batch_id    bigint NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('certificate', 'ppa', 'supplier_rate')),
  market      text NOT NULL,
  mwh         double precision,
  kg_co2e_per_mwh double precision NOT NULL,
  vintage     smallint NOT NULL,
  supplier    text,
  serial      text,
  retired     boolean,
  PRIMARY KEY (org_id, instrument_id),
  FOREIGN KEY (org_id, batch_id) REFERENCES import_batches ON DELETE CASCADE
);

-- A calculation run. Results are never overwritten: a change of data or factors makes a new version.
CREATE TABLE calc_versions (
  org_id        bigint NOT NULL REFERENCES organisations ON DELETE CASCADE,
  version_id    bigint GENERATED ALWAYS AS IDENTITY,
  created_at    timestamptz NOT NULL DEFAULT now(),
  reason        text NOT NULL,
  gwp           text NOT NULL,
  -- Fingerprint of the factor library and of the inputs (batches) the version was computed from.
  library_hash  text NOT NULL,
  inputs_hash   text NOT NULL,
  consolidation text NOT NULL,
  records       integer NOT NULL,
  PRIMARY KEY (org_id, version_id)
);

CREATE TABLE results (
  org_id        bigint NOT NULL,
  version_id    bigint NOT NULL,
  record_id     bigint NOT NULL,
  co2e_kg       double precision NOT NULL,
  market_co2e_kg double precision,
  biogenic_co2_kg double precision NOT NULL,
  factor_id     text NOT NULL,
  method        text,
  -- Scope 2 only: the market-based parts (instrument / residual mix / grid average), for explain.
  market_parts  jsonb,
  PRIMARY KEY (org_id, version_id, record_id),
  FOREIGN KEY (org_id, version_id) REFERENCES calc_versions ON DELETE CASCADE
);

-- Per-version monthly rollup: what reports read. Gross (before consolidation share).
CREATE TABLE result_rollups (
  org_id     bigint NOT NULL,
  version_id bigint NOT NULL,
  month      date NOT NULL,
  entity_id  bigint NOT NULL,
  site_id    bigint NOT NULL,
  unit_id    bigint NOT NULL DEFAULT 0,
  scope      smallint NOT NULL,
  category   smallint NOT NULL DEFAULT 0,
  method     text NOT NULL DEFAULT '',
  co2e_kg    double precision NOT NULL,
  market_co2e_kg double precision NOT NULL,
  biogenic_co2_kg double precision NOT NULL,
  -- Location-based CO2e by gas group; CO2e from factors published only as CO2e is the remainder.
  co2_kg     double precision NOT NULL,
  ch4_co2e_kg double precision NOT NULL,
  n2o_co2e_kg double precision NOT NULL,
  hfcs_co2e_kg double precision NOT NULL,
  pfcs_co2e_kg double precision NOT NULL,
  sf6_co2e_kg double precision NOT NULL,
  nf3_co2e_kg double precision NOT NULL,
  lines      integer NOT NULL,
  PRIMARY KEY (org_id, version_id, month, entity_id, site_id, unit_id, scope, category, method),
  FOREIGN KEY (org_id, version_id) REFERENCES calc_versions ON DELETE CASCADE
);

-- Append-only, hash-chained audit log.
CREATE TABLE audit_log (
  org_id    bigint NOT NULL,
  seq       bigint NOT NULL,
  at        timestamptz NOT NULL DEFAULT now(),
  actor     text NOT NULL,
  action    text NOT NULL,
  detail    jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash      text NOT NULL,
  PRIMARY KEY (org_id, seq)
);
