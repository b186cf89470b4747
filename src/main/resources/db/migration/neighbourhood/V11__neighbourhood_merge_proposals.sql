-- A save merged with changes made since the user opened the plan keeps what the user proposed, so a text not
-- chosen in a conflict can still be read with the version.
ALTER TABLE neighbourhood.care_plan_version ADD COLUMN proposed TEXT;
