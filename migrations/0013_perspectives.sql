-- "Mit overblik" and the parent portal (issue 7 items 3 and 5).
--
-- A guardian's perspective before a meeting ("mit perspektiv"): free text about the child,
-- so sealed with the field cipher (text_encrypted). One per guardian and meeting: writing
-- again replaces it (updated_at moves). Shown to the meeting's participants.
CREATE TABLE meeting_perspectives (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  author_id TEXT NOT NULL REFERENCES users(id),
  text_encrypted TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX meeting_perspectives_author ON meeting_perspectives (tenant, meeting_id, author_id);

-- "Mine sager" on the overview: open cases assigned to me, newest change first, keyset
-- (updated_at, id). Participants' cases come through case_participants_user (0005).
CREATE INDEX cases_tenant_assigned_updated ON cases (tenant, assigned_to, updated_at, id);
