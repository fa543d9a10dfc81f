"""Single sign-on end to end: samspil against a real OpenID provider (oidc-provider 8 in
node, tests/e2e/oidc_provider.mjs), through a small proxy in this process that can spoil
the token endpoint's answer. Usage: oidc_e2e.py <scenario> <sqlite|postgresql>."""
import base64
import http.client
import http.cookiejar
import http.server
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from harness import (Failure, SAMSPIL, SOURCE, Server, check, free_port, fresh_postgres_database, run, scenario_main,
                     sqlite_url, stop_cleanly)

CLIENT_A = {"client_id": "samspil-a", "client_secret": "secret-a-0123456789"}
CLIENT_B = {"client_id": "samspil-b", "client_secret": "secret-b-0123456789"}
ADMIN = "admin@demo-kommune.invalid"
GUARDIAN = "foraelder@demo-kommune.invalid"
FAILED_TEXT = "Log-in via SSO mislykkedes"


class ProviderProxy:
    """Forwards every request to the provider; `mode` spoils the token endpoint's answer:
    "forge" alters the ID token's signature, "client_b" redeems with client B's credentials."""

    def __init__(self):
        self.target_port = None
        self.mode = None
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                self.forward()

            def do_POST(self):
                self.forward()

            def forward(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection",)}
                is_token = self.path.startswith("/token")
                if is_token and proxy.mode == "client_b":
                    creds = f"{CLIENT_B['client_id']}:{CLIENT_B['client_secret']}".encode()
                    headers = {k: v for k, v in headers.items() if k.lower() != "authorization"}
                    headers["Authorization"] = "Basic " + base64.b64encode(creds).decode()
                conn = http.client.HTTPConnection("127.0.0.1", proxy.target_port, timeout=10)
                conn.request(self.command, self.path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                if is_token and proxy.mode == "forge" and resp.status == 200:
                    doc = json.loads(data)
                    head, payload, sig = doc["id_token"].split(".")
                    raw = bytearray(base64.urlsafe_b64decode(sig + "=" * (-len(sig) % 4)))
                    raw[len(raw) // 2] ^= 0x01
                    doc["id_token"] = ".".join([head, payload, base64.urlsafe_b64encode(bytes(raw)).decode().rstrip("=")])
                    data = json.dumps(doc).encode()
                self.send_response(resp.status)
                for name, value in resp.getheaders():
                    if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                conn.close()

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


class Provider:
    def __init__(self, issuer, redirect_uri, id_token_ttl=3600, clock_offset=0):
        clients = [dict(c, redirect_uris=[redirect_uri]) for c in (CLIENT_A, CLIENT_B)]
        config = {"port": 0, "issuer": issuer, "clients": clients, "idTokenTtl": id_token_ttl,
                  "clockOffsetSeconds": clock_offset}
        self.proc = subprocess.Popen(["node", str(SOURCE / "tests/e2e/oidc_provider.mjs"), json.dumps(config)],
                                     cwd=SOURCE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"oidc-provider: listening on (\d+)", line)
        if not m:
            self.proc.kill()
            raise Failure("oidc-provider did not start: " + line + self.proc.stderr.read())
        self.port = int(m.group(1))

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Cookies and manual redirects, so each step of the code flow can be inspected."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())

    def request(self, url, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        try:
            with self.opener.open(urllib.request.Request(url, data=data), timeout=20) as r:
                return r.status, dict(r.headers), r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read().decode()

    def follow(self, url, steps=10):
        """GETs and follows redirects while they stay at the provider; returns the first
        URL outside it (the callback) or raises with the last answer."""
        for _ in range(steps):
            status, headers, body = self.request(url)
            if status not in (302, 303):
                return url, status, body
            url = urllib.parse.urljoin(url, headers["Location"])
            if "/log-ind/sso/callback" in url:
                return url, status, body
        raise Failure("too many redirects")

    def provider_login(self, authorization_url, login):
        """Runs the provider's dev interactions (login, consent); returns the callback URL."""
        url, status, body = self.follow(authorization_url)
        for _ in range(3):
            if "/log-ind/sso/callback" in url:
                return url
            check(status == 200 and "/interaction/" in url, f"expected an interaction page at {url}: {status} {body[:300]}")
            form = {"prompt": "login", "login": login, "password": "x"} if 'name="login"' in body else {"prompt": "consent"}
            action = re.search(r'<form[^>]*action="([^"]+)"', body)
            submit = urllib.parse.urljoin(url, action.group(1)) if action else url
            status, headers, body = self.request(submit, form)
            check(status in (302, 303), f"interaction submit: {status} {body[:300]}")
            url, status, body = self.follow(urllib.parse.urljoin(submit, headers["Location"]))
        raise Failure("the provider did not redirect back")


class Stack:
    """samspil (with the demo municipality) + proxy + provider, torn down on exit."""

    def __init__(self, engine, tmp, id_token_ttl=3600, clock_offset=0, skew=None, user_claim=None):
        self.engine = engine
        self.db_url = sqlite_url(tmp) if engine == "sqlite" else fresh_postgres_database()
        demo = run("demo", "--database-url", self.db_url)
        check(demo.returncode == 0, f"demo: {demo.stdout}{demo.stderr}")
        self.proxy = ProviderProxy()
        self.issuer = f"http://127.0.0.1:{self.proxy.port}"
        port = free_port()
        self.redirect_uri = f"http://127.0.0.1:{port}/log-ind/sso/callback"
        self.provider = Provider(self.issuer, self.redirect_uri, id_token_ttl, clock_offset)
        self.proxy.target_port = self.provider.port
        args = ["--migrate", "--secure-cookies", "false", "--oidc-issuer", self.issuer,
                "--oidc-client-id", CLIENT_A["client_id"], "--oidc-redirect-uri", self.redirect_uri,
                "--oidc-tenant", "Demo Kommune"]
        if skew is not None:
            args += ["--oidc-clock-skew-seconds", str(skew)]
        if user_claim:
            args += ["--oidc-user-claim", user_claim]
        self.expected_reasons = []
        self.log = None
        self.server = SamspilServer(self.db_url, port, args, {"SAMSPIL_OIDC_CLIENT_SECRET": CLIENT_A["client_secret"]})

    def finish(self):
        """Stops samspil and returns its log (stdout and stderr); checks that every refusal
        was logged with its reason and that no tested e-mail address reached the log."""
        if self.log is None:
            _, lines = self.server.stop()
            self.log = "".join(lines) + self.server.stderr()
            for reason in self.expected_reasons:
                check(f'"reason":"{reason}"' in self.log, f"no log line with reason {reason}: {self.log[-2000:]}")
            for address in (ADMIN, GUARDIAN, "stranger@kommune.invalid"):
                check(address not in self.log, "an e-mail address reached the log")
        return self.log

    def close(self):
        if self.log is None:
            self.server.stop()
        self.provider.stop()
        self.proxy.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        try:
            if exc[0] is None:
                self.finish()
        finally:
            self.close()

    def sql(self, query):
        if self.engine == "sqlite":
            with sqlite3.connect(self.db_url[len("sqlite:///"):]) as c:
                return c.execute(query).fetchall()
        out = subprocess.run(["psql", self.db_url, "-At", "-F", "|", "-c", query], capture_output=True, text=True,
                             check=True).stdout
        return [tuple(line.split("|")) for line in out.splitlines() if line]

    def start(self, browser, path="/log-ind/sso"):
        """GET samspil's SSO start; returns the provider's authorization URL."""
        status, headers, body = browser.request(self.server.url(path))
        check(status == 303, f"{path}: expected 303, got {status} {body[:300]}")
        location = headers["Location"]
        check(location.startswith(self.issuer + "/auth?"), f"not sent to the provider: {location}")
        return location

    def sign_in(self, login, path="/log-ind/sso"):
        browser = Browser()
        callback = browser.provider_login(self.start(browser, path), login)
        return browser, callback, browser.request(callback)


class SamspilServer(Server):
    """harness.Server, but on a port chosen beforehand (the provider must know the redirect URI)."""

    def __init__(self, database_url, port, extra, env):
        import os
        import re as _re
        full_env = dict(os.environ)
        full_env.update(env)
        self.log = tempfile.TemporaryFile(mode="w+")
        self.proc = subprocess.Popen([SAMSPIL, "serve", "--database-url", database_url, "--listen",
                                      f"127.0.0.1:{port}", *extra], stdout=subprocess.PIPE, stderr=self.log,
                                     text=True, env=full_env)
        self.port = None
        self.lines = []
        deadline = time.time() + 30
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            self.lines.append(line)
            if _re.search(r"listening on http://127\.0\.0\.1:(\d+)/", line):
                self.port = port
                break
        if self.port is None:
            self.proc.kill()
            self.log.seek(0)
            raise Failure("server did not start: " + "".join(self.lines) + self.log.read())


def expect_refused(stack, response, status, reason):
    code, headers, body = response
    check(code == status, f"expected {status}, got {code}: {body[:400]}")
    check(FAILED_TEXT in body, "the Danish failure page is missing")
    check("samspil_session" not in headers.get("Set-Cookie", ""), "a session cookie was set on failure")
    check(headers.get("Cache-Control") == "no-store", "failure page without Cache-Control: no-store")
    stack.expected_reasons.append(reason)


def scenario_code_flow(engine):
    """A full code flow with PKCE ends signed in at the stored return path; the session is
    an oidc session, the access log has the sign-in, and the same callback again is refused."""
    with tempfile.TemporaryDirectory() as tmp, Stack(engine, tmp) as stack:
        browser, callback, (status, headers, body) = stack.sign_in(ADMIN, "/log-ind/sso?naeste=/tilgaengelighed")
        check(status == 303, f"callback: expected 303, got {status}: {body[:400]}")
        check(headers.get("Location") == "/tilgaengelighed", f"not sent to the return path: {headers.get('Location')}")
        check("samspil_session=" in headers.get("Set-Cookie", ""), f"no session cookie: {headers}")
        check("HttpOnly" in headers.get("Set-Cookie", ""), "session cookie is not HttpOnly")
        status, _, page = browser.request(stack.server.url("/"))
        check(status == 200 and "Anne Admin (demo)" in page and 'action="/log-ud"' in page,
              f"the front page does not show the signed-in user: {status} {page[:600]}")
        rows = stack.sql("SELECT auth_method FROM sessions")
        check([r[0] for r in rows] == ["oidc"], f"sessions: {rows}")
        rows = stack.sql("SELECT action, purpose FROM audit_log WHERE action = 'sign_in'")
        check(len(rows) == 1 and rows[0][1] == "Log-ind via SSO", f"access log: {rows}")
        check(stack.sql("SELECT count(*) FROM oidc_logins WHERE used_at IS NULL")[0][0] in (0, "0"),
              "the state was not marked used")
        # Replaying the callback (same state, same code) is refused, and no new session starts.
        expect_refused(stack, Browser().request(callback), 400, "bad_state")
        check(len(stack.sql("SELECT 1 FROM sessions")) == 1, "a replayed state started a session")
        # A made-up state is refused too.
        expect_refused(stack, Browser().request(stack.server.url("/log-ind/sso/callback?code=x&state=made-up")), 400,
                       "bad_state")
        # An external return path is not followed.
        browser2, _, (status, headers, _) = stack.sign_in(ADMIN, "/log-ind/sso?naeste=//evil.example/x")
        check(status == 303 and headers.get("Location") == "/", f"external return path followed: {headers}")
        stack.finish()


def scenario_wrong_audience(engine):
    """An ID token issued to another client (aud = client B) is refused."""
    with tempfile.TemporaryDirectory() as tmp, Stack(engine, tmp) as stack:
        browser = Browser()
        url = stack.start(browser).replace("client_id=" + CLIENT_A["client_id"], "client_id=" + CLIENT_B["client_id"])
        callback = browser.provider_login(url, ADMIN)
        stack.proxy.mode = "client_b"
        expect_refused(stack, browser.request(callback), 400, "token_refused")
        check('"detail":"wrong_audience"' in stack.finish(), "not refused for its audience")
        check(len(stack.sql("SELECT 1 FROM sessions")) == 0, "a session was started")
        check(len(stack.sql("SELECT 1 FROM audit_log WHERE action = 'sign_in_failed'")) == 1, "failure not in the access log")


def scenario_expired_token(engine):
    """The provider's clock runs 5 minutes behind and its ID tokens live 60 s: expired on arrival."""
    with tempfile.TemporaryDirectory() as tmp, Stack(engine, tmp, id_token_ttl=60, clock_offset=-300, skew=0) as stack:
        _, _, response = stack.sign_in(ADMIN)
        expect_refused(stack, response, 400, "token_refused")
        check('"detail":"expired"' in stack.finish(), "not refused as expired")
        check(len(stack.sql("SELECT 1 FROM sessions")) == 0, "a session was started")


def scenario_forged_signature(engine):
    """An ID token whose signature was altered on the way is refused."""
    with tempfile.TemporaryDirectory() as tmp, Stack(engine, tmp) as stack:
        browser = Browser()
        callback = browser.provider_login(stack.start(browser), ADMIN)
        stack.proxy.mode = "forge"
        expect_refused(stack, browser.request(callback), 400, "token_refused")
        check('"detail":"bad_signature"' in stack.finish(), "not refused for its signature")
        check(len(stack.sql("SELECT 1 FROM sessions")) == 0, "a session was started")


def scenario_refused_users(engine):
    """No auto-provisioning: an unknown e-mail is refused (403); a guardian cannot use staff SSO."""
    with tempfile.TemporaryDirectory() as tmp, Stack(engine, tmp) as stack:
        _, _, response = stack.sign_in("stranger@kommune.invalid")
        expect_refused(stack, response, 403, "unknown_user")
        check("Du har ikke adgang" in response[2], "no Danish explanation for an unknown user")
        _, _, response = stack.sign_in(GUARDIAN)
        expect_refused(stack, response, 403, "guardian")
        check(len(stack.sql("SELECT 1 FROM sessions")) == 0, "a session was started")
        check(len(stack.sql("SELECT 1 FROM users WHERE email = 'stranger@kommune.invalid'")) == 0, "a user was created")
        check(len(stack.sql("SELECT 1 FROM audit_log WHERE action = 'sign_in_failed'")) == 2, "failures not in the access log")


def scenario_subject_claim(engine):
    """With --oidc-user-claim sub the provider's subject is matched against users.oidc_subject."""
    with tempfile.TemporaryDirectory() as tmp, Stack(engine, tmp, user_claim="sub") as stack:
        stack.sql("UPDATE users SET oidc_subject = 'emp-4711' WHERE email = 'laerer@demo-kommune.invalid'")
        browser, _, (status, headers, body) = stack.sign_in("emp-4711")
        check(status == 303 and headers.get("Location") == "/", f"sign-in by subject: {status} {body[:300]}")
        status, _, page = browser.request(stack.server.url("/"))
        check("Lars Lærer (demo)" in page, "the front page does not show the user mapped by subject")
        # An e-mail as login is now no identity at all.
        _, _, response = stack.sign_in(ADMIN)
        expect_refused(stack, response, 403, "unknown_user")


def scenario_sso_off(engine):
    """Without --oidc-issuer the SSO paths answer a Danish "not available" page, and serve
    refuses an issuer without the rest of the SSO configuration."""
    with tempfile.TemporaryDirectory() as tmp:
        url = sqlite_url(tmp) if engine == "sqlite" else fresh_postgres_database()
        server = Server(url, "--migrate", "--secure-cookies", "false")
        try:
            for path in ("/log-ind/sso", "/log-ind/sso/callback?code=x&state=y"):
                status, _, body = server.get(path)
                check(status == 404 and "ikke slået til" in body, f"{path} with SSO off: {status} {body[:300]}")
        finally:
            stop_cleanly(server)
        bad = run("serve", "--database-url", url, "--listen", "127.0.0.1:0", "--oidc-issuer", "http://idp.example",
                  "--oidc-algorithms", "HS256")
        check(bad.returncode != 0, "serve accepted an incomplete SSO configuration")
        for needle in ("--oidc-issuer", "--oidc-client-id", "--oidc-redirect-uri", "--oidc-tenant", "HS256"):
            check(needle in bad.stderr, f"no message about {needle}: {bad.stderr}")


SCENARIOS = {
    "sso_off": scenario_sso_off,
    "code_flow": scenario_code_flow,
    "wrong_audience": scenario_wrong_audience,
    "expired_token": scenario_expired_token,
    "forged_signature": scenario_forged_signature,
    "refused_users": scenario_refused_users,
    "subject_claim": scenario_subject_claim,
}


if __name__ == "__main__":
    sys.exit(scenario_main(SCENARIOS, __doc__))
