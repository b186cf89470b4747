package uk.nhs.bob.primarycare.neighbourhood;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import uk.nhs.bob.primarycare.identity.IdentityFixtures;
import uk.nhs.bob.primarycare.identity.OrganisationScope;
import uk.nhs.bob.primarycare.population.PopulationFixtures;
import uk.nhs.bob.primarycare.population.Sex;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;
import uk.nhs.bob.primarycare.shared.Role;

import uk.nhs.bob.primarycare.neighbourhood.candidates.Candidates;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinition;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinition.CohortCriteria;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinitionRepository;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadStatus;
import uk.nhs.bob.primarycare.neighbourhood.teams.Discipline;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMember;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMemberRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRole;
import uk.nhs.bob.primarycare.neighbourhood.frailty.FrailtyCategory;
import uk.nhs.bob.primarycare.neighbourhood.frailty.FrailtyFixtures;

/**
 * Teams and people for tests. Module tests make a neighbourhood site of their own with one PCN and practice, its team
 * and people registered there ({@link #newTeam}, {@link #person}). The whole-application tests take candidates of the
 * demo Oxford City team: the 2,000-person test population gives each demo team only a handful of frail people, so
 * they add a broad cohort definition (any long-term condition) to it, once, and take their own candidates from it.
 */
public final class NeighbourhoodTestData {

	public static final String SITE = "OX-CTY";

	static final String BROAD_COHORT = "Test: one or more long-term conditions";

	private NeighbourhoodTestData() {
	}

	public static Team oxfordTeam(TeamRepository teams, CohortDefinitionRepository definitions) {
		Team team = teams.findBySiteCode(SITE).orElseThrow();
		boolean present = definitions.findByTeamIdAndActiveTrueOrderByName(team.getId())
			.stream()
			.anyMatch(d -> d.criteria().name().equals(BROAD_COHORT));
		if (!present) {
			definitions.save(new CohortDefinition(team.getId(), new CohortCriteria(BROAD_COHORT, null, 1, false, null)));
		}
		return team;
	}

	/** A candidate of the team nobody else has taken (the list shrinks as tests add and dismiss people). */
	public static Candidates.Candidate candidate(Candidates candidates, Team team, int skip) {
		List<Candidates.Candidate> all = candidates.candidates(team);
		if (all.size() <= skip) {
			throw new IllegalStateException("Not enough test candidates: " + all.size());
		}
		return all.get(all.size() - 1 - skip);
	}

	/**
	 * A neighbourhood site of Oxfordshire no other test uses, with one PCN and one practice (six-character codes, as
	 * ODS codes of practices are), and its Integrated
	 * Neighbourhood Team. The directory's reference data is loaded first (it counts as present once any site exists).
	 */
	public static Team newTeam(ApplicationContext context, JdbcClient jdbc, TeamRepository teams) {
		return newTeamNear(context, jdbc, teams, SITE);
	}

	/**
	 * A member of staff with the INT member role, scoped to the team's site and on the team as a member (nurse): the
	 * username, for {@code user(username).roles("INT_MEMBER")}.
	 */
	public static String member(JdbcClient jdbc, TeamMemberRepository members, Team team, String name) {
		String username = IdentityFixtures.staffUser(jdbc, "neighbourhood", OrganisationScope.site(team.getSiteCode()),
				Role.INT_MEMBER);
		members.save(new TeamMember(team.getId(), name, "Test PCN", Discipline.COMMUNITY_NURSING, username));
		return username;
	}

	/** The practice of a team made by {@link #newTeam}. */
	public static OdsCode practiceOf(Team team) {
		return new OdsCode("Q" + team.getSiteCode().substring(2));
	}

	/** A new person of 82 registered at the team's practice. */
	public static NhsNumber person(ApplicationContext context, Team team) {
		return PopulationFixtures.person(context, practiceOf(team), "Edith", "Fixture", LocalDate.now().minusYears(82),
				Sex.FEMALE);
	}

	/**
	 * A care team of three for a team made by {@link #newTeam}: a GP of the team's practice (an organisation the
	 * directory holds, named with its ODS code), a community nurse with a staff account (INT member, scoped to the
	 * team's site) who is a keyworker, and a worker of a charity the directory does not hold (a name, no code). The
	 * keyworker, whose username signs in with {@code user(username).roles("INT_MEMBER")}.
	 */
	public static TeamMember careTeam(JdbcClient jdbc, TeamMemberRepository members, Team team) {
		String suffix = team.getSiteCode().substring(2);
		members.save(new TeamMember(team.getId(), "Dr Gemma General", "Test Surgery " + suffix, practiceOf(team),
				Discipline.GP, null, TeamRole.MEMBER));
		members.save(new TeamMember(team.getId(), "Vic Volunteer", "Age UK Oxfordshire", Discipline.VCSE, null));
		String username = IdentityFixtures.staffUser(jdbc, "keyworker", OrganisationScope.site(team.getSiteCode()),
				Role.INT_MEMBER);
		return members.save(new TeamMember(team.getId(), "Kim Keyworker", "Test PCN " + suffix, null,
				Discipline.COMMUNITY_NURSING, username, TeamRole.KEYWORKER));
	}

	/**
	 * The person added to the team's caseload with the keyworker, this plan saved and agreed (which publishes
	 * {@code CarePlanAgreed}, as agreeing on the care plan page does).
	 */
	public static CaseloadEntry agreedPlan(Caseload caseload, Team team, NhsNumber person, @Nullable UUID keyworker,
			PlanContent plan) {
		CaseloadEntry entry = caseload.add(team, person, practiceOf(team), "Test: a plan to agree", keyworker,
				"tester");
		entry = caseload.savePlan(entry.getId(), entry.getVersion(), plan, "tester");
		return caseload.changeStatus(entry.getId(), entry.getVersion(), CaseloadStatus.PLAN_AGREED, "tester");
	}

	/**
	 * As {@link #newTeam}, in the Place of another site (its practices' postcode gives the people their area), for
	 * tests about scopes across Places.
	 */
	public static Team newTeamNear(ApplicationContext context, JdbcClient jdbc, TeamRepository teams, String nearSite) {
		PopulationFixtures.referenceData(context);
		String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 5).toUpperCase(java.util.Locale.UK);
		String site = "T-" + suffix;
		jdbc.sql("""
				INSERT INTO directory.neighbourhood_site (code, name, place_code)
				SELECT ?, ?, place_code FROM directory.neighbourhood_site WHERE code = ?""")
			.params(site, "Test neighbourhood " + suffix, nearSite)
			.update();
		jdbc.sql("INSERT INTO directory.pcn (ods_code, name, site_code) VALUES (?, ?, ?)")
			.params("P" + suffix, "Test PCN " + suffix, site)
			.update();
		String postcode = jdbc.sql("""
				SELECT pr.postcode FROM directory.practice pr JOIN directory.pcn pc ON pc.ods_code = pr.pcn_code
				WHERE pc.site_code = ? ORDER BY pr.ods_code LIMIT 1""").param(nearSite).query(String.class).single();
		jdbc.sql("INSERT INTO directory.practice (ods_code, name, postcode, pcn_code) VALUES (?, ?, ?, ?)")
			.params("Q" + suffix, "Test Surgery " + suffix, postcode, "P" + suffix)
			.update();
		return teams.save(new Team(site, "Test INT " + suffix, "tester"));
	}

	/** The PCN of a team made by {@link #newTeam}. */
	public static String pcnOf(Team team) {
		return "P" + team.getSiteCode().substring(2);
	}

	/** As {@link #member}, a keyworker: the team role that can be a person's keyworker. */
	public static String keyworker(JdbcClient jdbc, TeamMemberRepository members, Team team, String name) {
		String username = IdentityFixtures.staffUser(jdbc, "keyworker", OrganisationScope.site(team.getSiteCode()),
				Role.INT_MEMBER);
		members.save(new TeamMember(team.getId(), name, "Test PCN", Discipline.COMMUNITY_NURSING, username,
				TeamRole.KEYWORKER));
		return username;
	}

	/** The member of the team signed in as this username. */
	public static TeamMember memberNamed(TeamMemberRepository members, Team team, String username) {
		return members.findFirstByTeamIdAndActiveTrueAndUsernameIgnoreCase(team.getId(), username).orElseThrow();
	}

	/** The team's cohort of people with moderate or severe frailty, the cohort every demo team starts with. */
	public static void frailtyCohort(CohortDefinitionRepository definitions, Team team) {
		definitions.save(new CohortDefinition(team.getId(),
				new CohortCriteria("Moderate or severe frailty", FrailtyCategory.MODERATE, null, false, null)));
	}

	/**
	 * A new person of 82 at the team's practice in the frailty register with moderate frailty ({@value #FRAIL_DEFICITS}
	 * eFI deficits) and two long-term conditions: a candidate of a team with the {@link #frailtyCohort}.
	 */
	public static NhsNumber frailPerson(ApplicationContext context, Team team) {
		NhsNumber person = person(context, team);
		FrailtyFixtures.profile(context, person, FRAIL_DEFICITS, 2);
		return person;
	}

	static final int FRAIL_DEFICITS = 10;

	/**
	 * A team of the test's own ({@link #newTeam}) with one keyworker who uses its pages, and people of its practice:
	 * the setup most neighbourhood page tests start from.
	 */
	public static TeamOfItsOwn teamOfItsOwn(ApplicationContext context) {
		return teamOfItsOwn(context, SITE);
	}

	/** As {@link #teamOfItsOwn(ApplicationContext)}, in the Place of another site. */
	public static TeamOfItsOwn teamOfItsOwn(ApplicationContext context, String nearSite) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		Team team = newTeamNear(context, jdbc, context.getBean(TeamRepository.class), nearSite);
		String keyworker = keyworker(jdbc, context.getBean(TeamMemberRepository.class), team, "Nell Nurse");
		return new TeamOfItsOwn(context, team, keyworker);
	}

	/** A team a test made, its keyworker's username, and what the test makes with them. */
	public record TeamOfItsOwn(ApplicationContext context, Team team, String memberName) {

		/** Signed in as the team's keyworker. */
		public RequestPostProcessor member() {
			return SecurityMockMvcRequestPostProcessors.user(memberName).roles("INT_MEMBER");
		}

		/** The keyworker's id on the member list. */
		public UUID memberId() {
			return memberNamed(context.getBean(TeamMemberRepository.class), team, memberName).getId();
		}

		public String siteCode() {
			return team.getSiteCode();
		}

		/** A new person at the team's practice, on its caseload (added by the keyworker). */
		public CaseloadEntry entry() {
			return entryOf(person(context, team));
		}

		/** The person, of the team's practice, on its caseload (added by the keyworker). */
		public CaseloadEntry entryOf(NhsNumber person) {
			return context.getBean(Caseload.class).add(team, person, practiceOf(team), "test", null, memberName);
		}

		/** A new person of the team's practice with moderate frailty, a candidate once the team has the cohort. */
		public NhsNumber candidate() {
			if (context.getBean(CohortDefinitionRepository.class)
				.findByTeamIdAndActiveTrueOrderByName(team.getId())
				.isEmpty()) {
				frailtyCohort(context.getBean(CohortDefinitionRepository.class), team);
			}
			return frailPerson(context, team);
		}

	}

}
