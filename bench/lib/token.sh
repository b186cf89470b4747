# Access tokens for the bench scripts: OAuth 2.0 client credentials at the app's token endpoint, with the client's
# secret over HTTP Basic (the demo client api-client has the secret demo-password and every scope).
# api_token BASE_URL [CLIENT_ID] [SECRET] [SCOPE...]: prints the access token, or fails with the endpoint's answer.
api_token() {
	local base=$1 client=${2:-api-client} secret=${3:-demo-password}
	shift 3 2>/dev/null || shift $#
	local answer
	answer=$(curl -s -u "$client:$secret" -d grant_type=client_credentials ${*:+--data-urlencode "scope=$*"} "$base/oauth2/token")
	local token
	token=$(printf '%s' "$answer" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
	[ -n "$token" ] || { echo "no access token from $base/oauth2/token: $answer" >&2; return 1; }
	printf '%s' "$token"
}
