-- One local action team per site, shared across its workstreams; each member says which workstreams they work on
-- and how to reach them (issue 18). Staff contact details only, never patients.

alter table programme.programme_site
	add column team_lead varchar(120) not null default '',
	add column clinical_lead varchar(120) not null default '',
	add column team_footprint_note varchar(500) not null default '',
	add column accountable_body varchar(200) not null default '',
	add column responsible_team varchar(200) not null default '';

-- the site's team takes the leadership of its first project (in workstream order)
update programme.programme_site s
	set team_lead = p.team_lead, clinical_lead = p.clinical_lead, team_footprint_note = p.footprint_note,
		accountable_body = p.accountable_body, responsible_team = p.responsible_team
	from (select distinct on (p.site_id) p.* from programme.project p
			join programme.workstream w on w.code = p.workstream_code
			order by p.site_id, w.display_order) p
	where p.site_id = s.id;

alter table programme.team_member
	add column site_id bigint references programme.programme_site (id) on delete cascade,
	add column email varchar(200) not null default '',
	add column phone varchar(40) not null default '',
	add column version bigint not null default 0,
	alter column sector drop not null;
update programme.team_member t set site_id = p.site_id from programme.project p where p.id = t.project_id;

create table programme.team_member_workstream (
	member_id bigint not null references programme.team_member (id) on delete cascade,
	workstream_code varchar(20) not null references programme.workstream (code),
	primary key (member_id, workstream_code)
);
insert into programme.team_member_workstream (member_id, workstream_code)
	select t.id, p.workstream_code from programme.team_member t join programme.project p on p.id = t.project_id;

-- the leads of the site's other projects stay on the team as members of their workstream (sector not recorded)
insert into programme.team_member (project_id, site_id, name, job_role, organisation, sector)
	select p.id, p.site_id, p.team_lead, 'Workstream lead', p.accountable_body, null from programme.project p
	where p.team_lead <> '' and p.team_lead <> (select s.team_lead from programme.programme_site s where s.id = p.site_id);
insert into programme.team_member_workstream (member_id, workstream_code)
	select t.id, p.workstream_code from programme.team_member t join programme.project p on p.id = t.project_id
	where t.job_role = 'Workstream lead' and t.sector is null
	on conflict do nothing;

-- one member per person and site: the same name in several projects becomes one member of every workstream
with ranked as (
	select id, min(id) over (partition by site_id, lower(name)) as keep_id from programme.team_member)
insert into programme.team_member_workstream (member_id, workstream_code)
	select r.keep_id, w.workstream_code from ranked r join programme.team_member_workstream w on w.member_id = r.id
	where r.id <> r.keep_id
	on conflict do nothing;
with ranked as (
	select id, min(id) over (partition by site_id, lower(name)) as keep_id from programme.team_member)
delete from programme.team_member t using ranked r where r.id = t.id and r.id <> r.keep_id;

alter table programme.team_member drop column project_id;
alter table programme.team_member alter column site_id set not null;
create index team_member_site on programme.team_member (site_id);

alter table programme.project
	drop column team_lead,
	drop column clinical_lead,
	drop column footprint_note,
	drop column accountable_body,
	drop column responsible_team;
