package uk.nhs.bob.primarycare.programme.sites;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.programme.ChangeLog.Diff;
import uk.nhs.bob.primarycare.programme.ChangeLog.Subject;
import uk.nhs.bob.primarycare.programme.ChangeLog;
import uk.nhs.bob.primarycare.programme.Programme;
import uk.nhs.bob.primarycare.programme.ProgrammeAccess;
import uk.nhs.bob.primarycare.programme.Refused;
import uk.nhs.bob.primarycare.programme.cohorts.Workstream;

/**
 * The local action team of a site, one team shared by all its workstreams: its leadership and governance, and its
 * members from the four pillars of primary care and the partners, each saying which workstreams they work on and
 * how to reach them (staff contact details, never patients).
 */
@Component
@Transactional
public class SiteTeams {

	public record Member(long id, long siteId, String name, String jobRole, String organisation, @Nullable Sector sector,
			String email, String phone, Set<String> workstreams, long version) {
	}

	public record MemberDraft(String name, String jobRole, String organisation, Sector sector, String email, String phone,
			Set<String> workstreams) {
	}

	private final JdbcClient jdbc;

	private final ProgrammeSiteRepository sites;

	private final Programme programme;

	private final ChangeLog changes;

	private final ProgrammeAccess access;

	SiteTeams(JdbcClient jdbc, ProgrammeSiteRepository sites, Programme programme, ChangeLog changes,
			ProgrammeAccess access) {
		this.jdbc = jdbc;
		this.sites = sites;
		this.programme = programme;
		this.changes = changes;
		this.access = access;
	}

	@Transactional(readOnly = true)
	public List<Member> members(long siteId) {
		Map<Long, Set<String>> workstreams = new LinkedHashMap<>();
		jdbc.sql("""
				select w.member_id, w.workstream_code from programme.team_member_workstream w
				join programme.team_member t on t.id = w.member_id where t.site_id = ?""")
			.param(siteId)
			.query((rs, row) -> workstreams.computeIfAbsent(rs.getLong("member_id"), k -> new LinkedHashSet<>())
				.add(rs.getString("workstream_code")))
			.list();
		return jdbc.sql("select * from programme.team_member where site_id = ? order by sector nulls last, name, id")
			.param(siteId)
			.query((rs, row) -> new Member(rs.getLong("id"), rs.getLong("site_id"), rs.getString("name"),
					rs.getString("job_role"), rs.getString("organisation"),
					rs.getString("sector") == null ? null : Sector.valueOf(rs.getString("sector")), rs.getString("email"),
					rs.getString("phone"), workstreams.getOrDefault(rs.getLong("id"), Set.of()), rs.getLong("version")))
			.list();
	}

	@Transactional(readOnly = true)
	Optional<Member> member(long siteId, long memberId) {
		return members(siteId).stream().filter(m -> m.id() == memberId).findFirst();
	}

	public void editTeam(long siteId, long expectedVersion, String lead, String clinicalLead, String footprintNote,
			String accountableBody, String responsibleTeam) {
		ProgrammeSite site = editable(siteId);
		Programme.checkVersion(site.version(), expectedVersion);
		Diff diff = new Diff().field("Lead", site.teamLead(), lead)
			.field("Clinical lead", site.clinicalLead(), clinicalLead)
			.field("Footprint", site.teamFootprintNote(), footprintNote)
			.field("Accountable", site.accountableBody(), accountableBody)
			.field("Responsible", site.responsibleTeam(), responsibleTeam);
		site.changeTeam(lead, clinicalLead, footprintNote, accountableBody, responsibleTeam);
		Programme.flush(() -> sites.saveAndFlush(site));
		if (!diff.empty()) {
			changes.record(siteId, null, Subject.TEAM, String.valueOf(siteId), site.name(), "Changed", null, diff,
					user());
		}
	}

	public Member addMember(long siteId, MemberDraft draft) {
		ProgrammeSite site = editable(siteId);
		checkWorkstreams(draft.workstreams());
		long id = jdbc.sql("""
				insert into programme.team_member (site_id, name, job_role, organisation, sector, email, phone)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(siteId, draft.name(), draft.jobRole(), draft.organisation(), draft.sector().name(), draft.email(),
					draft.phone())
			.query(Long.class)
			.single();
		saveWorkstreams(id, draft.workstreams());
		changes.record(siteId, null, Subject.MEMBER, String.valueOf(id), draft.name(), "Added", null,
				new Diff().value("Role", draft.jobRole(), true)
					.value("Organisation", draft.organisation(), true)
					.value("From", draft.sector().label(), true)
					.value("Workstreams", workstreamNames(draft.workstreams()), true),
				user());
		return member(site.id(), id).orElseThrow();
	}

	void editMember(long siteId, long memberId, long expectedVersion, MemberDraft draft) {
		editable(siteId);
		Member before = member(siteId, memberId).orElseThrow(() -> new Refused(null, "No such team member"));
		Programme.checkVersion(before.version(), expectedVersion);
		checkWorkstreams(draft.workstreams());
		int updated = jdbc.sql("""
				update programme.team_member set name = ?, job_role = ?, organisation = ?, sector = ?, email = ?,
					phone = ?, version = version + 1
				where id = ? and site_id = ? and version = ?""")
			.params(draft.name(), draft.jobRole(), draft.organisation(), draft.sector().name(), draft.email(),
					draft.phone(), memberId, siteId, expectedVersion)
			.update();
		if (updated != 1) {
			throw new Programme.StaleEdit(null);
		}
		jdbc.sql("delete from programme.team_member_workstream where member_id = ?").param(memberId).update();
		saveWorkstreams(memberId, draft.workstreams());
		Diff diff = new Diff().field("Name", before.name(), draft.name())
			.field("Role", before.jobRole(), draft.jobRole())
			.field("Organisation", before.organisation(), draft.organisation())
			.field("From", before.sector() == null ? null : before.sector().label(), draft.sector().label())
			.field("Email", before.email(), draft.email())
			.field("Phone", before.phone(), draft.phone())
			.field("Workstreams", workstreamNames(before.workstreams()), workstreamNames(draft.workstreams()));
		if (!diff.empty()) {
			changes.record(siteId, null, Subject.MEMBER, String.valueOf(memberId), draft.name(), "Changed", null, diff,
					user());
		}
	}

	void removeMember(long siteId, long memberId, long expectedVersion, String reason) {
		editable(siteId);
		Member before = member(siteId, memberId).orElseThrow(() -> new Refused(null, "No such team member"));
		Programme.checkVersion(before.version(), expectedVersion);
		int deleted = jdbc.sql("delete from programme.team_member where id = ? and site_id = ? and version = ?")
			.params(memberId, siteId, expectedVersion)
			.update();
		if (deleted != 1) {
			throw new Programme.StaleEdit(null);
		}
		changes.record(siteId, null, Subject.MEMBER, String.valueOf(memberId), before.name(), "Left the team", reason,
				new Diff().value("Role", before.jobRole(), false)
					.value("Organisation", before.organisation(), false)
					.value("Workstreams", workstreamNames(before.workstreams()), false),
				user());
	}

	String workstreamNames(Set<String> codes) {
		List<String> names = new ArrayList<>();
		for (Workstream workstream : programme.workstreams()) {
			if (codes.contains(workstream.code())) {
				names.add(workstream.name());
			}
		}
		return names.stream().collect(Collectors.joining(", "));
	}

	private void checkWorkstreams(Set<String> codes) {
		Set<String> known = programme.workstreams().stream().map(Workstream::code).collect(Collectors.toSet());
		if (codes.isEmpty() || !known.containsAll(codes)) {
			throw new Refused("workstreams", "Choose at least one workstream they work on");
		}
	}

	private void saveWorkstreams(long memberId, Set<String> codes) {
		for (String code : codes) {
			jdbc.sql("insert into programme.team_member_workstream (member_id, workstream_code) values (?, ?)")
				.params(memberId, code)
				.update();
		}
	}

	private ProgrammeSite editable(long siteId) {
		ProgrammeSite site = sites.findById(siteId).orElseThrow(() -> new Refused(null, "No such site"));
		access.checkPlace(site.placeCode());
		Programme.checkNotRetired(site);
		return site;
	}

	private String user() {
		return access.user().username();
	}

}
