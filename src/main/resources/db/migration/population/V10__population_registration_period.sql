-- A registration is a dated fact: the first and last day of the person's registration at the practice. A null start
-- is not recorded (people loaded before this column); a null end is a current registration. A person whose
-- registration has ended stays on the table (their record explains past counts) but leaves current lists and counts.
ALTER TABLE population.person ADD COLUMN registered_from date;
ALTER TABLE population.person ADD COLUMN registered_until date;
ALTER TABLE population.person ADD CONSTRAINT person_registration_period_check
	CHECK (registered_until IS NULL OR registered_from IS NULL OR registered_until >= registered_from);
