#!/usr/bin/env bash
# Benchmark of the GOV.UK Notify sender: how many messages a second it hands to Notify, against a local fake Notify
# (WireMock standalone, answering like Notify's POST /v2/notifications/sms).
#
#   bench/messaging-send.sh [MESSAGES (default 5000)] [SENDER_THREADS (default 4)] [NOTIFY_LATENCY_MS (default 0)]
#
# 1. Starts the fake Notify and the app (-Xmx512m, a fresh embedded PostgreSQL with the 2,000-person demo), with an
#    API key and the fake's base URL, so the app really sends.
# 2. Waits for the demo's own messages to be sent, then queues MESSAGES text messages at once (one SQL insert, as
#    a backlog after an outage would look) and lets the sender drain them.
# 3. Prints messages per second from the first to the last acceptance (the sender's own timestamps), the whole time
#    from queueing, and checks the fake received each message exactly once.
# NOTIFY_LATENCY_MS adds a fixed delay to every answer of the fake (the real Notify answers in tens of milliseconds).
# The app's own pacing (primarycare.notify.max-per-minute, 3,000 by default: Notify's limit) is lifted to measure the
# sender itself; MAX_PER_MINUTE=3000 measures it as deployed.
# Needs: JDK 17, Node/npm (build), curl, psql.
set -euo pipefail
cd "$(dirname "$0")/.."
MESSAGES=${1:-5000}
THREADS=${2:-4}
LATENCY=${3:-0}
MAX_PER_MINUTE=${MAX_PER_MINUTE:-1000000}
OUT=bench/out/messaging-$$
mkdir -p "$OUT"
command -v psql >/dev/null || { echo "psql is not installed (apt-get install postgresql-client)"; exit 1; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])'; }
APP_PORT=$(free_port)
PG_PORT=$(free_port)
NOTIFY_PORT=$(free_port)

ls target/primarycare-*.jar >/dev/null 2>&1 || ./mvnw -B -q -o -DskipTests package
JAR=$(ls target/primarycare-*.jar | grep -v -- '-plain.jar' | head -1)
./mvnw -B -q dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.1 -DoutputDirectory="$OUT" >/dev/null
WIREMOCK=$(ls "$OUT"/wiremock-standalone-*.jar)

APP=""
FAKE=""
cleanup() {
	status=$?
	# a process stopped by its signal exits non-zero: not the benchmark's failure (and set -e must not end the cleanup)
	if [ -n "$APP" ]; then kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; fi
	if [ -n "$FAKE" ]; then kill "$FAKE" 2>/dev/null || true; wait "$FAKE" 2>/dev/null || true; fi
	rm -rf "$OUT"
	exit $status
}
trap cleanup EXIT

java -Xmx512m -jar "$WIREMOCK" --port "$NOTIFY_PORT" --global-response-templating --container-threads 64 > "$OUT/notify.log" 2>&1 &
FAKE=$!
for _ in $(seq 1 60); do curl -s -o /dev/null "http://localhost:$NOTIFY_PORT/__admin/mappings" && break; sleep 0.5; done
TEMPLATE=7f3c1d2e-5b6a-4c8d-9e0f-1a2b3c4d5e6f
curl -s -o /dev/null -X POST "http://localhost:$NOTIFY_PORT/__admin/mappings" -H 'Content-Type: application/json' -d '{
  "request": {"method": "POST", "urlPath": "/v2/notifications/sms"},
  "response": {"status": 201, "fixedDelayMilliseconds": '"$LATENCY"', "headers": {"Content-Type": "application/json"},
    "body": "{\"id\": \"{{randomValue type='"'"'UUID'"'"'}}\", \"reference\": \"{{jsonPath request.body '"'"'$.reference'"'"'}}\", \"content\": {\"body\": \"Benchmark\", \"from_number\": \"BOBNHS\"}, \"uri\": \"https://fake/1\", \"template\": {\"id\": \"{{jsonPath request.body '"'"'$.template_id'"'"'}}\", \"version\": 1, \"uri\": \"https://fake/t\"}}"}
}'
for type in email letter; do
	curl -s -o /dev/null -X POST "http://localhost:$NOTIFY_PORT/__admin/mappings" -H 'Content-Type: application/json' -d '{
  "request": {"method": "POST", "urlPath": "/v2/notifications/'"$type"'"},
  "response": {"status": 201, "headers": {"Content-Type": "application/json"},
    "body": "{\"id\": \"{{randomValue type='"'"'UUID'"'"'}}\", \"reference\": \"{{jsonPath request.body '"'"'$.reference'"'"'}}\", \"postage\": \"second\", \"content\": {\"body\": \"Benchmark\", \"subject\": \"Benchmark\"}, \"uri\": \"https://fake/1\", \"template\": {\"id\": \"{{jsonPath request.body '"'"'$.template_id'"'"'}}\", \"version\": 1, \"uri\": \"https://fake/t\"}}"}
}'
done

KEY="bench-11111111-2222-3333-4444-555555555555-66666666-7777-8888-9999-000000000000"
TEMPLATES=""
for name in form-confirmation-sms form-confirmation-email triage-outcome-sms triage-outcome-email cvd-invitation-sms \
	cvd-invitation-email cvd-reminder-sms cvd-reminder-email care-plan-sms care-plan-email free-text-sms; do
	TEMPLATES="$TEMPLATES --primarycare.notify.templates.$name=$TEMPLATE"
done
env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
	java -Xmx512m -jar "$JAR" --server.port="$APP_PORT" --primarycare.embedded-db.data-dir="$OUT/pg" \
	--primarycare.embedded-db.port="$PG_PORT" --primarycare.demo.enabled=true --primarycare.demo.population-size=2000 \
	--primarycare.notify.api-key="$KEY" --primarycare.notify.base-url="http://localhost:$NOTIFY_PORT" \
	--primarycare.notify.sender-threads="$THREADS" --primarycare.notify.max-per-minute="$MAX_PER_MINUTE" --primarycare.notify.poll-interval=PT0.2S $TEMPLATES \
	> "$OUT/app.log" 2>&1 &
APP=$!
for _ in $(seq 1 240); do
	grep -q "Demo data created\|APPLICATION FAILED" "$OUT/app.log" && break
	sleep 1
done
grep -q "Demo data created" "$OUT/app.log" || { echo "app did not become ready"; tail -30 "$OUT/app.log"; exit 1; }
# the embedded PostgreSQL asks every connection for the password it generated into its data folder
export PGPASSWORD
PGPASSWORD=$(cat "$OUT/pg/app-db-password")
SQL="psql -h localhost -p $PG_PORT -U postgres -d postgres -At -q"
for _ in $(seq 1 120); do
	[ "$($SQL -c "SELECT count(*) FROM messaging.message WHERE status = 'QUEUED'")" = "0" ] && break
	sleep 1
done
echo "demo messages sent at start-up: $($SQL -c "SELECT count(*) FROM messaging.message WHERE notify_id IS NOT NULL")"

sms_sends() {
	curl -s -X POST "http://localhost:$NOTIFY_PORT/__admin/requests/count" -H 'Content-Type: application/json' \
		-d '{"method": "POST", "urlPath": "/v2/notifications/sms"}' | grep -o '[0-9]*'
}
BEFORE=$(sms_sends)
START=$(date +%s.%N)
$SQL -c "
INSERT INTO messaging.message (id, reference, kind, channel, site_code, place_code, recipient, basis, template_name,
    template_id, personalisation, body, status, next_attempt_at, created_at, status_at)
SELECT gen_random_uuid(), 'bench:' || g, 'FREE_TEXT', 'SMS', 'BK-AYL', '14Y',
       '07700900' || lpad((g % 1000)::text, 3, '0'), 'Benchmark', 'free-text-sms', '$TEMPLATE',
       ('{\"hub_name\": \"Aylesbury neighbourhood\", \"reference\": \"TR-BENCH\", \"message\": \"Benchmark message ' || g || '\"}')::json,
       'Benchmark', 'QUEUED', now(), now(), now()
FROM generate_series(1, $MESSAGES) g"
for _ in $(seq 1 1200); do
	LEFT=$($SQL -c "SELECT count(*) FROM messaging.message WHERE reference LIKE 'bench:%' AND status = 'QUEUED'")
	[ "$LEFT" = "0" ] && break
	sleep 0.5
done
END=$(date +%s.%N)
$SQL -F ' ' -c "
SELECT count(*) FILTER (WHERE status = 'CREATED'), count(*) FILTER (WHERE status <> 'CREATED'),
       round(extract(epoch FROM max(sent_at) - min(sent_at))::numeric, 2),
       max(attempts)
FROM messaging.message WHERE reference LIKE 'bench:%'" | {
	read -r accepted other seconds attempts
	echo "sender threads: $THREADS; fake Notify latency: ${LATENCY} ms; pacing: $MAX_PER_MINUTE a minute; messages queued at once: $MESSAGES"
	echo "accepted: $accepted; not accepted: $other; most attempts for one message: $attempts"
	echo "first to last acceptance: ${seconds} s = $(python3 -c "print(round($accepted / max($seconds, 0.001), 1))") messages/s"
	echo "queued to all accepted (with the sender's poll): $(python3 -c "print(round($END - $START, 2))") s"
}
echo "text messages the fake received meanwhile: $(( $(sms_sends) - BEFORE )) (each message exactly once: $MESSAGES)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
