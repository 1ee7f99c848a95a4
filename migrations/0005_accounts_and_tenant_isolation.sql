-- Accounts, sessions, API tokens and organisation memberships (the HTTP API), and row-level
-- security on every tenant table as a second wall behind the API's role checks.
--
-- The API runs each organisation-scoped request in a transaction as the role
-- carbon_ledger_tenant with carbon_ledger.org_id set (src/db/tenant-database.ts). That role sees
-- and writes only rows whose org_id equals the setting. The owner of the tables (the CLI, the
-- migrations, sign-in) is not subject to the policies.

CREATE TABLE users (
  user_id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email         text NOT NULL UNIQUE CHECK (email = lower(email)),
  name          text NOT NULL,
  -- argon2id, PHC string format ($argon2id$v=19$m=…,t=…,p=…$salt$hash)
  password_hash text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  -- sha256 of the cookie's secret: a stolen database does not yield live sessions
  session_hash text PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
  token_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id      bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  name         text NOT NULL,
  -- NULL: a token for stateless calculation only
  org_id       bigint REFERENCES organisations ON DELETE CASCADE,
  scopes       text[] NOT NULL CHECK (scopes <@ ARRAY['read', 'import', 'calculate']::text[] AND cardinality(scopes) > 0),
  token_hash   text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE memberships (
  org_id         bigint NOT NULL REFERENCES organisations ON DELETE CASCADE,
  user_id        bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  role           text NOT NULL CHECK (role IN ('admin', 'approver', 'data_owner', 'contributor', 'auditor')),
  -- data_owner: the business units (by name) whose data the member may write
  business_units text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (org_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

-- Roles are global to a PostgreSQL cluster; several databases (and concurrent test runs) share it.
DO $$
BEGIN
  CREATE ROLE carbon_ledger_tenant NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
-- The connecting user must be able to SET ROLE to it (a superuser always can).
DO $$
BEGIN
  EXECUTE format('GRANT carbon_ledger_tenant TO %I', current_user);
EXCEPTION WHEN OTHERS THEN NULL; -- already a member, or a superuser
END $$;

-- Every tenant table: row-level security by carbon_ledger.org_id (an unset or empty setting matches
-- no row). The append-only tables (records, quarantined rows, instruments, results, rollups, audit
-- log) are granted only SELECT and INSERT: no organisation request can rewrite its history.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['organisations', 'entities', 'entity_periods', 'sites', 'business_units', 'org_metrics',
    'column_mappings', 'import_batches', 'activity_records', 'quarantined_rows', 'instruments', 'calc_versions',
    'results', 'result_rollups', 'audit_log']
  LOOP
    IF t IN ('activity_records', 'quarantined_rows', 'instruments', 'results', 'result_rollups', 'audit_log') THEN
      EXECUTE format('GRANT SELECT, INSERT ON %I TO carbon_ledger_tenant', t);
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO carbon_ledger_tenant', t);
    END IF;
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %I
      USING (org_id = nullif(current_setting('carbon_ledger.org_id', true), '')::bigint)
      WITH CHECK (org_id = nullif(current_setting('carbon_ledger.org_id', true), '')::bigint)$p$, t);
  END LOOP;
END $$;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO carbon_ledger_tenant;
