-- Scans of consents given on paper (issue 5 item 4, X1). A member of staff uploads the
-- signed paper from the case page; the consents recorded from it point at the scan through
-- consents.scan_attachment_id. Kept apart from the request form's attachments so a scan
-- never shows up among the form's files (nor for the guardians through the form).
-- The bytes and the original file name are sealed with the field cipher, like every other
-- upload (see 0007 for why uploads live in the database and not on disk).
CREATE TABLE consent_scans (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  case_id TEXT NOT NULL REFERENCES cases(id),
  child_id TEXT NOT NULL REFERENCES children(id),
  name_encrypted TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content_encrypted TEXT NOT NULL,
  uploaded_by TEXT NOT NULL REFERENCES users(id),
  uploaded_at BIGINT NOT NULL
);
CREATE INDEX consent_scans_case ON consent_scans (tenant, case_id, uploaded_at, id);
