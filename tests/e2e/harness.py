"""Small helpers for the end-to-end tests: run the real samspil binary, talk HTTP to it,
and start a private PostgreSQL cluster when a test needs to stop and restart one."""
import fcntl
import hashlib
import json
import os
import pathlib
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request

SAMSPIL = os.environ["SAMSPIL_BIN"]
SOURCE = pathlib.Path(__file__).resolve().parents[2]
PG_BIN = pathlib.Path("/usr/lib/postgresql/15/bin")


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def scenario_main(scenarios, doc):
    """The command line of every scenario file: SCENARIO [ENGINE] (sqlite when left out; a
    scenario function without a parameter takes none); prints ok/FAIL, returns the exit code."""
    import inspect
    import sys
    engine = sys.argv[2] if len(sys.argv) > 2 else "sqlite"
    if len(sys.argv) not in (2, 3) or sys.argv[1] not in scenarios or engine not in ("sqlite", "postgresql"):
        print(doc)
        return 2
    scenario = scenarios[sys.argv[1]]
    try:
        if inspect.signature(scenario).parameters:
            scenario(engine)
        else:
            scenario()
    except Failure as e:
        # A failed clean stop in a finally block must not hide the failure that came first.
        first = f" (after: {e.__context__})" if isinstance(e.__context__, Failure) else ""
        print(f"FAIL {sys.argv[1]} {engine}: {e}{first}")
        return 1
    print(f"ok {sys.argv[1]} {engine}")
    return 0


def stop_cleanly(server):
    """Stops the server, which must exit with status 0."""
    code, _ = server.stop()
    check(code == 0, "server did not stop cleanly: " + server.stderr()[-2000:])


def verify_audit(url):
    """`samspil audit verify`: the audit log's hash chain is whole."""
    verified = run("audit", "verify", "--database-url", url)
    check(verified.returncode == 0, "audit verify: " + verified.stdout + verified.stderr)


def api(server, token, method, path, body=None, headers=None, raw=None):
    """One JSON API call with a bearer token (raw: bytes sent instead of body's JSON; headers:
    extra request headers); (status, parsed JSON or the raw text)."""
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    h = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    h.update(headers or {})
    request = urllib.request.Request(server.url("/api/v1" + path), data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, json.loads(r.read().decode() or "null")
    except urllib.error.HTTPError as e:
        text = e.read().decode()
        try:
            return e.code, json.loads(text)
        except ValueError:
            return e.code, text


def expect(result, status, what):
    """The body of result (status, body) when its status is the expected one; else Failure."""
    check(result[0] == status, f"{what}: expected {status}, got {result[0]} {str(result[1])[:800]}")
    return result[1]


def demo_token(url, email):
    """A bearer token for a demo user (`samspil token create`)."""
    made = run("token", "create", "--database-url", url, "--tenant", "demo", "--user", email)
    check(made.returncode == 0, f"token create: {made.stderr}")
    return made.stdout.strip().splitlines()[-1].strip()


def run(*args, env=None, timeout=120):
    """Runs samspil with args; returns CompletedProcess with text output."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([SAMSPIL, *args], capture_output=True, text=True, env=full_env, timeout=timeout)


class Server:
    """samspil serve on a free loopback port; stdout is collected for log checks."""

    def __init__(self, database_url, *extra, env=None):
        full_env = dict(os.environ)
        full_env.update(env or {})
        self.log = tempfile.TemporaryFile(mode="w+")
        self.proc = subprocess.Popen(
            [SAMSPIL, "serve", "--database-url", database_url, "--listen", "127.0.0.1:0", *extra],
            stdout=subprocess.PIPE, stderr=self.log, text=True, env=full_env)
        self.port = None
        self.lines = []
        deadline = time.time() + 30
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            self.lines.append(line)
            m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", line)
            if m:
                self.port = int(m.group(1))
                break
        if self.port is None:
            self.proc.kill()
            self.log.seek(0)
            raise Failure("server did not start: " + "".join(self.lines) + self.log.read())

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path, headers=None):
        """Returns (status, headers, body) without raising on 4xx/5xx."""
        request = urllib.request.Request(self.url(path), headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=10) as r:
                return r.status, dict(r.headers), r.read().decode()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read().decode()

    def raw(self, data, read_timeout=5):
        """Sends raw bytes and returns what the server answered before closing or timing out."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=read_timeout) as s:
            s.sendall(data)
            chunks = []
            try:
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    chunks.append(chunk)
                    if b"\r\n\r\n" in b"".join(chunks):
                        break
            except socket.timeout:
                pass
            return b"".join(chunks).decode(errors="replace")

    def stop(self, sig=signal.SIGTERM, timeout=20):
        """Sends sig and returns (exit code, all stdout lines)."""
        self.proc.send_signal(sig)
        out, _ = self.proc.communicate(timeout=timeout)
        self.lines.extend(out.splitlines(keepends=True))
        return self.proc.returncode, self.lines

    def stderr(self):
        self.log.seek(0)
        return self.log.read()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PrivateCluster:
    """A PostgreSQL cluster of the test's own, so it can be stopped and started again."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="samspil-e2e-pg.")
        shutil.chown(self.dir, "postgres", "postgres")
        os.chmod(self.dir, 0o700)
        self.port = free_port()
        subprocess.run(["runuser", "-u", "postgres", "--", str(PG_BIN / "initdb"), "-D", f"{self.dir}/data",
                        "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
                       check=True, capture_output=True, cwd=self.dir)
        self.start()

    @property
    def url(self):
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def start(self):
        subprocess.run(["runuser", "-u", "postgres", "--", str(PG_BIN / "pg_ctl"), "-D", f"{self.dir}/data", "-w",
                        "-l", f"{self.dir}/log", "-o",
                        f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off "
                        "-c synchronous_commit=off -c full_page_writes=off", "start"],
                       check=True, capture_output=True, cwd=self.dir)

    def stop(self):
        # A fast (clean) shutdown: with synchronous_commit=off an immediate one may drop the
        # last commits, and the test is about the server's absence, not about lost data.
        subprocess.run(["runuser", "-u", "postgres", "--", str(PG_BIN / "pg_ctl"), "-D", f"{self.dir}/data", "-w",
                        "-m", "fast", "stop"], check=True, capture_output=True, cwd=self.dir)

    def remove(self):
        subprocess.run(["runuser", "-u", "postgres", "--", str(PG_BIN / "pg_ctl"), "-D", f"{self.dir}/data", "-w",
                        "-m", "immediate", "stop"], capture_output=True, cwd=self.dir)
        shutil.rmtree(self.dir, ignore_errors=True)


def fresh_postgres_database():
    """Creates an empty database on the harness's cluster and returns its URL."""
    base = os.environ.get("SAMSPIL_TEST_POSTGRES_URL")
    check(base, "SAMSPIL_TEST_POSTGRES_URL is not set: run the tests with `make test`")
    name = "samspil_e2e_" + os.urandom(6).hex()
    subprocess.run(["psql", base, "-v", "ON_ERROR_STOP=1", "-qc", f"CREATE DATABASE {name}"], check=True,
                   capture_output=True)
    return base.rsplit("/", 1)[0] + "/" + name


def sqlite_url(directory):
    return f"sqlite:///{directory}/samspil.db"


def _demo_cache_key(engine, key_text):
    """What the demo database depends on: the binary, the schema and models it reads, the field
    key, and for PostgreSQL the cluster (a new one each `make test`)."""
    h = hashlib.sha256()
    binary = pathlib.Path(SAMSPIL).resolve()
    st = binary.stat()
    h.update(f"{binary}|{st.st_mtime_ns}|{st.st_size}|{engine}|{key_text}".encode())
    if engine == "postgresql":
        h.update(os.environ.get("SAMSPIL_TEST_POSTGRES_URL", "").encode())
    for folder in ("migrations", "models"):
        for f in sorted((SOURCE / folder).rglob("*")):
            if f.is_file():
                h.update(str(f.relative_to(SOURCE)).encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:20]


def demo_database(engine, tmp, key_file):
    """A migrated database with the demo municipality, its fields sealed with the key in
    key_file; returns its URL. `samspil demo` takes some 8 s under asan and about forty
    scenarios start from the same data, so the first to ask makes it once (under a file lock,
    for ctest -j) and every scenario gets its own copy: SQLite through the backup API,
    PostgreSQL by CREATE DATABASE … TEMPLATE. The demo command itself is tested on fresh
    databases in demo_e2e.py and foundation_e2e.py."""
    import sqlite3
    key_text = pathlib.Path(key_file).read_text()
    digest = _demo_cache_key(engine, key_text)
    cache = pathlib.Path(SAMSPIL).resolve().parent / "e2e-demo-cache"
    cache.mkdir(exist_ok=True)

    def make(url):
        check(run("migrate", "--database-url", url).returncode == 0, "migrate failed")
        demo = run("demo", "--database-url", url, "--secret-key-file", key_file)
        check(demo.returncode == 0, f"demo: {demo.stdout}{demo.stderr}")

    with open(cache / f"{digest}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if engine == "sqlite":
            made = cache / f"{digest}.db"
            if not made.exists():
                building = pathlib.Path(tempfile.mkdtemp(dir=cache)) / "demo.db"
                make(f"sqlite:///{building}")
                with sqlite3.connect(building) as src, sqlite3.connect(cache / f"{digest}.part") as dst:
                    src.backup(dst)
                os.replace(cache / f"{digest}.part", made)
                shutil.rmtree(building.parent, ignore_errors=True)
        else:
            base = os.environ.get("SAMSPIL_TEST_POSTGRES_URL")
            check(base, "SAMSPIL_TEST_POSTGRES_URL is not set: run the tests with `make test`")
            template = "samspil_demo_" + digest
            found = subprocess.run(["psql", base, "-qAtc", f"SELECT 1 FROM pg_database WHERE datname = '{template}'"],
                                   check=True, capture_output=True, text=True).stdout.strip()
            if not found:
                building = "samspil_demo_part_" + os.urandom(6).hex()
                subprocess.run(["psql", base, "-v", "ON_ERROR_STOP=1", "-qc", f"CREATE DATABASE {building}"],
                               check=True, capture_output=True)
                make(base.rsplit("/", 1)[0] + "/" + building)
                subprocess.run(["psql", base, "-v", "ON_ERROR_STOP=1", "-qc",
                                f"ALTER DATABASE {building} RENAME TO {template}"], check=True, capture_output=True)
    if engine == "sqlite":
        target = pathlib.Path(tmp) / "samspil.db"
        with sqlite3.connect(cache / f"{digest}.db") as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        return f"sqlite:///{target}"
    base = os.environ["SAMSPIL_TEST_POSTGRES_URL"]
    name = "samspil_e2e_" + os.urandom(6).hex()
    subprocess.run(["psql", base, "-v", "ON_ERROR_STOP=1", "-qc", f"CREATE DATABASE {name} TEMPLATE samspil_demo_{digest}"],
                   check=True, capture_output=True)
    return base.rsplit("/", 1)[0] + "/" + name


def json_lines(lines):
    out = []
    for line in lines:
        line = line.strip()
        if line.startswith("{"):
            out.append(json.loads(line))
    return out


class SmtpSink:
    """A real SMTP server on loopback (tests/e2e/smtp_sink.mjs, npm smtp-server + mailparser)
    that writes every received message as JSON into a directory; for mail end-to-end tests."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="samspil-e2e-smtp.")
        self.proc = subprocess.Popen(["node", str(SOURCE / "tests" / "e2e" / "smtp_sink.mjs"), self.dir],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=SOURCE)
        line = self.proc.stdout.readline()
        m = re.search(r"smtp-sink: listening on (\d+)", line)
        if not m:
            self.proc.kill()
            raise Failure("smtp sink did not start: " + line + self.proc.stderr.read())
        self.port = int(m.group(1))

    @property
    def url(self):
        return f"smtp://127.0.0.1:{self.port}"

    def messages(self):
        """Every message received so far, in arrival order (dicts: from, to, subject, text, …)."""
        return [json.loads(p.read_text()) for p in sorted(pathlib.Path(self.dir).glob("*.json"))]

    def wait_for(self, predicate, timeout=30):
        """The first message for which predicate(message) holds; Failure after timeout seconds."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            for message in self.messages():
                if predicate(message):
                    return message
            time.sleep(0.1)
        raise Failure(f"no matching e-mail within {timeout} s; received: {[m['subject'] for m in self.messages()]}")

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)
