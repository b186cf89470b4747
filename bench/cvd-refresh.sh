#!/usr/bin/env bash
# Benchmark of the CVD population refresh and of the re-evaluation after one new reading.
#
#   bench/cvd-refresh.sh [SIZE]          (default 2,000,000 people, the whole ICS)
#
# 1. Starts the app (-Xmx1g) on a fresh embedded PostgreSQL under bench/out/ with a population of SIZE; the demo
#    data creates the population and then runs the first CVD refresh (the baseline), and the app stops.
# 2. Starts the app again on the same database, signs in as the demo administrator and runs an on-demand refresh
#    (a normal, non-baseline refresh that compares with the previous one and publishes events on change).
# 3. Records 5 blood pressure readings for people on the worklist through the CVD person page and reports how long
#    the event-driven re-evaluation took (the listener logs it) and the whole request (record + re-evaluate).
#
# SKIP_BUILD=true reuses target/primarycare-*.jar; KEEP_DATA=true keeps the database directory afterwards;
# DATA_DIR=bench/out/<dir> with a population already in it skips step 1 (and keeps the directory).
set -euo pipefail

SIZE="${1:-2000000}"
cd "$(dirname "$0")/.."

find_jar() {
	ls target/primarycare-*.jar 2>/dev/null | grep -v -- '-plain.jar' | head -n 1 || true
}
if [[ "${SKIP_BUILD:-false}" != "true" || -z "$(find_jar)" ]]; then
	echo "Building the application jar..."
	./mvnw -B -q -o -DskipTests package
fi
JAR="$(find_jar)"

mkdir -p bench/out
REUSE="${DATA_DIR:-}"
DATA_DIR="${DATA_DIR:-bench/out/cvd-pg-$$}"
LOG1="bench/out/cvd-run1-$$.log"
LOG2="bench/out/cvd-run2-$$.log"
# A free port for the second run
PORT="${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])')}"
JAR_PID=""
cleanup() {
	if [[ -n "$JAR_PID" ]] && kill -0 "$JAR_PID" 2>/dev/null; then
		kill "$JAR_PID"
		wait "$JAR_PID" 2>/dev/null || true
	fi
	if [[ "${KEEP_DATA:-false}" != "true" && -z "$REUSE" ]]; then
		rm -rf "$DATA_DIR"
	fi
}
trap cleanup EXIT

run_app() {
	env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
		java -Xmx1g -jar "$JAR" --primarycare.embedded-db.data-dir="$DATA_DIR" --primarycare.demo.enabled=true --management.server.port=0 \
		--primarycare.demo.population-size="$SIZE" "$@"
}

if [[ -z "$REUSE" ]]; then
echo "1. Population of $SIZE and the baseline CVD refresh (log: $LOG1)"
if ! run_app --primarycare.demo.exit-after-creation=true --server.port=0 >"$LOG1" 2>&1; then
	echo "The first run failed; last lines of the log:" >&2
	tail -n 40 "$LOG1" >&2
	exit 1
fi
grep -m1 'Population created:' "$LOG1" | sed 's/.*: Population/   Population/'
baseline="$(grep -m1 'CVD population refresh:' "$LOG1" | sed 's/.*CVD population refresh: /   baseline refresh: /')"
echo "$baseline"
fi

echo "2. On-demand refresh (log: $LOG2)"
# java itself in the background (not a subshell), so that its PID is the one stopped at the end
env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
	java -Xmx1g -jar "$JAR" --primarycare.embedded-db.data-dir="$DATA_DIR" --primarycare.demo.enabled=true --management.server.port=0 \
	--primarycare.demo.population-size="$SIZE" --server.port="$PORT" >"$LOG2" 2>&1 &
JAR_PID=$!
for _ in $(seq 1 600); do
	grep -q 'Started PrimaryCareApplication' "$LOG2" && break
	kill -0 "$JAR_PID" 2>/dev/null || { echo "The app stopped:" >&2; tail -n 20 "$LOG2" >&2; exit 1; }
	sleep 1
done
BASE="http://localhost:$PORT"
JAR_COOKIES="$(mktemp)"
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"$//'; }
token="$(curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login" | csrf)"
curl -s -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o /dev/null -d "username=admin&password=demo-password&_csrf=$token" "$BASE/login"
token="$(curl -s -b "$JAR_COOKIES" "$BASE/cvd/refresh" | csrf)"
curl -s -b "$JAR_COOKIES" -o /dev/null -d "_csrf=$token" "$BASE/cvd/refresh"
for _ in $(seq 1 1200); do
	[[ "$(grep -c 'CVD population refresh:' "$LOG2")" -ge 1 ]] && break
	grep -q 'CVD population refresh .* failed' "$LOG2" && { echo "The refresh failed" >&2; tail -n 40 "$LOG2" >&2; exit 1; }
	sleep 1
done
second="$(grep -m1 'CVD population refresh:' "$LOG2" | sed 's/.*CVD population refresh: /   on-demand refresh: /')"
echo "$second"

echo "3. Re-evaluation after one new reading (5 readings, home setting)"
today_d=$(date +%-d); today_m=$(date +%-m); today_y=$(date +%Y)
people="$(curl -s -b "$JAR_COOKIES" "$BASE/cvd/worklist?rule=CVD-ASSESS-5Y" | grep -o '/cvd/people/[0-9]\{10\}' | head -n 5 | sed 's#.*/##')"
for nhs in $people; do
	token="$(curl -s -b "$JAR_COOKIES" "$BASE/cvd/people/$nhs" | csrf)"
	curl -s -b "$JAR_COOKIES" -o /dev/null -w '   request (record + re-evaluate + redirect): %{time_total} s\n' \
		-d "systolic=152&diastolic=95&setting=HOME&readingDay=$today_d&readingMonth=$today_m&readingYear=$today_y&_csrf=$token" \
		"$BASE/cvd/people/$nhs/readings"
done
sleep 2
grep 'CVD re-evaluation after' "$LOG2" | sed 's/.*CVD re-evaluation/   event-driven re-evaluation/'
rm -f "$JAR_COOKIES"
