-- Request forms (anmodningsskema / SOS-skema, issue 5 item 3; SPEC F2, F3, R4, R4.3, R10, X2).
-- A case has request forms in versions 1, 2, …: a draft is edited in steps and then marked
-- completed together with the parents (R4.3); a completed version is frozen and a new one
-- may be started after a meeting (R10). Only completed versions count as "a request form"
-- for the engine (domain::RequestFormStatus).
--
-- answers_encrypted: crypto::FieldCipher-sealed JSON object {field id: text} (the concern,
-- what was tried, the child's resources and perspective, the parents' perspective, wished
-- invitees …): it describes the child, so it is encrypted at rest. The columns beside it
-- hold only what lists and rules need and say nothing about the child:
--   wished_meeting_type: a meeting type id of the case's model ("" = none chosen);
--   child_perspective: obtained / not_obtained / "" (X2; the reason lives in the answers);
--   completed_with_parents 0/1, parents_present: JSON array of guardian user ids present,
--   completed_by/completed_at: who marked it completed with the parents and when (R4.3).
CREATE TABLE request_forms (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  case_id TEXT NOT NULL REFERENCES cases(id),
  version INTEGER NOT NULL,
  status TEXT NOT NULL,
  answers_encrypted TEXT NOT NULL,
  wished_meeting_type TEXT NOT NULL DEFAULT '',
  child_perspective TEXT NOT NULL DEFAULT '',
  completed_with_parents INTEGER NOT NULL DEFAULT 0,
  parents_present TEXT NOT NULL DEFAULT '[]',
  completed_by TEXT REFERENCES users(id),
  completed_at BIGINT,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users(id),
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX request_forms_case_version ON request_forms (tenant, case_id, version);

-- Attachments to a case's request form (bilag). Stored sealed IN the database, not as files:
-- the bytes then share the transaction, the backup, the tenant filter and the encryption at
-- rest of everything else about the child, and nothing sits under a web root. The size limit
-- (10 MB by default) keeps this affordable. content_encrypted is FieldCipher-sealed base64 of
-- the bytes; name_encrypted the sealed original file name (names often name the child);
-- sha256 (hex) of the plain bytes; content_type is decided from the magic bytes.
-- form_id: the form version it was added to.
CREATE TABLE request_form_attachments (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  case_id TEXT NOT NULL REFERENCES cases(id),
  form_id TEXT REFERENCES request_forms(id),
  name_encrypted TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content_encrypted TEXT NOT NULL,
  uploaded_by TEXT NOT NULL REFERENCES users(id),
  uploaded_at BIGINT NOT NULL
);
CREATE INDEX request_form_attachments_case ON request_form_attachments (tenant, case_id, uploaded_at, id);
