#!/usr/bin/env bash
# Imports a folder of FHIR R4 bundles (e.g. Synthea's output/fhir, one bundle per patient) through POST /api/v1/fhir
# of a running app, one bundle after another, with test NHS numbers at one practice, and prints patients per second
# and resources per second. Needs curl and python3. Start the app first, e.g.
#   java -Xmx512m -jar target/primarycare-*.jar --server.port=8096
# Usage: bench/import-fhir.sh DIR [base-url (default http://localhost:8096)] [practice (default K82901)] [max bundles]
set -euo pipefail
DIR=${1:?usage: bench/import-fhir.sh DIR [base-url] [practice] [max bundles]}
BASE=${2:-http://localhost:8096}
PRACTICE=${3:-K82901}
MAX=${4:-100000}
# an API client with the scope fhir.import and its secret (the demo's api-client by default)
CLIENT=${FHIR_CLIENT:-api-client}
SECRET=${FHIR_CLIENT_SECRET:-demo-password}
. "$(dirname "$0")/lib/token.sh"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

count=0
start=$(date +%s.%N)
token_at=0
for bundle in $(ls "$DIR"/*.json | grep -v -e hospitalInformation -e practitionerInformation | head -n "$MAX"); do
	# tokens live five minutes: a new one every four
	if [ $(( $(date +%s) - token_at )) -ge 240 ]; then
		TOKEN=$(api_token "$BASE" "$CLIENT" "$SECRET" fhir.import)
		token_at=$(date +%s)
	fi
	code=$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/fhir+json' --data-binary @"$bundle" \
		"$BASE/api/v1/fhir?practice=$PRACTICE" -o "$OUT/$count.json" -w '%{http_code}')
	[ "$code" = 200 ] || { echo "$bundle: HTTP $code"; cat "$OUT/$count.json"; exit 1; }
	count=$((count + 1))
done
end=$(date +%s.%N)
python3 - "$OUT" "$start" "$end" <<'PY'
import json, os, sys
out, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
totals = {}
for name in os.listdir(out):
	issue = json.load(open(os.path.join(out, name)))["issue"][0]
	for ext in issue["extension"][0]["extension"]:
		totals[ext["url"]] = totals.get(ext["url"], 0) + ext["valueInteger"]
seconds = end - start
print(f"{len(os.listdir(out))} bundles in {seconds:.1f} s")
print(", ".join(f"{k} {v}" for k, v in totals.items()))
print(f"{len(os.listdir(out)) / seconds:.1f} patients/s, "
      f"{totals.get('resourcesRead', 0) / seconds:.0f} resources/s")
PY
