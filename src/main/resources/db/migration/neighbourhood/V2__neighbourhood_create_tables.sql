-- Integrated Neighbourhood Teams. Other modules' things are referred to by their codes (site codes, ODS codes,
-- NHS numbers, usernames): no foreign keys across schemas.

-- One INT per neighbourhood site (directory.neighbourhood_site.code).
CREATE TABLE neighbourhood.team (
	id UUID PRIMARY KEY,
	site_code VARCHAR(20) NOT NULL UNIQUE,
	name VARCHAR(150) NOT NULL,
	created_at TIMESTAMPTZ NOT NULL,
	created_by VARCHAR(100) NOT NULL,
	version BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE neighbourhood.team_member (
	id UUID PRIMARY KEY,
	team_id UUID NOT NULL REFERENCES neighbourhood.team (id),
	name VARCHAR(100) NOT NULL,
	organisation VARCHAR(150) NOT NULL,
	discipline VARCHAR(30) NOT NULL,
	username VARCHAR(100),
	active BOOLEAN NOT NULL DEFAULT TRUE,
	version BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX team_member_team_idx ON neighbourhood.team_member (team_id);

-- A team's cohort definition: a person qualifies when every criterion that is set holds.
CREATE TABLE neighbourhood.cohort_definition (
	id UUID PRIMARY KEY,
	team_id UUID NOT NULL REFERENCES neighbourhood.team (id),
	name VARCHAR(100) NOT NULL,
	minimum_frailty VARCHAR(10),
	minimum_long_term_conditions INTEGER,
	unplanned_admission_required BOOLEAN NOT NULL,
	most_deprived_quintiles INTEGER,
	active BOOLEAN NOT NULL DEFAULT TRUE,
	version BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX cohort_definition_team_idx ON neighbourhood.cohort_definition (team_id);

-- The facts cohort definitions select on, for everyone 65+ and anyone with two or more long-term conditions,
-- recomputed from the coded record by the frailty register refresh (replaced as a whole).
CREATE TABLE neighbourhood.frailty_profile (
	nhs_number VARCHAR(10) PRIMARY KEY,
	practice_code VARCHAR(10) NOT NULL,
	site_code VARCHAR(20) NOT NULL,
	age INTEGER NOT NULL,
	imd_quintile INTEGER NOT NULL,
	efi_deficits INTEGER,
	efi_category VARCHAR(10),
	deficit_numbers VARCHAR(120),
	long_term_conditions INTEGER NOT NULL,
	unplanned_admissions_12m INTEGER NOT NULL,
	last_unplanned_admission DATE,
	fingerprint VARCHAR(64) NOT NULL,
	rule_version VARCHAR(60) NOT NULL,
	computed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX frailty_profile_site_idx ON neighbourhood.frailty_profile (site_code);

CREATE TABLE neighbourhood.frailty_refresh (
	id BIGSERIAL PRIMARY KEY,
	started_at TIMESTAMPTZ NOT NULL,
	finished_at TIMESTAMPTZ NOT NULL,
	people_read BIGINT NOT NULL,
	people_65_and_over BIGINT NOT NULL,
	profiles_written BIGINT NOT NULL,
	rule_version VARCHAR(60) NOT NULL,
	triggered_by VARCHAR(100) NOT NULL
);

-- A member's decision on a candidate. A dismissal holds while the person's qualifying data (fingerprint) stay the
-- same.
CREATE TABLE neighbourhood.candidate_dismissal (
	id UUID PRIMARY KEY,
	team_id UUID NOT NULL REFERENCES neighbourhood.team (id),
	nhs_number VARCHAR(10) NOT NULL,
	fingerprint VARCHAR(64) NOT NULL,
	reason VARCHAR(500) NOT NULL,
	dismissed_by VARCHAR(100) NOT NULL,
	dismissed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX candidate_dismissal_team_idx ON neighbourhood.candidate_dismissal (team_id, nhs_number);

-- A person on a team's caseload with their personalised care and support plan (one aggregate, one version).
CREATE TABLE neighbourhood.caseload_entry (
	id UUID PRIMARY KEY,
	care_plan_id UUID NOT NULL UNIQUE,
	team_id UUID NOT NULL REFERENCES neighbourhood.team (id),
	site_code VARCHAR(20) NOT NULL,
	nhs_number VARCHAR(10) NOT NULL,
	practice_code VARCHAR(10) NOT NULL,
	status VARCHAR(20) NOT NULL,
	keyworker_id UUID REFERENCES neighbourhood.team_member (id),
	added_on DATE NOT NULL,
	added_by VARCHAR(100) NOT NULL,
	added_reason VARCHAR(500) NOT NULL,
	discharged_on DATE,
	discharge_reason VARCHAR(500),
	what_matters TEXT NOT NULL DEFAULT '',
	contingency_plan TEXT NOT NULL DEFAULT '',
	goals TEXT NOT NULL DEFAULT '[]',
	actions TEXT NOT NULL DEFAULT '[]',
	next_review_date DATE,
	agreed_on DATE,
	last_reviewed_on DATE,
	updated_at TIMESTAMPTZ NOT NULL,
	updated_by VARCHAR(100) NOT NULL,
	version BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX caseload_entry_team_idx ON neighbourhood.caseload_entry (team_id, status);
CREATE INDEX caseload_entry_nhs_idx ON neighbourhood.caseload_entry (nhs_number);
-- Nobody is on one team's caseload twice at once
CREATE UNIQUE INDEX caseload_entry_open_uq ON neighbourhood.caseload_entry (team_id, nhs_number)
	WHERE status <> 'DISCHARGED';

-- Every saved version of a caseload entry and its plan: who, when, what changed, and the whole plan as it then was.
CREATE TABLE neighbourhood.care_plan_version (
	id BIGSERIAL PRIMARY KEY,
	caseload_entry_id UUID NOT NULL REFERENCES neighbourhood.caseload_entry (id),
	version BIGINT NOT NULL,
	saved_at TIMESTAMPTZ NOT NULL,
	saved_by VARCHAR(100) NOT NULL,
	changes TEXT NOT NULL,
	snapshot TEXT NOT NULL,
	UNIQUE (caseload_entry_id, version)
);

CREATE TABLE neighbourhood.break_glass_access (
	id BIGSERIAL PRIMARY KEY,
	caseload_entry_id UUID NOT NULL REFERENCES neighbourhood.caseload_entry (id),
	username VARCHAR(100) NOT NULL,
	reason VARCHAR(500) NOT NULL,
	accessed_at TIMESTAMPTZ NOT NULL,
	expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX break_glass_entry_idx ON neighbourhood.break_glass_access (caseload_entry_id, username);

-- A same-day request (triage.TriageRequestReceived) for a person on a caseload: an alert for the keyworker.
CREATE TABLE neighbourhood.keyworker_alert (
	id BIGSERIAL PRIMARY KEY,
	caseload_entry_id UUID NOT NULL REFERENCES neighbourhood.caseload_entry (id),
	request_id UUID NOT NULL,
	problem VARCHAR(500) NOT NULL,
	red_flag BOOLEAN NOT NULL,
	received_at TIMESTAMPTZ NOT NULL,
	acknowledged_at TIMESTAMPTZ,
	acknowledged_by VARCHAR(100),
	UNIQUE (caseload_entry_id, request_id)
);

-- A high CVD risk finding (cvd.CvdHighRiskFound) for a person on a caseload: an item for the next MDT agenda.
CREATE TABLE neighbourhood.cvd_risk_flag (
	id BIGSERIAL PRIMARY KEY,
	caseload_entry_id UUID NOT NULL REFERENCES neighbourhood.caseload_entry (id),
	qrisk3_score NUMERIC(5, 2) NOT NULL,
	on_lipid_lowering BOOLEAN NOT NULL,
	found_on DATE NOT NULL,
	received_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE neighbourhood.meeting (
	id UUID PRIMARY KEY,
	team_id UUID NOT NULL REFERENCES neighbourhood.team (id),
	starts_at TIMESTAMPTZ NOT NULL,
	location VARCHAR(150) NOT NULL,
	created_by VARCHAR(100) NOT NULL,
	created_at TIMESTAMPTZ NOT NULL,
	version BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX meeting_team_idx ON neighbourhood.meeting (team_id, starts_at);

-- A decision recorded in a meeting; it also became an action on the person's care plan.
CREATE TABLE neighbourhood.meeting_decision (
	id BIGSERIAL PRIMARY KEY,
	meeting_id UUID NOT NULL REFERENCES neighbourhood.meeting (id),
	caseload_entry_id UUID NOT NULL REFERENCES neighbourhood.caseload_entry (id),
	decision VARCHAR(500) NOT NULL,
	action_owner VARCHAR(200) NOT NULL,
	due_date DATE NOT NULL,
	recorded_by VARCHAR(100) NOT NULL,
	recorded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX meeting_decision_meeting_idx ON neighbourhood.meeting_decision (meeting_id);

-- The last weekly caseload count published per team (neighbourhood.CaseloadCounted).
CREATE TABLE neighbourhood.caseload_count (
	id BIGSERIAL PRIMARY KEY,
	team_id UUID NOT NULL REFERENCES neighbourhood.team (id),
	week_starting DATE NOT NULL,
	people_on_caseload INTEGER NOT NULL,
	plans_agreed INTEGER NOT NULL,
	reviews_overdue INTEGER NOT NULL,
	counted_at TIMESTAMPTZ NOT NULL
);
