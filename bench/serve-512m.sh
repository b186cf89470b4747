#!/usr/bin/env bash
# Serves the app with demo data inside -Xmx512m and puts it under load from wrk on loopback, signed in as a care
# coordinator: the start page, the directory, a person search and a person summary (audited). Prints requests per
# second, latency and the heap after the run. Needs: JDK 17, Node/npm (build), wrk (apt-get install wrk), curl.
# (psql, the PostgreSQL client, picks a person for the record pages; without it those pages are skipped.)
# Usage: bench/serve-512m.sh [seconds-per-page (default 20)] [connections (default 16)]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_PAGE=${1:-20}
CONNECTIONS=${2:-16}
PORT=18080
OUT=bench/out/serve-$$
mkdir -p "$OUT"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }

ls target/primarycare-*.jar >/dev/null 2>&1 || ./mvnw -B -q -DskipTests package
JAR=$(ls target/primarycare-*.jar | head -1)

java -Xmx512m -jar "$JAR" --server.port=$PORT --management.server.port=0 --primarycare.embedded-db.data-dir="$OUT/pg" > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$OUT"' EXIT
for _ in $(seq 1 120); do
	grep -q "Demo data created\|Demo data already present" "$OUT/app.log" && break
	sleep 1
done
grep -q "Demo data created\|Demo data already present" "$OUT/app.log" || { echo "app did not become ready"; tail -20 "$OUT/app.log"; exit 1; }
grep -E "Started PrimaryCareApplication|Demo data created" "$OUT/app.log" | sed 's/^.*: //'

# Sign in as the coordinator and keep the session cookie
JAR_COOKIES="$OUT/cookies"
TOKEN=$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "http://localhost:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "username=coordinator" \
	--data-urlencode "password=demo-password" --data-urlencode "_csrf=$TOKEN" "http://localhost:$PORT/login"
SESSION=$(awk '$6=="SESSION"{print $7}' "$JAR_COOKIES")
[ -n "$SESSION" ] || { echo "could not sign in"; exit 1; }

# A person in the coordinator's scope (Aylesbury neighbourhood), read from the embedded database with psql
PERSON_QUERY="SELECT p.nhs_number FROM population.person p JOIN directory.practice pr ON pr.ods_code = p.registered_practice
	JOIN directory.pcn pc ON pc.ods_code = pr.pcn_code WHERE pc.site_code = 'BK-AYL' ORDER BY p.nhs_number LIMIT 1"
PG_PORT=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$OUT/app.log" | awk '{print $NF}')
PERSON=$(psql -h localhost -p "$PG_PORT" -U postgres -tAc "$PERSON_QUERY" postgres 2>/dev/null || true)

run() {
	local name=$1 path=$2
	printf '%-28s ' "$name"
	wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_PAGE}s" --latency -H "Cookie: SESSION=$SESSION" "http://localhost:$PORT$path" \
		| awk '/Requests\/sec/{rps=$2} /Non-2xx/{bad=$NF} /^ +50%/{p50=$2} /^ +99%/{p99=$2} END{printf "%8s req/s  p50 %-8s p99 %-8s non-2xx %s\n", rps, p50, p99, (bad==""?0:bad)}'
}
echo "wrk: 2 threads, $CONNECTIONS connections, ${SECONDS_PER_PAGE}s per page, -Xmx512m"
run "start page" "/"
run "directory services" "/directory/services"
if [ -n "$PERSON" ]; then
	run "person search (NHS number)" "/population/people?search=1&nhsNumber=$PERSON"
	run "person summary (audited)" "/population/people/$PERSON"
fi
jcmd $APP GC.heap_info 2>/dev/null | grep -E "garbage-first heap|total" | head -2 || true
grep -c "OutOfMemoryError" "$OUT/app.log" | xargs -I{} echo "OutOfMemoryError lines in log: {}"
