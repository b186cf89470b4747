#!/usr/bin/env bash
# Gets an access token for a system that proves who it is with a signed JWT (private_key_jwt, RFC 7523, as on the
# NHS API platform): builds the client assertion, signs it with the system's private key using openssl, and sends it
# to the token endpoint (OAuth 2.0 client credentials). Prints the token endpoint's JSON answer.
#
# Once, make a key pair and register the system with its public key on Administration > API clients
# ("Signed JWT", paste key.pub.pem), or serve the public key as a JWKS and give its address:
#   openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:4096 -out key.pem
#   openssl pkey -in key.pem -pubout -out key.pub.pem
#
# Usage: docs/api-token-with-key.sh CLIENT_ID key.pem [BASE_URL (default http://localhost:8080)] [SCOPES]
#   KID=my-key-1 docs/api-token-with-key.sh ...   names the key in the JWT header (needed when a JWKS holds several)
# Needs: openssl, curl.
set -euo pipefail
CLIENT_ID=${1:?usage: api-token-with-key.sh CLIENT_ID PRIVATE_KEY.pem [BASE_URL] [SCOPES]}
KEY=${2:?usage: api-token-with-key.sh CLIENT_ID PRIVATE_KEY.pem [BASE_URL] [SCOPES]}
BASE=${3:-http://localhost:8080}
SCOPES=${4:-}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

now=$(date +%s)
header=$(printf '{"alg":"RS512","typ":"JWT"%s}' "${KID:+,\"kid\":\"$KID\"}")
# iss and sub: the client id; aud: the token endpoint; jti: new for every assertion (each is accepted once);
# exp: at most five minutes ahead
payload=$(printf '{"iss":"%s","sub":"%s","aud":"%s/oauth2/token","jti":"%s","iat":%d,"exp":%d}' \
	"$CLIENT_ID" "$CLIENT_ID" "$BASE" "$(openssl rand -hex 16)" "$now" $((now + 300)))
unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature=$(printf '%s' "$unsigned" | openssl dgst -sha512 -sign "$KEY" -binary | b64url)

curl -sS "$BASE/oauth2/token" \
	-d grant_type=client_credentials \
	-d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \
	--data-urlencode "client_assertion=$unsigned.$signature" \
	${SCOPES:+--data-urlencode "scope=$SCOPES"}
echo
