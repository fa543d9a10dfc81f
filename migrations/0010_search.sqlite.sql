-- Case list filters and full-text search (issue 7 item 4), SQLite variant.
-- Only the case title is searched: it is the short label the registering professional is
-- told to keep free of CPR numbers and sensitive details (the form refuses a CPR number in
-- it); notes (tried_encrypted) and CPR numbers are sealed and never indexed.
-- cases_fts is an external-content FTS5 table over cases.title (no second copy of the text),
-- kept in sync by the triggers below; rowid is the cases table's implicit rowid.
-- unicode61 folds case for æ/ø/å; remove_diacritics 0 keeps "å" distinct from "a".
CREATE VIRTUAL TABLE cases_fts USING fts5(title, content='cases', content_rowid='rowid',
  tokenize='unicode61 remove_diacritics 0');

CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
  INSERT INTO cases_fts (rowid, title) VALUES (new.rowid, new.title);
END;

CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
  INSERT INTO cases_fts (cases_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
END;

CREATE TRIGGER cases_fts_update AFTER UPDATE OF title ON cases BEGIN
  INSERT INTO cases_fts (cases_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
  INSERT INTO cases_fts (rowid, title) VALUES (new.rowid, new.title);
END;

-- Cases that existed before this migration.
INSERT INTO cases_fts (cases_fts) VALUES ('rebuild');

-- The filters' indexes (unit: cases_tenant_unit, assignee: cases_tenant_assigned exist).
CREATE INDEX cases_tenant_state ON cases (tenant, state, id);
CREATE INDEX meetings_tenant_type_case ON meetings (tenant, type_id, case_id);
