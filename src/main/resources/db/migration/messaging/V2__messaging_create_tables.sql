-- Messages to patients. People are referred to by NHS number (population module), requests by triage request id,
-- hubs by directory site code: no foreign keys across schemas.

-- How each person may be reached and whether they want to be. One row per person, changed by staff in scope.
CREATE TABLE messaging.contact (
	nhs_number          varchar(10)  PRIMARY KEY,
	mobile              varchar(11),
	email               varchar(254),
	address_line_1      varchar(80),
	address_line_2      varchar(80),
	address_line_3      varchar(80),
	address_town        varchar(80),
	postcode            varchar(8),
	preferred_channel   varchar(10),
	consent             varchar(20)  NOT NULL,
	consent_recorded_on date,
	opted_out           boolean      NOT NULL DEFAULT false,
	opted_out_on        date,
	version             bigint       NOT NULL DEFAULT 0,
	updated_by          varchar(100) NOT NULL,
	updated_at          timestamptz  NOT NULL
);

-- Who changed whose contact details, when and what (values before and after), newest last.
CREATE TABLE messaging.contact_change (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	nhs_number  varchar(10)  NOT NULL,
	changed_by  varchar(100) NOT NULL,
	changed_at  timestamptz  NOT NULL,
	changes     text         NOT NULL
);
CREATE INDEX contact_change_person_idx ON messaging.contact_change (nhs_number, changed_at);

-- Every message, sent or not. The reference is the Notify reference (the kind and the id of the event the message
-- answers): unique, so an event delivered twice makes one message.
CREATE TABLE messaging.message (
	id                uuid          PRIMARY KEY,
	reference         varchar(120)  NOT NULL UNIQUE,
	kind              varchar(30)   NOT NULL,
	channel           varchar(10),
	nhs_number        varchar(10),
	request_id        uuid,
	request_reference varchar(12),
	site_code         varchar(20)   NOT NULL,
	place_code        varchar(10)   NOT NULL,
	practice_code     varchar(10),
	recipient         varchar(400),
	basis             varchar(300),
	template_name     varchar(40),
	template_id       varchar(36),
	-- json, not jsonb: the fields keep the order they were composed in
	personalisation   json          NOT NULL,
	subject           varchar(300),
	body              text          NOT NULL,
	letter_pdf        bytea,
	status            varchar(30)   NOT NULL,
	status_reason     varchar(1000),
	notify_id         uuid          UNIQUE,
	attempts          integer       NOT NULL DEFAULT 0,
	next_attempt_at   timestamptz,
	claimed_until     timestamptz,
	created_at        timestamptz   NOT NULL,
	created_by        varchar(100),
	sent_at           timestamptz,
	status_at         timestamptz   NOT NULL,
	completed_at      timestamptz
);
CREATE INDEX message_due_idx ON messaging.message (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX message_person_idx ON messaging.message (nhs_number, created_at);
CREATE INDEX message_request_idx ON messaging.message (request_id, created_at);
CREATE INDEX message_status_idx ON messaging.message (status, created_at);

-- What happened to a message, one row per send attempt, receipt or lookup, for its history page.
CREATE TABLE messaging.message_event (
	id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	message_id  uuid          NOT NULL REFERENCES messaging.message (id) ON DELETE CASCADE,
	at          timestamptz   NOT NULL,
	what        varchar(1000) NOT NULL
);
CREATE INDEX message_event_message_idx ON messaging.message_event (message_id, at);

-- CVD invitations that may need their one reminder: due after the configured days unless a reading or an outcome
-- has arrived by then.
CREATE TABLE messaging.cvd_invitation (
	outreach_id     uuid         PRIMARY KEY,
	nhs_number      varchar(10)  NOT NULL,
	outreach_type   varchar(40)  NOT NULL,
	invited_on      date         NOT NULL,
	reminder_due_on date         NOT NULL,
	reminder_state  varchar(20)  NOT NULL,
	reminder_note   varchar(300)
);
CREATE INDEX cvd_invitation_due_idx ON messaging.cvd_invitation (reminder_due_on) WHERE reminder_state = 'DUE';
