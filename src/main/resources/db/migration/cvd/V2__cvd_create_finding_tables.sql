-- The latest evaluation of every person: QRISK3 status and score and the facts the dashboard counts. Rewritten
-- whole by each population refresh (loaded into a staging table, then swapped in) and row by row when one
-- person's record changes. Practice, PCN, site and Place codes are copied in so lists and counts need no join
-- across schemas.
CREATE TABLE cvd.person_risk (
	nhs_number       varchar(10) NOT NULL PRIMARY KEY,
	practice_code    varchar(10) NOT NULL,
	pcn_code         varchar(10) NOT NULL,
	site_code        varchar(20) NOT NULL,
	place_code       varchar(10) NOT NULL,
	age              integer     NOT NULL,
	sex              char(1)     NOT NULL,
	qrisk_ethnicity  integer     NOT NULL,
	imd_decile       integer     NOT NULL,
	townsend         double precision NOT NULL,
	status           varchar(20) NOT NULL,
	score            double precision,
	reason           text,
	hypertension     boolean     NOT NULL,
	bp_to_target     boolean,
	on_statin        boolean     NOT NULL,
	assessed_5y      boolean     NOT NULL,
	evaluated_at     timestamptz NOT NULL
);
CREATE INDEX person_risk_practice_idx ON cvd.person_risk (practice_code);

-- One row per person and case-finding rule that currently finds them, with the values and dates used.
CREATE TABLE cvd.finding (
	nhs_number     varchar(10) NOT NULL,
	rule_code      varchar(30) NOT NULL,
	rule_version   integer     NOT NULL,
	priority       integer     NOT NULL,
	practice_code  varchar(10) NOT NULL,
	pcn_code       varchar(10) NOT NULL,
	site_code      varchar(20) NOT NULL,
	place_code     varchar(10) NOT NULL,
	imd_decile     integer     NOT NULL,
	townsend       double precision NOT NULL,
	explanation    text        NOT NULL,
	systolic       integer,
	diastolic      integer,
	score          double precision,
	evidence_date  date,
	found_on       date        NOT NULL,
	PRIMARY KEY (nhs_number, rule_code)
);
CREATE INDEX finding_rank_idx ON cvd.finding (priority, imd_decile, townsend DESC, nhs_number);
CREATE INDEX finding_practice_idx ON cvd.finding (practice_code);

-- Outreach to a person and its outcome. Referrals recorded here feed back into the rules (a tobacco or weight
-- management referral stops the person being listed again).
CREATE TABLE cvd.outreach (
	id             uuid        NOT NULL PRIMARY KEY,
	nhs_number     varchar(10) NOT NULL,
	practice_code  varchar(10) NOT NULL,
	site_code      varchar(20) NOT NULL,
	type           varchar(40) NOT NULL,
	rule_code      varchar(30),
	outcome        varchar(40) NOT NULL,
	outcome_date   date        NOT NULL,
	note           varchar(500),
	recorded_by    varchar(100) NOT NULL,
	recorded_at    timestamptz NOT NULL
);
CREATE INDEX outreach_person_idx ON cvd.outreach (nhs_number, outcome_date);

-- Each population refresh: progress for the progress bar, and the BOB-relative deprivation quintile cut points.
CREATE TABLE cvd.refresh_run (
	id             bigserial   PRIMARY KEY,
	started_at     timestamptz NOT NULL,
	finished_at    timestamptz,
	status         varchar(20) NOT NULL,
	trigger        varchar(20) NOT NULL,
	started_by     varchar(100),
	total          bigint      NOT NULL,
	processed      bigint      NOT NULL DEFAULT 0,
	findings       bigint      NOT NULL DEFAULT 0,
	events         integer     NOT NULL DEFAULT 0,
	baseline       boolean     NOT NULL DEFAULT false,
	quintile_cuts  varchar(200),
	message        text
);
