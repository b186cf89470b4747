#!/usr/bin/env bash
# Bundle import throughput on the FHIR endpoint: Synthea patient bundles posted one after another to POST /fhir of a
# running app as batch Bundles (Synthea writes them as transactions, but they hold Claims and other resources the
# platform does not import, and a transaction is all or nothing, so it would be refused whole), with test NHS numbers
# at one practice; prints patients/s and resources/s (resources counted from the bundles sent; entries answered 422
# are counted and shown). Needs curl and python3.
# Start the app first, e.g.  java -Xmx512m -jar target/primarycare-*.jar --server.port=8096
# Bundles: bench/synthea.sh DIR 50 makes 50 patients (seed 42).
# Usage: bench/fhir-transaction.sh DIR [base-url (default http://localhost:8096)] [practice (default K82901)]
set -euo pipefail
DIR=${1:?usage: bench/fhir-transaction.sh DIR [base-url] [practice]}
BASE=${2:-http://localhost:8096}
PRACTICE=${3:-K82901}
CLIENT=${FHIR_CLIENT:-api-client}
SECRET=${FHIR_CLIENT_SECRET:-demo-password}
. "$(dirname "$0")/lib/token.sh"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

count=0
token_at=0
start=$(date +%s.%N)
for bundle in $(ls "$DIR"/*.json | grep -v -e hospitalInformation -e practitionerInformation); do
	# tokens live five minutes: a new one every four
	if [ $(( $(date +%s) - token_at )) -ge 240 ]; then
		TOKEN=$(api_token "$BASE" "$CLIENT" "$SECRET" fhir.import)
		token_at=$(date +%s)
	fi
	code=$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/fhir+json' \
		-H 'Accept: application/fhir+json' --data-binary @<(sed -e '0,/"type" *: *"transaction"/s//"type": "batch"/' "$bundle") \
		"$BASE/fhir?practice=$PRACTICE" \
		-o "$OUT/$count.json" -w '%{http_code}')
	[ "$code" = 200 ] || { echo "$bundle: HTTP $code"; head -c 2000 "$OUT/$count.json"; exit 1; }
	cp "$bundle" "$OUT/$count.sent"
	count=$((count + 1))
done
end=$(date +%s.%N)
python3 - "$OUT" "$count" "$start" "$end" <<'PY'
import json, os, sys
out, count, start, end = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
resources = statuses = 0
by_status = {}
for i in range(count):
	sent = json.load(open(os.path.join(out, f"{i}.sent")))
	answer = json.load(open(os.path.join(out, f"{i}.json")))
	resources += len(sent.get("entry", []))
	for entry in answer.get("entry", []):
		status = entry["response"]["status"].split(" ")[0]
		by_status[status] = by_status.get(status, 0) + 1
seconds = end - start
print(f"{count} bundles, {resources} resources in {seconds:.1f} s")
print("entry answers: " + ", ".join(f"{k}: {v}" for k, v in sorted(by_status.items())))
print(f"{count / seconds:.2f} patients/s, {resources / seconds:.0f} resources/s")
PY
