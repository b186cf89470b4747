-- Delivery programme (DOMAIN.md A4 and C). Counts and rates only: no NHS numbers, no names of patients.

create table programme.workstream (
	code varchar(20) primary key,
	name varchar(120) not null,
	description varchar(2000) not null,
	display_order int not null,
	version bigint not null default 0
);

-- A phase of a workstream: a cohort of sites, or a mobilisation phase that enrols none (max_sites_per_place 0)
create table programme.cohort (
	id bigserial primary key,
	workstream_code varchar(20) not null references programme.workstream (code),
	name varchar(120) not null,
	starts_on date not null,
	ends_on date not null,
	max_sites_per_place int not null check (max_sites_per_place >= 0),
	description varchar(2000) not null default '',
	version bigint not null default 0,
	check (ends_on >= starts_on)
);

-- A neighbourhood-level team: a PCN, several PCNs or another local footprint, in one Place
create table programme.programme_site (
	id bigserial primary key,
	name varchar(120) not null unique,
	place_code varchar(10) not null,
	description varchar(2000) not null default '',
	version bigint not null default 0
);

-- The footprint as directory codes: neighbourhood site codes (BK-AYL) or PCN ODS codes
create table programme.site_footprint (
	site_id bigint not null references programme.programme_site (id) on delete cascade,
	kind varchar(10) not null check (kind in ('SITE', 'PCN')),
	code varchar(20) not null,
	primary key (site_id, kind, code)
);

create table programme.enrolment (
	id bigserial primary key,
	cohort_id bigint not null references programme.cohort (id),
	site_id bigint not null references programme.programme_site (id),
	place_code varchar(10) not null,
	enrolled_on date not null,
	enrolled_by varchar(100) not null,
	unique (cohort_id, site_id)
);
create index enrolment_site on programme.enrolment (site_id);

-- A site's improvement work in one workstream: its local action team, aim and IHI progress score
create table programme.project (
	id bigserial primary key,
	site_id bigint not null references programme.programme_site (id),
	workstream_code varchar(20) not null references programme.workstream (code),
	team_lead varchar(120) not null default '',
	clinical_lead varchar(120) not null default '',
	footprint_note varchar(500) not null default '',
	accountable_body varchar(200) not null default '',
	responsible_team varchar(200) not null default '',
	aim_what varchar(500) not null default '',
	aim_how_much varchar(200) not null default '',
	aim_by_when date,
	progress_score numeric(2, 1),
	version bigint not null default 0,
	unique (site_id, workstream_code)
);

create table programme.team_member (
	id bigserial primary key,
	project_id bigint not null references programme.project (id) on delete cascade,
	name varchar(120) not null,
	job_role varchar(120) not null,
	organisation varchar(200) not null,
	sector varchar(30) not null
);

create table programme.progress_score (
	id bigserial primary key,
	project_id bigint not null references programme.project (id) on delete cascade,
	score numeric(2, 1) not null check (score >= 0.5 and score <= 5 and score * 2 = floor(score * 2)),
	recorded_on date not null,
	note varchar(1000) not null default '',
	recorded_by varchar(100) not null
);

create table programme.measure (
	id bigserial primary key,
	project_id bigint not null references programme.project (id) on delete cascade,
	name varchar(200) not null,
	kind varchar(20) not null check (kind in ('OUTCOME', 'PROCESS', 'BALANCING')),
	definition varchar(2000) not null,
	direction varchar(10) not null check (direction in ('INCREASE', 'DECREASE', 'NEUTRAL')),
	unit varchar(20) not null,
	target numeric(14, 4),
	feed varchar(40),
	version bigint not null default 0
);

-- Values entered by hand (also the baseline weeks of a fed measure, before its feed started)
create table programme.measure_value (
	measure_id bigint not null references programme.measure (id) on delete cascade,
	week_starting date not null,
	value numeric(14, 4) not null,
	entered_by varchar(100) not null,
	primary key (measure_id, week_starting)
);

-- Weeks where the team chose to recalculate the limits (the first week of a new segment)
create table programme.measure_rebase (
	measure_id bigint not null references programme.measure (id) on delete cascade,
	week_starting date not null,
	primary key (measure_id, week_starting)
);

create table programme.pdsa_cycle (
	id bigserial primary key,
	project_id bigint not null references programme.project (id) on delete cascade,
	title varchar(200) not null,
	plan varchar(2000) not null,
	prediction varchar(1000) not null,
	started_on date not null,
	do_notes varchar(2000) not null default '',
	study varchar(2000) not null default '',
	act varchar(10) check (act in ('ADOPT', 'ADAPT', 'ABANDON')),
	act_on date,
	recorded_by varchar(100) not null,
	version bigint not null default 0
);

-- What the other modules' events add up to, per directory neighbourhood site and ISO week (Monday)
create table programme.feed_count (
	metric varchar(40) not null,
	site_code varchar(20) not null,
	week_starting date not null,
	count bigint not null,
	primary key (metric, site_code, week_starting)
);

-- Standing counts from weekly snapshots (the latest snapshot of the week wins)
create table programme.feed_snapshot (
	metric varchar(40) not null,
	site_code varchar(20) not null,
	week_starting date not null,
	value numeric(14, 4) not null,
	counted_at timestamptz not null,
	primary key (metric, site_code, week_starting)
);

-- Completed triage requests, by request id only (for the median time to decision and idempotent counting)
create table programme.triage_decision (
	request_id uuid primary key,
	site_code varchar(20) not null,
	week_starting date not null,
	away_from_general_practice boolean not null,
	seconds_to_decision bigint not null
);
create index triage_decision_site_week on programme.triage_decision (site_code, week_starting);

create table programme.triage_not_right_first_time (
	earlier_request_id uuid primary key,
	site_code varchar(20) not null,
	week_starting date not null
);

-- The strategy's phased plan (seed data, editable by ICB administrators)
insert into programme.workstream (code, name, description, display_order) values
	('SAME_DAY', 'Non-complex same-day care', 'Same-day hubs in each neighbourhood with navigation to Pharmacy First, optometry, dentistry and other services, so people get the right care first time.', 1),
	('INT', 'Integrated Neighbourhood Teams', 'Multidisciplinary teams per neighbourhood holding a caseload of people with complex needs, with one shared personalised care and support plan.', 2),
	('CVD', 'CVD prevention', 'Finding people with undiagnosed hypertension and high cardiovascular risk and treating them, starting in the most deprived communities.', 3);

insert into programme.cohort (workstream_code, name, starts_on, ends_on, max_sites_per_place, description) values
	('SAME_DAY', 'Cohort 1', '2024-03-01', '2024-08-31', 3, 'Three sites in each Place'),
	('SAME_DAY', 'Cohort 2', '2024-09-01', '2025-02-28', 6, 'Up to six sites in each Place'),
	('SAME_DAY', 'Cohort 3', '2025-03-01', '2025-08-31', 9, 'Up to nine sites in each Place'),
	('INT', 'Mobilisation', '2024-01-01', '2024-12-31', 0, 'Co-design of a blueprint in each Place; no sites enrol'),
	('INT', 'Cohort 1', '2024-09-01', '2025-02-28', 3, 'Three sites in each Place'),
	('INT', 'Cohort 2', '2025-03-01', '2025-08-31', 6, 'Up to six sites in each Place'),
	('CVD', 'Cohort 1', '2025-03-01', '2025-08-31', 3, 'Three sites in each Place'),
	('CVD', 'Cohort 2', '2025-09-01', '2026-02-28', 6, 'Up to six sites in each Place'),
	('CVD', 'Cohort 3', '2026-03-01', '2026-08-31', 9, 'Up to nine sites in each Place');
