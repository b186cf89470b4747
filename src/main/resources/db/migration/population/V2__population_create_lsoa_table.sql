-- Lower-layer super output areas with the deprivation measures the platform uses. Each row says which postcode
-- district it stands for, so a person's postcode leads to their area's IMD decile and Townsend score.
CREATE TABLE population.lsoa (
	code VARCHAR(9) PRIMARY KEY,
	name VARCHAR(120) NOT NULL,
	postcode_district VARCHAR(4) NOT NULL,
	imd_decile SMALLINT NOT NULL CHECK (imd_decile BETWEEN 1 AND 10),
	imd_version VARCHAR(10) NOT NULL,
	townsend_score NUMERIC(5, 2) NOT NULL
);
CREATE INDEX lsoa_postcode_district_idx ON population.lsoa (postcode_district);
