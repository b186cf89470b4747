#!/usr/bin/env bash
# The main pages of each role under wrk with a signed-in session, side by side with Spring PetClinic on the same
# PostgreSQL server, both inside -Xmx512m, measured alternately (our page, then PetClinic's comparable page, and
# again), printing requests per second, p99 latency and the ratio of each pair.
#
#   bench/pages.sh
#
# Needs: JDK 17, wrk (apt-get install wrk), curl, psql, a PostgreSQL server from the Debian packages
# (apt-get install postgresql-15; without one the app's embedded PostgreSQL 17 is used and PetClinic is skipped).
# Settings (environment):
#   PETCLINIC_JAR     PetClinic's jar (default ../shared/perf/petclinic.jar beside the project); missing: ours only
#   SECONDS_PER_RUN   seconds of each wrk run (default 10)       CONNECTIONS  wrk connections (default 16)
#   ROUNDS            how many times each pair is measured (default 2)
#   WARMUP_SECONDS    wrk seconds on each page, ours and PetClinic's, before the rounds (default 20): on 2 cores both
#                     JITs were still speeding up after 3 s, so short warm-ups measured compilation, not the pages
#   JAR               the app jar to measure (default: target/primarycare-*.jar, built when missing)
#   POPULATION        demo population (default 20000)            PAGES        only the pages whose name matches this
#   KEEP_DATA=true    keep the database directory (bench/out/pages-pg) and reuse it next time
# Adding a page: one line in the PAGES_LIST below (role, name, path with a placeholder, PetClinic page to compare).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/postgres.sh

SECONDS_PER_RUN=${SECONDS_PER_RUN:-10}
CONNECTIONS=${CONNECTIONS:-16}
ROUNDS=${ROUNDS:-2}
WARMUP_SECONDS=${WARMUP_SECONDS:-20}
POPULATION=${POPULATION:-20000}
PETCLINIC_JAR=${PETCLINIC_JAR:-../shared/perf/petclinic.jar}
ONLY=${PAGES:-}

# role | name | path ({request}, {person}, {entry}, {site} are demo data found below) | PetClinic page to compare
PAGES_LIST='
coordinator   | start page          | /                                     | vets
coordinator   | hub queue           | /triage                               | owner list
coordinator   | request             | /triage/requests/{request}            | owner detail
coordinator   | person summary      | /population/people/{person}           | owner detail
coordinator   | CVD worklist        | /cvd/worklist                         | owner list
neighbourhood | caseload            | /neighbourhood/teams/OX-CTY/caseload  | owner list
neighbourhood | care plan           | /neighbourhood/care-plans/{entry}     | owner detail
delivery      | programme site      | /programme/sites/{site}               | owner detail
'
declare -A PEER=( ["owner list"]="/owners?lastName=" ["owner detail"]="/owners/1" ["vets"]="/vets.html" )

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

if [[ -z "${JAR:-}" ]]; then
	JAR=$(ls target/primarycare-*.jar 2>/dev/null | grep -v -- '-plain.jar' | head -n 1 || true)
	if [[ -z "$JAR" ]]; then
		./mvnw -B -q -DskipTests package
		JAR=$(ls target/primarycare-*.jar | grep -v -- '-plain.jar' | head -n 1)
	fi
fi
mkdir -p bench/out
OUT=bench/out/pages-$$
mkdir -p "$OUT"
APP_PORT=$(free_port); MGMT_PORT=$(free_port); PC_PORT=$(free_port); PG_PORT=$(free_port)
PG_DIR="$PWD/bench/out/pages-pg"
[[ "${KEEP_DATA:-false}" == "true" ]] || PG_DIR="$PWD/$OUT/pg"
APP_PID=""; PC_PID=""; USE_SERVER=false
cleanup() {
	set +e
	[[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
	[[ -n "$PC_PID" ]] && kill "$PC_PID" 2>/dev/null && wait "$PC_PID" 2>/dev/null
	[[ "$USE_SERVER" == "true" ]] && pg_stop "$PG_DIR"
	[[ "${KEEP_DATA:-false}" == "true" ]] || rm -rf "$PG_DIR"
}
trap cleanup EXIT

if [[ -x "$PG_BIN/postgres" ]]; then
	USE_SERVER=true
	pg_start "$PG_DIR" "$PG_PORT"
	pg_createdb "$PG_PORT" primarycare
	pg_createdb "$PG_PORT" petclinic
	DB_SAY="PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') (Debian packages) on port $PG_PORT, one server for both apps"
	java -Xmx512m -jar "$JAR" --server.port="$APP_PORT" --management.server.port="$MGMT_PORT" \
		--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/primarycare" --spring.datasource.username=postgres \
		--spring.datasource.password=unused --primarycare.demo.enabled=true --primarycare.demo.population-size="$POPULATION" \
		>"$OUT/app.log" 2>&1 &
	APP_PID=$!
	PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAq primarycare)
else
	DB_SAY="the app's embedded PostgreSQL 17 (no Debian PostgreSQL server installed: PetClinic skipped)"
	env -u SPRING_DATASOURCE_URL java -Xmx512m -jar "$JAR" --server.port="$APP_PORT" --management.server.port="$MGMT_PORT" \
		--primarycare.embedded-db.data-dir="$PG_DIR" --primarycare.demo.population-size="$POPULATION" >"$OUT/app.log" 2>&1 &
	APP_PID=$!
	PSQL=()
fi

if [[ "$USE_SERVER" == "true" && -f "$PETCLINIC_JAR" ]]; then
	java -Xmx512m -jar "$PETCLINIC_JAR" --spring.profiles.active=postgres --server.port="$PC_PORT" \
		--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/petclinic" --spring.datasource.username=postgres \
		--spring.datasource.password=unused >"$OUT/petclinic.log" 2>&1 &
	PC_PID=$!
else
	[[ -f "$PETCLINIC_JAR" ]] || echo "No PetClinic at $PETCLINIC_JAR: measuring our pages only"
fi

for _ in $(seq 1 900); do
	grep -q "Demo data created\|Demo data already present" "$OUT/app.log" && break
	kill -0 "$APP_PID" 2>/dev/null || { echo "the app stopped:"; tail -n 30 "$OUT/app.log"; exit 1; }
	sleep 1
done
grep -q "Demo data created\|Demo data already present" "$OUT/app.log" || { echo "the app did not become ready"; exit 1; }
if [[ -n "$PC_PID" ]]; then
	for _ in $(seq 1 180); do
		grep -q "Started PetClinicApplication" "$OUT/petclinic.log" && break
		kill -0 "$PC_PID" 2>/dev/null || { echo "PetClinic stopped:"; tail -n 30 "$OUT/petclinic.log"; exit 1; }
		sleep 1
	done
fi
if [[ ${#PSQL[@]} -eq 0 ]]; then
	EMBEDDED_PORT=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$OUT/app.log" | awk '{print $NF}')
	PSQL=(psql -h localhost -p "$EMBEDDED_PORT" -U postgres -tAq postgres)
fi

BASE="http://127.0.0.1:$APP_PORT"
declare -A SESSIONS
sign_in() {
	local user=$1 jar="$OUT/cookies-$1" token
	token=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"$//')
	curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$user" --data-urlencode "password=demo-password" \
		--data-urlencode "_csrf=$token" "$BASE/login"
	awk '$6=="SESSION"{print $7}' "$jar"
}
resolve() {
	local path=$1
	path=${path//\{request\}/$("${PSQL[@]}" -c "SELECT id FROM triage.request WHERE site_code = 'BK-AYL' AND status = 'OPEN' ORDER BY received_at LIMIT 1")}
	path=${path//\{person\}/$("${PSQL[@]}" -c "SELECT p.nhs_number FROM population.person p JOIN directory.practice pr ON pr.ods_code = p.registered_practice JOIN directory.pcn pc ON pc.ods_code = pr.pcn_code WHERE pc.site_code = 'BK-AYL' ORDER BY p.nhs_number LIMIT 1")}
	path=${path//\{entry\}/$("${PSQL[@]}" -c "SELECT id FROM neighbourhood.caseload_entry WHERE site_code = 'OX-CTY' ORDER BY id LIMIT 1")}
	path=${path//\{site\}/$("${PSQL[@]}" -c "SELECT id FROM programme.programme_site WHERE place_code = '15A' ORDER BY id LIMIT 1")}
	echo "$path"
}

# wrk: prints "req/s p99(ms) non2xx bytes"
measure() {
	local url=$1 cookie=$2 seconds=$3
	local args=(-t2 -c"$CONNECTIONS" -d"${seconds}s" --latency)
	[[ -n "$cookie" ]] && args+=(-H "Cookie: SESSION=$cookie")
	wrk "${args[@]}" "$url" | awk '
		function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
		/Requests\/sec/ { rps = $2 } /Non-2xx/ { bad = $NF } /^ +99%/ { p99 = ms($2) } /requests in/ { n = $1; b = $5 }
		END { printf "%.1f %.0f %d %s\n", rps, p99, bad + 0, b }'
}

declare -a NAMES PATHS ROLES PEERS
while IFS='|' read -r role name path peer; do
	role=$(echo "$role" | xargs); [[ -z "$role" ]] && continue
	name=$(echo "$name" | xargs); path=$(echo "$path" | xargs); peer=$(echo "$peer" | xargs)
	[[ -n "$ONLY" && "$name" != *"$ONLY"* ]] && continue
	[[ -z "${SESSIONS[$role]:-}" ]] && SESSIONS[$role]=$(sign_in "$role")
	[[ -n "${SESSIONS[$role]}" ]] || { echo "could not sign in as $role"; exit 1; }
	NAMES+=("$name"); PATHS+=("$(resolve "$path")"); ROLES+=("$role"); PEERS+=("$peer")
done <<<"$PAGES_LIST"

echo "Database: $DB_SAY"
echo "Both apps -Xmx512m; wrk -t2 -c$CONNECTIONS, ${SECONDS_PER_RUN}s a run, $ROUNDS rounds, our page then PetClinic's, alternating, after ${WARMUP_SECONDS}s of warm-up on each page"
echo "App: $JAR ($(git rev-parse --short HEAD 2>/dev/null || echo '?')), demo population $POPULATION"
# warm up both JITs on every page
for i in "${!NAMES[@]}"; do
	status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: SESSION=${SESSIONS[${ROLES[$i]}]}" "$BASE${PATHS[$i]}")
	[[ "$status" == "200" ]] || { echo "${NAMES[$i]} (${PATHS[$i]}) answered $status"; exit 1; }
	measure "$BASE${PATHS[$i]}" "${SESSIONS[${ROLES[$i]}]}" "$WARMUP_SECONDS" >/dev/null
done
if [[ -n "$PC_PID" ]]; then
	for peer in "${!PEER[@]}"; do measure "http://127.0.0.1:$PC_PORT${PEER[$peer]}" "" "$WARMUP_SECONDS" >/dev/null; done
fi

RESULTS="$OUT/results.tsv"
: >"$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
	for i in "${!NAMES[@]}"; do
		read -r rps p99 bad bytes < <(measure "$BASE${PATHS[$i]}" "${SESSIONS[${ROLES[$i]}]}" "$SECONDS_PER_RUN")
		prps="-"; pp99="-"
		if [[ -n "$PC_PID" ]]; then
			read -r prps pp99 pbad _ < <(measure "http://127.0.0.1:$PC_PORT${PEER[${PEERS[$i]}]}" "" "$SECONDS_PER_RUN")
		fi
		printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$i" "$rps" "$p99" "$bad" "$prps" "$pp99" >>"$RESULTS"
		printf '  round %s  %-16s %8s req/s  p99 %5s ms  non-2xx %s' "$round" "${NAMES[$i]}" "$rps" "$p99" "$bad"
		[[ -n "$PC_PID" ]] && printf '   | PetClinic %-13s %8s req/s  p99 %5s ms' "${PEERS[$i]}" "$prps" "$pp99"
		echo
	done
done

echo
echo "| Page (role) | req/s | p99 ms | PetClinic page | req/s | ratio |"
echo "|---|---|---|---|---|---|"
failed=0
for i in "${!NAMES[@]}"; do
	awk -F'\t' -v i="$i" -v name="${NAMES[$i]} (${ROLES[$i]})" -v peer="${PEERS[$i]}" '
		$2 == i { r = r sep $3; p = ($4 > p ? $4 : p); bad += $5; pr = pr sep $6; if ($6 != "-" && $6 > 0) { ratio = ratio sep sprintf("%.2f", $3 / $6) } else { ratio = ratio sep "-" } sep = ", " }
		END { printf "| %s | %s | %d | %s | %s | %s |\n", name, r, p, peer, pr, ratio; if (bad > 0) exit 2; if (p >= 250) exit 3 }' "$RESULTS" \
		|| { rc=$?; [[ $rc == 2 ]] && echo "  ^ some responses were not 2xx"; [[ $rc == 3 ]] && echo "  ^ p99 at or over 250 ms"; failed=1; }
done
echo
echo "Figures also in $RESULTS (round, page, req/s, p99 ms, non-2xx, PetClinic req/s, PetClinic p99 ms)"
exit $failed
