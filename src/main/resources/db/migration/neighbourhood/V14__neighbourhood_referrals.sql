-- A referral to an INT by a clinician (GP, practice or district nurse, supervisor) or a system: a queue the team
-- accepts (the person joins the caseload with a keyworker) or declines with a reason the referrer reads.
CREATE TABLE neighbourhood.referral (
	id UUID PRIMARY KEY,
	team_id UUID NOT NULL REFERENCES neighbourhood.team (id),
	nhs_number VARCHAR(10) NOT NULL,
	practice_code VARCHAR(10) NOT NULL,
	reason VARCHAR(1000) NOT NULL,
	urgency VARCHAR(10) NOT NULL CHECK (urgency IN ('URGENT', 'ROUTINE')),
	referred_by VARCHAR(100) NOT NULL,
	referrer_name VARCHAR(150) NOT NULL,
	referred_at TIMESTAMPTZ NOT NULL,
	status VARCHAR(10) NOT NULL CHECK (status IN ('WAITING', 'ACCEPTED', 'DECLINED')),
	decided_by VARCHAR(100),
	decided_at TIMESTAMPTZ,
	decline_reason VARCHAR(500),
	caseload_entry_id UUID REFERENCES neighbourhood.caseload_entry (id),
	version BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX referral_team_idx ON neighbourhood.referral (team_id, status);
CREATE INDEX referral_referrer_idx ON neighbourhood.referral (lower(referred_by));
-- One waiting referral per person and team: a resubmitted referral is the same one
CREATE UNIQUE INDEX referral_waiting_uq ON neighbourhood.referral (team_id, nhs_number) WHERE status = 'WAITING';
