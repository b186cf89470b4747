#!/usr/bin/env bash
# Two app instances on one PostgreSQL server, and what must hold between them:
#   1. a user signed in through one instance is signed in on the other (and signed out on both);
#   2. a scheduled job (the CVD refresh, here every 30 s) runs once per tick across both (ShedLock);
#   3. an event (a same-day request for someone on a caseload: the INT keyworker alert) is handled once;
#   4. two coordinators claiming the same request through different instances: exactly one wins;
#   5. an instance killed while a listener is handling an event: the other instance resubmits the publication once
#      the staleness monitor has marked it failed, and the alert is written once.
# Each check prints PASS or FAIL; the script exits non-zero if any failed.
#
#   bench/two-instances.sh
#
# Needs: JDK 17, curl, psql, a PostgreSQL server from the Debian packages (apt-get install postgresql-15).
# JAR=... measures another jar; LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs is set, so the logs under bench/out are JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/postgres.sh
[[ -x "$PG_BIN/postgres" ]] || { echo "Needs a PostgreSQL server: apt-get install postgresql-15"; exit 1; }

if [[ -z "${JAR:-}" ]]; then
	JAR=$(ls target/primarycare-*.jar 2>/dev/null | grep -v -- '-plain.jar' | head -n 1 || true)
	[[ -n "$JAR" ]] || { ./mvnw -B -q -DskipTests package; JAR=$(ls target/primarycare-*.jar | grep -v -- '-plain.jar' | head -n 1); }
fi
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
OUT=bench/out/two-instances-$$
mkdir -p "$OUT"
PG_DIR="$PWD/$OUT/pg"; PG_PORT=$(free_port)
A_PORT=$(free_port); A_MGMT=$(free_port); B_PORT=$(free_port); B_MGMT=$(free_port)
A_PID=""; B_PID=""; LOCK_PID=""
failures=0
cleanup() {
	set +e
	for pid in $A_PID $B_PID $LOCK_PID; do kill "$pid" 2>/dev/null || true; done
	sleep 3
	pg_stop "$PG_DIR"
	rm -rf "$PG_DIR"
	return 0
}
trap cleanup EXIT
pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }
sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -tAq primarycare -c "$1"; }

pg_start "$PG_DIR" "$PG_PORT"
pg_createdb "$PG_PORT" primarycare

# Settings for the demonstration: the CVD refresh every 30 s, stuck publications failed after 15 s, failed ones
# resubmitted every 5 s. Everything else as in production.
start_instance() {
	local name=$1 port=$2 mgmt=$3
	LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs java -Xmx512m -jar "$JAR" --server.port="$port" --management.server.port="$mgmt" \
		--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/primarycare" --spring.datasource.username=postgres \
		--spring.datasource.password=unused --primarycare.demo.enabled=true --primarycare.demo.population-size=2000 \
		--primarycare.cvd.refresh-cron="*/30 * * * * *" --spring.modulith.events.staleness.processing=PT15S \
		--spring.modulith.events.staleness.published=PT15S --spring.modulith.events.staleness.check-interval=PT5S \
		--primarycare.events.resubmit-interval=PT5S >>"$OUT/$name.log" 2>&1 &
	echo $!
}
wait_ready() {
	local mgmt=$1 pid=$2 name=$3
	for _ in $(seq 1 300); do
		curl -s "http://127.0.0.1:$mgmt/actuator/health/readiness" | grep -q '"status":"UP"' && return 0
		kill -0 "$pid" 2>/dev/null || { echo "$name stopped:"; tail -n 5 "$OUT/$name.log"; exit 1; }
		sleep 1
	done
	echo "$name did not become ready"; exit 1
}

echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') (Debian packages) on port $PG_PORT; instance A on $A_PORT, B on $B_PORT"
A_PID=$(start_instance a "$A_PORT" "$A_MGMT")
wait_ready "$A_MGMT" "$A_PID" a
B_PID=$(start_instance b "$B_PORT" "$B_MGMT")
wait_ready "$B_MGMT" "$B_PID" b
echo "Both ready (readiness UP on their management ports)"

csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"$//'; }
sign_in() { # port user cookiejar
	local token
	token=$(curl -s -c "$3" -b "$3" "http://127.0.0.1:$1/login" | csrf)
	curl -s -o /dev/null -c "$3" -b "$3" --data-urlencode "username=$2" --data-urlencode "password=demo-password" \
		--data-urlencode "_csrf=$token" "http://127.0.0.1:$1/login"
}

# 1. Sessions shared -----------------------------------------------------------------------------------------------
sign_in "$A_PORT" coordinator "$OUT/coordinator.jar"
status_b=$(curl -s -o "$OUT/home-b.html" -w '%{http_code}' -b "$OUT/coordinator.jar" "http://127.0.0.1:$B_PORT/")
if [[ "$status_b" == "200" ]] && grep -q "Welcome, " "$OUT/home-b.html"; then
	pass "1. signed in through A, the start page on B greets the user ($(grep -o 'Welcome, [^<]*' "$OUT/home-b.html"))"
else
	fail "1. signed in through A, B answered $status_b"
fi
token=$(curl -s -b "$OUT/coordinator.jar" "http://127.0.0.1:$B_PORT/" | csrf)
curl -s -o /dev/null -b "$OUT/coordinator.jar" --data-urlencode "_csrf=$token" "http://127.0.0.1:$B_PORT/logout"
status_a=$(curl -s -o /dev/null -w '%{http_code}' -b "$OUT/coordinator.jar" "http://127.0.0.1:$A_PORT/")
[[ "$status_a" == "302" ]] && pass "1. signed out through B, A sends the same session to sign-in ($status_a)" \
	|| fail "1. signed out through B, A answered $status_a"

# 3. An event handled once -----------------------------------------------------------------------------------------
# someone on an INT caseload: a same-day request for them raises one keyworker alert (neighbourhood listener)
read -r NHS GIVEN FAMILY DOB SEX < <(sql "SELECT p.nhs_number, p.given_name, p.family_name, p.date_of_birth,
	CASE upper(p.sex) WHEN 'F' THEN 'female' WHEN 'FEMALE' THEN 'female' WHEN 'M' THEN 'male' WHEN 'MALE' THEN 'male' ELSE 'other' END
	FROM population.person p JOIN neighbourhood.caseload_entry e ON e.nhs_number = p.nhs_number
	WHERE e.status <> 'DISCHARGED' ORDER BY e.id LIMIT 1" | tr '|' ' ')
# a token from A: B checks it with the same signing key, which lives in the shared database
. bench/lib/token.sh
TOKEN=$(api_token "http://127.0.0.1:$A_PORT" api-client demo-password triage.requests)
send_request() { # port key
	curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -H "Idempotency-Key: $2" \
		-X POST "http://127.0.0.1:$1/api/v1/triage/requests" \
		-d "{\"nhsNumber\":\"$NHS\",\"givenName\":\"$GIVEN\",\"familyName\":\"$FAMILY\",\"dateOfBirth\":\"$DOB\",\"sex\":\"$SEX\",\"problem\":\"SORE_THROAT\",\"redFlags\":[],\"onset\":\"Since yesterday\"}" \
		>"$OUT/request-$2.json" || true
	grep -o '"id" *: *"[^"]*"' "$OUT/request-$2.json" | head -n 1 | sed 's/.*"\([^"]*\)"$/\1/' || true
}
# an access token issued by A is accepted by B: the signing key is shared through the database
me_on_b=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$B_PORT/api/v1/me")
[[ "$me_on_b" == "200" ]] && pass "3a. an access token from A's token endpoint opens B's API ($me_on_b)" \
	|| fail "3a. B answered $me_on_b to an access token from A"
REQUEST=$(send_request "$A_PORT" "two-instances-$$-1")
[[ -n "$REQUEST" ]] || { fail "3. could not record a request through A: $(cat "$OUT/request-two-instances-$$-1.json")"; REQUEST=none; }
for _ in $(seq 1 20); do
	[[ "$(sql "SELECT count(*) FROM neighbourhood.keyworker_alert WHERE request_id::text = '$REQUEST'")" -ge 1 ]] && break
	sleep 0.5
done
sleep 3
alerts=$(sql "SELECT count(*) FROM neighbourhood.keyworker_alert WHERE request_id::text = '$REQUEST'")
pubs=$(sql "SELECT count(*) || ' publications, ' || count(completion_date) || ' completed, attempts ' || coalesce(string_agg(DISTINCT completion_attempts::text, ','), '-')
	FROM events.event_publication WHERE serialized_event LIKE '%$REQUEST%'")
[[ "$alerts" == "1" ]] && pass "3. request $REQUEST through A: $alerts keyworker alert; its events: $pubs" \
	|| fail "3. request $REQUEST: $alerts keyworker alerts (want 1); its events: $pubs"

# 4. Two coordinators, one request, two instances ----------------------------------------------------------------
sql "INSERT INTO identity.staff_user (username, display_name, password_hash, enabled, scope_level, scope_code, created_at, failed_sign_ins, version)
	SELECT 'coordinator-two', 'Second Coordinator', password_hash, true, scope_level, scope_code, now(), 0, 0
	FROM identity.staff_user WHERE username = 'coordinator' ON CONFLICT DO NOTHING" >/dev/null
sql "INSERT INTO identity.staff_user_role (user_id, role) SELECT (SELECT id FROM identity.staff_user WHERE username = 'coordinator-two'), role
	FROM identity.staff_user_role WHERE user_id = (SELECT id FROM identity.staff_user WHERE username = 'coordinator') ON CONFLICT DO NOTHING" >/dev/null
CLAIM=$(sql "SELECT id FROM triage.request WHERE site_code = 'BK-AYL' AND status = 'OPEN' AND claimed_by IS NULL ORDER BY received_at LIMIT 1")
sign_in "$A_PORT" coordinator "$OUT/c1.jar"
sign_in "$B_PORT" coordinator-two "$OUT/c2.jar"
t1=$(curl -s -b "$OUT/c1.jar" "http://127.0.0.1:$A_PORT/triage/requests/$CLAIM" | csrf)
t2=$(curl -s -b "$OUT/c2.jar" "http://127.0.0.1:$B_PORT/triage/requests/$CLAIM" | csrf)
curl -s -o /dev/null -b "$OUT/c1.jar" -c "$OUT/c1.jar" --data-urlencode "_csrf=$t1" "http://127.0.0.1:$A_PORT/triage/requests/$CLAIM/claim" &
c1=$!
curl -s -o /dev/null -b "$OUT/c2.jar" -c "$OUT/c2.jar" --data-urlencode "_csrf=$t2" "http://127.0.0.1:$B_PORT/triage/requests/$CLAIM/claim" &
c2=$!
wait $c1 $c2
winner=$(sql "SELECT claimed_by FROM triage.request WHERE id = '$CLAIM'")
m1=$(curl -s -b "$OUT/c1.jar" "http://127.0.0.1:$A_PORT/triage/requests/$CLAIM" | grep -o 'You have claimed this request\|already been claimed by [^<]*' | head -n 1)
m2=$(curl -s -b "$OUT/c2.jar" "http://127.0.0.1:$B_PORT/triage/requests/$CLAIM" | grep -o 'You have claimed this request\|already been claimed by [^<]*' | head -n 1)
if [[ -n "$winner" && "$m1" != "$m2" && ( "$m1" == "You have claimed"* || "$m2" == "You have claimed"* ) ]]; then
	pass "4. both claimed request $CLAIM at once: held by $winner; A's coordinator saw \"$m1\", B's saw \"$m2\""
else
	fail "4. request $CLAIM held by '$winner'; A saw '$m1', B saw '$m2'"
fi

# 2. A scheduled job once per tick -----------------------------------------------------------------------------------
echo "     (watching the CVD refresh, scheduled every 30 s on both instances, for 95 s)"
since=$(sql "SELECT coalesce(max(id), 0) FROM cvd.refresh_run")
sleep 95
runs=$(sql "SELECT count(*) FROM cvd.refresh_run WHERE id > $since AND trigger = 'SCHEDULED'")
ticks=$(sql "SELECT string_agg(to_char(started_at AT TIME ZONE 'UTC', 'HH24:MI:SS'), ' ' ORDER BY id) FROM cvd.refresh_run WHERE id > $since AND trigger = 'SCHEDULED'")
on_a=$(grep -c 'CVD population refresh: ' "$OUT/a.log" || true); on_b=$(grep -c 'CVD population refresh: ' "$OUT/b.log" || true)
if [[ "$runs" -ge 3 && "$runs" -le 4 ]]; then
	pass "2. $runs scheduled refreshes in 95 s (started $ticks), one per tick across both (log lines: A $on_a, B $on_b including the demo's first)"
else
	fail "2. $runs scheduled refreshes in 95 s (started $ticks); want one per 30 s tick"
fi

# 5. An instance killed while handling an event ----------------------------------------------------------------------
# hold a lock on the alerts table so the listener on A waits in the middle of its work, then kill A outright
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -q primarycare \
	-c "BEGIN; LOCK TABLE neighbourhood.keyworker_alert IN SHARE MODE; SELECT pg_sleep(20); COMMIT;" >/dev/null 2>&1 &
LOCK_PID=$!
sleep 1
REQUEST2=$(send_request "$A_PORT" "two-instances-$$-2")
sleep 3
state=$(sql "SELECT status FROM events.event_publication WHERE serialized_event LIKE '%$REQUEST2%' AND listener_id LIKE '%CaseloadEventListeners%'")
kill -9 "$A_PID"; A_PID=""
echo "     (A killed while the keyworker-alert listener was $state for request $REQUEST2)"
wait "$LOCK_PID" 2>/dev/null || true; LOCK_PID=""
for _ in $(seq 1 60); do
	[[ "$(sql "SELECT count(*) FROM neighbourhood.keyworker_alert WHERE request_id::text = '$REQUEST2'")" -ge 1 ]] && break
	sleep 1
done
alerts2=$(sql "SELECT count(*) FROM neighbourhood.keyworker_alert WHERE request_id::text = '$REQUEST2'")
after=$(sql "SELECT status || ', completed ' || (completion_date IS NOT NULL) || ', attempts ' || coalesce(completion_attempts::text, '-')
	FROM events.event_publication WHERE serialized_event LIKE '%$REQUEST2%' AND listener_id LIKE '%CaseloadEventListeners%'")
incomplete=$(sql "SELECT count(*) FROM events.event_publication WHERE completion_date IS NULL")
if [[ "$state" == "PROCESSING" && "$alerts2" == "1" && "$incomplete" == "0" ]]; then
	pass "5. after A was killed, B resubmitted the publication: $alerts2 alert, publication $after; incomplete publications left: $incomplete"
else
	fail "5. listener state at kill '$state'; alerts $alerts2 (want 1); publication: $after; incomplete left: $incomplete"
fi
grep -h '"message":"[^"]*[Rr]esubmit[^"]*"' "$OUT/b.log" | head -n 2 | sed 's/^/     B log: /' | cut -c1-220 || true

# A restarted joins again; the backlog gauge on B reads zero
A_PID=$(start_instance a "$A_PORT" "$A_MGMT")
wait_ready "$A_MGMT" "$A_PID" a
backlog=$(curl -s "http://127.0.0.1:$B_MGMT/actuator/prometheus" | grep '^primarycare_events_incomplete ' | awk '{print $2}')
echo "     A restarted and ready; primarycare_events_incomplete on B: $backlog"
# a request that writes a log line (an administrator unlocks a user), sent with a request id as nginx would
sign_in "$B_PORT" admin "$OUT/admin.jar"
USER_ID=$(sql "SELECT id FROM identity.staff_user WHERE username = 'coordinator-two'")
token=$(curl -s -b "$OUT/admin.jar" "http://127.0.0.1:$B_PORT/admin/users/$USER_ID" | csrf)
echoed=$(curl -s -o /dev/null -D - -b "$OUT/admin.jar" -H "X-Request-Id: two-instances-$$" --data-urlencode "_csrf=$token" \
	"http://127.0.0.1:$B_PORT/admin/users/$USER_ID/unlock" | grep -i '^x-request-id' | tr -d '\r')
echo "     response header: $echoed; B's JSON log line for it:"
grep -m1 "\"requestId\":\"two-instances-$$\"" "$OUT/b.log" | cut -c1-400 | sed 's/^/       /' || echo "       (none found)"

echo
[[ $failures -eq 0 ]] && echo "All checks passed (logs in $OUT)" || echo "$failures check(s) failed (logs in $OUT)"
exit $failures
