#!/usr/bin/env bash
# Processor time per request of one or more pages, old jar against new jar, on one PostgreSQL server with the same demo data:
# both apps run side by side (-Xmx512m), and wrk loads each in turn, alternating, while the processor time of the
# app's JVM and of the whole PostgreSQL server is read from /proc before and after each run. On a machine shared
# with other work, processor time per request is steadier than requests per second.
#
#   bench/cpu-per-request.sh OLD_JAR NEW_JAR [PATH...]     (PATH default /cvd/worklist, signed in as USER_NAME)
#   bench/cpu-per-request.sh OLD_JAR NEW_JAR '/triage/requests/{request}' '/population/people/{person}' /cvd/worklist
#   USER_NAME=neighbourhood bench/cpu-per-request.sh OLD_JAR NEW_JAR '/neighbourhood/care-plans/{entry}'
#
# {entry}, {request}, {person} and {site} in PATH become the care plan, request, person summary and programme site
# bench/pages.sh measures (USER_NAME=delivery for {site}, USER_NAME=neighbourhood for {entry}).
# Settings (environment): USER_NAME (default coordinator), SECONDS_PER_RUN (default 10), CONNECTIONS (default 16),
# ROUNDS (default 3), POPULATION (default 20000), JFR=true also records a flight recording of each app
# (bench/out/cpu-*/old.jfr, new.jfr), PG_DIR and PG_PORT reuse a running server (below). Needs wrk, curl, psql and
# the Debian PostgreSQL server packages.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/postgres.sh

OLD_JAR=${1:?old jar}
NEW_JAR=${2:?new jar}
PAGES=("${@:3}")
[[ ${#PAGES[@]} -gt 0 ]] || PAGES=(/cvd/worklist)
USER_NAME=${USER_NAME:-coordinator}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
CONNECTIONS=${CONNECTIONS:-16}
ROUNDS=${ROUNDS:-3}
POPULATION=${POPULATION:-20000}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
mkdir -p bench/out
OUT=bench/out/cpu-$$
mkdir -p "$OUT"
# PG_DIR and PG_PORT of a server already running (bench/lib/postgres.sh) with the demo data in its primarycare
# database: used as it is and left running, instead of a throw-away server whose demo data takes minutes to make
REUSE_PG=${PG_DIR:+true}
PG_PORT=${PG_PORT:-$(free_port)}
PG_DIR=${PG_DIR:-"$PWD/$OUT/pg"}
PIDS=()
cleanup() {
	set +e
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
	if [[ "$REUSE_PG" != "true" ]]; then
		pg_stop "$PG_DIR"
		rm -rf "$PG_DIR"
	fi
}
trap cleanup EXIT

[[ "$REUSE_PG" == "true" ]] || pg_start "$PG_DIR" "$PG_PORT"
pg_createdb "$PG_PORT" primarycare
PG_PID=$(head -n 1 "$PG_DIR/postmaster.pid")

# processor ticks (user + system) of a process and, with children=true, of every process under it
ticks() {
	local pid=$1 children=${2:-false} total=0 p
	local pids=("$pid")
	[[ "$children" == "true" ]] && pids+=($(pgrep -P "$pid" || true))
	for p in "${pids[@]}"; do
		[[ -r /proc/$p/stat ]] || continue
		total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat")))
	done
	echo "$total"
}

start_app() {
	local jar=$1 port=$2 log=$3 jfr=()
	[[ "${JFR:-false}" == "true" ]] && jfr=("-XX:StartFlightRecording=filename=$PWD/${log%.log}.jfr,settings=profile,delay=40s,dumponexit=true")
	java -Xmx512m "${jfr[@]}" -jar "$jar" --server.port="$port" --management.server.port=0 \
		--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/primarycare" --spring.datasource.username=postgres \
		--spring.datasource.password=unused --primarycare.demo.enabled=true \
		--primarycare.demo.population-size="$POPULATION" >"$log" 2>&1 &
	PIDS+=($!)
	for _ in $(seq 1 900); do
		grep -q "Demo data created\|Demo data already present" "$log" && return 0
		kill -0 "${PIDS[-1]}" 2>/dev/null || { echo "the app stopped:"; tail -n 30 "$log"; exit 1; }
		sleep 1
	done
	echo "the app did not become ready"; exit 1
}

sign_in() {
	local base=$1 jar=$2 token
	token=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"$//')
	curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$USER_NAME" \
		--data-urlencode "password=demo-password" --data-urlencode "_csrf=$token" "$base/login"
	awk '$6=="SESSION"{print $7}' "$jar"
}

# one wrk run: prints "requests req/s app-ms-per-request db-ms-per-request"
run() {
	local base=$1 session=$2 pid=$3 hz app0 db0 app1 db1 requests rps
	local PAGE=$4
	hz=$(getconf CLK_TCK)
	app0=$(ticks "$pid"); db0=$(ticks "$PG_PID" true)
	read -r requests rps < <(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -H "Cookie: SESSION=$session" "$base$PAGE" \
		| awk '/requests in/ { n = $1 } /Requests\/sec/ { r = $2 } END { print n, r }')
	app1=$(ticks "$pid"); db1=$(ticks "$PG_PID" true)
	awk -v n="$requests" -v r="$rps" -v a=$((app1 - app0)) -v d=$((db1 - db0)) -v hz="$hz" \
		'BEGIN { printf "%d %.1f %.2f %.2f\n", n, r, a * 1000 / hz / n, d * 1000 / hz / n }'
}

OLD_PORT=$(free_port); NEW_PORT=$(free_port)
# the old jar first, so that it creates the demo data and the new one finds it present
start_app "$OLD_JAR" "$OLD_PORT" "$OUT/old.log"
OLD_PID=${PIDS[-1]}
start_app "$NEW_JAR" "$NEW_PORT" "$OUT/new.log"
NEW_PID=${PIDS[-1]}
# the demo data bench/pages.sh measures
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAq primarycare)
resolve() {
	local path=$1
	[[ "$path" == *"{entry}"* ]] && path=${path//\{entry\}/$("${PSQL[@]}" -c "SELECT id FROM neighbourhood.caseload_entry WHERE site_code = 'OX-CTY' ORDER BY id LIMIT 1")}
	[[ "$path" == *"{request}"* ]] && path=${path//\{request\}/$("${PSQL[@]}" -c "SELECT id FROM triage.request WHERE site_code = 'BK-AYL' AND status = 'OPEN' ORDER BY received_at LIMIT 1")}
	[[ "$path" == *"{person}"* ]] && path=${path//\{person\}/$("${PSQL[@]}" -c "SELECT p.nhs_number FROM population.person p JOIN directory.practice pr ON pr.ods_code = p.registered_practice JOIN directory.pcn pc ON pc.ods_code = pr.pcn_code WHERE pc.site_code = 'BK-AYL' ORDER BY p.nhs_number LIMIT 1")}
	[[ "$path" == *"{site}"* ]] && path=${path//\{site\}/$("${PSQL[@]}" -c "SELECT id FROM programme.programme_site WHERE place_code = '15A' ORDER BY id LIMIT 1")}
	echo "$path"
}
OLD_SESSION=$(sign_in "http://127.0.0.1:$OLD_PORT" "$OUT/old-cookies")
NEW_SESSION=$(sign_in "http://127.0.0.1:$NEW_PORT" "$OUT/new-cookies")
echo "old: $OLD_JAR   new: $NEW_JAR"
for PAGE in "${PAGES[@]}"; do
	PAGE=$(resolve "$PAGE")
	for side in old new; do
		if [[ $side == old ]]; then base="http://127.0.0.1:$OLD_PORT"; session=$OLD_SESSION; else base="http://127.0.0.1:$NEW_PORT"; session=$NEW_SESSION; fi
		status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: SESSION=$session" "$base$PAGE")
		[[ "$status" == "200" ]] || { echo "$side: $PAGE answered $status"; exit 1; }
		wrk -t2 -c"$CONNECTIONS" -d5s -H "Cookie: SESSION=$session" "$base$PAGE" >/dev/null
	done

	echo
	echo "$PAGE as $USER_NAME, demo population $POPULATION, wrk -t2 -c$CONNECTIONS ${SECONDS_PER_RUN}s a run, alternating"
	printf '%-6s %-4s %9s %8s %14s %14s %14s\n' round jar requests "req/s" "app ms/req" "db ms/req" "total ms/req"
	for round in $(seq 1 "$ROUNDS"); do
		for side in old new; do
			if [[ $side == old ]]; then
				read -r n r a d < <(run "http://127.0.0.1:$OLD_PORT" "$OLD_SESSION" "$OLD_PID" "$PAGE")
			else
				read -r n r a d < <(run "http://127.0.0.1:$NEW_PORT" "$NEW_SESSION" "$NEW_PID" "$PAGE")
			fi
			printf '%-6s %-4s %9s %8s %14s %14s %14s\n' "$round" "$side" "$n" "$r" "$a" "$d" \
				"$(awk -v a="$a" -v d="$d" 'BEGIN { printf "%.2f", a + d }')"
		done
	done
done
[[ "${JFR:-false}" == "true" ]] && echo "Flight recordings: $OUT/old.jfr, $OUT/new.jfr (written when the apps stop)"
exit 0
