-- Meetings (issue 6) and tasks (issues 5-7): the shared contract several parts build on.
-- A meeting belongs to one case and is of a meeting type of the case's model
-- (cases.model_id). Documents of a meeting (brief, agenda, agreement, evaluations) live in
-- their own tables (a later migration); this file holds what convening, invitations,
-- calendars, "Mit overblik" and the parent portal read.

-- status: draft (being convened, nobody invited yet), invited, held (the meeting took place,
-- agreement being written), finalised (agreement confirmed and sent), cancelled.
-- starts_at/ends_at are UTC ms; "" location means none given. ical_uid is stable for the
-- meeting's life; ical_sequence is raised on every change sent to participants (RFC 5546).
-- course: same or new_course (R10). follow_up_of: the meeting this one follows up (R8, R10).
-- without_parents: a professionals-only meeting (FP2); parents_informed_at records FP6/R11.
-- The timestamps are the facts the deadlines engine anchors obligations to (X3).
CREATE TABLE meetings (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  case_id TEXT NOT NULL REFERENCES cases(id),
  model_id TEXT NOT NULL,
  type_id TEXT NOT NULL,
  status TEXT NOT NULL,
  course TEXT NOT NULL,
  follow_up_of TEXT REFERENCES meetings(id),
  without_parents INTEGER NOT NULL DEFAULT 0,
  starts_at BIGINT,
  ends_at BIGINT,
  location TEXT NOT NULL DEFAULT '',
  ical_uid TEXT NOT NULL,
  ical_sequence INTEGER NOT NULL DEFAULT 0,
  convened_by TEXT NOT NULL REFERENCES users(id),
  convened_at BIGINT NOT NULL,
  invitation_sent_at BIGINT,
  acceptance_due_at BIGINT,
  agenda_sent_at BIGINT,
  held_at BIGINT,
  finalised_at BIGINT,
  agreement_sent_at BIGINT,
  parents_informed_at BIGINT,
  cancelled_at BIGINT,
  cancel_reason TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX meetings_tenant_case ON meetings (tenant, case_id, starts_at, id);
CREATE INDEX meetings_tenant_starts ON meetings (tenant, starts_at, id);
CREATE UNIQUE INDEX meetings_ical_uid ON meetings (ical_uid);

-- Who is invited. kind: professional (user_id set), guardian (user_id set), child, network
-- (an outside person: name and e-mail given, no account). role_in_case names the profession
-- or relation the model's participant rules refer to (teacher, psychologist, parents, child,
-- network ...). response: pending, accepted, declined. response_token_hash: SHA-256 of the
-- signed accept/decline link token sent to this participant (NULL once used or revoked).
CREATE TABLE meeting_participants (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  kind TEXT NOT NULL,
  user_id TEXT REFERENCES users(id),
  role_in_case TEXT NOT NULL,
  display_name TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  response TEXT NOT NULL DEFAULT 'pending',
  responded_at BIGINT,
  response_token_hash TEXT,
  added_at BIGINT NOT NULL
);
CREATE INDEX meeting_participants_meeting ON meeting_participants (tenant, meeting_id, added_at, id);
CREATE INDEX meeting_participants_user ON meeting_participants (tenant, user_id, meeting_id);
CREATE UNIQUE INDEX meeting_participants_token ON meeting_participants (response_token_hash);

-- Meeting roles (chair, convener, agenda_owner, minute_taker, contact_person ...; the model's
-- RoleAssignment.role ids). delegated_from: who held it before a delegation (R4.5).
CREATE TABLE meeting_roles (
  tenant TEXT NOT NULL REFERENCES tenants(id),
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  role TEXT NOT NULL,
  participant_id TEXT NOT NULL REFERENCES meeting_participants(id),
  delegated_from TEXT REFERENCES meeting_participants(id),
  assigned_at BIGINT NOT NULL,
  PRIMARY KEY (meeting_id, role)
);

-- A task for one user: contact the institution after a triage decision (P1), an agreement
-- action (F8), an obligation to fulfil. kind names the source (triage_contact,
-- agreement_action, ...); source_id the decision/action/obligation it came from. The text
-- may describe the child, so it is sealed (title_encrypted); label is a short
-- non-sensitive text for lists ("Kontakt institutionen", "Handling fra aftale").
-- status: open, done, cancelled.
CREATE TABLE tasks (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  owner_id TEXT NOT NULL REFERENCES users(id),
  case_id TEXT REFERENCES cases(id),
  meeting_id TEXT REFERENCES meetings(id),
  kind TEXT NOT NULL,
  source_id TEXT NOT NULL DEFAULT '',
  label TEXT NOT NULL,
  title_encrypted TEXT NOT NULL DEFAULT '',
  due_at BIGINT,
  status TEXT NOT NULL DEFAULT 'open',
  done_at BIGINT,
  created_by TEXT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX tasks_owner_open ON tasks (tenant, owner_id, status, due_at, id);
CREATE INDEX tasks_case ON tasks (tenant, case_id, created_at, id);
CREATE INDEX tasks_source ON tasks (tenant, kind, source_id);

-- A user's personal iCalendar feed of their meetings: the URL carries a random token; only
-- its SHA-256 is stored; revoking sets revoked_at (a new feed gets a new token).
CREATE TABLE calendar_feeds (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE INDEX calendar_feeds_user ON calendar_feeds (tenant, user_id);
