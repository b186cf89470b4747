-- Staff and service accounts. The scope says which organisation's people a user may see: the whole ICB, a Place
-- (sub-ICB code), a neighbourhood site (site code) or a PCN (ODS code).
CREATE TABLE identity.staff_user (
	id BIGSERIAL PRIMARY KEY,
	username VARCHAR(60) NOT NULL,
	display_name VARCHAR(120) NOT NULL,
	password_hash VARCHAR(200) NOT NULL,
	scope_level VARCHAR(10) NOT NULL CHECK (scope_level IN ('ICB', 'PLACE', 'SITE', 'PCN')),
	scope_code VARCHAR(20),
	enabled BOOLEAN NOT NULL DEFAULT TRUE,
	failed_sign_ins INT NOT NULL DEFAULT 0,
	locked_until TIMESTAMP WITH TIME ZONE,
	created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
	version BIGINT NOT NULL DEFAULT 0,
	CHECK ((scope_level = 'ICB') = (scope_code IS NULL))
);
CREATE UNIQUE INDEX staff_user_username_idx ON identity.staff_user (lower(username));

CREATE TABLE identity.staff_user_role (
	user_id BIGINT NOT NULL REFERENCES identity.staff_user (id) ON DELETE CASCADE,
	role VARCHAR(30) NOT NULL CHECK (role IN ('CARE_COORDINATOR', 'CLINICAL_SUPERVISOR', 'INT_MEMBER',
		'PLACE_DELIVERY', 'ICB_ADMIN', 'API_CLIENT')),
	PRIMARY KEY (user_id, role)
);
