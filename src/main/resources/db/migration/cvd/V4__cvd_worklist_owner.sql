-- Who is working a person on the CVD worklists: one owner per person (across all their findings), set by "assign to
-- me" on the worklist.
CREATE TABLE cvd.worklist_owner (
	nhs_number   varchar(10)  NOT NULL PRIMARY KEY,
	owner        varchar(100) NOT NULL,
	assigned_at  timestamptz  NOT NULL,
	assigned_by  varchar(100) NOT NULL
);
CREATE INDEX worklist_owner_owner_idx ON cvd.worklist_owner (owner);
-- The worklist shows each person's latest outreach
CREATE INDEX outreach_latest_idx ON cvd.outreach (nhs_number, outcome_date DESC, recorded_at DESC);
