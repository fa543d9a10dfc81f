-- People and organisation: indexes for the administrators' lists, which page by keyset on
-- (name, id) within one municipality (and within one role for the guardians' list).
CREATE INDEX units_tenant_name ON units (tenant, name, id);
CREATE INDEX users_tenant_name ON users (tenant, display_name, id);
CREATE INDEX users_tenant_role_name ON users (tenant, role, display_name, id);
CREATE INDEX api_tokens_tenant_created ON api_tokens (tenant, created_at, id);
