#!/usr/bin/env bash
# Benchmark of the CVD trend back-fill: the dashboard indicators counted as they stood on each of the last 8 quarter
# ends, from the dated record (everyone read once and evaluated 8 times).
#
#   bench/cvd-backfill.sh [SIZE]          (default 2,000,000 people, the whole ICS)
#
# Starts the app (-Xmx1g) on a fresh embedded PostgreSQL under bench/out/ with a population of SIZE; the demo data
# creates the population and runs the first CVD refresh, which back-fills the trend (as the first refresh after each
# quarter end does), and the app stops. Prints the population, the refresh and the back-fill lines of the log.
#
# SKIP_BUILD=true reuses target/primarycare-*.jar; KEEP_DATA=true keeps the database directory afterwards.
# Measure on a quiet machine: the figure means little while other builds share the cores (see `uptime`).
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
DATA_DIR="bench/out/cvd-backfill-pg-$$"
LOG="bench/out/cvd-backfill-$$.log"
cleanup() {
	if [[ "${KEEP_DATA:-false}" != "true" ]]; then
		rm -rf "$DATA_DIR"
	fi
}
trap cleanup EXIT

echo "Load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Population of $SIZE, the baseline CVD refresh and the back-fill (log: $LOG)"
if ! env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
	java -Xmx1g -jar "$JAR" --primarycare.embedded-db.data-dir="$DATA_DIR" --primarycare.demo.enabled=true \
	--management.server.port=0 --server.port=0 --primarycare.demo.population-size="$SIZE" \
	--primarycare.demo.exit-after-creation=true >"$LOG" 2>&1; then
	echo "The run failed; last lines of the log:" >&2
	tail -n 40 "$LOG" >&2
	exit 1
fi
grep -m1 'Population created:' "$LOG" | sed 's/.*: Population/   Population/'
grep -m1 'CVD population refresh:' "$LOG" | sed 's/.*CVD population refresh: /   baseline refresh: /'
grep -m1 'CVD trend back-filled' "$LOG" | sed 's/.*CVD trend back-filled/   back-fill/' \
	|| { echo "No back-fill in the log" >&2; exit 1; }
echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)"
