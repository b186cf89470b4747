-- What administrators changed: users (created, disabled, roles, scope, password reset), the directory, hub settings
-- and break-glass reviews. Written in the transaction of the change itself.
CREATE TABLE audit.admin_action (
	id BIGSERIAL PRIMARY KEY,
	acted_at TIMESTAMP WITH TIME ZONE NOT NULL,
	username VARCHAR(60) NOT NULL,
	action VARCHAR(40) NOT NULL,
	target VARCHAR(200) NOT NULL,
	detail VARCHAR(1000) NOT NULL
);
CREATE INDEX admin_action_acted_at_idx ON audit.admin_action (acted_at DESC);
CREATE INDEX admin_action_lower_username_idx ON audit.admin_action (lower(username), acted_at DESC);
