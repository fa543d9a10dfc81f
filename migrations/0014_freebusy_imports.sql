-- A user's imported free/busy calendar (issue 6 item 2): the iCalendar URL (e.g. Outlook's or
-- Google's "publish free/busy" address) is a secret capability, so it is stored sealed with
-- the field key (url_sealed); url_host is kept apart to show "host/…" back. The last fetched
-- busy intervals are cached (busy: "start-end;start-end…" in UTC ms, within [busy_from,
-- busy_to)) with the outcome of the last attempt, so convening reads the cache and fetches
-- only when it is older than the refresh age; a failed fetch keeps the last good intervals.
CREATE TABLE freebusy_imports (
  tenant TEXT NOT NULL REFERENCES tenants(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  url_sealed TEXT NOT NULL,
  url_host TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  status TEXT NOT NULL DEFAULT 'never',  -- never, ok, failed
  error TEXT NOT NULL DEFAULT '',        -- why the last attempt failed; never the URL
  attempted_at BIGINT,                   -- the last fetch attempt
  fetched_at BIGINT,                     -- the last successful fetch (busy is from then)
  busy TEXT NOT NULL DEFAULT '',
  busy_from BIGINT,
  busy_to BIGINT,
  PRIMARY KEY (tenant, user_id)
);
CREATE INDEX freebusy_imports_attempted ON freebusy_imports (attempted_at);
