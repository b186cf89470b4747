#!/usr/bin/env bash
# Time of a failed sign-in for a real username and for an unknown one, against a running app (demo data on):
# the answers must not tell whether an account exists, in words or in time.
#   bench/sign-in-timing.sh [BASE_URL] [ATTEMPTS]
# Each attempt comes from its own client address (X-Forwarded-For, honoured from localhost), so the sign-in
# throttle never answers instead of the password check.
set -euo pipefail
BASE=${1:-http://localhost:8080}
N=${2:-40}
JAR=$(mktemp)
trap 'rm -f "$JAR"' EXIT

attempt() { # username address -> seconds of the form post
	local user=$1 address=$2 token
	rm -f "$JAR"
	token=$(curl -s -c "$JAR" -H "X-Forwarded-For: $address" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
	curl -s -o /dev/null -b "$JAR" -H "X-Forwarded-For: $address" -w '%{time_total} %{redirect_url}\n' \
		--data-urlencode "username=$user" --data-urlencode "password=not-the-password-$RANDOM" \
		--data-urlencode "_csrf=$token" "$BASE/login"
}

declare -a known unknown
for i in $(seq 1 "$N"); do
	known+=("$(attempt coordinator "203.0.113.$(( (i % 250) + 1 ))")")
	unknown+=("$(attempt "nobody-$i" "198.51.100.$(( (i % 250) + 1 ))")")
done
summary() { # label, lines "seconds url"
	local label=$1; shift
	local times answers
	times=$(printf '%s\n' "$@" | awk '{ printf "%.1f\n", $1 * 1000 }' | sort -n)
	answers=$(printf '%s\n' "$@" | awk '{ print $2 }' | sort | uniq -c | awk '{ printf " %s x%s", $2, $1 }')
	printf '%s\n' "$times" | awk -v label="$label" -v answers="$answers" '{ t[NR] = $1; s += $1 }
		END { printf "%-13s %3d attempts: mean %.1f ms, median %.1f ms; answers:%s\n", label, NR, s / NR, t[int((NR + 1) / 2)], answers }'
}
summary "known user" "${known[@]}"
summary "unknown user" "${unknown[@]}"
