-- Spring Authorization Server's JDBC tables (spring-security-oauth2-authorization-server 7.1.0:
-- oauth2-registered-client-schema.sql, oauth2-authorization-schema.sql, oauth2-authorization-consent-schema.sql),
-- with the PostgreSQL changes the files ask for: blob as text, timestamp as timestamptz. Its JDBC repositories name
-- the tables without a schema, so they live beside the session tables. Only the identity module reads or writes them.
CREATE TABLE oauth2_registered_client (
	id varchar(100) NOT NULL,
	client_id varchar(100) NOT NULL,
	client_id_issued_at timestamptz DEFAULT CURRENT_TIMESTAMP NOT NULL,
	client_secret varchar(200) DEFAULT NULL,
	client_secret_expires_at timestamptz DEFAULT NULL,
	client_name varchar(200) NOT NULL,
	client_authentication_methods varchar(1000) NOT NULL,
	authorization_grant_types varchar(1000) NOT NULL,
	redirect_uris varchar(1000) DEFAULT NULL,
	post_logout_redirect_uris varchar(1000) DEFAULT NULL,
	scopes varchar(1000) NOT NULL,
	client_settings varchar(2000) NOT NULL,
	token_settings varchar(2000) NOT NULL,
	PRIMARY KEY (id)
);
-- one registration per client id (the repository looks clients up by it)
CREATE UNIQUE INDEX oauth2_registered_client_client_id_idx ON oauth2_registered_client (client_id);

CREATE TABLE oauth2_authorization (
	id varchar(100) NOT NULL,
	registered_client_id varchar(100) NOT NULL,
	principal_name varchar(200) NOT NULL,
	authorization_grant_type varchar(100) NOT NULL,
	authorized_scopes varchar(1000) DEFAULT NULL,
	attributes text DEFAULT NULL,
	state varchar(500) DEFAULT NULL,
	authorization_code_value text DEFAULT NULL,
	authorization_code_issued_at timestamptz DEFAULT NULL,
	authorization_code_expires_at timestamptz DEFAULT NULL,
	authorization_code_metadata text DEFAULT NULL,
	access_token_value text DEFAULT NULL,
	access_token_issued_at timestamptz DEFAULT NULL,
	access_token_expires_at timestamptz DEFAULT NULL,
	access_token_metadata text DEFAULT NULL,
	access_token_type varchar(100) DEFAULT NULL,
	access_token_scopes varchar(1000) DEFAULT NULL,
	oidc_id_token_value text DEFAULT NULL,
	oidc_id_token_issued_at timestamptz DEFAULT NULL,
	oidc_id_token_expires_at timestamptz DEFAULT NULL,
	oidc_id_token_metadata text DEFAULT NULL,
	refresh_token_value text DEFAULT NULL,
	refresh_token_issued_at timestamptz DEFAULT NULL,
	refresh_token_expires_at timestamptz DEFAULT NULL,
	refresh_token_metadata text DEFAULT NULL,
	user_code_value text DEFAULT NULL,
	user_code_issued_at timestamptz DEFAULT NULL,
	user_code_expires_at timestamptz DEFAULT NULL,
	user_code_metadata text DEFAULT NULL,
	device_code_value text DEFAULT NULL,
	device_code_issued_at timestamptz DEFAULT NULL,
	device_code_expires_at timestamptz DEFAULT NULL,
	device_code_metadata text DEFAULT NULL,
	PRIMARY KEY (id)
);
-- expired authorizations are deleted by a scheduled job
CREATE INDEX oauth2_authorization_access_token_expires_at_idx ON oauth2_authorization (access_token_expires_at);

CREATE TABLE oauth2_authorization_consent (
	registered_client_id varchar(100) NOT NULL,
	principal_name varchar(200) NOT NULL,
	authorities varchar(1000) NOT NULL,
	PRIMARY KEY (registered_client_id, principal_name)
);
