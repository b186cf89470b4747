-- Personalised care adjustments (QOF): a decline, "not indicated" or maximum tolerated therapy recorded against one
-- rule takes the person off that rule's list until the review date. Withdrawn ones stay, as the record of who did what.
CREATE TABLE cvd.care_adjustment (
	id            uuid        NOT NULL PRIMARY KEY,
	nhs_number    varchar(10) NOT NULL,
	rule_code     varchar(30) NOT NULL,
	reason        varchar(30) NOT NULL,
	recorded_on   date        NOT NULL,
	review_date   date        NOT NULL,
	note          varchar(500),
	recorded_by   varchar(100) NOT NULL,
	recorded_at   timestamptz NOT NULL,
	withdrawn_at  timestamptz,
	withdrawn_by  varchar(100),
	CHECK (review_date > recorded_on)
);
CREATE INDEX care_adjustment_person_idx ON cvd.care_adjustment (nhs_number);
