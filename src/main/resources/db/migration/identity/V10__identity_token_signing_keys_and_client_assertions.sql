-- The key that signs the platform's access tokens (a private RSA JWK), shared by every instance and kept across
-- restarts. Only one is created (the first instance to start writes it); JWKS publishes all, so a key can be
-- added before the old one is retired.
CREATE TABLE identity.token_signing_key (
	key_id VARCHAR(64) PRIMARY KEY,
	jwk TEXT NOT NULL,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

-- The ids (jti) of client assertions (RFC 7523 private_key_jwt) already used, until they expire: an assertion is
-- accepted once.
CREATE TABLE identity.client_assertion (
	client_id VARCHAR(100) NOT NULL,
	jti VARCHAR(200) NOT NULL,
	expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (client_id, jti)
);
CREATE INDEX client_assertion_expires_at_idx ON identity.client_assertion (expires_at);
