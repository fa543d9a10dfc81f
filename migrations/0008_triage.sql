-- Triage at the PPR district meeting (P1, issue 5 item 5): one row per decision the district
-- lead takes on a request in their district's queue. decision: assign (a PPR staff member
-- starts the case), more_info (the requester is asked to update the request form),
-- redirect_kv (the concern belongs at konsultativ vejledning, P2), decline (reason required).
-- requested_at is the request's cases.ppr_requested_at at decision time, so the waiting time
-- request -> decision (waited_ms) is kept even when the request is sent again later.
-- reason_encrypted: the sealed free text to the requester (it may describe the child).
-- task_id: the triage_contact task made for the assignee (assign only).
CREATE TABLE triage_decisions (
  id TEXT PRIMARY KEY,
  tenant TEXT NOT NULL REFERENCES tenants(id),
  case_id TEXT NOT NULL REFERENCES cases(id),
  ppr_unit_id TEXT NOT NULL REFERENCES units(id),
  decision TEXT NOT NULL,
  decided_by TEXT NOT NULL REFERENCES users(id),
  decided_at BIGINT NOT NULL,
  requested_at BIGINT NOT NULL,
  waited_ms BIGINT NOT NULL,
  assignee_id TEXT REFERENCES users(id),
  reason_encrypted TEXT NOT NULL DEFAULT '',
  task_id TEXT REFERENCES tasks(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX triage_decisions_case ON triage_decisions (tenant, case_id, decided_at, id);
CREATE INDEX triage_decisions_unit ON triage_decisions (tenant, ppr_unit_id, decided_at, id);
