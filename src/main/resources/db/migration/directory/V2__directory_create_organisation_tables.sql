-- The three Places of BOB ICB are fixed reference data (sub-ICB location codes); everything below them is loaded
-- (demo data, or an administrator's forms) because it changes as PCNs and neighbourhoods reorganise.
CREATE TABLE directory.place (
	code VARCHAR(10) PRIMARY KEY,
	name VARCHAR(100) NOT NULL UNIQUE
);
INSERT INTO directory.place (code, name) VALUES
	('14Y', 'Buckinghamshire'),
	('10Q', 'Oxfordshire'),
	('15A', 'Berkshire West');

-- A neighbourhood site: the footprint of an Integrated Neighbourhood Team and a same-day hub; one or more PCNs.
CREATE TABLE directory.neighbourhood_site (
	code VARCHAR(20) PRIMARY KEY,
	name VARCHAR(150) NOT NULL,
	place_code VARCHAR(10) NOT NULL REFERENCES directory.place (code),
	version BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX neighbourhood_site_place_idx ON directory.neighbourhood_site (place_code);

CREATE TABLE directory.pcn (
	ods_code VARCHAR(10) PRIMARY KEY,
	name VARCHAR(150) NOT NULL,
	site_code VARCHAR(20) NOT NULL REFERENCES directory.neighbourhood_site (code),
	version BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX pcn_site_idx ON directory.pcn (site_code);

CREATE TABLE directory.practice (
	ods_code VARCHAR(10) PRIMARY KEY,
	name VARCHAR(150) NOT NULL,
	postcode VARCHAR(8) NOT NULL,
	pcn_code VARCHAR(10) NOT NULL REFERENCES directory.pcn (ods_code),
	version BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX practice_pcn_idx ON directory.practice (pcn_code);
