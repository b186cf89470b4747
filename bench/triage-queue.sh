#!/usr/bin/env bash
# Triage benchmark: serves the app with demo data inside -Xmx512m, fills the Aylesbury hub (BK-AYL, the demo
# coordinator's hub) up to 500 open requests, then measures with wrk on loopback:
#   1. the hub queue page (/triage) with 500 open requests, signed in as the coordinator;
#   2. the intake API (POST /api/v1/triage/requests) at 16 concurrent clients, each request a new request with its
#      own Idempotency-Key, with an OAuth 2.0 bearer token of the api-client system (client credentials, scope
#      triage.requests, got once per run from /oauth2/token: tokens live five minutes).
# Prints requests per second and p50/p95/p99 latency. Needs: JDK 17, Node/npm (build), wrk, curl.
# Usage: bench/triage-queue.sh [seconds-per-run (default 20)] [connections (default 16)]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/token.sh
SECONDS_PER_RUN=${1:-20}
CONNECTIONS=${2:-16}
PORT=${TRIAGE_BENCH_PORT:-8081}
OUT=bench/out/triage-$$
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }

ls target/primarycare-*.jar >/dev/null 2>&1 || ./mvnw -B -q -o -DskipTests package
JAR=$(ls target/primarycare-*.jar | head -1)

java -Xmx512m -jar "$JAR" --server.port=$PORT --management.server.port=0 --primarycare.embedded-db.data-dir="$OUT/pg" > "$OUT/app.log" 2>&1 &
APP=$!
trap 'status=$?; kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$OUT"; exit $status' EXIT
for _ in $(seq 1 240); do
	grep -q "Demo data created\|Demo data already present" "$OUT/app.log" && break
	sleep 1
done
grep -q "Demo data created\|Demo data already present" "$OUT/app.log" || { echo "app did not become ready"; tail -20 "$OUT/app.log"; exit 1; }
grep -E "Started PrimaryCareApplication|Triage demo data" "$OUT/app.log" | sed 's/^.*: //'

URL="http://localhost:$PORT"
BEARER="Authorization: Bearer $(api_token "$URL" api-client demo-password triage.requests)"

# Sign in as the coordinator and keep the session cookie
COOKIES="$OUT/cookies"
TOKEN=$(curl -s -c "$COOKIES" -b "$COOKIES" "$URL/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" --data-urlencode "username=coordinator" \
	--data-urlencode "password=demo-password" --data-urlencode "_csrf=$TOKEN" "$URL/login"
SESSION=$(awk '$6=="SESSION"{print $7}' "$COOKIES")
[ -n "$SESSION" ] || { echo "could not sign in"; exit 1; }

open_requests() {
	curl -s -H "Cookie: SESSION=$SESSION" "$URL/triage" | tr -d '\n' | grep -o 'id="queue-summary"><strong>[0-9]*' | grep -o '[0-9]*$'
}

# Fill the hub to 500 open requests through the API (someone not registered, placed at BK-AYL)
OPEN=$(open_requests)
MISSING=$((500 - OPEN))
echo "open requests in BK-AYL before filling: $OPEN; adding $MISSING"
if [ "$MISSING" -gt 0 ]; then
	seq 1 "$MISSING" | xargs -P 8 -I{} curl -s -o /dev/null -w '%{http_code}\n' -X POST "$URL/api/v1/triage/requests" \
		-H "$BEARER" -H "Content-Type: application/json" -H "Idempotency-Key: fill-{}" \
		-d '{"givenName":"Queue","familyName":"Filler{}","dateOfBirth":"1975-03-15","sex":"female","siteCode":"BK-AYL","problem":"SORE_THROAT","redFlags":[],"onset":"Started yesterday"}' \
		| sort | uniq -c | sed 's/^/  HTTP status count: /'
fi
echo "open requests in BK-AYL now: $(open_requests)"

cat > "$OUT/report.lua" <<'LUA'
done = function(summary, latency, requests)
	io.write(string.format("%8.1f req/s  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  errors %d  non-2xx %d\n",
		summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
		latency:percentile(99) / 1000, summary.errors.connect + summary.errors.read + summary.errors.write
		+ summary.errors.timeout, summary.errors.status))
end
LUA

# a fresh token for the measured run (one token for all of it, as a system would use it)
BEARER="Authorization: Bearer $(api_token "$URL" api-client demo-password triage.requests)"
cat > "$OUT/intake.lua" <<LUA
local counter = 0
local threads = 0
setup = function(thread)
	threads = threads + 1
	thread:set("tid", threads)
end
request = function()
	counter = counter + 1
	local key = "bench-" .. $$ .. "-" .. tid .. "-" .. counter
	local body = '{"givenName":"Load","familyName":"Test' .. counter .. '","dateOfBirth":"1980-01-01","sex":"female",'
		.. '"siteCode":"BK-WYC","problem":"URINARY_SYMPTOMS","redFlags":[],"pregnant":false}'
	return wrk.format("POST", "/api/v1/triage/requests", {["Content-Type"] = "application/json",
		["Authorization"] = "${BEARER#Authorization: }", ["Idempotency-Key"] = key}, body)
end
$(cat "$OUT/report.lua")
LUA

echo "wrk: 2 threads, $CONNECTIONS connections, ${SECONDS_PER_RUN}s per run, -Xmx512m"
printf '%-44s ' "queue page, 500 open requests (/triage)"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --timeout 30s -s "$OUT/report.lua" -H "Cookie: SESSION=$SESSION" "$URL/triage" | tail -1
printf '%-44s ' "intake API, new requests (POST)"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --timeout 30s -s "$OUT/intake.lua" "$URL" | tail -1
jcmd $APP GC.heap_info 2>/dev/null | grep -E "garbage-first heap" | head -1 || true
echo "OutOfMemoryError lines in log: $(grep -c "OutOfMemoryError" "$OUT/app.log" || true)"
echo "load average while measuring: $(cut -d" " -f1-3 /proc/loadavg) on $(nproc) cores"
