-- People registered at a BOB practice. The NHS number is the key; practice and LSOA are business codes of other
-- modules' data (no foreign keys across schemas).
CREATE TABLE population.person (
	nhs_number CHAR(10) PRIMARY KEY,
	given_name VARCHAR(60) NOT NULL,
	family_name VARCHAR(60) NOT NULL,
	date_of_birth DATE NOT NULL,
	sex CHAR(1) NOT NULL CHECK (sex IN ('F', 'M')),
	ethnicity VARCHAR(2) NOT NULL,
	postcode VARCHAR(8) NOT NULL,
	lsoa_code VARCHAR(9) NOT NULL,
	registered_practice VARCHAR(6) NOT NULL,
	date_of_death DATE,
	version BIGINT NOT NULL DEFAULT 0
);
-- Search by family name and date of birth, case-insensitive
CREATE INDEX person_family_name_dob_idx ON population.person (lower(family_name), date_of_birth);
-- Lists and worklists per practice
CREATE INDEX person_practice_idx ON population.person (registered_practice, nhs_number);
