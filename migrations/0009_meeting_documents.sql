-- Meeting documents (issue 6 items 4 and 7): the agenda, the brief (mødeoplæg, F6), attached
-- documents, the obligations a meeting's type sets (X3) with their owner and reminder state,
-- and the follow-up evaluations (R9). The meetings themselves are in 0006.
-- Free text that may describe the child is sealed (crypto::FieldCipher, "*_encrypted").

-- One agenda per meeting, made from the meeting type's agenda template (kind initial R7,
-- follow_up R8, or a municipality's own) when the meeting is convened. speaking_order is a
-- JSON array of participant groups (R5), e.g. ["parents","child","local_professionals"].
-- rules: JSON array of the rule ids the template carries. Sending the agenda sets
-- meetings.agenda_sent_at (a deadlines fact) and sent_by here.
CREATE TABLE meeting_agendas (
  meeting_id TEXT PRIMARY KEY REFERENCES meetings(id),
  tenant TEXT NOT NULL REFERENCES tenants(id),
  kind TEXT NOT NULL,
  speaking_order TEXT NOT NULL DEFAULT '[]',
  rules TEXT NOT NULL DEFAULT '[]',
  sent_by TEXT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- The items of an agenda, ordered by position (0-based, dense). title is a short label;
-- description the model's explanation of a template item (not personal); description_encrypted
-- the sealed explanation written by a person (may be ""; shown instead of description). speaking_order: JSON array (R5),
-- copied from the template for every item. source: template, evaluation (the follow-up
-- opens with the R9 evaluations), or user (added by the agenda owner; added_by set).
CREATE TABLE meeting_agenda_items (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  description_encrypted TEXT NOT NULL DEFAULT '',
  speaking_order TEXT NOT NULL DEFAULT '[]',
  rules TEXT NOT NULL DEFAULT '[]',
  source TEXT NOT NULL DEFAULT 'template',
  added_by TEXT REFERENCES users(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX meeting_agenda_items_meeting ON meeting_agenda_items (tenant, meeting_id, position, id);

-- The brief (mødeoplæg, F6): one per meeting, sealed text, owned by the agenda owner.
-- sent_at: when it went to the participants (with the agenda).
CREATE TABLE meeting_briefs (
  meeting_id TEXT PRIMARY KEY REFERENCES meetings(id),
  tenant TEXT NOT NULL REFERENCES tenants(id),
  owner_id TEXT REFERENCES users(id),
  body_encrypted TEXT NOT NULL DEFAULT '',
  updated_by TEXT REFERENCES users(id),
  sent_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- Documents attached to a meeting (request form, attachments, PPV ...). attachment_id points
-- at the attachment store's row (no foreign key: that table belongs to another migration);
-- label is a short non-sensitive name. removed_at: detached (rows are kept for the log).
CREATE TABLE meeting_documents (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  kind TEXT NOT NULL,
  attachment_id TEXT NOT NULL DEFAULT '',
  label TEXT NOT NULL,
  added_by TEXT REFERENCES users(id),
  added_at BIGINT NOT NULL,
  removed_at BIGINT
);
CREATE INDEX meeting_documents_meeting ON meeting_documents (tenant, meeting_id, added_at, id);

-- Obligations (X3): one row per deadline rule of the meeting's type (obligation_id = the
-- model's DeadlineRule id) and, for per-invitee rules, per participant (participant_id, else
-- ''). owner_role is the model's role; owner_id the user holding it (NULL when nobody does
-- yet). due_at NULL: the anchor fact is not known yet. closed_day 1: due on a weekend,
-- holiday or closing day (kept and flagged). Recomputed when the meeting's facts change.
-- done_at: fulfilled; reminded_at: reminder mailed; missed_at: due passed without done_at
-- and reported to the convener. unit_id/case_id: the case's unit, for the leader's
-- compliance overview ("met/missed per unit").
CREATE TABLE obligations (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  case_id TEXT NOT NULL REFERENCES cases(id),
  unit_id TEXT REFERENCES units(id),
  obligation_id TEXT NOT NULL,
  participant_id TEXT NOT NULL DEFAULT '',
  rule TEXT NOT NULL DEFAULT '',
  anchor TEXT NOT NULL,
  owner_role TEXT NOT NULL,
  owner_id TEXT REFERENCES users(id),
  due_at BIGINT,
  closed_day INTEGER NOT NULL DEFAULT 0,
  done_at BIGINT,
  reminded_at BIGINT,
  missed_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX obligations_meeting_rule ON obligations (meeting_id, obligation_id, participant_id);
CREATE INDEX obligations_owner ON obligations (tenant, owner_id, done_at, due_at, id);
CREATE INDEX obligations_unit ON obligations (tenant, unit_id, due_at, id);
CREATE INDEX obligations_due ON obligations (due_at, done_at, missed_at);

-- Follow-up evaluations (R9): before a follow-up meeting each local professional answers the
-- evaluation questions of the model per action of the previous agreement (subject_kind
-- action, subject_id the action id) or, until agreements exist, per agenda item of the
-- previous meeting (subject_kind agenda_item). question_index: 0-based index into the
-- DocumentUse questions; question keeps the text asked. The answer is sealed.
CREATE TABLE evaluations (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  previous_meeting_id TEXT REFERENCES meetings(id),
  subject_kind TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  subject_label TEXT NOT NULL DEFAULT '',
  question_index INTEGER NOT NULL,
  question TEXT NOT NULL,
  answer_encrypted TEXT NOT NULL,
  answered_by TEXT NOT NULL REFERENCES users(id),
  answered_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX evaluations_answer ON evaluations (meeting_id, subject_kind, subject_id, question_index, answered_by);
CREATE INDEX evaluations_meeting ON evaluations (tenant, meeting_id, subject_kind, subject_id, question_index);
