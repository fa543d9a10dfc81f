"""A small world for the authorisation matrix and the access-log tests: two municipalities
(A = "ta", B = "tb") each with one log-in per role, a unit, a staff user, a guardian with a
child and a case, and an API token, all made through the real CLI and API (only the two
municipality rows are inserted directly: there is no command for that)."""
import http.cookiejar
import json
import time
import re
import sqlite3
import subprocess
import urllib.error
import urllib.parse
import urllib.request

from harness import Failure, check, run

ROLES = ["administrator", "unit_leader", "professional", "ppr_district_lead", "guardian"]
PASSWORD = "Korrekt-hest-batteri-42"


def sql(database_url, statement, params=()):
    """Runs one statement on either engine (parameters as $1 … for PostgreSQL, ? for SQLite)."""
    if database_url.startswith("sqlite://"):
        path = database_url[len("sqlite://"):]
        with sqlite3.connect(path) as db:
            rows = db.execute(statement.replace("$1", "?").replace("$2", "?").replace("$3", "?"), params).fetchall()
            db.commit()
            return [list(r) for r in rows]
    literal = statement
    for i, p in reversed(list(enumerate(params, start=1))):
        value = "NULL" if p is None else (str(p) if isinstance(p, int) else "'" + str(p).replace("'", "''") + "'")
        literal = literal.replace(f"${i}", value)
    out = subprocess.run(["psql", database_url, "-v", "ON_ERROR_STOP=1", "-qAtF", "\t", "-c", literal],
                         capture_output=True, text=True)
    check(out.returncode == 0, f"psql failed: {out.stderr}")
    return [line.split("\t") for line in out.stdout.splitlines() if line]


class Client:
    """HTTP with a cookie jar (sessions, CSRF cookie) or a bearer token; never raises on 4xx/5xx
    and never follows redirects, so a 303 to /log-ind stays visible."""

    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self, server, token=None):
        self.server = server
        self.token = token
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), self._NoRedirect)
        self.csrf = ""

    def request(self, method, path, body=None, content_type=None, headers=None):
        all_headers = dict(headers or {})
        if self.token:
            all_headers["Authorization"] = "Bearer " + self.token
        data = None
        if body is not None:
            data = body.encode() if isinstance(body, str) else body
            all_headers["Content-Type"] = content_type or "application/json"
        elif method in ("POST", "PATCH", "PUT", "DELETE"):
            data = b""
        req = urllib.request.Request(self.server.url(path), data=data, method=method, headers=all_headers)
        try:
            with self.opener.open(req, timeout=20) as r:
                # An event stream stays open: its status and headers are the answer.
                if r.headers.get("Content-Type", "").startswith("text/event-stream"):
                    return r.status, dict(r.headers), ""
                return r.status, dict(r.headers), r.read().decode(errors="replace")
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read().decode(errors="replace")
        except (TimeoutError, OSError) as e:
            raise Failure(f"{method} {path}: no answer ({e})")

    def json(self, method, path, payload=None):
        status, headers, body = self.request(method, path, None if payload is None else json.dumps(payload))
        try:
            parsed = json.loads(body) if body else None
        except ValueError:
            parsed = None
        return status, parsed, headers

    def csrf_from(self, html):
        m = re.search(r'name="csrf_token" value="([^"]+)"', html)
        return m.group(1) if m else ""

    def sign_in(self, tenant, email, password=PASSWORD):
        """The log-in form: GET for the CSRF cookie and field, POST the form; returns the POST's status."""
        status, _, page = self.request("GET", "/log-ind")
        check(status == 200, f"GET /log-ind: {status}")
        token = self.csrf_from(page)
        form = urllib.parse.urlencode({"kommune": tenant, "email": email, "adgangskode": password,
                                       "csrf_token": token, "naeste": "/"})
        status, headers, _ = self.request("POST", "/log-ind", form, "application/x-www-form-urlencoded")
        return status, headers

    def refresh_csrf(self, path):
        """The session's CSRF token from a page that carries a form (the layout's log-out)."""
        _, _, page = self.request("GET", path)
        self.csrf = self.csrf_from(page)
        return self.csrf


def cli(*args, stdin=None):
    """Runs samspil; fails the test on a non-zero exit; returns stdout stripped."""
    import os
    import subprocess as sp
    from harness import SAMSPIL
    out = sp.run([SAMSPIL, *args], capture_output=True, text=True, input=stdin, timeout=120)
    check(out.returncode == 0, f"samspil {' '.join(args)}: exit {out.returncode}: {out.stderr}")
    return out.stdout.strip()


class World:
    """Ids and credentials of everything seeded, per municipality."""

    def __init__(self, database_url):
        self.url = database_url
        self.tenants = {"A": "ta", "B": "tb"}
        self.users = {}    # (side, role) -> {"id", "email", "token"}
        self.objects = {}  # (side, kind) -> id

    def seed(self, server):
        cli("migrate", "--database-url", self.url)
        for side, tenant in self.tenants.items():
            sql(self.url, "INSERT INTO tenants (id, name, created_at) VALUES ($1, $2, 1)",
                (tenant, f"Testkommune {side}"))
        for side, tenant in self.tenants.items():
            admin = self.add_user(side, "administrator", f"admin@{tenant}.dk", "Anna Administrator")
            admin_api = Client(server, admin["token"])
            status, unit, _ = admin_api.json("POST", "/api/v1/units",
                                             {"name": f"Børnehuset {side}", "kind": "daycare", "parent_id": ""})
            check(status == 201, f"unit create: {status} {unit}")
            self.objects[(side, "unit")] = unit["id"]
            status, district, _ = admin_api.json("POST", "/api/v1/units",
                                                 {"name": f"PPR {side}", "kind": "ppr", "parent_id": ""})
            unit_args = ["--unit", unit["id"]]
            self.add_user(side, "unit_leader", f"leder@{tenant}.dk", "Lene Leder", unit_args + ["--leader"])
            self.add_user(side, "professional", f"paedagog@{tenant}.dk", "Per Pædagog",
                          unit_args + ["--profession", "educator"])
            district_args = ["--unit", district["id"], "--leader"] if status == 201 else []
            self.add_user(side, "ppr_district_lead", f"ppr@{tenant}.dk", "Pia PPR", district_args)
            self.add_user(side, "guardian", f"forælder@{tenant}.dk", "Frida Forælder", token=False)
            target = self.add_user(side, "target", f"kollega@{tenant}.dk", "Kaj Kollega", unit_args, token=False,
                                   role="professional")
            self.objects[(side, "user")] = target["id"]
            self.objects[(side, "guardian")] = self.users[(side, "guardian")]["id"]
            # A child with its guardian and a case, as a professional registers it.
            pro = Client(server, self.users[(side, "professional")]["token"])
            status, made, _ = pro.json("POST", "/api/v1/cases", {
                "title": "Bekymring for trivsel",
                "child": {"first_name": f"Alma{side}", "last_name": "Testesen", "birth_date": "2021-03-04",
                          "unit_id": unit["id"],
                          "guardians": [{"user_id": self.users[(side, "guardian")]["id"], "relation": "parent",
                                         "has_custody": True}]}})
            check(status == 201, f"case create ({side}): {status} {made}")
            self.objects[(side, "case")] = made["id"]
            self.objects[(side, "child")] = made["child_id"]
            # A token that is not used for signing in, as an object (revoke routes).
            # (Its own token: revoking the professional's signing token would turn every later
            # cell of that caller into 401.)
            cli("token", "create", "--database-url", self.url, "--tenant", tenant, "--user",
                self.users[(side, "professional")]["email"], "--label", "authz-object")
            self.objects[(side, "token")] = sql(
                self.url, "SELECT id FROM api_tokens WHERE tenant = $1 AND label = 'authz-object'", (tenant,))[0][0]
            self.objects[(side, "consent")] = self.make_consent(side, pro)
            self.objects[(side, "meeting")] = self.make_meeting(side, pro)

    def make_meeting(self, side, pro):
        """A meeting on the case, convened through the API once the case has reached the model's
        state where meetings may be held (set directly: the road there is tested elsewhere)."""
        case_id = self.objects[(side, "case")]
        sql(self.url, "UPDATE cases SET state = 'distrikt' WHERE id = $1", (case_id,))
        status, options, _ = pro.json("GET", f"/api/v1/cases/{case_id}/meeting-options")
        check(status == 200, f"meeting options ({side}): {status} {options}")
        allowed = [o for o in options["items"] if o["allowed"]]
        check(allowed, f"no meeting type allowed ({side}): {options}")
        status, made, _ = pro.json("POST", f"/api/v1/cases/{case_id}/meetings",
                                   {"type": allowed[0]["type"], "starts_at": int(time.time() * 1000) + 40 * 86_400_000})
        check(status == 201, f"meeting convene ({side}): {status} {made}")
        return made["id"]

    def make_consent(self, side, pro):
        """A consent for the child if the model offers a scope, else an id that does not exist."""
        tenant = self.tenants[side]
        # Paper consent names the paper's scan, uploaded to the child's case first.
        status, _, text = pro.request("POST", f"/api/v1/cases/{self.objects[(side, 'case')]}/consent-scans",
                                      b"%PDF-1.4\n%%EOF\n", "application/pdf")
        scan_id = json.loads(text).get("id", "") if status == 201 else ""
        status, body, _ = pro.json("POST", "/api/v1/consents", {
            "child_id": self.objects[(side, "child")], "guardian_id": self.users[(side, "guardian")]["id"],
            "scope": "ppr_request_single_child", "purpose": "Samarbejde om barnets trivsel", "parties": "PPR og dagtilbud",
            "source": "paper", "scan_attachment_id": scan_id})
        if status == 201 and body and body.get("id"):
            return body["id"]
        rows = sql(self.url, "SELECT id FROM consents WHERE tenant = $1", (tenant,))
        return rows[0][0] if rows else f"ingen-samtykke-{side}"

    def add_user(self, side, key, email, name, extra=(), token=True, role=None):
        tenant = self.tenants[side]
        user_id = cli("user", "add", "--database-url", self.url, "--tenant", tenant, "--email", email,
                      "--name", name, "--role", role or key, "--password-stdin", *extra, stdin=PASSWORD + "\n")
        entry = {"id": user_id.splitlines()[-1], "email": email, "token": None}
        if token:
            entry["token"] = cli("token", "create", "--database-url", self.url, "--tenant", tenant, "--user", email,
                                 "--label", "authz").splitlines()[-1]
        self.users[(side, key)] = entry
        return entry

    def client(self, server, side, role):
        """A signed-in client: bearer token for staff, a log-in session for guardians."""
        if role == "anonymous":
            return Client(server)
        user = self.users[(side, role)]
        if user["token"]:
            return Client(server, user["token"])
        c = Client(server)
        status, headers = c.sign_in(self.tenants[side], user["email"])
        check(status == 303, f"guardian log-in: {status} {headers}")
        c.refresh_csrf("/foraeldre/adgangslog")
        return c


def server_args(directory):
    """Options for `samspil serve`/`samspil routes` in these tests: plain-HTTP cookies and a field key."""
    import base64
    import os
    key_file = os.path.join(directory, "field.key")
    if not os.path.exists(key_file):
        with open(key_file, "w") as f:
            f.write(base64.b64encode(os.urandom(32)).decode() + "\n")
    return ["--secure-cookies", "false", "--secret-key-file", key_file]


class DrainedServer:
    """harness.Server whose stdout (the JSON access log, one line per request) is read on a
    thread, so a test making thousands of requests never blocks the server on a full pipe."""

    def __init__(self, *args, **kwargs):
        import threading
        from harness import Server
        self.inner = Server(*args, **kwargs)
        self.port = self.inner.port
        self.proc = self.inner.proc
        self.thread = threading.Thread(target=self._drain, daemon=True)
        self.thread.start()

    def _drain(self):
        for line in self.inner.proc.stdout:
            self.inner.lines.append(line)

    def url(self, path):
        return self.inner.url(path)

    def stderr(self):
        return self.inner.stderr()

    def stop(self, timeout=20):
        import signal
        self.inner.proc.send_signal(signal.SIGTERM)
        code = self.inner.proc.wait(timeout=timeout)
        self.thread.join(timeout=5)
        return code, self.inner.lines
