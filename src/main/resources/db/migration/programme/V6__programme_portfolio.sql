-- The portfolio Place boards follow (issue 18): each site's milestones and its log of risks and issues, each with a
-- red, amber or green (RAG) status. Nothing is deleted: a milestone is completed or cancelled, a risk or issue
-- closed, each with who, when and why; every change is also kept in programme.change.
create table programme.milestone (
	id bigserial primary key,
	site_id bigint not null references programme.programme_site (id),
	-- null: the milestone is the site's, not one workstream's
	workstream_code varchar(20) references programme.workstream (code),
	title varchar(200) not null,
	due_on date not null,
	rag varchar(5) not null check (rag in ('RED', 'AMBER', 'GREEN')),
	note varchar(2000) not null default '',
	completed_on date,
	cancelled_on date,
	cancelled_by varchar(100),
	cancelled_reason varchar(1000),
	created_by varchar(100) not null,
	version bigint not null default 0,
	check (completed_on is null or cancelled_on is null)
);
create index milestone_site on programme.milestone (site_id, due_on);

create table programme.risk (
	id bigserial primary key,
	site_id bigint not null references programme.programme_site (id),
	workstream_code varchar(20) references programme.workstream (code),
	kind varchar(5) not null check (kind in ('RISK', 'ISSUE')),
	title varchar(200) not null,
	description varchar(2000) not null default '',
	rag varchar(5) not null check (rag in ('RED', 'AMBER', 'GREEN')),
	owner varchar(120) not null,
	actions varchar(2000) not null default '',
	review_on date,
	raised_on date not null,
	raised_by varchar(100) not null,
	closed_on date,
	closed_by varchar(100),
	closed_reason varchar(1000),
	version bigint not null default 0
);
create index risk_site on programme.risk (site_id, closed_on);

-- A rebase is removed by its id, so removing one that someone else removed (or removed and added again) in the
-- meantime is seen as a stale edit rather than removing the wrong one.
alter table programme.measure_rebase add column id bigserial unique;

-- "Recalculation removed" and other actions are longer than the 20 characters first allowed
alter table programme.change alter column action type varchar(40);
