-- Case list filters and full-text search (issue 7 item 4), PostgreSQL variant.
-- Only the case title is searched: it is the short label the registering professional is
-- told to keep free of CPR numbers and sensitive details (the form refuses a CPR number in
-- it); notes (tried_encrypted) and CPR numbers are sealed and never indexed.
-- An expression GIN index on the Danish text-search configuration (stemming: "samarbejdet"
-- finds "samarbejde"); queries must use the same expression to_tsvector('danish', title).
CREATE INDEX cases_title_fts ON cases USING GIN (to_tsvector('danish', title));

-- The filters' indexes (unit: cases_tenant_unit, assignee: cases_tenant_assigned exist).
CREATE INDEX cases_tenant_state ON cases (tenant, state, id);
CREATE INDEX meetings_tenant_type_case ON meetings (tenant, type_id, case_id);
