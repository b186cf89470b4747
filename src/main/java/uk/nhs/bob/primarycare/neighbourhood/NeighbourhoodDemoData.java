package uk.nhs.bob.primarycare.neighbourhood;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PcnSummary;
import uk.nhs.bob.primarycare.directory.PracticeSummary;
import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.identity.StaffInvitations;
import uk.nhs.bob.primarycare.neighbourhood.candidates.Candidates;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinition;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinition.CohortCriteria;
import uk.nhs.bob.primarycare.neighbourhood.candidates.CohortDefinitionRepository;
import uk.nhs.bob.primarycare.neighbourhood.careplans.ActionStatus;
import uk.nhs.bob.primarycare.neighbourhood.careplans.AgreedWith;
import uk.nhs.bob.primarycare.neighbourhood.careplans.CarerRole;
import uk.nhs.bob.primarycare.neighbourhood.careplans.ClinicalFrailtyScale;
import uk.nhs.bob.primarycare.neighbourhood.careplans.ConsentToShare;
import uk.nhs.bob.primarycare.neighbourhood.careplans.GoalStatus;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PersonalisedCare;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent.Goal;
import uk.nhs.bob.primarycare.neighbourhood.careplans.PlanContent.PlanAction;
import uk.nhs.bob.primarycare.neighbourhood.careplans.YesNo;
import uk.nhs.bob.primarycare.neighbourhood.caseload.Caseload;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadEntry;
import uk.nhs.bob.primarycare.neighbourhood.caseload.CaseloadStatus;
import uk.nhs.bob.primarycare.neighbourhood.frailty.FrailtyCategory;
import uk.nhs.bob.primarycare.neighbourhood.frailty.FrailtyRegister;
import uk.nhs.bob.primarycare.neighbourhood.meetings.Meeting;
import uk.nhs.bob.primarycare.neighbourhood.meetings.MeetingRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.Discipline;
import uk.nhs.bob.primarycare.neighbourhood.teams.Team;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMember;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamMemberRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRepository;
import uk.nhs.bob.primarycare.neighbourhood.teams.TeamRole;
import uk.nhs.bob.primarycare.population.Register;
import uk.nhs.bob.primarycare.shared.DemoDataPart;
import uk.nhs.bob.primarycare.shared.NhsNumber;
import uk.nhs.bob.primarycare.shared.OdsCode;

/**
 * A team for every demo neighbourhood site with members from several organisations, two cohort definitions each,
 * the frailty register computed, three people on each caseload (one plan agreed, one with its review overdue, one
 * just identified) and an MDT meeting next week. The INT_MEMBER demo users are members of their site's team.
 */
@Component
@Order(40)
class NeighbourhoodDemoData implements DemoDataPart {

	private static final Logger log = LoggerFactory.getLogger(NeighbourhoodDemoData.class);

	static final String DEMO_USER = "demo-data";

	/** The INT_MEMBER demo users (identity demo data) by their site. */
	private static final Map<String, String[]> DEMO_MEMBERS = Map.of("OX-CTY",
			new String[] { "neighbourhood", "Nadia Neighbourhood" }, "BK-AYL",
			new String[] { "neighbourhood-bucks", "Nia Neighbourhood" }, "BW-RDG",
			new String[] { "neighbourhood-berks", "Ned Neighbourhood" });

	private static final String[] GIVEN = { "Priya", "Tom", "Aisha", "Gareth", "Mei", "Olusegun", "Hannah", "Imran",
			"Kate", "Luis", "Fiona", "Kwame", "Ruth" };

	private static final String[] FAMILY = { "Shah", "Hughes", "Begum", "Evans", "Chen", "Adeyemi", "Price", "Khan",
			"Morris", "Garcia", "Campbell", "Mensah", "Taylor" };

	private final Directory directory;

	private final TeamRepository teams;

	private final TeamMemberRepository members;

	private final CohortDefinitionRepository definitions;

	private final FrailtyRegister register;

	private final Candidates candidates;

	private final Caseload caseload;

	private final MeetingRepository meetings;

	private final TransactionTemplate transactions;

	private final StaffInvitations invitations;

	NeighbourhoodDemoData(Directory directory, TeamRepository teams, TeamMemberRepository members,
			CohortDefinitionRepository definitions, FrailtyRegister register, Candidates candidates,
			Caseload caseload, MeetingRepository meetings, TransactionTemplate transactions,
			StaffInvitations invitations) {
		this.invitations = invitations;
		this.directory = directory;
		this.teams = teams;
		this.members = members;
		this.definitions = definitions;
		this.register = register;
		this.candidates = candidates;
		this.caseload = caseload;
		this.meetings = meetings;
		this.transactions = transactions;
	}

	@Override
	public boolean present() {
		return teams.count() > 0;
	}

	@Override
	public void create() {
		register.refresh("demo data");
		int teamNumber = 0;
		for (SiteSummary site : directory.sites()) {
			int offset = teamNumber++;
			transactions.executeWithoutResult(status -> createTeam(site, offset));
		}
		log.info("Neighbourhood demo data: {} teams", teamNumber);
	}

	private void createTeam(SiteSummary site, int offset) {
		String shortName = site.name().replace(" neighbourhood", "");
		Team team = teams.save(new Team(site.code(), shortName + " Integrated Neighbourhood Team", DEMO_USER));
		String town = shortName;
		List<TeamMember> created = new ArrayList<>();
		String[] demoUser = DEMO_MEMBERS.get(site.code());
		// the site's first PCN and practice in the directory, with their ODS codes; the other organisations (trusts,
		// councils, charities) are not in the directory and stay names only
		PcnSummary pcn = directory.pcns().stream().filter(p -> p.siteCode().equals(site.code())).findFirst().orElse(null);
		PracticeSummary practice = directory.practices().stream().filter(p -> p.siteCode().equals(site.code()))
			.findFirst().orElse(null);
		String pcnName = pcn != null ? pcn.name() : town + " Primary Care Network";
		OdsCode pcnCode = pcn != null ? new OdsCode(pcn.odsCode()) : null;
		if (demoUser != null) {
			created.add(members.save(new TeamMember(team.getId(), demoUser[1], pcnName, pcnCode,
					Discipline.CARE_COORDINATOR, demoUser[0], TeamRole.KEYWORKER)));
		}
		Object[][] roles = { { Discipline.GP, practice != null ? practice.name() : pcnName, "Dr " },
				{ Discipline.COMMUNITY_NURSING, "Community nursing, " + town, "" },
				{ Discipline.SOCIAL_CARE, "Adult social care", "" },
				{ Discipline.PHARMACIST, pcnName + " clinical pharmacy", "" },
				{ Discipline.MENTAL_HEALTH, "Older adults mental health team", "" },
				{ Discipline.VCSE, "Age UK " + town, "" },
				{ Discipline.HOSPITAL_CONSULTANT, "Frailty service, acute trust", "Dr " } };
		for (int i = 0; i < roles.length; i++) {
			String name = roles[i][2] + GIVEN[(offset + i) % GIVEN.length] + " "
					+ FAMILY[(offset * 3 + i) % FAMILY.length];
			// every listed member has an account: the others are invitations an administrator completes
			String email = (GIVEN[(offset + i) % GIVEN.length] + "." + FAMILY[(offset * 3 + i) % FAMILY.length] + "."
					+ site.code() + "@example.nhs.uk").toLowerCase(java.util.Locale.ROOT);
			String username = invitations.invite(email, name, site.code(), DEMO_USER, team.getName());
			TeamRole role = i < 3 ? TeamRole.KEYWORKER : roles[i][0] == Discipline.VCSE ? TeamRole.READ_ONLY
					: TeamRole.MEMBER;
			OdsCode ods = roles[i][0] == Discipline.GP ? (practice != null ? practice.odsCode() : pcnCode)
					: roles[i][0] == Discipline.PHARMACIST ? pcnCode : null;
			created.add(members.save(new TeamMember(team.getId(), name, (String) roles[i][1], ods,
					(Discipline) roles[i][0], username, role)));
		}
		definitions.save(new CohortDefinition(team.getId(),
				new CohortCriteria("Moderate or severe frailty", FrailtyCategory.MODERATE, null, false, null)));
		definitions.save(new CohortDefinition(team.getId(),
				new CohortCriteria("Complex multimorbidity with a recent admission", null, 3, true, null)));
		definitions.save(new CohortDefinition(team.getId(), new CohortCriteria(
				"Mild frailty in the most deprived areas (Core20)", FrailtyCategory.MILD, null, false, 1)));
		definitions.save(new CohortDefinition(team.getId(), new CohortCriteria("Dementia with an A&E attendance", null,
				null, false, null, 1, Register.DEM)));
		List<Candidates.Candidate> found = candidates.candidates(team);
		LocalDate today = LocalDate.now();
		TeamMember keyworker = created.get(0);
		for (int i = 0; i < Math.min(3, found.size()); i++) {
			Candidates.Candidate candidate = found.get(i);
			// the reason column holds 500 characters; a very frail person's list of deficits can be longer
			String reason = "Identified at the INT huddle: " + candidate.reasons().get(0);
			if (reason.length() > 500) {
				int cut = reason.lastIndexOf(", ", 496);
				reason = reason.substring(0, cut > 0 ? cut : 496) + "...";
			}
			CaseloadEntry entry = caseload.add(team, candidate.nhsNumber(),
					candidate.profile().practiceCode(), reason, created.get(i % created.size()).getId(), DEMO_USER);
			if (i == 2) {
				continue;
			}
			UUID nurse = created.get(2 % created.size()).getId();
			PlanContent plan = new PlanContent(
					i == 0 ? "I want to stay in my own home and keep going to the lunch club on Thursdays."
							: "Being able to get to my granddaughter's wedding in the spring.",
					List.of(new Goal(UUID.randomUUID().toString(), "Walk to the corner shop without a fall",
							today.plusMonths(3), GoalStatus.IN_PROGRESS),
							new Goal(UUID.randomUUID().toString(), "Sleep through the night most nights",
									today.plusMonths(2), GoalStatus.PROPOSED)),
					List.of(new PlanAction(UUID.randomUUID().toString(), "Falls assessment and home hazard check",
							nurse, null, today.plusWeeks(2), ActionStatus.NOT_STARTED, null),
							new PlanAction(UUID.randomUUID().toString(), "Structured medication review",
									null, "PCN clinical pharmacy", today.plusWeeks(4), ActionStatus.IN_PROGRESS,
									null)),
					"If I fall and cannot get up, press the pendant alarm; my daughter (key holder) is called next. "
							+ "Out of hours: NHS 111, or 999 in an emergency.",
					i == 0 ? today.plusMonths(3) : today.minusDays(10));
			if (i == 0) {
				plan = plan.withCare(new PersonalisedCare(
						new PersonalisedCare.Consent(ConsentToShare.YES,
								"GP practice, district nursing team and Age UK Oxfordshire"),
						new PersonalisedCare.Agreement(AgreedWith.PERSON, today.minusDays(7)),
						List.of(new PersonalisedCare.Carer(UUID.randomUUID().toString(), "Ann Example",
								CarerRole.CARER_AND_NEXT_OF_KIN, "Daughter", "07700 900123")),
						new PersonalisedCare.AdvanceCarePlan(YesNo.YES, YesNo.NO,
								"GP record, and a copy in the kitchen drawer at home"),
						new PersonalisedCare.FrailtyScale(ClinicalFrailtyScale.MILD, DEMO_USER, today.minusDays(7))));
			}
			entry = caseload.changeStatus(entry.getId(), entry.getVersion(), CaseloadStatus.ASSESSED, DEMO_USER);
			entry = caseload.savePlan(entry.getId(), entry.getVersion(), plan, DEMO_USER);
			caseload.changeStatus(entry.getId(), entry.getVersion(), CaseloadStatus.PLAN_AGREED, DEMO_USER);
		}
		ZoneId uk = ZoneId.of("Europe/London");
		Instant nextWeek = today.plusWeeks(1).atTime(LocalTime.of(13, 0)).atZone(uk).toInstant();
		meetings.save(new Meeting(team.getId(), nextWeek, town + " health centre, meeting room 2", DEMO_USER));
		log.debug("Demo team {} with {} members, keyworker {}", team.getName(), created.size(), keyworker.getName());
	}

}
