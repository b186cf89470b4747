-- A&E (emergency department) attendances are kept with the hospital admissions, marked as attendances: an attendance
-- is not an admission (someone admitted from A&E has an inpatient encounter as well). Rows imported before this were
-- all read as admissions; a re-import of the same bundles adds nothing, so such rows stay as they were.
ALTER TABLE population.admission ADD COLUMN emergency_attendance BOOLEAN NOT NULL DEFAULT false;
