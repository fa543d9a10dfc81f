-- Identity: organisation, people, log-in state, API tokens, the access log (audit).
-- Every row that concerns a person carries its municipality (tenant) and every query
-- filters by it. Flags are INTEGER 0/1 so the file runs unchanged on both engines.

-- Organisational units in a tree: daycare, school, PPR district team, Sundhedsplejen,
-- Myndighed/BFR, administration, … (kind is a code; the Danish label lives in locale/).
CREATE TABLE units (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  parent_id TEXT REFERENCES units(id),
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX units_tenant_parent ON units (tenant, parent_id);

-- Users (from 0001) gain what log-in and administration need. role is one of
-- administrator, unit_leader, professional, ppr_district_lead, guardian.
ALTER TABLE users ADD COLUMN phone TEXT;
ALTER TABLE users ADD COLUMN disabled_at BIGINT;
-- TOTP secret, encrypted with the field key (libsodium secretbox), base64; NULL = not set up.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_enabled_at BIGINT;
-- The last accepted TOTP time step, so one code is never accepted twice (RFC 6238 §5.2).
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;
-- Single sign-on: the value of the configured claim (e.g. sub or email) at the provider.
ALTER TABLE users ADD COLUMN oidc_subject TEXT;
ALTER TABLE users ADD COLUMN password_changed_at BIGINT;
CREATE INDEX users_tenant_role ON users (tenant, role);
CREATE INDEX users_oidc_subject ON users (tenant, oidc_subject);

-- A staff member's professions (codes from models/common/professions.yaml).
CREATE TABLE user_professions (
  tenant TEXT NOT NULL REFERENCES tenants(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  profession TEXT NOT NULL,
  PRIMARY KEY (user_id, profession)
);

-- Membership of a unit; is_leader marks the unit's leaders (who may see its children's cases).
CREATE TABLE unit_memberships (
  tenant TEXT NOT NULL REFERENCES tenants(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  unit_id TEXT NOT NULL REFERENCES units(id),
  is_leader INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, unit_id)
);
CREATE INDEX unit_memberships_unit ON unit_memberships (tenant, unit_id);

-- Children, minimal here (the cases migration extends them): a guardian's access and the
-- access-log extract are about a child. CPR is encrypted; cpr_hash is a keyed hash for lookup.
CREATE TABLE children (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  cpr_encrypted TEXT,
  cpr_hash TEXT,
  unit_id TEXT REFERENCES units(id),
  group_name TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX children_tenant_unit ON children (tenant, unit_id);
CREATE INDEX children_cpr_hash ON children (tenant, cpr_hash);

-- A guardian (a user with role guardian) of a child. relation: parent, foster_parent, other.
-- has_custody: forældremyndighed (consent rules may require one or both custody holders).
CREATE TABLE guardianships (
  tenant TEXT NOT NULL REFERENCES tenants(id),
  child_id TEXT NOT NULL REFERENCES children(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  relation TEXT NOT NULL,
  has_custody INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (child_id, user_id)
);
CREATE INDEX guardianships_user ON guardianships (tenant, user_id);

-- Server-side sessions, shared by every `samspil serve` process. The cookie holds a random
-- token; only its SHA-256 is stored, so a copy of this table yields no usable cookie.
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  auth_method TEXT NOT NULL,
  -- 1 while the password is accepted but the second factor is still due.
  pending_second_factor INTEGER NOT NULL DEFAULT 0,
  flash TEXT,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Failed log-ins per key ("account:<user id>" or "address:<keyed hash of the IP>").
CREATE TABLE login_throttle (
  throttle_key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_started_at BIGINT NOT NULL,
  locked_until BIGINT
);

-- Single-use password-reset tokens (only the hash is stored).
CREATE TABLE password_resets (
  token_hash TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX password_resets_user ON password_resets (user_id);

-- Bearer tokens for integrations (`samspil token create`); only the hash is stored.
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT,
  revoked_at BIGINT,
  last_used_at BIGINT
);
CREATE INDEX api_tokens_user ON api_tokens (tenant, user_id);

-- OpenID Connect log-ins in flight: state (hashed), nonce and PKCE verifier; single use.
CREATE TABLE oidc_logins (
  state_hash TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  nonce TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  return_to TEXT,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);

-- The access log: append-only, one hash chain per municipality. Each entry's hash covers
-- its fields and the previous entry's hash, so an edited or deleted entry breaks the chain
-- (`samspil audit verify`). audit_heads holds the chain's end; updating it in the same
-- transaction serialises appenders of one municipality.
CREATE TABLE audit_log (
  tenant TEXT NOT NULL REFERENCES tenants(id),
  seq BIGINT NOT NULL,
  at BIGINT NOT NULL,
  actor_id TEXT,
  actor_role TEXT NOT NULL,
  actor_unit TEXT,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT,
  child_id TEXT,
  purpose TEXT NOT NULL,
  criterion TEXT,
  request_id TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (tenant, seq)
);
CREATE INDEX audit_log_child ON audit_log (tenant, child_id, at);
CREATE INDEX audit_log_actor ON audit_log (tenant, actor_id, at);

CREATE TABLE audit_heads (
  tenant TEXT PRIMARY KEY REFERENCES tenants(id),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
