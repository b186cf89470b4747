package uk.nhs.bob.primarycare.programme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import uk.nhs.bob.primarycare.directory.Directory;
import uk.nhs.bob.primarycare.directory.PlaceSummary;
import uk.nhs.bob.primarycare.directory.SiteSummary;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite.FootprintCode;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite.FootprintKind;
import uk.nhs.bob.primarycare.shared.DemoDataPart;
import uk.nhs.bob.primarycare.shared.IsoWeek;
import uk.nhs.bob.primarycare.programme.cohorts.Cohort;
import uk.nhs.bob.primarycare.programme.feed.Feed;
import uk.nhs.bob.primarycare.programme.improvement.Improvement;
import uk.nhs.bob.primarycare.programme.improvement.PdsaCycle;
import uk.nhs.bob.primarycare.programme.improvement.Project;
import uk.nhs.bob.primarycare.programme.portfolio.Portfolio;
import uk.nhs.bob.primarycare.programme.portfolio.Rag;
import uk.nhs.bob.primarycare.programme.sites.ProgrammeSite;
import uk.nhs.bob.primarycare.programme.sites.Sector;
import uk.nhs.bob.primarycare.programme.sites.SiteTeams;
import uk.nhs.bob.primarycare.programme.spc.Measure;
import uk.nhs.bob.primarycare.programme.spc.Measures;

/**
 * The demo programme: one programme site per directory neighbourhood site, enrolled as the phased plan lays out
 * (three per Place in each first cohort, the rest in the second), each with a local action team from the four
 * pillars and partners (one team per site, each member on the workstreams they work on), an aim, a driver diagram,
 * measures with 26 weeks of baseline values entered by hand (the feed takes over from the current week), two PDSA
 * cycles in a ramp testing a change idea with their predictions, and a progress score history. Staff and figures are
 * invented. It is made through the module's own services, signed in as the demo administrator, so its history is
 * recorded like anyone's.
 */
@Component
@Order(70)
class ProgrammeDemoData implements DemoDataPart {

	static final int WEEKS = 26;

	private record DemoMeasure(Feed feed, Measure.Kind kind, double baseline, double noise, double shift,
			BigDecimal target) {
	}

	private static final Map<String, List<DemoMeasure>> MEASURES = Map.of("SAME_DAY",
			List.of(new DemoMeasure(Feed.TRIAGE_AWAY_SHARE, Measure.Kind.OUTCOME, 34, 3, 9, new BigDecimal("45")),
					new DemoMeasure(Feed.TRIAGE_MEDIAN_MINUTES, Measure.Kind.PROCESS, 48, 6, -12, new BigDecimal("30")),
					new DemoMeasure(Feed.TRIAGE_RIGHT_FIRST_TIME_SHARE, Measure.Kind.BALANCING, 88, 2.5, 0, null)),
			"INT",
			List.of(new DemoMeasure(Feed.CASELOAD_PLANS_AGREED, Measure.Kind.OUTCOME, 40, 4, 14, new BigDecimal("70")),
					new DemoMeasure(Feed.CASELOAD_REVIEWS_OVERDUE, Measure.Kind.BALANCING, 9, 2, -4, null)),
			"CVD",
			List.of(new DemoMeasure(Feed.CVD_HIGH_RISK_ON_STATIN_SHARE, Measure.Kind.OUTCOME, 58, 2, 6,
					new BigDecimal("65")),
					new DemoMeasure(Feed.CVD_OUTREACH_DONE, Measure.Kind.PROCESS, 25, 5, 15, null)));

	private static final Map<String, String[]> CYCLES = Map.of("SAME_DAY", new String[] {
			"Pharmacist triages minor illness requests each morning",
			"Care navigators offer Pharmacy First at first contact" }, "INT",
			new String[] { "Weekly MDT huddle agrees plans for new caseload members",
					"Keyworker books the plan review when the plan is agreed" },
			"CVD", new String[] { "Statin review invitations sent by text with a booking link",
					"Blood pressure checks in community pharmacy for people found" });

	private static final Map<String, String> PRIMARY_DRIVERS = Map.of("SAME_DAY",
			"People reach the service that can help at their first contact", "INT",
			"People with complex needs have one plan that every service follows", "CVD",
			"People at high risk are found and offered treatment");

	private static final Map<String, String> SECONDARY_DRIVERS = Map.of("SAME_DAY",
			"Navigation at first contact is confident and consistent", "INT",
			"Plans are agreed and reviewed at the multidisciplinary huddle", "CVD",
			"Invitations are easy to act on");

	private static final String[][] MEMBERS = { { "GENERAL_PRACTICE", "GP partner" },
			{ "GENERAL_PRACTICE", "Practice manager" }, { "COMMUNITY_PHARMACY", "Community pharmacist" },
			{ "OPTOMETRY", "Optometrist" }, { "DENTISTRY", "General dental practitioner" },
			{ "COMMUNITY", "District nursing team lead" }, { "MENTAL_HEALTH", "Mental health practitioner" },
			{ "ACUTE", "Consultant geriatrician" }, { "VCSE", "Social prescribing link worker" },
			{ "LOCAL_AUTHORITY", "Adult social care manager" } };

	private static final String[] FIRST_NAMES = { "Amira", "Ben", "Chloe", "Dev", "Ellie", "Farid", "Grace", "Hugo",
			"Isla", "Jonah", "Kiran", "Lena", "Marek", "Nia", "Owen", "Priya", "Quinn", "Rosa", "Sami", "Tara" };

	private static final String[] FAMILY_NAMES = { "Adeyemi", "Bennett", "Chowdhury", "Dawson", "Evans", "Fletcher",
			"Gill", "Hughes", "Iqbal", "Jones", "Khan", "Lewis", "Morgan", "Nowak", "O'Brien", "Patel" };

	private final Programme programme;

	private final Measures measures;

	private final Improvement improvement;

	private final SiteTeams teams;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final Portfolio portfolio;

	ProgrammeDemoData(Programme programme, Measures measures, Improvement improvement, SiteTeams teams,
			Directory directory, JdbcClient jdbc, Portfolio portfolio) {
		this.portfolio = portfolio;
		this.programme = programme;
		this.measures = measures;
		this.improvement = improvement;
		this.teams = teams;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean present() {
		return jdbc.sql("select count(*) from programme.enrolment").query(Long.class).single() > 0;
	}

	@Override
	@Transactional
	public void create() {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
				List.of(new SimpleGrantedAuthority("ROLE_ICB_ADMIN"))));
		SecurityContextHolder.setContext(context);
		try {
			createAsAdministrator();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	private void createAsAdministrator() {
		LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
		IsoWeek lastWeek = IsoWeek.of(today).previous();
		Random random = new Random(70);
		List<Cohort> cohorts = programme.cohorts();
		// the plan's cohorts have all started by now: an open cohort of each workstream to try enrolment on
		LocalDate opens = today.withDayOfMonth(1);
		for (String workstream : List.of("SAME_DAY", "INT", "CVD")) {
			programme.addCohort(workstream, "Cohort 4", opens, opens.plusMonths(6).minusDays(1), 9,
					"A demo cohort open to enrolment: up to nine sites in each Place");
		}
		for (PlaceSummary place : directory.places()) {
			List<SiteSummary> sites = directory.sites().stream().filter(s -> s.placeCode().equals(place.code())).toList();
			Map<Long, Integer> enrolledHere = new HashMap<>();
			for (int i = 0; i < sites.size(); i++) {
				// the first three sites of each Place join the first cohort of each workstream, the others the second;
				// where a Place has more sites than the plan's cohorts take (an administrator added some), the later
				// cohorts take them while they have room, and a site no cohort has room for stays out of the demo
				Map<String, Cohort> joining = new LinkedHashMap<>();
				for (String workstream : List.of("SAME_DAY", "INT", "CVD")) {
					List<Cohort> enrolling = cohorts.stream()
						.filter(c -> c.workstreamCode().equals(workstream) && c.maxSitesPerPlace() > 0)
						.toList();
					withRoom(i < 3 ? enrolling : enrolling.subList(1, enrolling.size()), enrolledHere)
						.ifPresent(cohort -> joining.put(workstream, cohort));
				}
				if (joining.size() < 3) {
					continue;
				}
				SiteSummary directorySite = sites.get(i);
				ProgrammeSite site = programme.addSite(directorySite.name(), place.code(),
						"The neighbourhood team of " + directorySite.name() + ", with its PCNs and partners.",
						Set.of(new FootprintCode(FootprintKind.SITE, directorySite.code())));
				team(site, place, random);
				joining.forEach((workstream, cohort) -> {
					programme.enrol(site.id(), cohort.id(), cohort.startsOn());
					enrolledHere.merge(cohort.id(), 1, Integer::sum);
					Project project = programme.project(site.id(), workstream).orElseThrow();
					populate(project, workstream, lastWeek, random);
				});
				portfolio(site, today, random);
			}
		}
	}

	private static Optional<Cohort> withRoom(List<Cohort> cohorts, Map<Long, Integer> enrolledHere) {
		return cohorts.stream().filter(c -> enrolledHere.getOrDefault(c.id(), 0) < c.maxSitesPerPlace()).findFirst();
	}

	/** Milestones (one met, one due, one late for some sites) and a risk and an issue for the Place board. */
	private void portfolio(ProgrammeSite site, LocalDate today, Random random) {
		String lead = programme.site(site.id()).orElseThrow().teamLead();
		portfolio.addMilestone(site.id(), new Portfolio.MilestoneDraft(null, "Local action team chartered",
				today.minusMonths(9), Rag.GREEN, "Terms of reference agreed by the Place board.", today.minusMonths(9)));
		portfolio.addMilestone(site.id(), new Portfolio.MilestoneDraft("SAME_DAY",
				"Every practice refers minor illness to Pharmacy First", today.plusMonths(2),
				random.nextBoolean() ? Rag.GREEN : Rag.AMBER, "", null));
		if (random.nextInt(3) == 0) {
			portfolio.addMilestone(site.id(), new Portfolio.MilestoneDraft("CVD",
					"Statin review invitations sent to everyone found", today.minusWeeks(2), Rag.RED,
					"Waiting for the text messaging contract.", null));
		}
		Rag[] rags = Rag.values();
		portfolio.addRisk(site.id(), new Portfolio.RiskDraft("INT", Portfolio.RiskKind.RISK,
				"Community nursing vacancies may stop the weekly MDT huddle",
				"Two district nursing posts are vacant from next month.", rags[random.nextInt(rags.length)], lead,
				"Rota shared with the neighbouring site; recruitment under way.", today.plusMonths(1)));
		if (random.nextBoolean()) {
			portfolio.addRisk(site.id(), new Portfolio.RiskDraft(null, Portfolio.RiskKind.ISSUE,
					"Practice clinical systems do not share appointment books",
					"Navigators cannot book directly into another practice's clinics.", Rag.AMBER, lead,
					"Interim: phone booking line; cross-organisation booking requested from the ICB digital team.",
					today.plusWeeks(3)));
		}
	}

	private void team(ProgrammeSite site, PlaceSummary place, Random random) {
		String lead = name(random);
		String clinicalLead = "Dr " + name(random);
		ProgrammeSite current = programme.site(site.id()).orElseThrow();
		teams.editTeam(site.id(), current.version(), lead, clinicalLead, "", place.name() + " Place-based partnership",
				place.name() + " Place delivery team");
		List<String> all = List.of("SAME_DAY", "INT", "CVD");
		teams.addMember(site.id(), new SiteTeams.MemberDraft(clinicalLead, "Clinical lead, GP", site.name() + " PCN",
				Sector.GENERAL_PRACTICE, email(clinicalLead), "0118 496 0" + (100 + random.nextInt(900)), Set.copyOf(all)));
		for (String[] member : MEMBERS) {
			if (random.nextInt(10) < 8) {
				String person = name(random);
				Set<String> workstreams = new java.util.LinkedHashSet<>();
				for (String workstream : all) {
					if (random.nextInt(3) > 0) {
						workstreams.add(workstream);
					}
				}
				if (workstreams.isEmpty()) {
					workstreams.add(all.get(random.nextInt(all.size())));
				}
				teams.addMember(site.id(), new SiteTeams.MemberDraft(person, member[1],
						organisation(member[0], site, place), Sector.valueOf(member[0]), email(person),
						"0118 496 0" + (100 + random.nextInt(900)), workstreams));
			}
		}
	}

	private static String email(String person) {
		return person.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", ".") + "@nhs.net";
	}

	private void populate(Project project, String workstream, IsoWeek lastWeek, Random random) {
		LocalDate first = lastWeek.monday().minusWeeks(WEEKS - 1);
		LocalDate changeWeek = first.plusWeeks(14);
		List<DemoMeasure> demoMeasures = MEASURES.get(workstream);
		String aim = switch (workstream) {
			case "SAME_DAY" -> "More same-day requests go straight to the service that can help";
			case "INT" -> "Everyone on the INT caseload has an agreed personalised care and support plan";
			default -> "More people at high cardiovascular risk are on a statin";
		};
		String howMuch = switch (workstream) {
			case "SAME_DAY" -> "From about 34% to 45% navigated away from general practice";
			case "INT" -> "From 40 to 70 agreed plans";
			default -> "From 58% to 65% of people with QRISK3 10% or more";
		};
		Project current = programme.project(project.id()).orElseThrow();
		programme.editAim(project.id(), current.version(), aim, howMuch, lastWeek.monday().plusMonths(6));
		String[] titles = CYCLES.get(workstream);
		Improvement.Driver primary = improvement.addDriver(project.id(), Improvement.Level.PRIMARY, null,
				PRIMARY_DRIVERS.get(workstream));
		Improvement.Driver secondary = improvement.addDriver(project.id(), Improvement.Level.SECONDARY, primary.id(),
				SECONDARY_DRIVERS.get(workstream));
		Improvement.Driver idea = improvement.addDriver(project.id(), Improvement.Level.CHANGE_IDEA, secondary.id(),
				titles[0]);
		List<Measure> added = new java.util.ArrayList<>();
		for (DemoMeasure demo : demoMeasures) {
			Measure measure = measures.add(project.id(), new Measures.Draft(demo.feed().label(), demo.kind(),
					demo.feed().definition(), demo.feed().direction(), demo.feed().unit(), demo.target(), demo.feed(),
					lastWeek.next().monday(), 10));
			added.add(measure);
			// roughly half the sites see their change work: the values shift after the first PDSA cycle
			boolean improves = random.nextBoolean() || demo.shift() == 0;
			for (int w = 0; w < WEEKS; w++) {
				LocalDate week = first.plusWeeks(w);
				double value = demo.baseline() + random.nextGaussian() * demo.noise()
						+ (improves && !week.isBefore(changeWeek) ? demo.shift() : 0);
				value = Math.max(0, demo.feed().unit().equals("%") ? Math.min(100, value) : value);
				// the baseline goes straight in (a demo's many weeks); corrections go through Measures
				jdbc.sql("""
						insert into programme.measure_value (measure_id, week_starting, value, entered_by)
						values (?, ?, ?, 'demo')""")
					.params(measure.id(), week,
							BigDecimal.valueOf(value).setScale(demo.feed().unit().equals("%") ? 1 : 0, RoundingMode.HALF_UP))
					.update();
			}
			// where an INT team adopted its change, it recalculated the limits from the week the change started
			if (improves && workstream.equals("INT") && demo.kind() == Measure.Kind.OUTCOME) {
				measures.rebase(project.id(), measure.id(), changeWeek,
						"The change was adopted: the process is expected to run at a new level from this week");
			}
		}
		Measure outcome = added.get(0);
		PdsaCycle adopted = improvement.addCycle(project.id(), new Improvement.CycleDraft(titles[0],
				"Test for two weeks at one practice, then spread to the others in the site.",
				"We expect a visible shift in the outcome measure within four weeks.", changeWeek.plusDays(1),
				"Ran as planned after a week of set-up; two practices joined early.",
				"The measures moved as predicted at most practices; staff found it workable.", PdsaCycle.Act.ADOPT,
				changeWeek.plusWeeks(5), idea.id(), null,
				List.of(new Improvement.Prediction(outcome.id(), "A shift in the outcome within four weeks",
						"Shifted at most practices after three weeks"))));
		improvement.addCycle(project.id(), new Improvement.CycleDraft(titles[1],
				"Start with the practice with the longest waits, review weekly at the huddle.",
				"A further improvement without more work for reception teams.", lastWeek.monday().minusWeeks(4), "", "",
				null, null, idea.id(), adopted.id(),
				List.of(new Improvement.Prediction(outcome.id(), "A further improvement at the practice", ""))));
		String[][] scores = { { "1.0", "Charter and team agreed" }, { "2.0", "Testing started" },
				{ random.nextBoolean() ? "3.0" : "3.5", "Improvement seen on the charts" } };
		for (int s = 0; s < scores.length; s++) {
			Project latest = programme.project(project.id()).orElseThrow();
			programme.recordScore(project.id(), latest.version(), new BigDecimal(scores[s][0]),
					first.plusWeeks(s * 10L), scores[s][1]);
		}
	}

	private static String organisation(String sector, ProgrammeSite site, PlaceSummary place) {
		return switch (sector) {
			case "GENERAL_PRACTICE" -> site.name() + " PCN";
			case "COMMUNITY_PHARMACY" -> site.name() + " community pharmacy";
			case "OPTOMETRY" -> site.name() + " opticians";
			case "DENTISTRY" -> site.name() + " dental practice";
			case "COMMUNITY" -> place.name() + " community health services";
			case "MENTAL_HEALTH" -> place.name() + " mental health trust";
			case "ACUTE" -> place.name() + " hospital trust";
			case "VCSE" -> place.name() + " voluntary sector alliance";
			default -> place.name() + " council";
		};
	}

	private static String name(Random random) {
		return FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " "
				+ FAMILY_NAMES[random.nextInt(FAMILY_NAMES.length)];
	}

}
