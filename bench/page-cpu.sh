#!/usr/bin/env bash
# Processor time per request of one page, two builds side by side: both jars run at once on one PostgreSQL server
# (the first creates the demo data, the second finds it), each signed in as the same user, and wrk loads them in turn
# (old, new, old, new...). Each run's figure is the JVM's user + system processor time over the run (from
# /proc/PID/stat) divided by the requests it answered, so other work on a shared machine does not count, as it would
# in requests per second.
#
#   bench/page-cpu.sh OLD_JAR NEW_JAR [PATH] [USER]
#
# PATH defaults to the care plan page of the first Oxford City caseload entry ({entry}), USER to `neighbourhood`
# (the demo INT member bench/pages.sh signs in as). Needs: JDK 17, wrk, curl, psql, a PostgreSQL server from the
# Debian packages (bench/lib/postgres.sh).
# Settings (environment): SECONDS_PER_RUN (default 10), ROUNDS (default 3), CONNECTIONS (default 16),
# POPULATION (default 20000), JFR=true also records a flight recording of each app (bench/out/page-cpu-*/...jfr).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/postgres.sh

OLD_JAR=${1:?old jar}
NEW_JAR=${2:?new jar}
PAGE=${3:-/neighbourhood/care-plans/{entry\}}
USER_NAME=${4:-neighbourhood}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-16}
POPULATION=${POPULATION:-20000}

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

OUT=bench/out/page-cpu-$$
mkdir -p "$OUT"
PG_DIR="$PWD/$OUT/pg"
PG_PORT=$(free_port)
PIDS=()
cleanup() {
	set +e
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
	pg_stop "$PG_DIR"
	rm -rf "$PG_DIR"
}
trap cleanup EXIT

pg_start "$PG_DIR" "$PG_PORT"
pg_createdb "$PG_PORT" primarycare
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAq primarycare)

start_app() {
	local name=$1 jar=$2 port=$3 mgmt=$4 jfr=()
	[[ "${JFR:-false}" == "true" ]] && jfr=("-XX:StartFlightRecording=filename=$PWD/$OUT/$name.jfr,settings=profile,delay=40s,dumponexit=true")
	java -Xmx512m "${jfr[@]}" -jar "$jar" --server.port="$port" --management.server.port="$mgmt" \
		--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/primarycare" --spring.datasource.username=postgres \
		--spring.datasource.password=unused --primarycare.demo.enabled=true --primarycare.demo.population-size="$POPULATION" \
		>"$OUT/$name.log" 2>&1 &
	PIDS+=($!)
	for _ in $(seq 1 900); do
		grep -q "Demo data created\|Demo data already present" "$OUT/$name.log" && return 0
		kill -0 "${PIDS[-1]}" 2>/dev/null || { echo "$name stopped:"; tail -n 30 "$OUT/$name.log"; exit 1; }
		sleep 1
	done
	echo "$name did not become ready"; exit 1
}

sign_in() {
	local base=$1 jar="$OUT/cookies-$2" token
	token=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"$//')
	curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$USER_NAME" --data-urlencode "password=demo-password" \
		--data-urlencode "_csrf=$token" "$base/login"
	awk '$6=="SESSION"{print $7}' "$jar"
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# one wrk run against one app: prints "requests cpu-ms-per-request req/s"
run() {
	local pid=$1 url=$2 cookie=$3 seconds=$4 before after requests rps
	before=$(cpu_ticks "$pid")
	read -r requests rps < <(wrk -t2 -c"$CONNECTIONS" -d"${seconds}s" -H "Cookie: SESSION=$cookie" "$url" \
		| awk '/requests in/ { n = $1 } /Requests\/sec/ { r = $2 } END { print n, r }')
	after=$(cpu_ticks "$pid")
	awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" -v r="$rps" \
		'BEGIN { printf "%d %.2f %.1f\n", n, t * 1000 / hz / n, r }'
}

OLD_PORT=$(free_port); NEW_PORT=$(free_port)
start_app old "$OLD_JAR" "$OLD_PORT" "$(free_port)"
start_app new "$NEW_JAR" "$NEW_PORT" "$(free_port)"
OLD_PID=${PIDS[0]}; NEW_PID=${PIDS[1]}
ENTRY=$("${PSQL[@]}" -c "SELECT id FROM neighbourhood.caseload_entry WHERE site_code = 'OX-CTY' ORDER BY id LIMIT 1")
PATH_TO=${PAGE//\{entry\}/$ENTRY}
OLD_SESSION=$(sign_in "http://127.0.0.1:$OLD_PORT" old)
NEW_SESSION=$(sign_in "http://127.0.0.1:$NEW_PORT" new)
for app in "$OLD_PORT $OLD_SESSION" "$NEW_PORT $NEW_SESSION"; do
	read -r port session <<<"$app"
	status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: SESSION=$session" "http://127.0.0.1:$port$PATH_TO")
	[[ "$status" == "200" ]] || { echo "$PATH_TO answered $status on port $port"; exit 1; }
done

echo "Page $PATH_TO as $USER_NAME; wrk -t2 -c$CONNECTIONS, ${SECONDS_PER_RUN}s a run, $ROUNDS rounds, old then new"
echo "old: $OLD_JAR"
echo "new: $NEW_JAR"
# warm both JITs
run "$OLD_PID" "http://127.0.0.1:$OLD_PORT$PATH_TO" "$OLD_SESSION" 15 >/dev/null
run "$NEW_PID" "http://127.0.0.1:$NEW_PORT$PATH_TO" "$NEW_SESSION" 15 >/dev/null
for round in $(seq 1 "$ROUNDS"); do
	read -r on oc orps < <(run "$OLD_PID" "http://127.0.0.1:$OLD_PORT$PATH_TO" "$OLD_SESSION" "$SECONDS_PER_RUN")
	read -r nn nc nrps < <(run "$NEW_PID" "http://127.0.0.1:$NEW_PORT$PATH_TO" "$NEW_SESSION" "$SECONDS_PER_RUN")
	printf 'round %s  old %6.2f ms processor/request (%s requests, %s req/s)   new %6.2f ms processor/request (%s requests, %s req/s)\n' \
		"$round" "$oc" "$on" "$orps" "$nc" "$nn" "$nrps"
done
[[ "${JFR:-false}" == "true" ]] && echo "Flight recordings: $OUT/old.jfr, $OUT/new.jfr (written when the apps stop)"
exit 0
