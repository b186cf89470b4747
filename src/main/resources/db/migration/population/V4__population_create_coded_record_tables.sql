-- The coded record. Each table is keyed by (nhs_number, line) so one person's rows sit together and a read of one
-- record is an index range scan; no surrogate sequence keeps bulk loads cheap.
CREATE TABLE population.problem (
	nhs_number CHAR(10) NOT NULL,
	line SMALLINT NOT NULL,
	snomed_code VARCHAR(18) NOT NULL,
	term VARCHAR(120) NOT NULL,
	onset_date DATE NOT NULL,
	resolved_date DATE,
	PRIMARY KEY (nhs_number, line)
);

CREATE TABLE population.observation (
	nhs_number CHAR(10) NOT NULL,
	line SMALLINT NOT NULL,
	type VARCHAR(20) NOT NULL,
	snomed_code VARCHAR(18) NOT NULL,
	value NUMERIC(7, 2) NOT NULL,
	unit VARCHAR(20) NOT NULL,
	observed_on DATE NOT NULL,
	setting VARCHAR(10),
	PRIMARY KEY (nhs_number, line)
);

CREATE TABLE population.medication (
	nhs_number CHAR(10) NOT NULL,
	line SMALLINT NOT NULL,
	category VARCHAR(30) NOT NULL,
	name VARCHAR(80) NOT NULL,
	snomed_code VARCHAR(18) NOT NULL,
	start_date DATE NOT NULL,
	end_date DATE,
	PRIMARY KEY (nhs_number, line)
);

CREATE TABLE population.admission (
	nhs_number CHAR(10) NOT NULL,
	line SMALLINT NOT NULL,
	admitted_on DATE NOT NULL,
	planned BOOLEAN NOT NULL,
	reason VARCHAR(120) NOT NULL,
	PRIMARY KEY (nhs_number, line)
);
