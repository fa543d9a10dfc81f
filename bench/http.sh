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

# samspil on SQLite, two I/O threads like nginx's two workers on two cores.
"$SAMSPIL" migrate --database-url "sqlite:///$TMP/bench.db" >/dev/null
"$SAMSPIL" serve --database-url "sqlite:///$TMP/bench.db" --listen 127.0.0.1:0 --io-threads 2 \
  --job-workers 0 >"$TMP/samspil.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do grep -q "listening on" "$TMP/samspil.log" && break; sleep 0.1; done
SPORT=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$TMP/samspil.log" | grep -o '[0-9]*$')

# nginx serving the same bytes: /healthz as a file with samspil's body, and the same asset.
NPORT=$(free_port)
mkdir -p "$TMP/www/static" "$TMP/nginx"
curl -s "http://127.0.0.1:$SPORT/healthz" >"$TMP/www/healthz"
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
    location /static/ { etag on; add_header Cache-Control "public, max-age=300"; }
  }
}
CONF
nginx -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf" &
pids+=($!)
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$NPORT/healthz" >/dev/null && break; sleep 0.1; done

measure() {  # url -> "rps p50_us p99_us"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$1" | python3 -c '
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

report() {  # name samspil_url nginx_url
  local s_rps=() s_p50=() s_p99=() n_rps=() n_p50=() n_p99=()
  for _ in $(seq "$ROUNDS"); do
    read -r a b c < <(measure "$3"); n_rps+=("$a"); n_p50+=("$b"); n_p99+=("$c")
    read -r a b c < <(measure "$2"); s_rps+=("$a"); s_p50+=("$b"); s_p99+=("$c")
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
