-- A municipality's settings (issue 5 item 8): which collaboration model new cases are opened
-- under (a model id of the installation's registry; running cases keep cases.model_id) and
-- how many days a closed case is kept before retention deletes it. No row = the defaults
-- (the registry's default model, 5 years). Whose consent counts is the model's setting
-- (consent.required_from in the model YAML), not the municipality's.
CREATE TABLE tenant_settings (
  tenant TEXT PRIMARY KEY REFERENCES tenants(id),
  case_model_id TEXT NOT NULL,
  retention_days INTEGER NOT NULL,
  updated_by TEXT REFERENCES users(id),
  updated_at BIGINT NOT NULL
);
