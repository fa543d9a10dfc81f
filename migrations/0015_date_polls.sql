-- R4.4 "parents are asked for the date first" and files attached to a meeting's agenda
-- (issue 6 items 1 and 4). A meeting whose type says `parents_choose_date` is convened as
-- "proposed" (meetings.status): nobody is invited yet, the parents get 2–4 proposed times
-- and one custody holder picks one (or the convener picks on their behalf with a reason);
-- only then do the invitations go out and the acceptance deadline start.

-- The proposed times of a proposed meeting, in the order offered (position 0-based).
-- chosen_at/chosen_by: the one picked (at most one row per meeting has it). chosen_for_parents 1:
-- the convener picked on the parents' behalf; the reason is then sealed in reason_encrypted.
CREATE TABLE meeting_date_proposals (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  position INTEGER NOT NULL,
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  chosen_at BIGINT,
  chosen_by TEXT REFERENCES users(id),
  chosen_for_parents INTEGER NOT NULL DEFAULT 0,
  reason_encrypted TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX meeting_date_proposals_meeting ON meeting_date_proposals (tenant, meeting_id, position);

-- The signed link mailed to each custody holder of a proposed meeting: only the SHA-256 of
-- the random token is stored; used_at is set when a time is picked through it (or the
-- choice is made otherwise: every link of the meeting is closed then).
CREATE TABLE meeting_date_links (
  token_hash TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  participant_id TEXT NOT NULL REFERENCES meeting_participants(id),
  created_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX meeting_date_links_meeting ON meeting_date_links (tenant, meeting_id);

-- Files uploaded to a meeting's agenda (PDF/PNG/JPEG/DOCX by magic bytes), sealed at rest
-- like the request form's attachments but kept apart from them (those belong to the form
-- and are shown to the parents with it). meeting_documents.attachment_id names the row
-- here for documents of kind 'file'.
CREATE TABLE meeting_files (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  name_encrypted TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content_encrypted TEXT NOT NULL,
  uploaded_by TEXT NOT NULL REFERENCES users(id),
  uploaded_at BIGINT NOT NULL
);
CREATE INDEX meeting_files_meeting ON meeting_files (tenant, meeting_id, uploaded_at, id);
