-- Cohort definitions may also select on A&E attendances in the last 12 months and on one disease register (the
-- population module's registers, built from the national code sets). The frailty register keeps, per person, the
-- attendances and the registers they are on, and now holds anyone on a register or with an emergency admission or
-- attendance in the last 12 months as well as everyone 65+ and anyone with two or more long-term conditions.
ALTER TABLE neighbourhood.cohort_definition ADD COLUMN minimum_ae_attendances INTEGER;
ALTER TABLE neighbourhood.cohort_definition ADD COLUMN register VARCHAR(10);

ALTER TABLE neighbourhood.frailty_profile ADD COLUMN ae_attendances_12m INTEGER NOT NULL DEFAULT 0;
ALTER TABLE neighbourhood.frailty_profile ADD COLUMN last_ae_attendance DATE;
ALTER TABLE neighbourhood.frailty_profile ADD COLUMN registers VARCHAR(200) NOT NULL DEFAULT '';
