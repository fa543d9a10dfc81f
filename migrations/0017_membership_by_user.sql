-- Every signed-in request loads the user's unit memberships (the actor: which units they
-- belong to and lead). The only index beginning with the tenant was (tenant, unit_id), so
-- SQLite's planner walked every membership of the municipality for each request (found by
-- profiling "Mit overblik", bench/RESULTS.md, session 6). Covering: the lookup reads no row.
CREATE INDEX unit_memberships_user ON unit_memberships (tenant, user_id, unit_id, is_leader);
