-- Same-day requests and what happened to them. People are referred to by NHS number (population module) or, when
-- not registered, by the details given; hubs by directory site code. No foreign keys across schemas.
CREATE TABLE triage.request (
	id                    uuid PRIMARY KEY,
	reference             varchar(12)  NOT NULL UNIQUE,
	version               bigint       NOT NULL,
	channel               varchar(20)  NOT NULL,
	-- one per form token or API idempotency key: a double submit or a retry finds the first request
	submission_key        varchar(200) UNIQUE,
	submitted_by          varchar(100),
	nhs_number            varchar(10),
	given_name            varchar(100) NOT NULL,
	family_name           varchar(100) NOT NULL,
	date_of_birth         date         NOT NULL,
	sex                   varchar(6)   NOT NULL,
	postcode              varchar(8),
	contact_phone         varchar(30),
	for_someone_else      boolean      NOT NULL DEFAULT false,
	practice_code         varchar(10),
	site_code             varchar(20)  NOT NULL,
	place_code            varchar(10)  NOT NULL,
	problem               varchar(40)  NOT NULL,
	onset                 varchar(500),
	description           varchar(2000),
	red_flags             varchar(500) NOT NULL DEFAULT '',
	pregnant              boolean,
	immunosuppressed      boolean,
	urinary_catheter      boolean,
	symptom_days          integer,
	episodes_last6_months integer,
	episodes_last12_months integer,
	fever_pain_score      integer,
	rash_onset_days       integer,
	age_years             integer      NOT NULL,
	received_at           timestamptz  NOT NULL,
	week_starting         date         NOT NULL,
	urgency               integer      NOT NULL,
	red_flag              boolean      NOT NULL,
	rule_pack_version     varchar(20)  NOT NULL,
	suggested_disposition varchar(40)  NOT NULL,
	suggested_rule_id     varchar(60)  NOT NULL,
	navigation_json       text         NOT NULL,
	status                varchar(30)  NOT NULL,
	claimed_by            varchar(100),
	claimed_at            timestamptz,
	decided_disposition   varchar(40),
	decided_by            varchar(100),
	decided_at            timestamptz,
	override_reason       varchar(1000),
	supervision_reason    varchar(200),
	supervised_by         varchar(100),
	supervised_at         timestamptz,
	supervision_note      varchar(1000),
	service_id            bigint,
	service_name          varchar(200),
	safety_net            varchar(1000),
	follow_up_date        date,
	completed_at          timestamptz,
	earlier_request_id    uuid,
	not_right_first_time  boolean      NOT NULL DEFAULT false
);

CREATE INDEX request_queue ON triage.request (site_code, status, urgency, received_at);
CREATE INDEX request_person ON triage.request (nhs_number, received_at);
CREATE INDEX request_week ON triage.request (week_starting, site_code);

-- Problems a hub wants a clinical supervisor to check before completion, on top of red flags, overrides and under-1s
CREATE TABLE triage.supervised_problem (
	site_code varchar(20) NOT NULL,
	problem   varchar(40) NOT NULL,
	PRIMARY KEY (site_code, problem)
);
