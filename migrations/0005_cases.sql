-- Cases (issue 5): a concern about a child followed through the municipality's model, the
-- people taking part, consents per guardian, the case timeline and idempotency keys for
-- double submits. Children and guardianships come from 0003; the CPR number stays in
-- children.cpr_encrypted (secretbox) with children.cpr_hash (keyed hash) for lookup.
-- (Numbered 0005: 0004 was taken by the people/organisation indexes.)

-- When the child's data last changed (unit move, CPR added), for lists and sync.
ALTER TABLE children ADD COLUMN updated_at BIGINT;

-- One course (forløb) about one child. state is a state id of the model (model_id); title is
-- a short non-sensitive label for lists and search (no CPR, no diagnosis). unit_id is the
-- child's unit when the case was registered (the child may move; access follows the child's
-- current unit). ppr_unit_id/ppr_requested_at put the case in a PPR district's queue once
-- the request has been sent there. tried_encrypted: what the institution tried (F3), sealed.
CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  child_id TEXT NOT NULL REFERENCES children(id),
  model_id TEXT NOT NULL,
  state TEXT NOT NULL,
  title TEXT NOT NULL,
  unit_id TEXT REFERENCES units(id),
  created_by TEXT NOT NULL REFERENCES users(id),
  assigned_to TEXT REFERENCES users(id),
  ppr_unit_id TEXT REFERENCES units(id),
  ppr_requested_at BIGINT,
  tried_encrypted TEXT,
  tried_recorded_at BIGINT,
  opened_at BIGINT NOT NULL,
  closed_at BIGINT,
  close_reason TEXT,
  retention_until BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX cases_tenant_child ON cases (tenant, child_id);
CREATE INDEX cases_tenant_unit ON cases (tenant, unit_id, id);
CREATE INDEX cases_tenant_assigned ON cases (tenant, assigned_to, id);
CREATE INDEX cases_tenant_ppr_queue ON cases (tenant, ppr_unit_id, ppr_requested_at);
CREATE INDEX cases_tenant_retention ON cases (tenant, retention_until);

-- The professionals taking part in a case and their role in it (chair, participant, …).
CREATE TABLE case_participants (
  case_id TEXT NOT NULL REFERENCES cases(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  tenant TEXT NOT NULL REFERENCES tenants(id),
  role TEXT NOT NULL,
  added_at BIGINT NOT NULL,
  PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_participants_user ON case_participants (tenant, user_id, case_id);

-- Consent per guardian (X1): scope is a consent scope id of the model; parties names who
-- may share and meet; source is portal or paper (then scan_attachment_id may point at the
-- scan). Withdrawal sets withdrawn_at and is not retroactive; rows are never deleted.
CREATE TABLE consents (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  child_id TEXT NOT NULL REFERENCES children(id),
  guardian_id TEXT NOT NULL REFERENCES users(id),
  scope TEXT NOT NULL,
  purpose TEXT NOT NULL,
  parties TEXT NOT NULL,
  given_at BIGINT NOT NULL,
  source TEXT NOT NULL,
  scan_attachment_id TEXT,
  expires_at BIGINT,
  withdrawn_at BIGINT,
  recorded_by TEXT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX consents_tenant_child ON consents (tenant, child_id, given_at, id);
CREATE INDEX consents_tenant_guardian ON consents (tenant, guardian_id, given_at, id);

-- The case timeline: who did what when. detail is JSON without CPR numbers or free text
-- about the child (those live encrypted where they belong).
CREATE TABLE case_events (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  case_id TEXT NOT NULL REFERENCES cases(id),
  at BIGINT NOT NULL,
  actor_id TEXT,
  kind TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX case_events_case ON case_events (tenant, case_id, at, id);

-- A form or API call sent twice with the same key creates one record: the first result's
-- id is kept per user and key.
CREATE TABLE idempotency_keys (
  tenant TEXT NOT NULL REFERENCES tenants(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  idem_key TEXT NOT NULL,
  result_id TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (tenant, user_id, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
