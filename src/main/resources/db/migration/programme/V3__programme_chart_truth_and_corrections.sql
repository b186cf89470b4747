-- Charts people can trust, and everything correctable with its history (issue 18).

-- A fed measure takes the feed's values from feed_from (a Monday) on, and hand-entered values before it. A point
-- whose n (the denominator of a share, the requests behind a median) is below minimum_n is shown but not judged.
alter table programme.measure
	add column feed_from date,
	add column minimum_n int not null default 10 check (minimum_n between 1 and 1000000),
	add column retired_on date,
	add column retired_by varchar(100),
	add column retired_reason varchar(1000);
-- existing fed measures: the feed takes over after the last week entered by hand (or from this week)
update programme.measure m set feed_from = coalesce(
		(select max(v.week_starting) + 7 from programme.measure_value v where v.measure_id = m.id),
		date_trunc('week', current_date)::date)
	where m.feed is not null;
alter table programme.measure add constraint measure_feed_from check (
	(feed is null and feed_from is null) or (feed is not null and feed_from is not null and extract(isodow from feed_from) = 1));

alter table programme.measure_value
	add column version bigint not null default 0,
	add column entered_at timestamptz not null default now();

-- A rebase says who recalculated the limits, when and why
alter table programme.measure_rebase
	add column reason varchar(1000) not null default 'Recorded before a reason was required',
	add column created_by varchar(100) not null default 'unknown',
	add column created_at timestamptz not null default now();
alter table programme.measure_rebase alter column reason drop default, alter column created_by drop default;

-- PDSA cycles recorded in error or no longer relevant are withdrawn (kept, shown as withdrawn)
alter table programme.pdsa_cycle
	add column withdrawn_on date,
	add column withdrawn_by varchar(100),
	add column withdrawn_reason varchar(1000);

-- Sites that leave the programme are retired (kept with their history)
alter table programme.programme_site
	add column retired_on date,
	add column retired_by varchar(100),
	add column retired_reason varchar(1000);

-- Enrolments are withdrawn or transferred, never deleted: the history stays
alter table programme.enrolment
	add column status varchar(12) not null default 'ACTIVE' check (status in ('ACTIVE', 'WITHDRAWN', 'TRANSFERRED')),
	add column ended_on date,
	add column ended_by varchar(100),
	add column ended_reason varchar(1000),
	add column version bigint not null default 0;
alter table programme.enrolment drop constraint enrolment_cohort_id_site_id_key;
create unique index enrolment_active on programme.enrolment (cohort_id, site_id) where status = 'ACTIVE';

-- Every change to the programme: who, when, why, and each field before and after
create table programme.change (
	id bigserial primary key,
	site_id bigint references programme.programme_site (id),
	project_id bigint references programme.project (id),
	subject_type varchar(20) not null,
	subject_key varchar(60) not null,
	subject_label varchar(300) not null,
	action varchar(20) not null,
	reason varchar(1000) not null default '',
	changed_by varchar(100) not null,
	changed_at timestamptz not null
);
create index change_site on programme.change (site_id, changed_at);
create index change_subject on programme.change (subject_type, subject_key, changed_at);

create table programme.change_field (
	change_id bigint not null references programme.change (id) on delete cascade,
	position int not null,
	field varchar(100) not null,
	before_value varchar(2000),
	after_value varchar(2000),
	primary key (change_id, position)
);
