#!/usr/bin/env bash
# Benchmark of the synthetic population generator: starts the app (-Xmx1g) on a fresh embedded PostgreSQL under
# bench/out/, lets it create the demo data with SIZE people (default 2,000,000, the whole ICS), stops it, and prints
# how many people and record rows were loaded and how long the population took.
#
#   bench/generate-population.sh [SIZE]
#
# KEEP_DATA=true keeps the database directory for a look afterwards (bench/out is git-ignored).
set -euo pipefail

SIZE="${1:-2000000}"
cd "$(dirname "$0")/.."

find_jar() {
	ls target/primarycare-*.jar 2>/dev/null | grep -v -- '-plain.jar' | head -n 1 || true
}

JAR="$(find_jar)"
if [[ -z "$JAR" ]]; then
	echo "Building the application jar..."
	./mvnw -B -q -DskipTests package
	JAR="$(find_jar)"
fi

mkdir -p bench/out
DATA_DIR="bench/out/pg-$$"
LOG="bench/out/run-$$.log"
echo "Generating $SIZE people with $JAR (log: $LOG)"

started=$(date +%s.%N)
# A configured database would switch the embedded one (and demo data) off: make sure none is set
if ! env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
		java -Xmx1g -jar "$JAR" \
		--primarycare.embedded-db.data-dir="$DATA_DIR" \
		--primarycare.demo.enabled=true \
		--primarycare.demo.population-size="$SIZE" \
		--primarycare.demo.exit-after-creation=true \
		--server.port=0 >"$LOG" 2>&1; then
	echo "The run failed; last lines of the log:" >&2
	tail -n 40 "$LOG" >&2
	exit 1
fi
finished=$(date +%s.%N)

line="$(grep -m1 'Population created:' "$LOG" || true)"
if [[ -z "$line" ]]; then
	echo "No population was created (was it there already?); last lines of the log:" >&2
	tail -n 40 "$LOG" >&2
	exit 1
fi
# "Population created: 2000000 people, 16500000 record rows in 190.2 s (10515 people/s)"
people=$(sed -E 's/.*Population created: ([0-9]+) people.*/\1/' <<<"$line")
rows=$(sed -E 's/.* people, ([0-9]+) record rows.*/\1/' <<<"$line")
seconds=$(sed -E 's/.* rows in ([0-9.]+) s.*/\1/' <<<"$line")
rate=$(sed -E 's/.*\(([0-9]+) people\/s\).*/\1/' <<<"$line")
total=$(awk -v a="$started" -v b="$finished" 'BEGIN { printf "%.1f", b - a }')

echo "people:      $people"
echo "record rows: $rows"
echo "seconds:     $seconds (population only; $rate people/s)"
echo "whole run:   $total s (JVM start, embedded PostgreSQL, migrations, demo data, shutdown)"

if [[ "${KEEP_DATA:-false}" != "true" ]]; then
	rm -rf "$DATA_DIR"
fi
