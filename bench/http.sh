#!/usr/bin/env bash
# HTTP throughput and latency: samspil vs nginx serving the same bytes, in the same run.
# Prints requests/s, p50 and p99 for both and the ratio, as medians of ROUNDS alternating
# runs (the machine is shared and noisy: compare ratios, not absolute figures).
#
#   bench/http.sh                      # build/samspil, 3 rounds of 10 s per target
#   ROUNDS=5 DURATION=20s bench/http.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
SAMSPIL=$BUILD/samspil
[ -x "$SAMSPIL" ] || { echo "bench: $SAMSPIL missing; run make build" >&2; exit 1; }
command -v wrk >/dev/null || { echo "bench: wrk missing; run scripts/bootstrap" >&2; exit 1; }

TMP=$(mktemp -d /tmp/samspil-bench.XXXXXX)
chmod 755 "$TMP"  # nginx workers run as an unprivileged user and must read www/
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# samspil on SQLite with the demo municipality, two I/O threads like nginx's two workers on
# two cores. The secret key is a throw-away one (the demo seals CPR numbers and TOTP secrets).
python3 -c 'import base64,os; print(base64.b64encode(os.urandom(32)).decode())' >"$TMP/secret.key"
"$SAMSPIL" migrate --database-url "sqlite:///$TMP/bench.db" >/dev/null
"$SAMSPIL" demo --database-url "sqlite:///$TMP/bench.db" --secret-key-file "$TMP/secret.key" >/dev/null
"$SAMSPIL" serve --database-url "sqlite:///$TMP/bench.db" --listen 127.0.0.1:0 --io-threads 2 \
  --job-workers 0 --secret-key-file "$TMP/secret.key" --secure-cookies false >"$TMP/samspil.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q "listening on" "$TMP/samspil.log" && break; sleep 0.1; done
SPORT=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$TMP/samspil.log" | grep -o '[0-9]*$')

# nginx serving the same bytes: /healthz as a file with samspil's body, and the same asset.
NPORT=$(free_port)
mkdir -p "$TMP/www/static" "$TMP/nginx"
curl -s "http://127.0.0.1:$SPORT/healthz" >"$TMP/www/healthz"
# "Mit overblik" signed in as the demo unit leader (every list plus the unit's compliance):
# log in through the form like a browser, keep the session cookie for wrk, and give nginx
# the exact page bytes samspil answers to that session.
OVERVIEW_USER=${OVERVIEW_USER:-leder@demo-kommune.invalid}
OVERVIEW_PASSWORD=${OVERVIEW_PASSWORD:-demo-leder-solsikken-1}
COOKIE=$(python3 - "http://127.0.0.1:$SPORT" "$OVERVIEW_USER" "$OVERVIEW_PASSWORD" "$TMP/www/overview.html" <<'PY'
import http.cookiejar, re, sys, urllib.parse, urllib.request
base, email, password, out = sys.argv[1:5]
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
page = opener.open(base + "/log-ind").read().decode()
token = re.search(r'name="csrf_token" value="([^"]*)"', page).group(1)
form = urllib.parse.urlencode({"csrf_token": token, "kommune": "demo", "email": email, "adgangskode": password}).encode()
try:
    opener.open(urllib.request.Request(base + "/log-ind", data=form))
except urllib.error.HTTPError as e:
    if e.code != 303 or e.headers.get("Location") != "/":
        sys.exit(f"bench: log-in as {email} failed: {e.code} {e.headers.get('Location')}")
body = opener.open(base + "/").read()
if b"Mit overblik" not in body:
    sys.exit("bench: / is not the signed-in overview")
open(out, "wb").write(body)
print("; ".join(f"{c.name}={c.value}" for c in jar))
PY
)
ASSET=${ASSET:-css/samspil.css}
mkdir -p "$TMP/www/static/$(dirname "$ASSET")"
cp "static/$ASSET" "$TMP/www/static/$ASSET"
cat >"$TMP/nginx/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log $TMP/nginx/access.log;
  include /etc/nginx/mime.types;
  server {
    listen 127.0.0.1:$NPORT;
    root $TMP/www;
    location = /healthz { default_type text/plain; }
    location = /overview { default_type text/html; alias $TMP/www/overview.html; add_header Cache-Control no-store; }
    location /static/ { etag on; add_header Cache-Control "public, max-age=300"; }
  }
}
CONF
nginx -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" &
pids+=($!)
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$NPORT/healthz" >/dev/null && break; sleep 0.1; done

measure() {  # url [header] -> "rps p50_us p99_us"
  local header=()
  [ -n "${2:-}" ] && header=(-H "$2")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${header[@]}" "$1" | python3 -c '
import re, sys
text = sys.stdin.read()
def us(v):
    n, unit = re.match(r"([\d.]+)(\w+)", v).groups()
    return float(n) * {"us": 1, "ms": 1000, "s": 1e6}[unit]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
# Anchored to the line start: "Req/Sec ... 72.50%" must not be read as the 50th percentile.
p50 = us(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
p99 = us(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
if errors: sys.exit("non-2xx answers: " + errors.group(1))
print(rps, p50, p99)'
}

median() { python3 -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }

report() {  # name samspil_url nginx_url [header for samspil]
  local s_rps=() s_p50=() s_p99=() n_rps=() n_p50=() n_p99=()
  for _ in $(seq "$ROUNDS"); do
    read -r a b c < <(measure "$3"); n_rps+=("$a"); n_p50+=("$b"); n_p99+=("$c")
    read -r a b c < <(measure "$2" "${4:-}"); s_rps+=("$a"); s_p50+=("$b"); s_p99+=("$c")
  done
  local sr sp5 sp9 nr np5 np9
  sr=$(median "${s_rps[@]}"); sp5=$(median "${s_p50[@]}"); sp9=$(median "${s_p99[@]}")
  nr=$(median "${n_rps[@]}"); np5=$(median "${n_p50[@]}"); np9=$(median "${n_p99[@]}")
  python3 -c "
import sys
name, sr, sp5, sp9, nr, np5, np9 = sys.argv[1], *map(float, sys.argv[2:])
print(f'| {name} | samspil | {sr:,.0f} | {sp5:,.0f} | {sp9:,.0f} |')
print(f'| {name} | nginx | {nr:,.0f} | {np5:,.0f} | {np9:,.0f} |')
print(f'| {name} | **ratio samspil/nginx** | **{sr/nr:.2f}** | {sp5/np5:.2f} | {sp9/np9:.2f} |')
" "$1" "$sr" "$sp5" "$sp9" "$nr" "$np5" "$np9"
}

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, median of $ROUNDS alternating rounds; $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo
echo "| endpoint | server | requests/s | p50 µs | p99 µs |"
echo "|---|---|---:|---:|---:|"
report "/healthz" "http://127.0.0.1:$SPORT/healthz" "http://127.0.0.1:$NPORT/healthz"
report "/static/$ASSET" "http://127.0.0.1:$SPORT/static/$ASSET" "http://127.0.0.1:$NPORT/static/$ASSET"
# The same bytes: the size samspil answers must equal the saved page's.
SBYTES=$(curl -s -H "Cookie: $COOKIE" "http://127.0.0.1:$SPORT/" | wc -c)
NBYTES=$(curl -s "http://127.0.0.1:$NPORT/overview" | wc -c)
[ "$SBYTES" = "$NBYTES" ] || echo "bench: overview sizes differ (samspil $SBYTES, nginx $NBYTES bytes)" >&2
report "/ (Mit overblik, signed in)" "http://127.0.0.1:$SPORT/" "http://127.0.0.1:$NPORT/overview" "Cookie: $COOKIE"
