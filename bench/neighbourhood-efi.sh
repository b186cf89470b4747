#!/usr/bin/env bash
# Benchmark of the electronic Frailty Index (neighbourhood module): computes the eFI of everyone aged 65 and over in a
# 2,000,000-person population, inside -Xmx1g.
#
#   1. builds the population once (like bench/generate-population.sh) into bench/out/efi-pg, unless it is there;
#      the neighbourhood demo data computes the frailty register a first time during that run;
#   2. starts the app (-Xmx1g) on that database, signs in as the ICB administrator and asks for a recompute of the
#      frailty register (POST /neighbourhood/frailty/refresh), then waits for it and prints the figure it logs.
#
#   bench/neighbourhood-efi.sh [SIZE]        (default 2000000; KEEP_DATA=false removes the database afterwards)
set -euo pipefail

SIZE="${1:-2000000}"
PORT=18082
cd "$(dirname "$0")/.."
command -v curl >/dev/null || { echo "curl is needed"; exit 1; }

find_jar() {
	ls target/primarycare-*.jar 2>/dev/null | grep -v -- '-plain.jar' | head -n 1 || true
}
JAR="${JAR:-$(find_jar)}"
if [[ -z "$JAR" ]]; then
	echo "Building the application jar..."
	./mvnw -B -q -o -DskipTests package
	JAR="$(find_jar)"
fi

mkdir -p bench/out
DATA_DIR="bench/out/efi-pg-$SIZE"
GEN_LOG="bench/out/efi-generate-$SIZE.log"
LOG="bench/out/efi-run-$$.log"
run_app() {
	env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
		java -Xmx1g -jar "$JAR" --primarycare.embedded-db.data-dir="$DATA_DIR" --primarycare.demo.enabled=true --management.server.port=0 \
		--primarycare.demo.population-size="$SIZE" "$@"
}

if [[ ! -d "$DATA_DIR" ]]; then
	echo "Generating $SIZE people into $DATA_DIR (once; log: $GEN_LOG)..."
	if ! run_app --primarycare.demo.exit-after-creation=true --server.port=0 >"$GEN_LOG" 2>&1; then
		echo "Generation failed; last lines:" >&2
		tail -n 40 "$GEN_LOG" >&2
		rm -rf "$DATA_DIR"
		exit 1
	fi
	grep -m1 'Population created:' "$GEN_LOG" | sed 's/^.*: Population/Population/'
	grep -m1 'Frailty register refreshed' "$GEN_LOG" | sed 's/^.*: Frailty/During demo data: Frailty/' || true
fi

echo "Starting the app on $DATA_DIR (-Xmx1g, log: $LOG)..."
# started directly (not through the function) so that $! is the JVM itself and the trap can stop it
env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
	java -Xmx1g -jar "$JAR" --primarycare.embedded-db.data-dir="$DATA_DIR" --primarycare.demo.enabled=true --management.server.port=0 \
	--primarycare.demo.population-size="$SIZE" --server.port=$PORT >"$LOG" 2>&1 &
APP=$!
stop_app() {
	kill "$APP" 2>/dev/null || true
	for _ in $(seq 1 60); do
		kill -0 "$APP" 2>/dev/null || break
		sleep 1
	done
	kill -9 "$APP" 2>/dev/null || true
	if [[ "${KEEP_DATA:-true}" != "true" ]]; then rm -rf "$DATA_DIR"; fi
}
trap stop_app EXIT
for _ in $(seq 1 180); do
	grep -q "Started PrimaryCareApplication" "$LOG" && break
	kill -0 $APP 2>/dev/null || { echo "The app stopped; last lines:"; tail -n 30 "$LOG"; exit 1; }
	sleep 1
done

COOKIES="bench/out/efi-cookies-$$"
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"$//'; }
TOKEN=$(curl -s -c "$COOKIES" -b "$COOKIES" "http://localhost:$PORT/login" | csrf)
curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" --data-urlencode "username=admin" \
	--data-urlencode "password=demo-password" --data-urlencode "_csrf=$TOKEN" "http://localhost:$PORT/login"
TOKEN=$(curl -s -c "$COOKIES" -b "$COOKIES" "http://localhost:$PORT/neighbourhood/frailty" | csrf)
[[ -n "$TOKEN" ]] || { echo "Could not open the frailty register page as admin"; exit 1; }
echo "Recomputing the frailty register..."
curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" --data-urlencode "_csrf=$TOKEN" \
	"http://localhost:$PORT/neighbourhood/frailty/refresh"
rm -f "$COOKIES"
for _ in $(seq 1 600); do
	grep -q "Frailty register refreshed" "$LOG" && break
	grep -q "Frailty register refresh failed" "$LOG" && { grep -A5 "refresh failed" "$LOG"; exit 1; }
	sleep 1
done
line="$(grep -m1 'Frailty register refreshed' "$LOG" || true)"
[[ -n "$line" ]] || { echo "No refresh finished within 10 minutes"; exit 1; }
echo "$line" | sed 's/^.*: Frailty/Frailty/'
jcmd $APP GC.heap_info 2>/dev/null | grep -E "garbage-first heap" | head -1 || true
echo "OutOfMemoryError lines in the log: $(grep -c "OutOfMemoryError" "$LOG" || true)"
