-- Staff sign in with an OpenID Connect provider (NHS CIS2 or another). An account is linked to the provider's
-- subject at the first sign-in, found by that subject or, the first time, by the email address an administrator
-- recorded for the person.
ALTER TABLE identity.staff_user ADD COLUMN email VARCHAR(254);
ALTER TABLE identity.staff_user ADD COLUMN oidc_issuer VARCHAR(500);
ALTER TABLE identity.staff_user ADD COLUMN oidc_subject VARCHAR(255);
CREATE UNIQUE INDEX staff_user_email_idx ON identity.staff_user (lower(email)) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX staff_user_oidc_subject_idx ON identity.staff_user (oidc_issuer, oidc_subject)
	WHERE oidc_subject IS NOT NULL;
ALTER TABLE identity.staff_user ADD CONSTRAINT staff_user_oidc_pair
	CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));

-- How the provider's role claims give roles and scope: an entry of the role claim (CIS2's nhsid_nrbac_roles) with
-- this role code, held at the organisation with this ODS code, gives the app role with this organisation scope.
-- ICB administrators edit these on a page.
CREATE TABLE identity.sign_in_mapping (
	id BIGSERIAL PRIMARY KEY,
	role_code VARCHAR(60) NOT NULL,
	org_code VARCHAR(10) NOT NULL,
	app_role VARCHAR(30) NOT NULL CHECK (app_role IN ('CARE_COORDINATOR', 'CLINICAL_SUPERVISOR', 'INT_MEMBER',
		'PLACE_DELIVERY', 'ICB_ADMIN')),
	scope_level VARCHAR(10) NOT NULL CHECK (scope_level IN ('ICB', 'PLACE', 'SITE', 'PCN')),
	scope_code VARCHAR(20),
	created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
	created_by VARCHAR(60) NOT NULL,
	CHECK ((scope_level = 'ICB') = (scope_code IS NULL))
);
CREATE UNIQUE INDEX sign_in_mapping_unique_idx ON identity.sign_in_mapping (upper(role_code), upper(org_code), app_role);
