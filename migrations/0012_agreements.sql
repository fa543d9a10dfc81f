-- The agreement of a meeting (issue 6 items 5-6; SPEC F8, R5, R6, X2, F7, FP7, FP9, S7).
-- One agreement per meeting, created when the meeting is first run in meeting mode.
-- status: draft (being written live), read_back (the chair has read it aloud, R6),
-- final (confirmed: locked, rendered to PDF/A, sent, exported).
-- content_encrypted: sealed JSON with the sections (resources, challenges, goals,
-- signs_child, signs_adults, ppv_decision, child_perspective, child_perspective_missing,
-- next_meeting) — free text about the child, so never in clear.
-- version: raised on every change; writers send the version they edited (optimistic
-- concurrency) and the live stream numbers its events with it.
-- current_item: the agenda item the chair has reached in meeting mode (0-based).
-- pdf_encrypted: the sealed, base64 PDF/A of the final agreement; pdf_sha256 of the raw PDF.
CREATE TABLE agreements (
  meeting_id TEXT PRIMARY KEY REFERENCES meetings(id),
  tenant TEXT NOT NULL REFERENCES tenants(id),
  status TEXT NOT NULL DEFAULT 'draft',
  content_encrypted TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  current_item INTEGER NOT NULL DEFAULT 0,
  read_back_at BIGINT,
  read_back_by TEXT REFERENCES users(id),
  confirmed_at BIGINT,
  confirmed_by TEXT REFERENCES users(id),
  pdf_encrypted TEXT NOT NULL DEFAULT '',
  pdf_sha256 TEXT NOT NULL DEFAULT '',
  sent_at BIGINT,
  exported_at BIGINT,
  updated_by TEXT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX agreements_tenant_status ON agreements (tenant, status, meeting_id);

-- The actions agreed (F8: what, who, by when). text_encrypted is sealed; owner_id is the
-- professional who carries it out (a task of kind agreement_action, source_id = id, is
-- created for the owner when the agreement is confirmed); owner_name is free text for an
-- owner without an account (e.g. "Forældrene"). position orders the table.
CREATE TABLE agreement_actions (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  meeting_id TEXT NOT NULL REFERENCES agreements(meeting_id),
  position INTEGER NOT NULL,
  text_encrypted TEXT NOT NULL,
  owner_id TEXT REFERENCES users(id),
  owner_name TEXT NOT NULL DEFAULT '',
  due_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX agreement_actions_meeting ON agreement_actions (tenant, meeting_id, position, id);
