-- The portfolio a Place board reads (issue 18): milestones and a risks and issues log per site, each with a RAG
-- status, kept with their history.
create table programme.milestone (
	id bigserial primary key,
	site_id bigint not null references programme.programme_site (id),
	workstream_code varchar(20) references programme.workstream (code),
	title varchar(200) not null,
	due_on date not null,
	completed_on date,
	rag varchar(5) not null check (rag in ('RED', 'AMBER', 'GREEN')),
	note varchar(1000) not null default '',
	version bigint not null default 0
);
create index milestone_site on programme.milestone (site_id);

create table programme.risk (
	id bigserial primary key,
	site_id bigint not null references programme.programme_site (id),
	workstream_code varchar(20) references programme.workstream (code),
	kind varchar(5) not null check (kind in ('RISK', 'ISSUE')),
	title varchar(200) not null,
	description varchar(2000) not null default '',
	owner varchar(120) not null,
	rag varchar(5) not null check (rag in ('RED', 'AMBER', 'GREEN')),
	mitigation varchar(2000) not null default '',
	raised_on date not null,
	closed_on date,
	version bigint not null default 0
);
create index risk_site on programme.risk (site_id);
