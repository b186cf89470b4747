-- The improvement structure of each project (IHI Model for Improvement, NHS IMPACT): a driver diagram from the aim to
-- primary drivers, secondary drivers and change ideas; each PDSA cycle tests a change idea, predicts named measures
-- (prediction and result side by side) and may follow an earlier cycle in a ramp (issue 18).
create table programme.driver (
	id bigserial primary key,
	project_id bigint not null references programme.project (id) on delete cascade,
	parent_id bigint references programme.driver (id),
	level varchar(12) not null check (level in ('PRIMARY', 'SECONDARY', 'CHANGE_IDEA')),
	text varchar(500) not null,
	retired_on date,
	retired_by varchar(100),
	retired_reason varchar(1000),
	version bigint not null default 0,
	check ((level = 'PRIMARY') = (parent_id is null))
);
create index driver_project on programme.driver (project_id);

alter table programme.pdsa_cycle
	add column change_idea_id bigint references programme.driver (id),
	add column follows_cycle_id bigint references programme.pdsa_cycle (id);

create table programme.pdsa_prediction (
	cycle_id bigint not null references programme.pdsa_cycle (id) on delete cascade,
	measure_id bigint not null references programme.measure (id) on delete cascade,
	prediction varchar(1000) not null,
	result varchar(1000) not null default '',
	primary key (cycle_id, measure_id)
);
