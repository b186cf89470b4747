-- The dashboard indicators kept per quarter, per practice (PCN and Place add their practices up): taken by the first
-- population refresh after a quarter end, from that refresh's evaluation. People who have died are not counted.
CREATE TABLE cvd.indicator_snapshot (
	quarter_end          date        NOT NULL,
	practice_code        varchar(10) NOT NULL,
	pcn_code             varchar(10) NOT NULL,
	place_code           varchar(10) NOT NULL,
	people               bigint      NOT NULL,
	hypertension         bigint      NOT NULL,
	possible_undiagnosed bigint      NOT NULL,
	to_target            bigint      NOT NULL,
	high_risk            bigint      NOT NULL,
	high_risk_statin     bigint      NOT NULL,
	aged_40_74           bigint      NOT NULL,
	assessed             bigint      NOT NULL,
	taken_on             date        NOT NULL,
	PRIMARY KEY (quarter_end, practice_code)
);
