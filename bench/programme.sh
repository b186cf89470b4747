#!/usr/bin/env bash
# Programme benchmark against a running app (./mvnw spring-boot:run, demo data on): the figures issue 18 names.
#   1. POST /api/v1/programme/spc with an unbounded rebaseIndexes list (20,000 indexes for 3 values) and with 10,000
#      values that are not numbers: time and size of the 400 answer (was 6.7 s and a 20 MB body before the fix);
#   2. the same API with a valid 26-week series (median of 20 calls);
#   3. the board pack (every chart of every site, server-rendered) for Berkshire West and for the whole ICB, and the
#      portfolio matrix of the ICB, signed in as admin.
# Prints each time in seconds and each body size in bytes. Needs curl.
# Usage: bench/programme.sh [base URL (default http://localhost:8080)]
set -euo pipefail
URL=${1:-http://localhost:8080}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
# a bearer token of the demo system api-client (client credentials, scope programme.spc; tokens live five minutes)
. "$(dirname "$0")/lib/token.sh"
API=(-H "Authorization: Bearer $(api_token "$URL" api-client demo-password programme.spc)" -H 'Content-Type: application/json')

seq -s, 0 19999 | sed 's/^/{"values":[1,2,3],"improvementDirection":"increase","rebaseIndexes":[/;s/$/]}/' > "$OUT/rebase.json"
printf '{"values":[%s],"improvementDirection":"increase"}' "$(yes '"x"' | head -10000 | paste -sd,)" > "$OUT/bad.json"
printf '{"values":[%s],"improvementDirection":"increase","target":30}' "$(seq -s, 10 35)" > "$OUT/good.json"

echo "SPC API, 20,000 rebase indexes for 3 values: $(curl -s -o /dev/null -w '%{http_code} in %{time_total} s, %{size_download} bytes' "${API[@]}" --data-binary @"$OUT/rebase.json" "$URL/api/v1/programme/spc") (request $(wc -c < "$OUT/rebase.json") bytes)"
echo "SPC API, 10,000 values that are not numbers: $(curl -s -o /dev/null -w '%{http_code} in %{time_total} s, %{size_download} bytes' "${API[@]}" --data-binary @"$OUT/bad.json" "$URL/api/v1/programme/spc")"
for i in $(seq 1 20); do
	curl -s -o /dev/null -w '%{time_total}\n' "${API[@]}" --data-binary @"$OUT/good.json" "$URL/api/v1/programme/spc"
done | sort -n | sed -n '10p' | sed 's/^/SPC API, valid 26-week series, median of 20: /;s/$/ s/'

COOKIES="$OUT/cookies"
TOKEN=$(curl -s -c "$COOKIES" -b "$COOKIES" "$URL/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -o /dev/null -c "$COOKIES" -b "$COOKIES" --data-urlencode "username=admin" \
	--data-urlencode "password=demo-password" --data-urlencode "_csrf=$TOKEN" "$URL/login"
for page in "portfolio" "portfolio/board-pack?place=15A" "portfolio/board-pack"; do
	curl -s -o /dev/null -b "$COOKIES" "$URL/programme/$page"
	echo "/programme/$page: $(curl -s -o "$OUT/page.html" -w '%{http_code} in %{time_total} s, %{size_download} bytes' -b "$COOKIES" "$URL/programme/$page"), $(grep -c '<svg class="programme-chart__svg"' "$OUT/page.html" || true) charts"
done
