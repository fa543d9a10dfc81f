#!/usr/bin/env python3
"""End-to-end tests of log-in, sessions, CSRF, lock-out, TOTP and password reset against the
real samspil binary (issue 4), on SQLite and PostgreSQL.

Usage: identity_e2e.py SCENARIO ENGINE   (SAMSPIL_BIN names the binary; ctest sets it)
Users come from `samspil demo` (with a field key, so the administrator has the demo's
published TOTP secret). Mail goes to a real SMTP server (tests/e2e/smtp_sink.mjs).
"""
import base64
import hashlib
import hmac
import http.cookiejar
import re
import struct
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

from harness import (Failure, Server, SmtpSink, check, demo_database, fresh_postgres_database, run, scenario_main,
                     sqlite_url, stop_cleanly)

PAEDAGOG = ("paedagog@demo-kommune.invalid", "demo-paedagog-solsikken-1")
LAERER = ("laerer@demo-kommune.invalid", "demo-laerer-vestre-1")
ADMIN = ("admin@demo-kommune.invalid", "demo-administrator-1")
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
COOKIE = "samspil_session"  # plain-HTTP test runs: --secure-cookies false


def totp(secret_base32, at=None, step_offset=0):
    key = base64.b32decode(secret_base32 + "=" * (-len(secret_base32) % 8))
    counter = int((at if at is not None else time.time()) // 30) + step_offset
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1000000:06d}"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A cookie jar that does not follow redirects, so each 303 can be checked."""

    def __init__(self, server):
        self.server = server
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)

    def request(self, method, path, form=None, headers=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        req = urllib.request.Request(self.server.url(path), data=data, method=method, headers=headers or {})
        if data is not None:
            req.add_header("Content-Type", "application/x-www-form-urlencoded")
        try:
            with self.opener.open(req, timeout=30) as r:
                return r.status, dict(r.headers), r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read().decode()

    def get(self, path):
        return self.request("GET", path)

    def cookie(self, name):
        for c in self.jar:
            if c.name == name:
                return c.value
        return None

    def set_cookie(self, name, value):
        self.jar.set_cookie(http.cookiejar.Cookie(
            0, name, value, None, False, "127.0.0.1", False, False, "/", True, False, None, False, None, None, {}))

    def csrf(self, path="/log-ind"):
        status, _, body = self.get(path)
        check(status == 200, f"GET {path}: {status}")
        m = re.search(r'name="csrf_token" value="([^"]+)"', body)
        check(m, f"no csrf_token field on {path}")
        return m.group(1)

    def post(self, path, form, csrf_from=None):
        form = dict(form)
        if "csrf_token" not in form:
            form["csrf_token"] = self.csrf(csrf_from or path)
        return self.request("POST", path, form)

    def log_in(self, who, expect_location="/"):
        # Signed in already, the log-in page redirects: the session's token is on any page.
        source = "/" if self.signed_in() else "/log-ind"
        status, headers, body = self.post("/log-ind", {"kommune": "demo", "email": who[0], "adgangskode": who[1]},
                                          csrf_from=source)
        check(status == 303, f"log-in of {who[0]}: {status} {error_text(body)}")
        check(headers.get("Location") == expect_location, f"log-in went to {headers.get('Location')}")
        return headers

    def signed_in(self):
        status, _, body = self.get("/api/v1/me")
        return status == 200


def error_text(body):
    found = re.findall(r'<ul class="alert-text nobullet-list">\s*<li><a[^>]*>([^<]*)', body)
    return found[0] if found else ""


def setup(engine, tmp, *serve_args, smtp=None):
    """A server on a copy of the demo municipality (harness.demo_database) with a fixed field key."""
    key = f"{tmp}/secret.key"
    with open(key, "w") as f:
        f.write(base64.b64encode(bytes(range(32))).decode())
    url = demo_database(engine, tmp, key)
    extra = ["--secure-cookies", "false", "--secret-key-file", key, "--public-base-url", "http://samspil.test"]
    if smtp:
        extra += ["--smtp-url", smtp.url, "--mail-from", "Samspil Test <noreply@samspil.test>"]
    return url, Server(url, *extra, *serve_args)


def scenario_session_fixation(engine):
    """A cookie planted before log-in is not adopted; the log-in issues a new id and the old one is dead."""
    with tempfile.TemporaryDirectory() as tmp:
        _, server = setup(engine, tmp)
        b = Browser(server)
        b.set_cookie(COOKIE, "planted-by-an-attacker-0000000000000000000")
        b.log_in(PAEDAGOG)
        first = b.cookie(COOKIE)
        check(first and first != "planted-by-an-attacker-0000000000000000000", "session id not replaced at log-in")
        check(first != b.cookie("samspil_csrf"), "the pre-log-in CSRF cookie became the session")
        check(b.signed_in(), "not signed in after log-in")
        # Logging in again in the same browser gives a new id and kills the one before.
        b.log_in(PAEDAGOG)
        second = b.cookie(COOKIE)
        check(second != first, "second log-in kept the session id")
        old = Browser(server)
        old.set_cookie(COOKIE, first)
        check(not old.signed_in(), "the session id from before the new log-in still works")
        check(b.signed_in(), "the new session does not work")
        # Pages need a session: anonymous callers are sent to the log-in with a local return path.
        status, headers, _ = Browser(server).get("/min-profil")
        check(status == 303 and headers.get("Location") == "/log-ind?naeste=/min-profil", f"anonymous: {status} {headers}")
        status, headers, _ = Browser(server).get("/api/v1/me")
        check(status == 401 and "Bearer" in headers.get("WWW-Authenticate", ""), f"anonymous API: {status}")
        # The log-in never redirects off-site.
        b2 = Browser(server)
        status, headers, _ = b2.post("/log-ind", {"kommune": "demo", "email": PAEDAGOG[0], "adgangskode": PAEDAGOG[1],
                                                  "naeste": "//evil.example/x"})
        check(status == 303 and headers.get("Location") == "/", f"open redirect: {headers.get('Location')}")
        stop_cleanly(server)


def scenario_expiry(engine):
    """Idle and absolute expiry, both configured by flags."""
    with tempfile.TemporaryDirectory() as tmp:
        _, server = setup(engine, tmp, "--session-idle-seconds", "2", "--session-absolute-seconds", "5")
        b = Browser(server)
        b.log_in(PAEDAGOG)
        check(b.signed_in(), "not signed in")
        time.sleep(2.5)
        check(not b.signed_in(), "session survived the idle timeout")
        # Absolute: used every second (never idle), still ends 5 s after log-in.
        b.log_in(PAEDAGOG)
        started = time.time()
        while time.time() - started < 4:
            check(b.signed_in(), f"session ended early after {time.time() - started:.1f} s")
            time.sleep(1)
        time.sleep(max(0, 5.5 - (time.time() - started)))
        check(not b.signed_in(), "session survived the absolute timeout")
        stop_cleanly(server)


def scenario_logout_everywhere(engine):
    """Log-out in one browser ends every session of the user, not other users' sessions."""
    with tempfile.TemporaryDirectory() as tmp:
        _, server = setup(engine, tmp)
        a, b, other = Browser(server), Browser(server), Browser(server)
        a.log_in(PAEDAGOG)
        b.log_in(PAEDAGOG)
        other.log_in(LAERER)
        check(a.signed_in() and b.signed_in() and other.signed_in(), "not all signed in")
        status, headers, _ = a.post("/log-ud", {}, csrf_from="/")
        check(status == 303 and headers.get("Location", "").startswith("/log-ind"), f"log-out: {status}")
        check(not a.signed_in(), "session A still alive")
        check(not b.signed_in(), "session B of the same user still alive")
        check(other.signed_in(), "another user's session ended too")
        stop_cleanly(server)


def scenario_csrf(engine):
    """State-changing requests without the right CSRF token are refused (403) and change nothing."""
    with tempfile.TemporaryDirectory() as tmp:
        _, server = setup(engine, tmp)
        b = Browser(server)
        b.log_in(PAEDAGOG)
        status, _, body = b.request("POST", "/log-ud", {})
        check(status == 403 and "sikkerhedsnøglen" in body, f"log-out without token: {status}")
        check(b.signed_in(), "log-out without a token ended the session")
        status, _, _ = b.request("POST", "/log-ud", {"csrf_token": "wrong-token"})
        check(status == 403, f"log-out with a wrong token: {status}")
        check(b.signed_in(), "log-out with a wrong token ended the session")
        status, _, _ = b.request("POST", "/log-ud", {}, headers={"X-CSRF-Token": "wrong-token"})
        check(status == 403, f"wrong header token: {status}")
        # Anonymous forms: the token must equal the pre-session CSRF cookie.
        anon = Browser(server)
        anon.csrf()
        status, _, _ = anon.request("POST", "/log-ind", {"kommune": "demo", "email": PAEDAGOG[0],
                                                         "adgangskode": PAEDAGOG[1], "csrf_token": "guess"})
        check(status == 403 and anon.cookie(COOKIE) is None, f"log-in with a wrong token: {status}")
        fresh = Browser(server)  # no CSRF cookie at all
        status, _, _ = fresh.request("POST", "/log-ind", {"kommune": "demo", "email": PAEDAGOG[0],
                                                          "adgangskode": PAEDAGOG[1], "csrf_token": "x" * 43})
        check(status == 403, f"log-in without a CSRF cookie: {status}")
        stop_cleanly(server)


def scenario_lockout(engine):
    """After N failures the account is locked: even the right password is refused until the lock ends."""
    with tempfile.TemporaryDirectory() as tmp:
        _, server = setup(engine, tmp, "--login-account-failures", "3", "--login-lockout-seconds", "4")
        b = Browser(server)
        for i in range(3):
            status, _, body = b.post("/log-ind", {"kommune": "demo", "email": PAEDAGOG[0], "adgangskode": f"wrong-{i}"})
            check(status == 422, f"failure {i}: {status}")
        check("spærret" in error_text(body), f"third failure does not say locked: {error_text(body)}")
        status, _, body = b.post("/log-ind", {"kommune": "demo", "email": PAEDAGOG[0], "adgangskode": PAEDAGOG[1]})
        check(status == 422 and "spærret" in error_text(body), f"right password during the lock: {status}")
        check(b.cookie(COOKIE) is None, "a session was issued during the lock")
        # Unknown e-mail and wrong password read the same.
        _, _, unknown = b.post("/log-ind", {"kommune": "demo", "email": "nobody@demo-kommune.invalid",
                                            "adgangskode": "whatever-123"})
        _, _, wrong = b.post("/log-ind", {"kommune": "demo", "email": LAERER[0], "adgangskode": "whatever-123"})
        check(error_text(unknown) == error_text(wrong) != "", f"messages differ: {error_text(unknown)!r} {error_text(wrong)!r}")
        time.sleep(4.5)
        b.log_in(PAEDAGOG)
        stop_cleanly(server)


def scenario_lockout_address(engine):
    """Failures from one address across accounts lock that address."""
    with tempfile.TemporaryDirectory() as tmp:
        _, server = setup(engine, tmp, "--login-address-failures", "4", "--login-lockout-seconds", "60")
        b = Browser(server)
        for i in range(4):
            b.post("/log-ind", {"kommune": "demo", "email": f"guess{i}@demo-kommune.invalid", "adgangskode": "x" * 12})
        status, _, body = b.post("/log-ind", {"kommune": "demo", "email": LAERER[0], "adgangskode": LAERER[1]})
        check(status == 422 and "spærret" in error_text(body), f"address not locked: {status} {error_text(body)}")
        stop_cleanly(server)


def scenario_totp(engine):
    """An administrator with TOTP: password → code step (nothing else reachable) → new session id;
    a code is never accepted twice."""
    with tempfile.TemporaryDirectory() as tmp:
        _, server = setup(engine, tmp)
        b = Browser(server)
        b.log_in(ADMIN, expect_location="/log-ind/totp")
        pending = b.cookie(COOKIE)
        status, headers, _ = b.get("/")
        status, headers, _ = b.get("/min-profil")
        check(status == 303 and headers.get("Location") == "/log-ind/totp", f"pending reached a page: {status} {headers}")
        check(not b.signed_in(), "pending session reached the API")
        status, _, body = b.post("/log-ind/totp", {"kode": "000000" if totp(DEMO_TOTP_SECRET) != "000000" else "111111"})
        check(status == 422, f"wrong code: {status}")
        code = totp(DEMO_TOTP_SECRET)
        status, headers, _ = b.post("/log-ind/totp", {"kode": code})
        check(status == 303 and headers.get("Location") == "/", f"right code: {status} {error_text(_)}")
        check(b.cookie(COOKIE) != pending, "session id not rotated after the second factor")
        check(b.signed_in(), "not signed in after the code")
        old = Browser(server)
        old.set_cookie(COOKIE, pending)
        check(old.get("/log-ind/totp")[0] == 303 and not old.signed_in(), "the pending session id still works")
        # The same code again (a new log-in within the same 30 s) is refused.
        c = Browser(server)
        c.log_in(ADMIN, expect_location="/log-ind/totp")
        status, _, body = c.post("/log-ind/totp", {"kode": code})
        check(status == 422 and not c.signed_in(), f"replayed code accepted: {status}")
        stop_cleanly(server)


def scenario_totp_setup(engine):
    """An administrator without TOTP must set it up right after the password and can do nothing else."""
    with tempfile.TemporaryDirectory() as tmp:
        url = sqlite_url(tmp) if engine == "sqlite" else fresh_postgres_database()
        key = f"{tmp}/secret.key"
        with open(key, "w") as f:
            f.write(base64.b64encode(bytes(range(32))).decode())
        check(run("migrate", "--database-url", url).returncode == 0, "migrate failed")
        check(run("demo", "--database-url", url).returncode == 0, "demo failed")  # no key: no TOTP
        server = Server(url, "--secure-cookies", "false", "--secret-key-file", key)
        b = Browser(server)
        b.log_in(ADMIN, expect_location="/log-ind/totp-opsaetning")
        status, headers, _ = b.get("/api/v1/me")
        check(status == 401, f"admin without TOTP reached the API: {status}")
        status, headers, _ = b.get("/min-profil")
        check(status == 303 and headers.get("Location") == "/log-ind/totp-opsaetning", f"{status} {headers}")
        status, _, body = b.get("/log-ind/totp-opsaetning")
        check(status == 200 and "<svg" in body, "no QR code on the set-up page")
        secret = re.search(r'class="totp-secret">([A-Z2-7]+)<', body).group(1)
        sealed = re.search(r'name="sealed" value="([^"]+)"', body).group(1)
        check("otpauth://totp/" in body, "no otpauth URI")
        status, _, _ = b.post("/log-ind/totp-opsaetning", {"kode": totp(secret, step_offset=5), "sealed": sealed},
                              csrf_from="/log-ind/totp-opsaetning")
        check(status == 422 and not b.signed_in(), f"wrong set-up code accepted: {status}")
        status, headers, body = b.post("/log-ind/totp-opsaetning", {"kode": totp(secret), "sealed": sealed},
                                       csrf_from="/log-ind/totp-opsaetning")
        check(status == 303 and headers.get("Location") == "/", f"set-up: {status} {error_text(body)}")
        check(b.signed_in(), "not signed in after set-up")
        # Next log-in asks for a code from the new secret.
        c = Browser(server)
        c.log_in(ADMIN, expect_location="/log-ind/totp")
        stop_cleanly(server)


def scenario_bearer_token(engine):
    """API tokens: Bearer works without CSRF; wrong or revoked tokens get 401."""
    with tempfile.TemporaryDirectory() as tmp:
        url, server = setup(engine, tmp)
        made = run("token", "create", "--database-url", url, "--tenant", "demo", "--user", LAERER[0])
        check(made.returncode == 0, f"token create: {made.stdout}{made.stderr}")
        token = [w for w in made.stdout.split() if len(w) >= 40][0]
        status, headers, body = server.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        check(status == 200 and '"via":"token"' in body.replace(" ", "") and LAERER[0] in body, f"me: {status} {body}")
        check(headers.get("Cache-Control") == "no-store", "no Cache-Control: no-store")
        status, headers, _ = server.get("/api/v1/me", headers={"Authorization": "Bearer not-a-token"})
        check(status == 401 and "invalid_token" in headers.get("WWW-Authenticate", ""), f"bad token: {status}")
        stop_cleanly(server)


def scenario_password_reset(engine):
    """Reset by e-mail through the outbox to a real SMTP server: same answer for unknown e-mails,
    the link works once, sessions end, the old password stops working."""
    sink = SmtpSink()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            _, server = setup(engine, tmp, smtp=sink)
            signed = Browser(server)
            signed.log_in(PAEDAGOG)
            b = Browser(server)
            status, _, known = b.post("/glemt-adgangskode", {"kommune": "demo", "email": PAEDAGOG[0]})
            check(status == 200, f"reset request: {status}")
            status, _, unknown = b.post("/glemt-adgangskode", {"kommune": "demo", "email": "nobody@demo-kommune.invalid"})
            strip = lambda html: re.sub(r'value="[^"]*"', "", html)
            check(status == 200 and strip(known) == strip(unknown), "the answer differs for an unknown e-mail")
            # The demo's meetings also send invitations to the same person: pick the reset mail.
            is_reset = lambda m: m["subject"] == "Nulstil din adgangskode til Samspil"
            mail = sink.wait_for(lambda m: PAEDAGOG[0] in m["to"] and is_reset(m))
            link = re.search(r"http://samspil\.test(/nulstil-adgangskode\?token=[A-Za-z0-9_-]+)", mail["text"])
            check(link, f"no link in the mail: {mail['text']}")
            time.sleep(1)
            check(len([m for m in sink.messages() if is_reset(m)]) == 1, "a mail was sent for an unknown e-mail")
            status, headers, _ = b.get(link.group(1))
            check(status == 303 and headers.get("Location") == "/nulstil-adgangskode", f"link: {status}")
            check(headers.get("Referrer-Policy") == "no-referrer", "no Referrer-Policy on the link")
            status, _, _ = b.post("/nulstil-adgangskode", {"adgangskode": "kort", "gentag": "kort"})
            check(status == 422, f"short passphrase: {status}")
            new_password = "en helt ny og lang adgangskode"
            status, _, body = b.post("/nulstil-adgangskode", {"adgangskode": new_password, "gentag": new_password})
            check(status == 200 and "ændret" in body, f"reset: {status} {error_text(body)}")
            check(not signed.signed_in(), "the user's session survived the reset")
            # The link works once.
            again = Browser(server)
            status, _, _ = again.get(link.group(1))
            status, _, body = again.get("/nulstil-adgangskode")
            check(status == 409 and "allerede brugt" in body, f"reused link: {status}")
            Browser(server).log_in((PAEDAGOG[0], new_password))
            status, _, _ = Browser(server).post("/log-ind", {"kommune": "demo", "email": PAEDAGOG[0],
                                                             "adgangskode": PAEDAGOG[1]})
            check(status == 422, "the old password still works")
            stop_cleanly(server)
    finally:
        sink.stop()


def scenario_profile_password(engine):
    """/min-profil: changing the passphrase needs the current one, keeps this session and ends the others."""
    with tempfile.TemporaryDirectory() as tmp:
        _, server = setup(engine, tmp)
        here, elsewhere = Browser(server), Browser(server)
        here.log_in(PAEDAGOG)
        elsewhere.log_in(PAEDAGOG)
        new_password = "min nye og meget lange adgangskode"
        status, _, body = here.post("/min-profil/adgangskode", {"nuvaerende": "forkert", "adgangskode": new_password,
                                                                "gentag": new_password}, csrf_from="/min-profil")
        check(status == 422 and "nuværende" in error_text(body), f"wrong current passphrase: {status} {error_text(body)}")
        check(elsewhere.signed_in(), "a failed change ended a session")
        status, _, body = here.post("/min-profil/adgangskode", {"nuvaerende": PAEDAGOG[1], "adgangskode": "kort",
                                                                "gentag": "kort"}, csrf_from="/min-profil")
        check(status == 422 and "12 tegn" in error_text(body), f"short passphrase: {status} {error_text(body)}")
        status, headers, _ = here.post("/min-profil/adgangskode", {"nuvaerende": PAEDAGOG[1], "adgangskode": new_password,
                                                                   "gentag": new_password}, csrf_from="/min-profil")
        check(status == 303 and headers.get("Location") == "/min-profil", f"change: {status}")
        status, _, body = here.get("/min-profil")
        check(status == 200 and "Din adgangskode er ændret" in body, "no confirmation shown")
        check(here.signed_in(), "the session that changed the passphrase ended")
        check(not elsewhere.signed_in(), "another session survived the change")
        Browser(server).log_in((PAEDAGOG[0], new_password))
        stop_cleanly(server)




SCENARIOS = {
    "session_fixation": scenario_session_fixation,
    "expiry": scenario_expiry,
    "logout_everywhere": scenario_logout_everywhere,
    "csrf": scenario_csrf,
    "lockout": scenario_lockout,
    "lockout_address": scenario_lockout_address,
    "totp": scenario_totp,
    "totp_setup": scenario_totp_setup,
    "bearer_token": scenario_bearer_token,
    "password_reset": scenario_password_reset,
    "profile_password": scenario_profile_password,
}

if __name__ == "__main__":
    sys.exit(scenario_main(SCENARIOS, __doc__))
