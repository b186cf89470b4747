-- Coded entries keep the code, code system and term (display) the source gave them. What a code means (its clusters,
-- the observation type, a medicine's group) is worked out when the record is read, from the code sets shipped with
-- the application, so a new code-set version applies to everything already held. A NULL code_system means SNOMED CT
-- (dm+d codes are SNOMED CT concepts too): the generator writes millions of rows and a NULL costs nothing.
ALTER TABLE population.problem RENAME COLUMN snomed_code TO code;
ALTER TABLE population.problem ALTER COLUMN code TYPE VARCHAR(100);
ALTER TABLE population.problem ADD COLUMN code_system VARCHAR(255);
ALTER TABLE population.problem ALTER COLUMN term TYPE VARCHAR(255);

-- Every imported Observation is kept, recognised or not: value and unit as sent (converted when read), a coded
-- answer in value_system / value_code / value_display. The observation type is no longer stored.
ALTER TABLE population.observation RENAME COLUMN snomed_code TO code;
ALTER TABLE population.observation ALTER COLUMN code TYPE VARCHAR(100);
ALTER TABLE population.observation ADD COLUMN code_system VARCHAR(255);
ALTER TABLE population.observation ADD COLUMN display VARCHAR(255);
ALTER TABLE population.observation ALTER COLUMN value DROP NOT NULL;
ALTER TABLE population.observation ALTER COLUMN value TYPE NUMERIC;
ALTER TABLE population.observation ALTER COLUMN unit DROP NOT NULL;
ALTER TABLE population.observation ALTER COLUMN unit TYPE VARCHAR(50);
ALTER TABLE population.observation ALTER COLUMN setting TYPE VARCHAR(20);
ALTER TABLE population.observation ADD COLUMN value_system VARCHAR(255);
ALTER TABLE population.observation ADD COLUMN value_code VARCHAR(100);
ALTER TABLE population.observation ADD COLUMN value_display VARCHAR(255);
ALTER TABLE population.observation DROP COLUMN type;

-- Medicines keep their code and system; the group (lipid-lowering, antihypertensive...) comes from the code sets.
ALTER TABLE population.medication RENAME COLUMN snomed_code TO code;
ALTER TABLE population.medication ALTER COLUMN code TYPE VARCHAR(100);
ALTER TABLE population.medication ADD COLUMN code_system VARCHAR(255);
ALTER TABLE population.medication ALTER COLUMN name TYPE VARCHAR(255);
ALTER TABLE population.medication DROP COLUMN category;

-- An admission whose source does not say whether it was planned or an emergency is kept as not stated (NULL)
ALTER TABLE population.admission ALTER COLUMN planned DROP NOT NULL;
