-- Rows imported from FHIR remember the resource they came from (the entry's full URL split into system and id; a
-- blood pressure panel's components add "#SYSTOLIC_BP" / "#DIASTOLIC_BP"), so a re-import finds them and adds
-- nothing. Generated rows have none (NULLs never collide in a unique index).
ALTER TABLE population.problem ADD COLUMN source_system VARCHAR(255), ADD COLUMN source_id VARCHAR(255);
ALTER TABLE population.observation ADD COLUMN source_system VARCHAR(255), ADD COLUMN source_id VARCHAR(255);
ALTER TABLE population.medication ADD COLUMN source_system VARCHAR(255), ADD COLUMN source_id VARCHAR(255);
ALTER TABLE population.admission ADD COLUMN source_system VARCHAR(255), ADD COLUMN source_id VARCHAR(255);
CREATE UNIQUE INDEX problem_source_idx ON population.problem (source_system, source_id);
CREATE UNIQUE INDEX observation_source_idx ON population.observation (source_system, source_id);
CREATE UNIQUE INDEX medication_source_idx ON population.medication (source_system, source_id);
CREATE UNIQUE INDEX admission_source_idx ON population.admission (source_system, source_id);

-- A lifetime record from a test generator holds more rows than SMALLINT lines allow
ALTER TABLE population.problem ALTER COLUMN line TYPE INTEGER;
ALTER TABLE population.observation ALTER COLUMN line TYPE INTEGER;
ALTER TABLE population.medication ALTER COLUMN line TYPE INTEGER;
ALTER TABLE population.admission ALTER COLUMN line TYPE INTEGER;

-- Patients imported without an NHS number and given a test one: the same source Patient gets the same number again
CREATE TABLE population.fhir_patient (
	source_system VARCHAR(255) NOT NULL,
	source_id VARCHAR(255) NOT NULL,
	nhs_number CHAR(10) NOT NULL UNIQUE,
	allocated_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
	PRIMARY KEY (source_system, source_id)
);
